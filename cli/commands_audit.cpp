// meldkluis audit log|verify|checkpoint|prove|export: the audit log, for the compliance officer
// (and every other role). Entries hold ids and codes only, so everything here may be printed.
// Format of checkpoints and exports: docs/formats/audit-log.md.
#include <unistd.h>

#include <charconv>
#include <cstdio>

#include "cli/audit_views.hpp"
#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/private_file.hpp"
#include "cli/session_access.hpp"
#include "cli/text_input.hpp"
#include "service/audit.hpp"
#include "service/witness.hpp"

namespace mk::cli {
namespace {

// --since: a date (midnight UTC) or an instant.
Outcome<std::optional<Instant>> since_option(const ParsedArgs& args) {
  std::optional<std::string> text = args.value("since");
  if (!text) return std::optional<Instant>();
  if (std::optional<Date> d = Date::parse_iso(*text)) return std::optional<Instant>(d->sys_days());
  Instant t{};
  if (parse_instant(*text, t)) return std::optional<Instant>(t);
  return Exit::invalid("--since: not a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:MM:SSZ (UTC)");
}

Outcome<std::uint64_t> entry_number(const std::string& text) {
  std::uint64_t v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return Exit::invalid("ENTRY: must be an entry number (0, 1, 2, ...; see: meldkluis audit log)");
  }
  return v;
}

// The text of --checkpoint FILE, when given.
Outcome<std::optional<std::string>> kept_checkpoint(const ParsedArgs& args) {
  return text_option(args, "checkpoint");
}

Exit run_log(const Invocation& inv) {
  vault::AuditQuery query;
  MK_CLI_TRY(query.since, since_option(inv.args));
  query.actor = inv.args.value("actor");
  query.object = inv.args.value("object");
  MK_CLI_TRY(int limit, int_option(inv.args, "limit", 1, 1 << 30, 0));
  if (limit > 0) query.limit = static_cast<std::uint64_t>(limit);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::AuditEntry> entries, service::list_audit_entries(session, query));
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (const vault::AuditEntry& e : entries)
      out.push(to_json(e));
    print_json(out);
    return Exit::ok();
  }
  if (entries.empty()) {
    notice("Geen regels / No entries");
    return Exit::ok();
  }
  Table table(table_headers());
  for (const vault::AuditEntry& e : entries)
    table.add(table_row(e));
  table.print();
  return Exit::ok();
}

// "12345/20000" on a terminal, rewritten in place; nothing when stderr is not a terminal.
service::AuditProgress terminal_progress() {
  if (::isatty(STDERR_FILENO) != 1) return {};
  return [](std::uint64_t done, std::uint64_t total) {
    std::fprintf(stderr, "\r%llu/%llu", static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total));
    if (done >= total) std::fputs("\n", stderr);
  };
}

// The vault's log against the witness's state file (--witness-state FILE), when given.
Outcome<std::optional<service::WitnessStateCheck>> witness_state_check(
    service::Session& session, const std::optional<std::string>& state_text) {
  if (!state_text) return std::optional<service::WitnessStateCheck>();
  MK_CLI_TRY(service::WitnessStateCheck check, service::check_witness_state(session, *state_text));
  return std::optional<service::WitnessStateCheck>(std::move(check));
}

std::string witness_state_row(const service::WitnessStateCheck& c) {
  const std::string n = std::to_string(c.witnessed_size);
  if (c.ok) return "klopt, " + n + " regels getuigd / consistent, " + n + " entries witnessed";
  return "FOUT / FAILED: " + c.problem;
}

Exit run_verify(const Invocation& inv) {
  if (Exit e = stdin_used_once(inv.args, {"checkpoint", "witness-state"}); !e.is_ok()) return e;
  MK_CLI_TRY(std::optional<std::string> kept, kept_checkpoint(inv.args));
  MK_CLI_TRY(std::optional<std::string> state_text, text_option(inv.args, "witness-state"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::AuditVerification v, service::verify_audit(session, kept, terminal_progress()));
  MK_CLI_TRY(service::WitnessReport witnessed, service::audit_witness_report(session));
  MK_CLI_TRY(std::optional<service::WitnessStateCheck> state,
             witness_state_check(session, state_text));
  if (inv.globals.json) {
    json::Value out = to_json(v);
    out.set("witness", to_json(witnessed));
    if (state) {
      json::Value o = json::Value::object();
      o.set("ok", state->ok);
      o.set("witnessed_size", json::Value(static_cast<std::int64_t>(state->witnessed_size)));
      o.set("witnessed_root", to_hex(state->witnessed_root));
      o.set("entries", json::Value(static_cast<std::int64_t>(state->entries)));
      o.set("problem", state->ok ? json::Value() : json::Value(state->problem));
      out.set("witness_state", o);
    }
    print_json(out);
  } else {
    Fields rows = {
        {"Regels gecontroleerd / Entries checked", std::to_string(v.entries)},
        {"Checkpoints gecontroleerd / Checkpoints checked", std::to_string(v.checkpoints_checked)},
        {"Laatste checkpoint / Latest checkpoint",
         std::to_string(v.latest_checkpoint_size) + " regels / entries"},
        {"Bewaard checkpoint / Kept checkpoint",
         kept ? (v.ok ? "klopt / consistent" : "zie hieronder / see below") : "-"},
    };
    if (v.ok) {
      rows.emplace_back("Uitkomst / Result", "OK");
    } else {
      rows.emplace_back("Uitkomst / Result", "FOUT / FAILED: " + v.problem);
      rows.emplace_back("Eerste foute regel / First bad entry",
                        v.first_bad_entry ? std::to_string(*v.first_bad_entry) : "-");
    }
    rows.emplace_back("Getuige / Witness", witness_summary(witnessed));
    if (state) rows.emplace_back("Getuigenstatus / Witness state", witness_state_row(*state));
    print_fields(rows);
  }
  if (witnessed.overdue) notice(overdue_warning(witnessed));
  if (!v.ok) return Exit(ExitCode::kVaultCorrupt, "audit log verification failed: " + v.problem);
  if (!witnessed.verification.ok) {
    return Exit(ExitCode::kVaultCorrupt,
                "audit log verification failed: " + witnessed.verification.problem);
  }
  if (state && !state->ok) {
    return Exit(ExitCode::kVaultCorrupt, "audit log verification failed: " + state->problem);
  }
  return Exit::ok();
}

Exit run_checkpoint(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "audit checkpoint"); !e.is_ok()) return e;
  MK_CLI_TRY(PrivateFile file, PrivateFile::create(*inv.args.value("out"), "--out"));
  Outcome<service::Session> session = open_session(inv.globals);
  if (!session) {
    file.discard();
    return session.exit();
  }
  Result<service::SignedCheckpoint> signed_checkpoint = service::audit_checkpoint(*session);
  if (!signed_checkpoint) {
    file.discard();
    return signed_checkpoint.status();
  }
  if (Exit e = file.write_and_close(as_bytes(signed_checkpoint->note)); !e.is_ok()) {
    file.discard();
    return e;
  }
  const tlog::Checkpoint& cp = signed_checkpoint->checkpoint;
  std::string size = std::to_string(cp.size);
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("origin", cp.origin);
    o.set("size", json::Value(static_cast<std::int64_t>(cp.size)));
    o.set("root", to_hex(cp.root));
    o.set("note", signed_checkpoint->note);
    o.set("result", "written");
    print_json(o);
  }
  notice("Checkpoint van " + size +
         " regels geschreven; bewaar het buiten de kluis / Checkpoint of " + size +
         " entries written; keep it outside the vault");
  return Exit::ok();
}

void print_proof(const vault::InclusionProof& p) {
  std::string path;
  for (const tlog::Hash& h : p.path)
    path += (path.empty() ? "" : "\n") + to_hex(h);
  print_fields({
      {"Regel / Entry", std::to_string(p.entry.seq)},
      {"Inhoud / Leaf", p.leaf},
      {"Bladhash / Leaf hash", to_hex(tlog::leaf_hash(as_bytes(p.leaf)))},
      {"Checkpoint", p.checkpoint.origin},
      {"Grootte / Size", std::to_string(p.checkpoint.size)},
      {"Wortel / Root", to_hex(p.checkpoint.root)},
      {"Pad / Path", path.empty() ? "-" : path},
  });
}

Exit run_prove(const Invocation& inv) {
  MK_CLI_TRY(std::uint64_t seq, entry_number(inv.args.positionals().at(0)));
  MK_CLI_TRY(std::optional<std::string> checkpoint, kept_checkpoint(inv.args));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::InclusionProof proof, service::prove_audit_entry(session, seq, checkpoint));
  if (inv.globals.json) {
    print_json(to_json(proof));
  } else {
    print_proof(proof);
  }
  return Exit::ok();
}

Exit run_export(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "audit export"); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(service::AuditExportSummary summary,
             service::export_audit(session, *inv.args.value("out")));
  if (inv.globals.json) {
    json::Value o = to_json(summary);
    o.set("result", "exported");
    print_json(o);
  }
  notice("Auditlog geexporteerd: " + std::to_string(summary.entries) + " regels, " +
         std::to_string(summary.checkpoints) + " checkpoints, " + std::to_string(summary.cosigned) +
         " medeondertekend / Audit log exported");
  return Exit::ok();
}

constexpr std::string_view kKeepNote =
    "Keep checkpoints outside the vault (another machine, paper, mail to yourself): a checkpoint\n"
    "kept there is what shows later that the log was not cut, rolled back or rewritten.";

}  // namespace

std::vector<Command> audit_commands() {
  const OptionSpec checkpoint{"checkpoint", OptionKind::kSingle, "FILE",
                              "a checkpoint kept outside the vault (- for stdin)"};
  return {
      {"audit",
       "log",
       "[--since DATE|INSTANT] [--actor SLOT] [--object ID] [--limit N]",
       "show the audit log / auditlog tonen",
       "Who did what, to which record, when, from where, why and with what result: ids and\n"
       "codes only, never personal data. Oldest first; --limit N gives the first N that match.\n"
       "--since takes a date (from midnight UTC) or an instant such as 2026-03-02T09:30:00Z.",
       {{"since", OptionKind::kSingle, "DATE|INSTANT", "entries at or after this time (UTC)"},
        {"actor", OptionKind::kSingle, "SLOT", "entries of this key slot"},
        {"object", OptionKind::kSingle, "ID", "entries about this record (P-..., S-..., C-...)"},
        {"limit", OptionKind::kSingle, "N", "at most N entries"}},
       {},
       run_log},
      {"audit",
       "verify",
       "[--checkpoint FILE] [--witness-state FILE]",
       "verify the audit log / auditlog controleren",
       "Recomputes the Merkle tree from every entry and checks each checkpoint the vault signed,\n"
       "and FILE when given. Prints the counts and OK, or the problem and the first bad entry;\n"
       "exit 6 when the log was tampered with. --witness-state takes the witness's state file\n"
       "(KEYFILE.state, beside the witness key): the log must still hold what the witness\n"
       "cosigned, so a vault folder put back from an older copy is exit 6 at once.\n\n" +
           std::string(kKeepNote),
       {checkpoint,
        {"witness-state", OptionKind::kSingle, "FILE",
         "the witness's state file (KEYFILE.state; - for stdin)"}},
       {},
       run_verify},
      {"audit",
       "checkpoint",
       "--out FILE",
       "write a signed checkpoint to keep / checkpoint schrijven om te bewaren",
       "Signs a checkpoint when the log grew since the latest one and writes the latest signed\n"
       "checkpoint note to FILE (a new file).\n\n" +
           std::string(kKeepNote),
       {{"out", OptionKind::kSingle, "FILE", "the new file for the checkpoint note"}},
       {},
       run_checkpoint},
      {"audit",
       "prove",
       "ENTRY [--checkpoint FILE]",
       "prove an entry is in the log / bewijzen dat een regel in het log staat",
       "Prints the entry, the checkpoint's size and root and the RFC 6962 inclusion path (hex,\n"
       "leaf to root). Against FILE when given, else the latest checkpoint the vault signed.",
       {checkpoint},
       {{"ENTRY", true, "the entry number (seq)"}},
       run_prove},
      {"audit",
       "export",
       "--out DIR",
       "export the audit log for independent checking / auditlog exporteren",
       "Writes entries.jsonl, checkpoints/<size>.txt and log-key.txt to DIR (a new folder), as\n"
       "docs/formats/audit-log.md describes, after signing a checkpoint of the whole log, and\n"
       "what witnesses cosigned: cosigned/<size>.txt and their verifier keys, witness-keys.txt.\n"
       "The export is itself audited (audit.export).",
       {{"out", OptionKind::kSingle, "DIR", "the new folder"}},
       {},
       run_export},
  };
}

}  // namespace mk::cli

// meldkluis witness keygen|cosign: the compliance officer as witness of the audit log. The witness
// key lives outside the vault; cosigning checks the checkpoint is consistent with the last one this
// witness cosigned before adding a cosignature. Format and protocol: docs/formats/witness.md.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/private_file.hpp"
#include "cli/session_access.hpp"
#include "cli/text_input.hpp"
#include "service/witness.hpp"

namespace mk::cli {
namespace {

// FILE with ".cosigned.txt" in place of its extension: kept.txt -> kept.cosigned.txt.
std::string default_cosigned_path(const std::string& checkpoint_file) {
  std::filesystem::path p(checkpoint_file);
  p.replace_extension(".cosigned.txt");
  return p.string();
}

Exit run_keygen(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "witness keygen"); !e.is_ok()) return e;
  std::string name = inv.args.value("name").value_or(std::string(service::kDefaultWitnessName));
  MK_CLI_TRY(std::string verifier_key,
             service::witness_keygen(*inv.args.value("out"), name, system_clock()));
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("verifier_key", verifier_key).set("result", "created");
    print_json(o);
  } else {
    std::fputs((verifier_key + "\n").c_str(), stdout);
  }
  notice(
      "Getuigensleutel geschreven (geheim: bewaar hem buiten de kluis) / Witness key written "
      "(secret: keep it outside the vault). Verifier key / Controlesleutel: " +
      verifier_key);
  return Exit::ok();
}

Exit run_cosign(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "checkpoint", "witness cosign"); !e.is_ok()) return e;
  if (Exit e = require_option(inv.args, "key", "witness cosign"); !e.is_ok()) return e;
  const std::string checkpoint_file = *inv.args.value("checkpoint");
  MK_CLI_TRY(std::string note, read_text_input(checkpoint_file, "--checkpoint"));
  std::string out_path = inv.args.value("out").value_or(
      checkpoint_file == "-" ? std::string() : default_cosigned_path(checkpoint_file));
  if (out_path.empty()) {
    return Exit::usage("witness cosign: --out FILE is needed when the checkpoint comes from stdin");
  }
  MK_CLI_TRY(PrivateFile file, PrivateFile::create(out_path, "--out"));
  Outcome<service::Session> session = open_session(inv.globals);
  if (!session) {
    file.discard();
    return session.exit();
  }
  Result<service::WitnessCosigning> cosigned =
      service::witness_cosign(*session, note, *inv.args.value("key"));
  if (!cosigned) {
    file.discard();
    return cosigned.status();
  }
  if (Exit e = file.write_and_close(as_bytes(cosigned->note)); !e.is_ok()) return e;
  const std::string size = std::to_string(cosigned->checkpoint.size);
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("origin", cosigned->checkpoint.origin);
    o.set("size", json::Value(static_cast<std::int64_t>(cosigned->checkpoint.size)));
    o.set("previous_size", json::Value(static_cast<std::int64_t>(cosigned->previous_size)));
    o.set("witness_key", cosigned->witness_key);
    o.set("note", cosigned->note);
    o.set("result", "cosigned");
    print_json(o);
  }
  notice("Checkpoint van " + size + " regels medeondertekend / Checkpoint of " + size +
         " entries cosigned (consistent with " + std::to_string(cosigned->previous_size) + ")");
  return Exit::ok();
}

}  // namespace

std::vector<Command> witness_commands() {
  return {
      {"witness",
       "keygen",
       "--out FILE [--name NAME]",
       "make a witness key / getuigensleutel maken",
       "Writes a new witness key to FILE (mode 0600, never over an existing file) and prints its\n"
       "verifier key. The key is a plain-text Ed25519 seed, like an age identity file: keep the\n"
       "file outside the vault, on the compliance officer's own machine or medium. NAME (default\n"
       "meldkluis-witness) names the witness in cosignatures, e.g. fg.gemeente.nl/witness.\n"
       "Needs no vault.",
       {{"out", OptionKind::kSingle, "FILE", "the new key file"},
        {"name", OptionKind::kSingle, "NAME", "the witness's name (no spaces, no '+')"}},
       {},
       run_keygen},
      {"witness",
       "cosign",
       "--checkpoint FILE --key FILE [--out FILE]",
       "cosign an audit checkpoint as witness / checkpoint medeondertekenen als getuige",
       "Checks that the checkpoint (from `audit checkpoint`) carries the vault's signature and is\n"
       "consistent with the last one this witness cosigned (kept in KEYFILE.state), then adds the\n"
       "witness's cosignature (C2SP cosignature/v1), stores the cosigned checkpoint in the vault\n"
       "(audit.witness) and writes it to --out (default: FILE with .cosigned.txt). A rolled-back\n"
       "or forked log is refused (exit 11) and nothing changes. The vault records the witness's\n"
       "key at its first cosignature and refuses another key under the same name.",
       {{"checkpoint", OptionKind::kSingle, "FILE", "the checkpoint note to cosign (- for stdin)"},
        {"key", OptionKind::kSingle, "FILE", "the witness key file (from witness keygen)"},
        {"out", OptionKind::kSingle, "FILE", "the new file for the cosigned checkpoint"}},
       {},
       run_cosign},
  };
}

}  // namespace mk::cli

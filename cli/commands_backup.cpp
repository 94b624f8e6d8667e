// meldkluis backup create|verify|restore|list|forget: backups of the vault (service/backup.hpp)
// and the register that says which must be destroyed after a shred. Manifests hold ids, counts
// and hashes only, so everything here may be printed. Format: docs/formats/backup.md.
#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/passphrase_input.hpp"
#include "cli/session_access.hpp"
#include "service/backup.hpp"

namespace mk::cli {
namespace {

std::string records_text(const vault::BackupManifest& m) {
  std::vector<std::string> parts;
  for (const auto& [table, rows] : m.records)
    parts.push_back(table + "=" + std::to_string(rows));
  return join(parts, " ");
}

json::Value manifest_json(const vault::BackupManifest& m) {
  json::Value records = json::Value::object();
  for (const auto& [table, rows] : m.records)
    records.set(table, json::Value(rows));
  json::Value files = json::Value::array();
  for (const vault::BackupFileEntry& f : m.files) {
    json::Value o = json::Value::object();
    o.set("name", f.name);
    o.set("length", json::Value(static_cast<std::int64_t>(f.length)));
    o.set("blake2b", f.blake2b);
    files.push(std::move(o));
  }
  json::Value o = json::Value::object();
  o.set("backup_id", m.backup_id);
  o.set("created", format_instant(m.created));
  o.set("vault_id", m.vault_id);
  o.set("schema", json::Value(m.schema_version));
  o.set("audit_size", json::Value(static_cast<std::int64_t>(m.audit_size)));
  o.set("audit_root", m.audit_root);
  o.set("records", std::move(records));
  o.set("files", std::move(files));
  return o;
}

void print_manifest(const vault::BackupManifest& m, Fields extra) {
  Fields rows = {
      {"Back-up", m.backup_id},
      {"Gemaakt / Created", format_instant(m.created)},
      {"Kluis / Vault", m.vault_id},
      {"Schema", std::to_string(m.schema_version)},
      {"Auditlog / Audit log", std::to_string(m.audit_size) + " regels / entries"},
      {"Wortel / Root", m.audit_root},
      {"Records", records_text(m)},
  };
  rows.insert(rows.end(), extra.begin(), extra.end());
  print_fields(rows);
}

Exit run_create(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "backup create"); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(service::BackupSummary made, service::create_backup(session, *inv.args.value("out")));
  if (inv.globals.json) {
    json::Value o = manifest_json(made.manifest);
    o.set("bytes", json::Value(static_cast<std::int64_t>(made.bytes)));
    o.set("result", "written and verified");
    print_json(o);
    return Exit::ok();
  }
  print_manifest(made.manifest, {{"Bytes", std::to_string(made.bytes)}});
  notice(
      "Back-up geschreven en gecontroleerd; bewaar hem buiten deze computer / "
      "Backup written and verified; keep it off this computer");
  return Exit::ok();
}

Exit run_verify(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::BackupManifest m,
             service::verify_backup(session, inv.args.positionals().at(0)));
  if (inv.globals.json) {
    json::Value o = manifest_json(m);
    o.set("result", "ok");
    print_json(o);
    return Exit::ok();
  }
  print_manifest(m, {{"Uitkomst / Result", "OK"}});
  return Exit::ok();
}

Exit run_restore(const Invocation& inv) {
  MK_CLI_TRY(std::filesystem::path dir, vault_dir(inv.globals));
  MK_CLI_TRY(crypto::SecretBuffer passphrase,
             read_passphrase(inv.globals.passphrase_file, "--passphrase-file"));
  MK_CLI_TRY(service::RestoreSummary restored,
             service::restore_backup(inv.args.positionals().at(0), dir, passphrase,
                                     inv.globals.slot, system_clock(), service::origin_here("cli"),
                                     policy_dir(inv.globals)));
  if (inv.globals.json) {
    json::Value o = manifest_json(restored.manifest);
    o.set("vault", restored.dir.string());
    o.set("result", "restored");
    print_json(o);
    return Exit::ok();
  }
  print_manifest(restored.manifest, {{"Hersteld in / Restored to", restored.dir.string()}});
  notice(
      "Kluis hersteld; hij opent met de wachtwoorden van het moment van de back-up / "
      "Vault restored; it opens with the passphrases of the time of the backup");
  return Exit::ok();
}

std::string status_text(const vault::BackupRecord& b) {
  if (b.destroyed) return "vernietigd / destroyed " + format_instant(*b.destroyed);
  if (b.must_be_destroyed()) {
    return "MOET VERNIETIGD / MUST BE DESTROYED (" + std::to_string(b.shredded_since) +
           " vernietigd onderwerp / shredded subject(s))";
  }
  return "bewaren / keep";
}

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::BackupRecord> all, service::list_backups(session));
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (const vault::BackupRecord& b : all) {
      json::Value o = json::Value::object();
      o.set("id", b.id);
      o.set("created", format_instant(b.created));
      o.set("file_name", b.file_name);
      o.set("audit_size", json::Value(static_cast<std::int64_t>(b.audit_size)));
      o.set("shredded_since", json::Value(static_cast<std::int64_t>(b.shredded_since)));
      o.set("must_be_destroyed", b.must_be_destroyed());
      o.set("destroyed", b.destroyed ? json::Value(format_instant(*b.destroyed)) : json::Value());
      out.push(std::move(o));
    }
    print_json(out);
    return Exit::ok();
  }
  if (all.empty()) {
    notice("Geen back-ups / No backups");
    return Exit::ok();
  }
  Table table({"Back-up", "Gemaakt / Created", "Bestand / File", "Audit", "Status"});
  std::size_t to_destroy = 0;
  for (const vault::BackupRecord& b : all) {
    to_destroy += b.must_be_destroyed() ? 1 : 0;
    table.add({b.id, format_instant(b.created), b.file_name, std::to_string(b.audit_size),
               status_text(b)});
  }
  table.print();
  if (to_destroy > 0) {
    notice(std::to_string(to_destroy) +
           " back-up(s) bevatten vernietigde onderwerpen: vernietig ze en draai 'backup forget ID "
           "--destroyed' / backup(s) hold shredded subjects: destroy them, then run 'backup "
           "forget ID --destroyed'");
  }
  return Exit::ok();
}

Exit run_forget(const Invocation& inv) {
  if (!inv.args.has("destroyed")) {
    return Exit::usage("backup forget needs --destroyed",
                       "say that every copy of the backup file was destroyed");
  }
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::record_backup_destroyed(session, id); !s.is_ok()) return Exit(s);
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id);
    o.set("result", "destroyed");
    print_json(o);
  }
  notice("Back-up " + id + " vastgelegd als vernietigd / recorded as destroyed");
  return Exit::ok();
}

}  // namespace

std::vector<Command> backup_commands() {
  return {
      {"backup",
       "create",
       "--out FILE",
       "make a verified, encrypted backup / back-up maken",
       "Writes one file (new, mode 0600) holding a consistent snapshot of the store and the\n"
       "key-slot file, under a sealed manifest (docs/formats/backup.md); reads it back and checks\n"
       "it, and deletes it when that fails. Coordinator only. The vault records the backup, so\n"
       "that 'backup list' can say when a later shred means it must be destroyed.",
       {{"out", OptionKind::kSingle, "FILE", "the new backup file"}},
       {},
       run_create},
      {"backup",
       "verify",
       "FILE",
       "check a backup of this vault / back-up controleren",
       "Checks the structure, the manifest's seal and every file's length and hash, and prints\n"
       "the manifest (ids, counts and hashes only). Needs this vault unlocked: the manifest is\n"
       "sealed under a key derived from the vault's keys. Exit 6 when the file is damaged,\n"
       "tampered with or from another vault.",
       {},
       {{"FILE", true, "the backup file"}},
       run_verify},
      {"backup",
       "restore",
       "FILE --vault DIR",
       "restore a backup into a new folder / back-up terugzetten",
       "Restores FILE into DIR, which must not exist or be empty: an existing vault is never\n"
       "overwritten. The passphrase is one that opened the vault when the backup was made. All\n"
       "or nothing: checked in a hidden folder beside DIR, then moved into place; the restored\n"
       "audit log ends with a 'backup.restore' entry.",
       {},
       {{"FILE", true, "the backup file"}},
       run_restore},
      {"backup",
       "list",
       "",
       "the backups this vault made / de gemaakte back-ups",
       "Every backup with its audit size; one made before a shred (retention sweep, erasure)\n"
       "of a subject it holds is marked MUST BE DESTROYED until 'backup forget ID --destroyed'.",
       {},
       {},
       run_list},
      {"backup",
       "forget",
       "ID --destroyed",
       "record that a backup was destroyed / back-up vastleggen als vernietigd",
       "Records (and audits) your word that every copy of backup ID was destroyed.",
       {{"destroyed", OptionKind::kFlag, "", "every copy of the file was destroyed"}},
       {{"ID", true, "the backup id (B-...)"}},
       run_forget},
  };
}

}  // namespace mk::cli

#include "vault/backup_register.hpp"

#include <array>
#include <set>

#include "vault/audit_entry.hpp"
#include "vault/record_ids.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

// Tables named in code, never from input.
constexpr std::array<const char*, 11> kCountedTables = {
    "persons",      "signals",     "cases",         "partners",  "consents",
    "disclosures",  "legal_holds", "help_requests", "trainings", "meldcode_decisions",
    "subject_keys",
};

bool acceptable_file_name(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  for (char c : name) {
    if (c == '/' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

// Subjects shredded at or after `size` that the log named before it.
Result<std::uint64_t> shredded_since(Database& db, std::uint64_t size) {
  MK_ASSIGN_OR_RETURN(Statement shreds,
                      db.prepare("SELECT entry FROM audit_entries WHERE seq >= ?1 AND action IN "
                                 "('retention.shred', 'person.erase') ORDER BY seq"));
  shreds.bind(1, static_cast<std::int64_t>(size));
  MK_ASSIGN_OR_RETURN(Statement before,
                      db.prepare("SELECT 1 FROM audit_entries WHERE object = ?1 AND seq < ?2 "
                                 "LIMIT 1"));
  std::set<std::string> held;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, shreds.step());
    if (!row) break;
    Bytes leaf = shreds.column_blob(0);
    MK_ASSIGN_OR_RETURN(AuditEntry entry, decode_audit_entry(as_chars(leaf)));
    if (entry.result != "ok" || entry.object.empty() || held.count(entry.object)) continue;
    before.reset();
    before.bind(1, entry.object).bind(2, static_cast<std::int64_t>(size));
    MK_ASSIGN_OR_RETURN(bool existed, before.step());
    if (existed) held.insert(entry.object);
  }
  return static_cast<std::uint64_t>(held.size());
}

}  // namespace

Result<std::string> new_backup_id(UnitOfWork& uow) {
  return new_record_id(uow, "backups", 'B');
}

Status record_backup(UnitOfWork& uow, const BackupRecord& backup) {
  if (!acceptable_file_name(backup.file_name)) {
    return invalid_input("the backup's file name must be 1-255 bytes, without '/' or controls");
  }
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("INSERT INTO backups (id, created, file_name, audit_size) "
                                       "VALUES (?1, ?2, ?3, ?4)"));
  return st.bind(1, backup.id)
      .bind(2, format_instant(uow.now()))
      .bind(3, backup.file_name)
      .bind(4, static_cast<std::int64_t>(backup.audit_size))
      .run();
}

Result<std::vector<BackupRecord>> list_backups(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      db.prepare("SELECT id, created, file_name, audit_size, destroyed, "
                                 "destroyed_by FROM backups ORDER BY created, audit_size, id"));
  std::vector<BackupRecord> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    BackupRecord b;
    b.id = st.column_text(0);
    if (!parse_instant(st.column_text(1), b.created)) return vault_corrupt("a backup row is bad");
    b.file_name = st.column_text(2);
    b.audit_size = static_cast<std::uint64_t>(st.column_int(3));
    if (std::optional<std::string> d = st.column_optional_text(4)) {
      Instant t{};
      if (!parse_instant(*d, t)) return vault_corrupt("a backup row is bad");
      b.destroyed = t;
    }
    b.destroyed_by = st.column_optional_text(5).value_or("");
    out.push_back(std::move(b));
  }
  for (BackupRecord& b : out) {
    if (b.destroyed) continue;
    MK_ASSIGN_OR_RETURN(b.shredded_since, shredded_since(db, b.audit_size));
  }
  return out;
}

Status mark_backup_destroyed(UnitOfWork& uow, std::string_view id) {
  if (!looks_like_id(id, 'B')) return invalid_input("a backup id looks like B-7K3M9Q2X");
  MK_ASSIGN_OR_RETURN(Statement find,
                      uow.db().prepare("SELECT destroyed FROM backups WHERE id = ?1"));
  find.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool row, find.step());
  if (!row) return not_found("no backup " + std::string(id));
  if (!find.is_null(0)) return conflict("backup " + std::string(id) + " was recorded destroyed");
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("UPDATE backups SET destroyed = ?2, "
                                                     "destroyed_by = ?3 WHERE id = ?1"));
  return st.bind(1, id).bind(2, format_instant(uow.now())).bind(3, uow.vault().slot_name()).run();
}

Result<std::vector<std::pair<std::string, std::int64_t>>> count_records(Database& db) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const char* table : kCountedTables) {
    MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT count(*) FROM " + std::string(table)));
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    out.emplace_back(table, row ? st.column_int(0) : 0);
  }
  return out;
}

}  // namespace mk::vault

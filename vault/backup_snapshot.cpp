#include "vault/backup_snapshot.hpp"

#include <sqlite3.h>

#include <system_error>

#include "tlog/merkle.hpp"
#include "vault/audit_store.hpp"
#include "vault/backup_register.hpp"
#include "vault/schema.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace fs = std::filesystem;

namespace {

Status copy_pages(Database& source, Database& copy) {
  sqlite3_backup* backup = sqlite3_backup_init(copy.handle(), "main", source.handle(), "main");
  if (!backup) return copy.last_error("starting the database snapshot");
  int step = sqlite3_backup_step(backup, -1);  // every page in one step: one consistent read
  int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) return status_from_sqlite(step, "copying the database pages");
  if (finish != SQLITE_OK) return status_from_sqlite(finish, "finishing the database snapshot");
  return Status::ok();
}

Result<std::string> meta_value(Database& db, const char* key) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT value FROM meta WHERE key = ?1"));
  st.bind(1, key);
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return vault_corrupt("the vault's metadata is incomplete");
  return st.column_text(0);
}

}  // namespace

Result<BackupManifest> describe_store(Database& db) {
  BackupManifest m;
  MK_ASSIGN_OR_RETURN(m.vault_id, meta_value(db, kMetaVaultId));
  MK_ASSIGN_OR_RETURN(Statement version, db.prepare("PRAGMA user_version"));
  MK_ASSIGN_OR_RETURN(bool has_version, version.step());
  m.schema_version = has_version ? static_cast<int>(version.column_int(0)) : 0;
  MK_ASSIGN_OR_RETURN(tlog::CompactRange head, load_frontier(db));
  m.audit_size = head.size();
  m.audit_root = to_hex(head.root());
  MK_ASSIGN_OR_RETURN(m.records, count_records(db));
  return m;
}

Result<BackupManifest> snapshot_database(Database& source, const crypto::SecretBuffer& key,
                                         const fs::path& copy) {
  std::error_code ec;
  if (fs::exists(copy, ec) || fs::is_symlink(copy, ec)) {
    return conflict("the snapshot file exists already");
  }
  Result<BackupManifest> facts = [&]() -> Result<BackupManifest> {
    MK_ASSIGN_OR_RETURN(Database target, Database::open(copy, key, Database::Mode::kCreate));
    MK_RETURN_IF_ERROR(copy_pages(source, target));
    // The copy opens under the key and every page of it reads back whole.
    MK_RETURN_IF_ERROR(check_store_integrity(target));
    return describe_store(target);
  }();
  if (!facts) fs::remove(copy, ec);
  return facts;
}

}  // namespace mk::vault

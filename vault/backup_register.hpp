// The backups a vault made (table `backups`, schema 6), and which of them must be destroyed.
//
// A backup taken when the audit log held S entries holds every subject that existed then. When a
// subject is later shredded (audit entry "retention.shred" or "person.erase" at seq >= S), the
// backup still holds it: its key and its ciphertexts are in the copy, so the copy must be
// destroyed to finish the shred. A subject "existed then" when the log named it before S.
// Recording a backup as destroyed is the coordinator's word that the file is gone; the vault
// cannot check it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/database.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

struct BackupRecord {
  std::string id;  // "B-XXXXXXXX"
  Instant created{};
  std::string file_name;  // the file's base name, as given
  std::uint64_t audit_size = 0;
  std::optional<Instant> destroyed;  // when recorded destroyed
  std::string destroyed_by;          // slot name, or empty
  // Subjects the backup holds that were shredded after it was made (list_backups fills this).
  std::uint64_t shredded_since = 0;

  bool must_be_destroyed() const { return !destroyed && shredded_since > 0; }
};

// A fresh backup id, "B-" and 8 base32 characters, not yet in the table.
Result<std::string> new_backup_id(UnitOfWork& uow);

// Adds a row for a backup just written (id, uow.now(), file name, audit size). kInvalidInput for
// a file name that is empty, longer than 255 bytes, or holds a '/' or a control character.
Status record_backup(UnitOfWork& uow, const BackupRecord& backup);

// Every backup, oldest first, with shredded_since computed from the audit log.
Result<std::vector<BackupRecord>> list_backups(Database& db);

// Records that the backup was destroyed (uow.now(), the unit's slot). kNotFound for an unknown
// id, kConflict when it was recorded destroyed already.
Status mark_backup_destroyed(UnitOfWork& uow, std::string_view id);

// Rows in the tables a backup's manifest counts (persons, signals, cases, ...), in a fixed order.
Result<std::vector<std::pair<std::string, std::int64_t>>> count_records(Database& db);

}  // namespace mk::vault

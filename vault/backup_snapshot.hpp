// A consistent copy of the vault's SQLCipher store, for backups. SQLCipher 3.4.1 is SQLite 3.15.2:
// it has no VACUUM INTO, and sqlcipher_export() rebuilds the schema row by row (the copy is not
// page-for-page the store). The SQLite online backup API (sqlite3_backup_*) copies every page
// through both connections' codecs, so it works when source and copy share key and page size,
// as they do here; run in one step it is a snapshot of the committed state.
#pragma once

#include <filesystem>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/backup_container.hpp"
#include "vault/database.hpp"

namespace mk::vault {

// Copies every page of `source` into a new database at `copy` (which must not exist), encrypted
// under `key` (the source's key) with the same page size, in one read transaction: the copy is the
// last committed state. `source` must not be inside a write transaction (SQLite refuses to copy
// from one); the vault lock keeps other processes out, so nothing commits in between. The copy is
// checked whole (integrity check) and closed. Returns what the copy holds: vault id, schema
// version, audit size and root, record counts (backup id, time and files are left empty). On any
// error the partial copy is removed. The copy is made with the process umask: put it in a private
// (0700) folder. Errors: kConflict when `copy` exists, kVaultInUse, kIo, kVaultCorrupt.
Result<BackupManifest> snapshot_database(Database& source, const crypto::SecretBuffer& key,
                                         const std::filesystem::path& copy);

// The same facts, read from any open store (for comparing a restored vault with its backup).
Result<BackupManifest> describe_store(Database& db);

}  // namespace mk::vault

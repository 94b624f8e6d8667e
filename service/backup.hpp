// Backups (BIO 8.13) without keeping data past its retention: make a verified backup file, check
// one, restore one into a new folder, and keep the register of backups that lets the coordinator
// destroy every copy that still holds a shredded subject. Format: docs/formats/backup.md.
//
// Every operation is audited: "backup.create" and "backup.destroyed" in this vault,
// "backup.verify" (also when the check fails, with the failure's code), and "backup.restore" as
// the restored vault's first new entry (so the restored log is the backed-up log plus that one
// entry). Making a backup and recording one destroyed need a role that holds all keys (coordinator,
// recovery); checking and listing are for every role.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "service/session.hpp"
#include "vault/backup_container.hpp"
#include "vault/backup_register.hpp"

namespace mk::service {

struct BackupSummary {
  vault::BackupManifest manifest;
  std::uint64_t bytes = 0;  // size of the backup file
};

// Writes a backup of the vault to `out` (a new file, mode 0600; nothing is overwritten): snapshots
// the store (vault/backup_snapshot.hpp), seals the manifest, writes and fsyncs the file, then reads
// it back and verifies it. When that check fails the file is deleted and the error says so
// (kVaultCorrupt or kIo). The backup is recorded in the register; the file takes the name `out`
// only after that committed (it is written in a hidden working folder beside `out`), so no file
// at `out` is ever missing from the register, even after a crash (which may leave that hidden
// folder: delete it). kForbidden without all keys;
// kConflict when `out` exists; kInvalidInput for a file name the register cannot hold.
Result<BackupSummary> create_backup(Session& s, const std::filesystem::path& out);

// Reads `file` back and checks it as a backup of this vault: structure, the manifest's seal and
// every file's length and hash, and that it is backup `backup_id`; deletes `file` when it fails.
// What create_backup runs after writing; exposed so the deletion can be tested. Returns the
// manifest read back; kVaultCorrupt or kIo when it fails.
Result<vault::BackupManifest> verify_written_backup(const std::filesystem::path& file,
                                                    const crypto::SecretBuffer& key,
                                                    const std::string& backup_id);

// Checks `file` as a backup of this vault (see vault::open_backup) and returns its manifest. The
// vault must be unlocked: the manifest is sealed under a key derived from the vault's keys.
// kVaultCorrupt for a damaged or tampered file or another vault's backup; kNotFound, kIo.
Result<vault::BackupManifest> verify_backup(Session& s, const std::filesystem::path& file);

struct RestoreSummary {
  vault::BackupManifest manifest;
  std::filesystem::path dir;
};

// Restores `file` into `dir`, which must not exist or be an empty folder (kConflict otherwise;
// an existing folder is never touched). Needs no open vault: the backup's own key-slot file is
// opened with `passphrase` (and `slot` when given), exactly as the vault opened when the backup was
// made. All or nothing: the files are written to a hidden folder beside `dir` and fsynced, the
// restored vault is opened there, the manifest checked under its keys and "backup.restore" audited;
// only then is the folder renamed to `dir`. On any error the hidden folder is removed. Errors:
// kVaultCorrupt (damaged or tampered), kWrongPassphrase, kNotFound, kConflict, kIo.
Result<RestoreSummary> restore_backup(
    const std::filesystem::path& file, const std::filesystem::path& dir,
    const crypto::SecretBuffer& passphrase, const std::optional<std::string>& slot,
    const Clock& clock, const std::string& origin,
    const std::filesystem::path& policy_dir = default_policy_dir());

// The register, oldest first; BackupRecord::must_be_destroyed() marks the backups that still
// hold a subject shredded after they were made. Read only. Every role.
Result<std::vector<vault::BackupRecord>> list_backups(Session& s);

// How many backups must be destroyed (for the retention sweep's report).
Result<std::size_t> count_backups_to_destroy(Session& s);

// Records the coordinator's word that backup `id` was destroyed ("backup.destroyed").
// kForbidden without all keys, kNotFound, kConflict when recorded already, kInvalidInput.
Status record_backup_destroyed(Session& s, const std::string& id);

}  // namespace mk::service

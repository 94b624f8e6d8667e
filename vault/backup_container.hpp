// The backup file (docs/formats/backup.md): the vault's key-slot file and a snapshot of its
// SQLCipher store, with a manifest sealed (XChaCha20-Poly1305) under the backup key. The sealed
// manifest authenticates the header, the key-slot file and the store: it holds the length and the
// BLAKE2b-256 of both, so a change to any byte of the file is found. The store is already
// page-encrypted and the key-slot file holds only wrapped keys, so the file reveals no more than
// the vault folder does; the manifest holds ids, counts and hashes only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/key_ring.hpp"

namespace mk::vault {

inline constexpr std::string_view kBackupMagic = "MKBACKUP";
inline constexpr std::uint8_t kBackupVersion = 1;
// A backup is read whole into memory; a vault this large is beyond what Meldkluis is built for.
inline constexpr std::uint64_t kMaxBackupSize = std::uint64_t{2} << 30;
inline constexpr char kBackupFileKeyslots[] = "keyslots";
inline constexpr char kBackupFileDatabase[] = "vault.db";

struct BackupFileEntry {
  std::string name;  // kBackupFileKeyslots, kBackupFileDatabase
  std::uint64_t length = 0;
  std::string blake2b;  // BLAKE2b-256, lowercase hex

  friend bool operator==(const BackupFileEntry&, const BackupFileEntry&) = default;
};

// What a backup holds. Ids, times, counts and hashes: never personal data.
struct BackupManifest {
  std::string backup_id;  // "B-XXXXXXXX"
  Instant created{};
  std::string vault_id;  // hex, as meta 'vault_id'
  int schema_version = 0;
  std::uint64_t audit_size = 0;  // entries in the audit log when the snapshot was taken
  std::string audit_root;        // RFC 6962 root of those entries, hex
  std::vector<std::pair<std::string, std::int64_t>> records;  // table name, rows
  std::vector<BackupFileEntry> files;  // keyslots, then vault.db (filled by encode_backup)

  friend bool operator==(const BackupManifest&, const BackupManifest&) = default;
};

// The key that seals a vault's backup manifests: crypto_kdf(database key, "MKbackup", 1). Every
// role that can open the store (coordinator, recovery, compliance) can make and check backups.
// Requires keys.has(KeyName::kDatabase).
crypto::SecretBuffer backup_key(const KeyRing& keys);

// The whole backup file. Fills manifest.files from `keyslots` and `database`. Requires
// manifest.vault_id to be 32 hex digits.
Result<Bytes> encode_backup(BackupManifest manifest, std::string_view keyslots, ByteView database,
                            const crypto::SecretBuffer& key);

// A backup file split into its parts, structure checked but nothing authenticated yet. Views into
// the bytes given to parse_backup, which must outlive it.
struct BackupParts {
  Bytes vault_id;
  std::string_view keyslots;
  ByteView sealed_manifest;
  ByteView database;
  ByteView authenticated_prefix;  // magic .. key-slot file: the manifest's associated data
};

// Splits `file`. kVaultCorrupt ("the backup file is damaged ...") for a wrong magic, an unknown
// version, a length that runs past the end, or bytes after the store. Never aborts on any input.
Result<BackupParts> parse_backup(ByteView file);

// Opens the manifest under `key` and checks it against the parts: the vault id, each file's
// length and BLAKE2b-256. kVaultCorrupt when anything differs, when the manifest was not sealed
// under this key (another vault's backup, or tampered) or does not parse.
Result<BackupManifest> open_backup(const BackupParts& parts, const crypto::SecretBuffer& key);

}  // namespace mk::vault

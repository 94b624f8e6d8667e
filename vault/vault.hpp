// Vault: one open vault folder, unlocked by one key slot.
//
// A vault is a folder holding
//   vault.db     the SQLCipher database (page-encrypted; identifying fields encrypted again)
//   keyslots     the key-slot file (see keyslot_file.hpp)
//   vault.lock   an empty file that carries the one-process-at-a-time lock
//
// Opening with a wrong passphrase, or finding a file corrupt, writes nothing: every check runs
// before the first write.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "crypto/password_kdf.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/database.hpp"
#include "vault/key_ring.hpp"
#include "vault/keyslot_file.hpp"
#include "vault/person_index.hpp"
#include "vault/role.hpp"
#include "vault/vault_lock.hpp"

namespace mk::vault {

class AuditSink;

struct VaultPaths {
  explicit VaultPaths(std::filesystem::path d) : dir(std::move(d)) {}
  std::filesystem::path dir;
  std::filesystem::path database() const { return dir / "vault.db"; }
  std::filesystem::path keyslots() const { return dir / "keyslots"; }
  std::filesystem::path lock() const { return dir / "vault.lock"; }
};

struct CreateOptions {
  std::string coordinator_slot = "coordinator";
  crypto::PwhashParams coordinator_kdf;  // from crypto::calibrate(), or test parameters
  // The recovery key carries 256 random bits, so its slot needs no costly KDF; the default is
  // libsodium's minimum.
  std::optional<crypto::PwhashParams> recovery_kdf;
};

// Public facts about a slot: never key material.
struct SlotInfo {
  std::string name;
  Role role;
  crypto::PwhashParams kdf;
};

class Vault {
 public:
  struct Created;

  // Creates a vault in `dir`, which must not exist or be an empty folder. Makes the root key, a
  // coordinator slot under `passphrase` and a recovery slot under a fresh recovery key, returned
  // once in Created::recovery_key for the user to print. The folder appears complete or not at all.
  static Result<Created> create(const std::filesystem::path& dir,
                                const crypto::SecretBuffer& passphrase,
                                const CreateOptions& options, const Clock& clock);

  // Opens the vault in `dir` with `passphrase` (or a recovery key), trying only `slot_name` when
  // given, else every slot in order. Errors: kNotFound (no vault there), kVaultInUse,
  // kVaultCorrupt, kWrongPassphrase; nothing is written on any error.
  static Result<Vault> open(const std::filesystem::path& dir,
                            const crypto::SecretBuffer& passphrase,
                            const std::optional<std::string>& slot_name, const Clock& clock);

  Vault(Vault&&) noexcept;
  Vault& operator=(Vault&&) noexcept;
  ~Vault();

  const VaultPaths& paths() const { return paths_; }
  const Bytes& vault_id() const { return slots_.vault_id; }
  Role role() const { return role_; }
  const std::string& slot_name() const { return slot_name_; }  // the actor in the audit log
  const KeyRing& keys() const { return keys_; }
  bool can_read_identities() const { return keys_.has(KeyName::kFieldWrap); }
  Database& db() { return db_; }
  const Clock& clock() const { return *clock_; }

  // Where committed units of work write their audit events; null until the audit log is set up.
  AuditSink* audit_sink() const { return audit_sink_; }
  void set_audit_sink(AuditSink* sink) { audit_sink_ = sink; }

  // --- Key slots -------------------------------------------------------------------------------
  std::vector<SlotInfo> list_slots() const;
  // Adds a coordinator or compliance slot. Requires a role holding all keys (kForbidden
  // otherwise); kConflict when the name exists; kInvalidInput for a bad name or role.
  Status add_slot(const std::string& name, Role role, const crypto::SecretBuffer& passphrase,
                  const crypto::PwhashParams& kdf);
  // Removes a slot. Requires a role holding all keys; refuses to remove the last slot that holds
  // the root key (kConflict).
  Status remove_slot(const std::string& name);
  // Re-wraps a slot under a new passphrase. Any role may change its own slot; changing another
  // slot requires all keys. The recovery slot is changed only by replacing the recovery key.
  Status change_passphrase(const std::string& name, const crypto::SecretBuffer& new_passphrase,
                           const crypto::PwhashParams& kdf);
  // The key slots as the key-slot file holds them now.
  const KeySlotFile& slot_file() const { return slots_; }
  // Writes `previous` (an earlier slot_file()) back: undoes a slot change whose unit of work did
  // not commit, so slots and their audit entry stay together (service/keyslots.cpp). kIo when the
  // file cannot be written.
  Status restore_slots(const KeySlotFile& previous) { return write_slots(previous); }

  // Meta values kept in the store (vault id, blind index plan ...).
  Result<std::string> meta(const std::string& key);

  // The blind-index keys and plan of this vault, derived once per session. kForbidden for a role
  // without the blind_index key.
  Result<const PersonIndexer*> person_indexer();

 private:
  Vault(VaultPaths paths, VaultLock lock, Database db, KeySlotFile slots, KeyRing keys, Role role,
        std::string slot_name, const Clock& clock);
  static Result<Created> build(const std::filesystem::path& staging,
                               const std::filesystem::path& dir,
                               const crypto::SecretBuffer& passphrase, const CreateOptions& options,
                               const Clock& clock);
  Result<KeySlot> make_slot(const std::string& name, Role role,
                            const crypto::SecretBuffer& passphrase,
                            const crypto::PwhashParams& kdf) const;
  Status write_slots(const KeySlotFile& next);

  VaultPaths paths_;
  VaultLock lock_;
  Database db_;
  KeySlotFile slots_;
  KeyRing keys_;
  Role role_;
  std::string slot_name_;
  const Clock* clock_;
  AuditSink* audit_sink_ = nullptr;
  std::unique_ptr<PersonIndexer> person_indexer_;
};

struct Vault::Created {
  Vault vault;
  crypto::SecretBuffer recovery_key;  // printed form; show once
};

// The names of the meta rows.
inline constexpr char kMetaVaultId[] = "vault_id";
inline constexpr char kMetaCreated[] = "created";
inline constexpr char kMetaBlindIndexBits[] = "blind_index_bits";

}  // namespace mk::vault

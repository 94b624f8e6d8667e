// Vault: one open vault folder, unlocked by one key slot.
//
// A vault is a folder holding
//   vault.db     the SQLCipher database (page-encrypted; identifying fields encrypted again)
//   keyslots     the key-slot file (see keyslot_file.hpp)
//   vault.lock   an empty file that carries the one-process-at-a-time lock
// and, only while a key-slot change is under way or after a crash in one,
//   keyslots.next  the staged key-slot file (see keyslot_state.hpp and "Key slots" below)
//
// Opening with a wrong passphrase, or finding a file corrupt, writes nothing: every check runs
// before the first write. The one exception is a staging file left by a crash: open() settles it
// (see there).
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
class UnitOfWork;

struct VaultPaths {
  explicit VaultPaths(std::filesystem::path d) : dir(std::move(d)) {}
  std::filesystem::path dir;
  std::filesystem::path database() const { return dir / "vault.db"; }
  std::filesystem::path keyslots() const { return dir / "keyslots"; }
  std::filesystem::path staged_keyslots() const { return dir / "keyslots.next"; }
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
  // given, else every slot in order. Errors: kNotFound (no vault there, or no slot `slot_name`),
  // kVaultInUse, kVaultCorrupt, kWrongPassphrase; nothing is written on any error.
  //
  // When a staging file `keyslots.next` is there, a process died during a key-slot change, after
  // staging it and before installing it; the vault lock is held while open() settles it. The
  // passphrase is tried on `keyslots` and, when no slot opens there, on `keyslots.next` (a user who
  // has just changed a passphrase types the new one). Once a slot opened (every slot of both files
  // holds the database and slot_file keys), the digest recorded in the database decides
  // (keyslot_state.hpp): the change committed -> the staged file replaces `keyslots` (folder
  // fsynced); it never committed -> the staged file is deleted; the recorded file is neither ->
  // kVaultCorrupt, writing nothing. The vault then opens only if the passphrase opens a slot of the
  // file now in force: after a committed passphrase change the old passphrase is kWrongPassphrase,
  // as is the new one of a change that never committed. Either role can settle a staging file.
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
  // A change to the key slots takes effect together with the unit of work that audits it, or not
  // at all, and survives a crash at any point (docs/formats/keyslots.md, "Changing slots"):
  //   1. inside the open unit of work `uow` (of this vault), the change is checked, the new file
  //      is written and fsynced as `keyslots.next`, and its digest recorded in `uow`
  //      (keyslot_state.hpp); `keyslots` and list_slots() stay as they were;
  //   2. after `uow` committed or rolled back, settle_staged_slots() installs the staged file
  //      when the change committed (renamed over `keyslots`, folder fsynced, list_slots() updated)
  //      or deletes it. A crash before step 2 is settled by the next open(), by the record.
  // One change at a time: a second one before the first is settled is kConflict.
  std::vector<SlotInfo> list_slots() const;
  // Adds a coordinator or compliance slot. Requires a role holding all keys (kForbidden
  // otherwise); kConflict when the name exists; kInvalidInput for a bad name or role.
  Status add_slot(UnitOfWork& uow, const std::string& name, Role role,
                  const crypto::SecretBuffer& passphrase, const crypto::PwhashParams& kdf);
  // Removes a slot. Requires a role holding all keys; refuses to remove the last slot that holds
  // the root key (kConflict).
  Status remove_slot(UnitOfWork& uow, const std::string& name);
  // Re-wraps a slot under a new passphrase. Any role may change its own slot; changing another
  // slot requires all keys. The recovery slot is changed only by replacing the recovery key.
  Status change_passphrase(UnitOfWork& uow, const std::string& name,
                           const crypto::SecretBuffer& new_passphrase,
                           const crypto::PwhashParams& kdf);
  // Step 2 above, once the unit of work has ended; ok when nothing is staged. `committed` says
  // that its commit succeeded: then the staged file is installed. Otherwise the digest recorded in
  // the database decides (a commit that reported an error may still have reached the disk). After
  // an error (kIo: the staged file could not be renamed, or the record could not be read) the
  // staged file stays for the next open() to settle, and further changes in this session are
  // kConflict.
  Status settle_staged_slots(bool committed);

  // The same changes as a unit of work of their own, with no audit event: for tests and tools
  // that hold a vault without a session (the service layer audits every change it makes). Must
  // not be called while a unit of work is open.
  Status add_slot(const std::string& name, Role role, const crypto::SecretBuffer& passphrase,
                  const crypto::PwhashParams& kdf);
  Status remove_slot(const std::string& name);
  Status change_passphrase(const std::string& name, const crypto::SecretBuffer& new_passphrase,
                           const crypto::PwhashParams& kdf);

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
  Status stage_slots(UnitOfWork& uow, KeySlotFile next);
  // Renames keyslots.next over keyslots / deletes keyslots.next; then fsyncs the folder. kIo.
  static Status install_staged_file(const VaultPaths& paths);
  static Status discard_staged_file(const VaultPaths& paths);
  template <typename Change>
  Status change_slots_alone(Change&& change);

  // A key-slot file staged in a unit of work, until settle_staged_slots().
  struct StagedSlots {
    KeySlotFile file;
    std::string digest;
  };

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
  std::optional<StagedSlots> staged_;
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

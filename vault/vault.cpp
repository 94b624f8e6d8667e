#include "vault/vault.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

#include "base/bytes.hpp"
#include "crypto/aead.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/random.hpp"
#include "vault/file_io.hpp"
#include "vault/keyslot_state.hpp"
#include "vault/recovery_key.hpp"
#include "vault/schema.hpp"

namespace mk::vault {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMinPassphraseBytes = 10;
constexpr std::size_t kMaxPassphraseBytes = 1024;
// The planned number of persons a vault may hold (national scale, decades): the blind-index plan
// keeps about two persons per index value at this size (docs/formats/blind-index.md).
constexpr double kPlannedPersons = 150000;
constexpr double kIdentifierEntropyBits = 26;  // the smallest input domain indexed: BSN (~10^8)

Status check_new_passphrase(const crypto::SecretBuffer& passphrase) {
  if (passphrase.size() < kMinPassphraseBytes) {
    return invalid_input("passphrase must be at least " + std::to_string(kMinPassphraseBytes) +
                         " characters");
  }
  if (passphrase.size() > kMaxPassphraseBytes) return invalid_input("passphrase is too long");
  return Status::ok();
}

// libsodium's minimum cost: enough for a key that already carries 256 random bits.
crypto::PwhashParams minimal_kdf() {
  return crypto::pwhash_params_for_tests();
}

// The bytes a slot's KDF consumes: the passphrase itself, or for a recovery slot the canonical
// form of the recovery key (nullopt when the input cannot be a recovery key).
std::optional<crypto::SecretBuffer> slot_secret(Role role, const crypto::SecretBuffer& typed) {
  if (role == Role::kRecovery) return canonical_recovery_key(typed.as_text());
  return typed.clone();
}

Status write_meta(Database& db, const std::string& key, const std::string& value) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"));
  return st.bind(1, key).bind(2, value).run();
}

}  // namespace

Vault::Vault(VaultPaths paths, VaultLock lock, Database db, KeySlotFile slots, KeyRing keys,
             Role role, std::string slot_name, const Clock& clock)
    : paths_(std::move(paths)),
      lock_(std::move(lock)),
      db_(std::move(db)),
      slots_(std::move(slots)),
      keys_(std::move(keys)),
      role_(role),
      slot_name_(std::move(slot_name)),
      clock_(&clock) {}

Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&&) noexcept = default;
Vault::~Vault() = default;

Result<KeySlot> Vault::make_slot(const std::string& name, Role role,
                                 const crypto::SecretBuffer& passphrase,
                                 const crypto::PwhashParams& kdf) const {
  if (!crypto::pwhash_params_acceptable(kdf)) {
    return invalid_input("key derivation parameters out of range");
  }
  std::optional<crypto::SecretBuffer> secret = slot_secret(role, passphrase);
  if (!secret) return internal_error("recovery key is not in canonical form");
  KeySlot slot;
  slot.name = name;
  slot.role = role;
  slot.kdf = kdf;
  slot.salt = crypto::random_bytes(crypto::kPwhashSaltSize);
  std::optional<crypto::SecretBuffer> kek =
      crypto::derive_from_passphrase(secret->view(), slot.salt, kdf);
  if (!kek) return internal_error("key derivation failed (out of memory?)");
  KeyRing stored = keys_.for_role(role);
  slot.wrapped =
      crypto::seal(*kek, stored.serialize().view(), slot_associated_data(slots_.vault_id, slot));
  return slot;
}

Result<Vault::Created> Vault::create(const fs::path& dir, const crypto::SecretBuffer& passphrase,
                                     const CreateOptions& options, const Clock& clock) {
  MK_RETURN_IF_ERROR(check_new_passphrase(passphrase));
  if (!valid_slot_name(options.coordinator_slot)) return invalid_input("invalid slot name");
  if (!crypto::pwhash_params_acceptable(options.coordinator_kdf)) {
    return invalid_input("key derivation parameters out of range");
  }
  std::error_code ec;
  if (fs::exists(dir, ec) && (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec))) {
    return conflict("cannot create a vault there: the path exists and is not an empty folder");
  }
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  if (!fs::is_directory(parent, ec)) return not_found("the parent folder does not exist");

  // Everything is built in a hidden sibling folder that is renamed into place at the end: a crash
  // leaves either no vault or a complete one.
  fs::path staging =
      parent / ("." + dir.filename().string() + ".creating-" + crypto::random_base32(8));
  if (::mkdir(staging.c_str(), 0700) != 0) return io_error("cannot create the vault folder");
  Result<Created> created = build(staging, dir, passphrase, options, clock);
  if (!created) fs::remove_all(staging, ec);
  return created;
}

Result<Vault::Created> Vault::build(const fs::path& staging, const fs::path& dir,
                                    const crypto::SecretBuffer& passphrase,
                                    const CreateOptions& options, const Clock& clock) {
  VaultPaths staged(staging);
  MK_RETURN_IF_ERROR(replace_file_atomically(staged.lock(), ""));
  MK_ASSIGN_OR_RETURN(VaultLock lock, VaultLock::acquire(staged.lock()));

  KeySlotFile slots;
  slots.vault_id = crypto::random_bytes(kVaultIdSize);
  KeyRing keys = KeyRing::from_root(crypto::SecretBuffer::random(kKeySize));

  {
    MK_ASSIGN_OR_RETURN(Database db, Database::open(staged.database(), keys.get(KeyName::kDatabase),
                                                    Database::Mode::kCreate));
    MK_RETURN_IF_ERROR(migrate(db));
    unsigned bits = crypto::plan_blind_index_bits(kPlannedPersons, kIdentifierEntropyBits);
    MK_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
    Status s = write_meta(db, kMetaVaultId, to_hex(slots.vault_id));
    if (s.is_ok()) s = write_meta(db, kMetaCreated, format_instant(clock.now()));
    if (s.is_ok()) s = write_meta(db, kMetaBlindIndexBits, std::to_string(bits));
    if (s.is_ok()) s = db.exec("COMMIT");
    if (!s.is_ok()) return s;
  }  // closed: SQLite remembers the path, which is about to change

  Vault vault(VaultPaths(dir), std::move(lock), Database(), std::move(slots), std::move(keys),
              Role::kCoordinator, options.coordinator_slot, clock);
  crypto::SecretBuffer recovery_key = generate_recovery_key();
  KeySlotFile next = vault.slots_;
  MK_ASSIGN_OR_RETURN(KeySlot coordinator,
                      vault.make_slot(options.coordinator_slot, Role::kCoordinator, passphrase,
                                      options.coordinator_kdf));
  MK_ASSIGN_OR_RETURN(KeySlot recovery,
                      vault.make_slot("recovery", Role::kRecovery, recovery_key,
                                      options.recovery_kdf.value_or(minimal_kdf())));
  next.slots.push_back(std::move(coordinator));
  next.slots.push_back(std::move(recovery));
  std::string text = serialize_key_slot_file(next, vault.keys_.get(KeyName::kSlotFile));
  MK_RETURN_IF_ERROR(replace_file_atomically(staged.keyslots(), text));
  vault.slots_ = std::move(next);

  if (::rename(staging.c_str(), dir.c_str()) != 0) {
    return io_error("cannot move the new vault into place");
  }
  MK_RETURN_IF_ERROR(sync_directory(dir.parent_path().empty() ? fs::path(".") : dir.parent_path()));
  MK_ASSIGN_OR_RETURN(vault.db_,
                      Database::open(vault.paths_.database(), vault.keys_.get(KeyName::kDatabase),
                                     Database::Mode::kOpenExisting));
  return Created{std::move(vault), std::move(recovery_key)};
}

namespace {

// A slot that opened, and the keys its bundle holds.
struct Unlocked {
  KeySlot slot;
  KeyRing keys;
};

// Tries `passphrase` (or a recovery key) on the slots of `file`, only on `slot_name` when given.
// nullopt when no slot opens; kVaultCorrupt when one opens to a malformed bundle.
Result<std::optional<Unlocked>> unlock(const KeySlotFile& file,
                                       const crypto::SecretBuffer& passphrase,
                                       const std::optional<std::string>& slot_name) {
  // Input shaped like a recovery key is tried on recovery slots first: it saves a costly
  // Argon2id run per ordinary slot.
  std::vector<const KeySlot*> order;
  bool looks_like_recovery = canonical_recovery_key(passphrase.as_text()).has_value();
  for (const KeySlot& slot : file.slots) {
    if ((slot.role == Role::kRecovery) == looks_like_recovery) order.push_back(&slot);
  }
  for (const KeySlot& slot : file.slots) {
    if ((slot.role == Role::kRecovery) != looks_like_recovery) order.push_back(&slot);
  }
  for (const KeySlot* candidate : order) {
    const KeySlot& slot = *candidate;
    if (slot_name && slot.name != *slot_name) continue;
    std::optional<crypto::SecretBuffer> secret = slot_secret(slot.role, passphrase);
    if (!secret) continue;
    std::optional<crypto::SecretBuffer> kek =
        crypto::derive_from_passphrase(secret->view(), slot.salt, slot.kdf);
    if (!kek) return internal_error("key derivation failed (out of memory?)");
    std::optional<crypto::SecretBuffer> bundle =
        crypto::open_secret(*kek, slot.wrapped, slot_associated_data(file.vault_id, slot));
    if (!bundle) continue;
    std::optional<KeyRing> keys = KeyRing::deserialize(bundle->view());
    if (!keys || keys->is_full() != holds_all_keys(slot.role)) {
      return vault_corrupt("key slot holds a malformed key bundle");
    }
    return std::optional<Unlocked>(Unlocked{slot, std::move(*keys)});
  }
  return std::optional<Unlocked>();
}

bool same_slot(const KeySlot& a, const KeySlot& b) {
  return a.name == b.name && a.role == b.role && a.kdf == b.kdf && a.salt == b.salt &&
         a.wrapped == b.wrapped;
}

// A staging file found at open: its digest (nullopt when it could not be read whole, being larger
// than any key-slot file) and its contents (nullopt when it is no valid key-slot file).
struct StagedFile {
  std::optional<std::string> digest;
  std::optional<ParsedKeySlotFile> parsed;
};

Result<std::optional<StagedFile>> read_staged_file(const VaultPaths& paths) {
  Result<std::string> text = read_small_file(paths.staged_keyslots(), kMaxKeySlotFileSize);
  if (!text) {
    if (text.status().code() == Code::kNotFound) return std::optional<StagedFile>();
    if (text.status().code() == Code::kVaultCorrupt) return std::optional<StagedFile>(StagedFile{});
    return text.status();
  }
  StagedFile staged;
  staged.digest = key_slot_file_digest(*text);
  if (Result<ParsedKeySlotFile> parsed = parse_key_slot_file(*text)) {
    staged.parsed = std::move(*parsed);
  }
  return std::optional<StagedFile>(std::move(staged));
}

Result<std::string> read_meta(Database& db, const std::string& key) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT value FROM meta WHERE key = ?1"));
  st.bind(1, key);
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return vault_corrupt("the vault's metadata is incomplete");
  return st.column_text(0);
}

}  // namespace

Result<Vault> Vault::open(const fs::path& dir, const crypto::SecretBuffer& passphrase,
                          const std::optional<std::string>& slot_name, const Clock& clock) {
  VaultPaths paths(dir);
  std::error_code ec;
  if (!fs::exists(paths.keyslots(), ec) && !fs::exists(paths.database(), ec)) {
    return not_found("there is no vault in that folder");
  }
  MK_ASSIGN_OR_RETURN(VaultLock lock, VaultLock::acquire(paths.lock()));
  MK_ASSIGN_OR_RETURN(std::string text, read_small_file(paths.keyslots(), kMaxKeySlotFileSize));
  MK_ASSIGN_OR_RETURN(ParsedKeySlotFile current, parse_key_slot_file(text));
  MK_ASSIGN_OR_RETURN(std::optional<StagedFile> staged, read_staged_file(paths));
  const ParsedKeySlotFile* next = staged && staged->parsed ? &*staged->parsed : nullptr;

  if (slot_name && !current.file.find(*slot_name) && !(next && next->file.find(*slot_name))) {
    return not_found("no key slot of that name");
  }
  const ParsedKeySlotFile* opened_in = &current;
  MK_ASSIGN_OR_RETURN(std::optional<Unlocked> unlocked,
                      unlock(current.file, passphrase, slot_name));
  if (!unlocked && next) {
    MK_ASSIGN_OR_RETURN(unlocked, unlock(next->file, passphrase, slot_name));
    opened_in = next;
  }
  if (!unlocked) return Status(Code::kWrongPassphrase, "no key slot opens with this passphrase");
  const crypto::SecretBuffer& mac_key = unlocked->keys.get(KeyName::kSlotFile);
  if (!key_slot_mac_valid(*opened_in, mac_key)) {
    return vault_corrupt("key-slot file is corrupt or tampered: its MAC does not match");
  }

  MK_ASSIGN_OR_RETURN(Database db,
                      Database::open(paths.database(), unlocked->keys.get(KeyName::kDatabase),
                                     Database::Mode::kOpenExisting));
  MK_ASSIGN_OR_RETURN(std::string stored_id, read_meta(db, kMetaVaultId));
  if (stored_id != to_hex(opened_in->file.vault_id)) {
    return vault_corrupt("the database belongs to another vault than the key-slot file");
  }
  MK_RETURN_IF_ERROR(migrate(db));

  // A staging file left by a crash: the database's record decides which file is in force.
  const ParsedKeySlotFile* in_force = &current;
  if (staged) {
    MK_ASSIGN_OR_RETURN(std::optional<std::string> recorded, recorded_key_slot_file(db));
    switch (staged_file_meaning(recorded, key_slot_file_digest(text), staged->digest)) {
      case StagedFileMeaning::kUnknown:
        return vault_corrupt(
            "a key-slot change was recorded, but neither keyslots nor keyslots.next is the "
            "recorded file");
      case StagedFileMeaning::kCommitted:
        if (!next || !key_slot_mac_valid(*next, mac_key) ||
            next->file.vault_id != current.file.vault_id) {
          return vault_corrupt("the recorded key-slot file keyslots.next is corrupt or tampered");
        }
        MK_RETURN_IF_ERROR(install_staged_file(paths));
        in_force = next;
        break;
      case StagedFileMeaning::kUncommitted:
        MK_RETURN_IF_ERROR(discard_staged_file(paths));
        break;
    }
  }
  // The passphrase must open a slot of the file in force, not only of the one it replaced.
  if (in_force != opened_in) {
    const KeySlot* kept = in_force->file.find(unlocked->slot.name);
    if (!kept || !same_slot(*kept, unlocked->slot)) {
      unlocked.reset();
      if (opened_in == &current) {  // the file in force was not tried yet
        MK_ASSIGN_OR_RETURN(unlocked, unlock(in_force->file, passphrase, slot_name));
      }
      if (!unlocked) {
        return Status(Code::kWrongPassphrase, "no key slot opens with this passphrase");
      }
    }
  }

  Role role = unlocked->slot.role;
  std::string name = unlocked->slot.name;
  KeySlotFile slots = in_force->file;
  return Vault(std::move(paths), std::move(lock), std::move(db), std::move(slots),
               std::move(unlocked->keys), role, std::move(name), clock);
}

Result<std::string> Vault::meta(const std::string& key) {
  return read_meta(db_, key);
}

Result<const PersonIndexer*> Vault::person_indexer() {
  if (!person_indexer_) {
    MK_ASSIGN_OR_RETURN(PersonIndexer indexer, PersonIndexer::for_vault(*this));
    person_indexer_ = std::make_unique<PersonIndexer>(std::move(indexer));
  }
  return static_cast<const PersonIndexer*>(person_indexer_.get());
}

std::vector<SlotInfo> Vault::list_slots() const {
  std::vector<SlotInfo> out;
  for (const KeySlot& s : slots_.slots)
    out.push_back({s.name, s.role, s.kdf});
  return out;
}

Status Vault::add_slot(UnitOfWork& uow, const std::string& name, Role role,
                       const crypto::SecretBuffer& passphrase, const crypto::PwhashParams& kdf) {
  if (!keys_.is_full()) return forbidden("only a coordinator can add key slots");
  if (!valid_slot_name(name)) {
    return invalid_input("slot names are 1-32 characters: a-z, 0-9, '.', '_', '-'");
  }
  if (role == Role::kRecovery) return invalid_input("a recovery slot is made only with the vault");
  if (slots_.find(name)) return conflict("a key slot of that name exists");
  if (slots_.slots.size() >= kMaxSlots) return conflict("the vault has the most key slots allowed");
  MK_RETURN_IF_ERROR(check_new_passphrase(passphrase));
  MK_ASSIGN_OR_RETURN(KeySlot slot, make_slot(name, role, passphrase, kdf));
  KeySlotFile next = slots_;
  next.slots.push_back(std::move(slot));
  return stage_slots(uow, std::move(next));
}

Status Vault::remove_slot(UnitOfWork& uow, const std::string& name) {
  if (!keys_.is_full()) return forbidden("only a coordinator can remove key slots");
  const KeySlot* slot = slots_.find(name);
  if (!slot) return not_found("no key slot of that name");
  KeySlotFile next = slots_;
  std::erase_if(next.slots, [&](const KeySlot& s) { return s.name == name; });
  bool root_remains = std::any_of(next.slots.begin(), next.slots.end(),
                                  [](const KeySlot& s) { return holds_all_keys(s.role); });
  bool coordinator_remains =
      std::any_of(next.slots.begin(), next.slots.end(),
                  [](const KeySlot& s) { return s.role == Role::kCoordinator; });
  if (!root_remains || !coordinator_remains) {
    return conflict("refusing to remove the last coordinator slot");
  }
  return stage_slots(uow, std::move(next));
}

Status Vault::change_passphrase(UnitOfWork& uow, const std::string& name,
                                const crypto::SecretBuffer& new_passphrase,
                                const crypto::PwhashParams& kdf) {
  const KeySlot* slot = slots_.find(name);
  if (!slot) return not_found("no key slot of that name");
  if (slot->role == Role::kRecovery) {
    return invalid_input("the recovery slot opens with the printed recovery key, not a passphrase");
  }
  if (name != slot_name_ && !keys_.is_full()) {
    return forbidden("only a coordinator can change another slot's passphrase");
  }
  MK_RETURN_IF_ERROR(check_new_passphrase(new_passphrase));
  MK_ASSIGN_OR_RETURN(KeySlot replacement, make_slot(name, slot->role, new_passphrase, kdf));
  KeySlotFile next = slots_;
  for (KeySlot& s : next.slots) {
    if (s.name == name) s = std::move(replacement);
  }
  return stage_slots(uow, std::move(next));
}

}  // namespace mk::vault

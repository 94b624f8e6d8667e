// The key-slot file: the vault's only unencrypted file besides the lock. Text, one record a line,
// specified in docs/formats/keyslots.md:
//
//   meldkluis-keyslots/1
//   vault <32 hex: vault id>
//   slot <name> <role> argon2id13 <opslimit> <memlimit> <salt b64> <wrapped bundle b64>
//   ...
//   mac <b64: HMAC-SHA-256 under the slot_file key, over every byte above this line>
//   sum <64 hex: SHA-256 over every byte above this line>
//
// Integrity has two layers. `sum` catches any accidental or naive change before a passphrase is
// tried (so a flipped byte reads "corrupt", not "wrong passphrase"). `mac`, checked once a slot
// has opened, catches a deliberate edit by someone who recomputed `sum` but holds no key (adding,
// removing or swapping slots). Each wrapped bundle is also bound to the vault id, slot name, role
// and KDF parameters as associated data, so editing a slot's metadata fails its own unwrap.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/aead.hpp"
#include "crypto/password_kdf.hpp"
#include "vault/role.hpp"

namespace mk::vault {

inline constexpr std::size_t kVaultIdSize = 16;
inline constexpr std::size_t kMaxSlots = 32;
inline constexpr std::size_t kMaxKeySlotFileSize = 64 * 1024;

struct KeySlot {
  std::string name;  // [a-z0-9][a-z0-9._-]{0,31}; unique in the file; the audit actor
  Role role = Role::kCoordinator;
  crypto::PwhashParams kdf;
  Bytes salt;     // crypto::kPwhashSaltSize bytes
  Bytes wrapped;  // crypto::seal(kek, KeyRing::serialize(), slot_associated_data(...))
};

struct KeySlotFile {
  Bytes vault_id;  // kVaultIdSize bytes
  std::vector<KeySlot> slots;

  const KeySlot* find(std::string_view name) const;
};

// True when `name` is a valid slot name.
bool valid_slot_name(std::string_view name);

// The associated data binding a slot's wrapped bundle to its vault and metadata.
crypto::AssociatedData slot_associated_data(ByteView vault_id, const KeySlot& slot);

// The lines above `mac`: deterministic for a given file.
std::string serialize_body(const KeySlotFile& file);

// A parsed file: the slots, the body bytes the MAC covers, and the MAC to check after unlocking.
struct ParsedKeySlotFile {
  KeySlotFile file;
  std::string body;
  Bytes mac;
};

// Parses and checks `sum`. Any deviation from the exact format (extra spaces, unknown lines,
// non-canonical numbers or base64, bad sizes, duplicate names, unacceptable KDF parameters, a
// wrong sum) is kVaultCorrupt, with a message naming the line. Never aborts on any input.
Result<ParsedKeySlotFile> parse_key_slot_file(std::string_view text);

// The complete file: body, then `mac` (computed here under `slot_file_key`), then `sum`.
std::string serialize_key_slot_file(const KeySlotFile& file,
                                    const crypto::SecretBuffer& slot_file_key);

// HMAC-SHA-256 of the body under the slot_file key, compared in constant time.
bool key_slot_mac_valid(const ParsedKeySlotFile& parsed, const crypto::SecretBuffer& slot_file_key);

}  // namespace mk::vault

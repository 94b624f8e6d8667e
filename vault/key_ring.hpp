// KeyRing: the keys one unlocked session holds, and how they derive from the root key.
//
//   root key (32 random bytes; only coordinator and recovery slots hold it)
//     ├─ database     SQLCipher raw key
//     ├─ slot_file    MAC key of the key-slot file
//     ├─ audit_seed   Ed25519 seed that signs audit checkpoints
//     ├─ field_wrap   wraps the per-subject data keys (identities, narratives)
//     ├─ blind_index  root of the per-index blind-index keys
//     ├─ pseudonym    root of the per-partner pseudonym keys
//     └─ package_signing  Ed25519 seed that signs packages to partners (signing_identity.hpp)
//
// Each child is crypto_kdf(root, context "MKvault1", id) with the ids below; they never change.
// A compliance slot holds only {database, slot_file, audit_seed}: it can open the store, read
// metadata and the audit log and sign checkpoints, but cannot unwrap a subject key or compute a
// blind index, so it cannot learn an identity, not even by guessing one; nor can it compute a
// pseudonym or sign a package in the municipality's name.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "crypto/secret_buffer.hpp"
#include "vault/role.hpp"

namespace mk::vault {

enum class KeyName : std::uint8_t {
  kRoot = 0,
  kDatabase = 1,
  kSlotFile = 2,
  kAuditSeed = 3,
  kFieldWrap = 4,
  kBlindIndex = 5,
  kPseudonym = 6,
  kPackageSigning = 7,
};
inline constexpr std::size_t kKeyNameCount = 8;
inline constexpr std::size_t kKeySize = 32;

class KeyRing {
 public:
  // A full ring: the root key and everything derived from it. Requires root.size() == 32.
  static KeyRing from_root(crypto::SecretBuffer root);
  // The subset a compliance slot stores. Requires a full ring or a compliance ring.
  KeyRing compliance_subset() const;
  // The ring a slot of `role` stores. Requires a full ring, or a compliance ring for kCompliance.
  KeyRing for_role(Role role) const;

  bool has(KeyName name) const { return keys_[index(name)].has_value(); }
  // Requires has(name): roles are checked before keys are asked for.
  const crypto::SecretBuffer& get(KeyName name) const;
  bool is_full() const { return has(KeyName::kRoot); }

  // The bundle a key slot wraps: version byte 1, count, then (name, 32 key bytes) per stored key.
  // A full ring stores only its root; a subset stores its members. Lives in secure memory.
  crypto::SecretBuffer serialize() const;
  // Parses a bundle; nullopt when malformed (unknown or repeated names, wrong sizes, a root
  // together with other keys, or a root-less bundle that is not exactly the compliance set).
  // A bundle holding the root is expanded to the full ring.
  static std::optional<KeyRing> deserialize(std::span<const std::uint8_t> bundle);

 private:
  static std::size_t index(KeyName name) { return static_cast<std::size_t>(name); }
  std::array<std::optional<crypto::SecretBuffer>, kKeyNameCount> keys_;
};

}  // namespace mk::vault

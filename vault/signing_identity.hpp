// The municipality's package-signing key: the Ed25519 key whose minisign-compatible signatures
// partners check packages against (DESIGN.md §7). Its 32-byte seed is derived from the vault's root
// key (key_ring.hpp, KeyName::kPackageSigning), so it is the same in every session and for every
// coordinator slot, and it ends with the vault. The compliance role does not hold it.
//
//   seed       = crypto_kdf(root, "MKvault1", 7), 32 bytes
//   public key = the Ed25519 public key of that seed (RFC 8032)
//   key id     = the first 8 bytes of BLAKE2b-256("meldkluis/minisign-key-id/v1" || 0x00 ||
//                public key): minisign's key id, in the byte order minisign stores it
//
// The vault knows nothing of minisign's files; exchange/ builds them from these.
#pragma once

#include <array>
#include <cstdint>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "crypto/signing.hpp"

namespace mk::vault {

class Vault;

inline constexpr std::size_t kSigningKeyIdSize = 8;
using SigningKeyId = std::array<std::uint8_t, kSigningKeyIdSize>;

struct SigningIdentity {
  crypto::SecretBuffer seed;  // crypto::kSigningSeedSize bytes: give to crypto::SigningKey
  crypto::SigningPublicKey public_key{};
  SigningKeyId key_id{};
};

// The key id of a package-signing public key (as above).
SigningKeyId signing_key_id(const crypto::SigningPublicKey& public_key);

// The vault's package-signing identity. kForbidden for a role without the package-signing key
// (compliance).
Result<SigningIdentity> package_signing_identity(const Vault& vault);

}  // namespace mk::vault

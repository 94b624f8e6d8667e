// X25519 Diffie-Hellman (RFC 7748 §5, libsodium crypto_scalarmult_curve25519): the key agreement of
// age's X25519 recipients. Secret scalars and shared secrets live only in SecretBuffers.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr std::size_t kX25519SecretSize = 32;
inline constexpr std::size_t kX25519PublicKeySize = 32;
inline constexpr std::size_t kX25519SharedSecretSize = 32;

using X25519PublicKey = std::array<std::uint8_t, kX25519PublicKeySize>;

// A secret scalar and its public key X25519(secret, basepoint). Move-only.
struct X25519KeyPair {
  SecretBuffer secret;  // kX25519SecretSize bytes, as given (clamping happens inside X25519)
  X25519PublicKey public_key{};

  // A fresh key pair from the operating system's CSPRNG.
  static X25519KeyPair generate();
  // The key pair of a given 32-byte secret. Requires secret.size() == kX25519SecretSize; aborts
  // otherwise. Equal secrets give equal key pairs.
  static X25519KeyPair from_secret(SecretBuffer secret);
};

// X25519(secret, basepoint). Requires secret.size() == kX25519SecretSize; aborts otherwise.
X25519PublicKey x25519_public_key(const SecretBuffer& secret);

// The shared secret X25519(secret, peer_public). Returns nullopt, never aborts, when peer_public is
// not 32 bytes or the result is the all-zero value (a low-order peer point: RFC 7748 §6.1 and
// age require refusing it). Requires secret.size() == kX25519SecretSize; aborts otherwise.
std::optional<SecretBuffer> x25519_shared_secret(const SecretBuffer& secret,
                                                 std::span<const std::uint8_t> peer_public);

}  // namespace mk::crypto

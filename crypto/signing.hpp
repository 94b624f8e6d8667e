// Ed25519 signatures (RFC 8032, libsodium crypto_sign): packages and checkpoints are signed so that
// a reader can tell who made them and that nothing was changed since.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr std::size_t kSigningSeedSize = 32;
inline constexpr std::size_t kSigningPublicKeySize = 32;
inline constexpr std::size_t kSignatureSize = 64;

using SigningPublicKey = std::array<std::uint8_t, kSigningPublicKeySize>;
using Signature = std::array<std::uint8_t, kSignatureSize>;

// An Ed25519 key pair. The 64-byte libsodium secret key (seed || public key) lives in a
// SecretBuffer. Move-only; a moved-from key may only be destroyed or assigned to.
class SigningKey {
 public:
  // The key pair determined by a 32-byte seed (e.g. a subkey). Requires seed.size() ==
  // kSigningSeedSize; aborts otherwise. Equal seeds give equal keys.
  explicit SigningKey(const SecretBuffer& seed);

  SigningKey(SigningKey&&) noexcept = default;
  SigningKey& operator=(SigningKey&&) noexcept = default;
  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;

  SigningPublicKey public_key() const;

  // A deterministic signature of `message` (equal messages give equal signatures).
  Signature sign(std::span<const std::uint8_t> message) const;

 private:
  SecretBuffer secret_key_;
};

// True when `signature` is a valid Ed25519 signature of `message` under `public_key`. Returns
// false, never aborts, on any input: wrong sizes, a malformed or small-order public key, a
// non-canonical signature.
bool verify_signature(std::span<const std::uint8_t> public_key,
                      std::span<const std::uint8_t> message,
                      std::span<const std::uint8_t> signature);

}  // namespace mk::crypto

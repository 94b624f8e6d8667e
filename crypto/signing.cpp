#include "crypto/signing.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>

namespace mk::crypto {

static_assert(kSigningSeedSize == crypto_sign_ed25519_SEEDBYTES);
static_assert(kSigningPublicKeySize == crypto_sign_ed25519_PUBLICKEYBYTES);
static_assert(kSignatureSize == crypto_sign_ed25519_BYTES);
static_assert(crypto_sign_ed25519_SECRETKEYBYTES == kSigningSeedSize + kSigningPublicKeySize);

SigningKey::SigningKey(const SecretBuffer& seed) : secret_key_(crypto_sign_ed25519_SECRETKEYBYTES) {
  if (seed.size() != kSigningSeedSize) std::abort();
  SigningPublicKey unused;
  if (crypto_sign_ed25519_seed_keypair(unused.data(), secret_key_.data(), seed.data()) != 0) {
    std::abort();
  }
}

SigningPublicKey SigningKey::public_key() const {
  if (secret_key_.size() != crypto_sign_ed25519_SECRETKEYBYTES) std::abort();  // moved from
  SigningPublicKey out;
  // libsodium's secret key is seed || public key.
  std::copy_n(secret_key_.data() + kSigningSeedSize, out.size(), out.begin());
  return out;
}

Signature SigningKey::sign(std::span<const std::uint8_t> message) const {
  if (secret_key_.size() != crypto_sign_ed25519_SECRETKEYBYTES) std::abort();  // moved from
  Signature out;
  if (crypto_sign_ed25519_detached(out.data(), nullptr, message.data(), message.size(),
                                   secret_key_.data()) != 0) {
    std::abort();
  }
  return out;
}

bool verify_signature(std::span<const std::uint8_t> public_key,
                      std::span<const std::uint8_t> message,
                      std::span<const std::uint8_t> signature) {
  if (public_key.size() != kSigningPublicKeySize || signature.size() != kSignatureSize)
    return false;
  return crypto_sign_ed25519_verify_detached(signature.data(), message.data(), message.size(),
                                             public_key.data()) == 0;
}

}  // namespace mk::crypto

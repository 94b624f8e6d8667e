#include "crypto/x25519.hpp"

#include <sodium.h>

#include <cstdlib>
#include <utility>

namespace mk::crypto {

static_assert(kX25519SecretSize == crypto_scalarmult_curve25519_SCALARBYTES);
static_assert(kX25519PublicKeySize == crypto_scalarmult_curve25519_BYTES);
static_assert(kX25519SharedSecretSize == crypto_scalarmult_curve25519_BYTES);

X25519KeyPair X25519KeyPair::generate() {
  return from_secret(SecretBuffer::random(kX25519SecretSize));
}

X25519KeyPair X25519KeyPair::from_secret(SecretBuffer secret) {
  X25519KeyPair pair;
  pair.public_key = x25519_public_key(secret);
  pair.secret = std::move(secret);
  return pair;
}

X25519PublicKey x25519_public_key(const SecretBuffer& secret) {
  if (secret.size() != kX25519SecretSize) std::abort();
  X25519PublicKey out;
  // Fails only for an all-zero result, which the base point cannot give for any scalar.
  if (crypto_scalarmult_curve25519_base(out.data(), secret.data()) != 0) std::abort();
  return out;
}

std::optional<SecretBuffer> x25519_shared_secret(const SecretBuffer& secret,
                                                 std::span<const std::uint8_t> peer_public) {
  if (secret.size() != kX25519SecretSize) std::abort();
  if (peer_public.size() != kX25519PublicKeySize) return std::nullopt;
  SecretBuffer shared(kX25519SharedSecretSize);
  // libsodium returns -1 when the result is all zeros (it checks in constant time).
  if (crypto_scalarmult_curve25519(shared.data(), secret.data(), peer_public.data()) != 0) {
    return std::nullopt;
  }
  return shared;
}

}  // namespace mk::crypto

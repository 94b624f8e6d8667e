#include "crypto/hash.hpp"

#include <sodium.h>

#include <cstdlib>
#include <new>

namespace mk::crypto {

namespace {

static_assert(sizeof(Sha256Digest) == crypto_hash_sha256_BYTES);

crypto_hash_sha256_state* sha_state(std::uint8_t* storage) {
  return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(storage));
}

crypto_generichash_state* blake_state(std::uint8_t* storage) {
  return std::launder(reinterpret_cast<crypto_generichash_state*>(storage));
}

void blake_init(crypto_generichash_state* state, std::size_t out_size) {
  if (crypto_generichash_init(state, nullptr, 0, out_size) != 0) std::abort();  // size checked
}

}  // namespace

Sha256Digest sha256(std::span<const std::uint8_t> data) {
  Sha256Digest out;
  crypto_hash_sha256(out.data(), data.data(), data.size());
  return out;
}

Sha256::Sha256() {
  static_assert(sizeof(crypto_hash_sha256_state) <= sizeof(state_));
  static_assert(alignof(crypto_hash_sha256_state) <= 64);
  crypto_hash_sha256_init(new (state_) crypto_hash_sha256_state);
}

Sha256& Sha256::update(std::span<const std::uint8_t> data) {
  crypto_hash_sha256_update(sha_state(state_), data.data(), data.size());
  return *this;
}

Sha256Digest Sha256::finish() {
  Sha256Digest out;
  crypto_hash_sha256_final(sha_state(state_), out.data());
  // libsodium wipes the state in final(); start afresh so the object can be used again.
  crypto_hash_sha256_init(sha_state(state_));
  return out;
}

Bytes blake2b(std::span<const std::uint8_t> data, std::size_t out_size) {
  if (out_size < crypto_generichash_BYTES_MIN || out_size > crypto_generichash_BYTES_MAX)
    std::abort();
  Bytes out(out_size);
  if (crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0) != 0) {
    std::abort();  // cannot happen with the size checked above
  }
  return out;
}

Blake2b::Blake2b(std::size_t out_size) : out_size_(out_size) {
  static_assert(sizeof(crypto_generichash_state) <= sizeof(state_));
  static_assert(alignof(crypto_generichash_state) <= 64);
  if (out_size < crypto_generichash_BYTES_MIN || out_size > crypto_generichash_BYTES_MAX)
    std::abort();
  blake_init(new (state_) crypto_generichash_state, out_size_);
}

Blake2b& Blake2b::update(std::span<const std::uint8_t> data) {
  if (crypto_generichash_update(blake_state(state_), data.data(), data.size()) != 0) std::abort();
  return *this;
}

Bytes Blake2b::finish() {
  Bytes out(out_size_);
  if (crypto_generichash_final(blake_state(state_), out.data(), out.size()) != 0) std::abort();
  blake_init(blake_state(state_), out_size_);  // final() leaves the state unusable
  return out;
}

}  // namespace mk::crypto

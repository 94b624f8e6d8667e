// Unkeyed hashes: SHA-256 (Merkle trees, checkpoints) and BLAKE2b (file checksums, minisign's
// BLAKE2b-512 prehash).
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "base/bytes.hpp"

namespace mk::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::span<const std::uint8_t> data);

// Incremental SHA-256. finish() returns the digest of everything given since construction (or the
// previous finish()) and starts a new, empty hash.
class Sha256 {
 public:
  Sha256();
  Sha256& update(std::span<const std::uint8_t> data);
  Sha256Digest finish();

 private:
  alignas(64) std::uint8_t state_[128];  // holds a crypto_hash_sha256_state (104 bytes)
};

// Unkeyed BLAKE2b with `out_size` bytes of output (16..64).
Bytes blake2b(std::span<const std::uint8_t> data, std::size_t out_size = 32);

inline constexpr std::size_t kBlake2b512Size = 64;

// Incremental unkeyed BLAKE2b with `out_size` bytes of output (16..64; aborts otherwise). The
// default, 64, is BLAKE2b-512. finish() returns the digest of everything given since construction
// (or the previous finish()) and starts a new, empty hash of the same size. Equal to blake2b() of
// the concatenated input.
class Blake2b {
 public:
  explicit Blake2b(std::size_t out_size = kBlake2b512Size);
  Blake2b& update(std::span<const std::uint8_t> data);
  Bytes finish();

 private:
  std::size_t out_size_;
  alignas(64) std::uint8_t state_[384];  // holds a crypto_generichash_state (384 bytes)
};

}  // namespace mk::crypto

// Unkeyed hashes: SHA-256 (Merkle trees, checkpoints) and BLAKE2b (file checksums).
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

}  // namespace mk::crypto

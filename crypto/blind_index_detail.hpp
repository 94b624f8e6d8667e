// The keyed hash behind blind_index(), exposed so tests can check it against the published BLAKE2b
// keyed known-answer vectors (64-byte key, 64-byte output). Not for production use: call
// blind_index().
#pragma once

#include <cstdint>
#include <span>

#include "base/bytes.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::crypto::detail {

// Keyed BLAKE2b (libsodium crypto_generichash) of `input` with `out_size` bytes of output.
// Requires 16 <= key.size() <= 64 and 16 <= out_size <= 64; aborts otherwise.
Bytes keyed_blake2b(const SecretBuffer& key, std::span<const std::uint8_t> input,
                    std::size_t out_size);

}  // namespace mk::crypto::detail

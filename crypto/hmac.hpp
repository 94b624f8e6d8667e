// HMAC-SHA-256 (RFC 2104) and HKDF-SHA-256 (RFC 5869), built on libsodium's
// crypto_auth_hmacsha256. For interoperable formats that name these algorithms; inside the vault,
// subkeys.hpp (BLAKE2b) is the key-derivation function.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr std::size_t kHmacSha256Size = 32;
// The most HKDF-SHA-256 can expand to: 255 blocks of 32 bytes.
inline constexpr std::size_t kHkdfSha256MaxSize = 255 * kHmacSha256Size;

using HmacSha256Tag = std::array<std::uint8_t, kHmacSha256Size>;

// HMAC-SHA-256 of `message` under a key of any length (longer than 64 bytes: hashed first).
HmacSha256Tag hmac_sha256(const SecretBuffer& key, std::span<const std::uint8_t> message);

// Constant-time check that `tag` is the HMAC-SHA-256 of `message` under `key`; false when it is
// not, or not 32 bytes long.
bool hmac_sha256_verify(const SecretBuffer& key, std::span<const std::uint8_t> message,
                        std::span<const std::uint8_t> tag);

// HKDF-Extract: the 32-byte pseudorandom key HMAC(salt, ikm). An empty salt stands for 32 zero
// bytes, as RFC 5869 §2.2 says.
SecretBuffer hkdf_sha256_extract(std::span<const std::uint8_t> salt, const SecretBuffer& ikm);

// HKDF-Expand: `size` bytes of output keying material from `prk` and `info`.
// Requires prk.size() >= 32 and 1 <= size <= kHkdfSha256MaxSize; aborts otherwise.
SecretBuffer hkdf_sha256_expand(const SecretBuffer& prk, std::span<const std::uint8_t> info,
                                std::size_t size);

// Extract, then expand. Same requirements on `size`.
SecretBuffer hkdf_sha256(std::span<const std::uint8_t> salt, const SecretBuffer& ikm,
                         std::span<const std::uint8_t> info, std::size_t size);

}  // namespace mk::crypto

// scrypt (RFC 7914) with r = 8 and p = 1, libsodium's crypto_pwhash_scryptsalsa208sha256_ll: the
// passphrase KDF of age's scrypt recipients. For interoperable formats that name it; inside the
// vault, password_kdf.hpp (Argon2id) is the passphrase KDF.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr int kScryptBlockSize = 8;    // r
inline constexpr int kScryptParallelism = 1;  // p
// The largest log2(N) accepted: 2^24 blocks of 1 KiB (r = 8) are 16 GiB of memory.
inline constexpr int kScryptMaxLog2N = 24;

// Memory scrypt needs for log2(N) with r = 8: 128 * r * 2^log2_n bytes (log2_n 18: 256 MiB).
inline constexpr std::uint64_t scrypt_memory_bytes(int log2_n) {
  return std::uint64_t{128} * kScryptBlockSize * (std::uint64_t{1} << log2_n);
}

// scrypt(P = passphrase, S = salt, N = 2^log2_n, r = 8, p = 1, dkLen = out_size), into secure
// memory. Deterministic for equal inputs. Returns nullopt, never aborts, when log2_n is outside
// [1, kScryptMaxLog2N], out_size is 0, or the memory cannot be had. The passphrase and the salt
// may be empty.
std::optional<SecretBuffer> scrypt(const SecretBuffer& passphrase,
                                   std::span<const std::uint8_t> salt, int log2_n,
                                   std::size_t out_size = 32);

}  // namespace mk::crypto

// The payload of an age v1 file (c2sp.org/age, "Payload"): a STREAM of ChaCha20-Poly1305 chunks.
//
//   payload     = nonce (16 bytes) || chunk_0 || ... || chunk_n
//   payload key = HKDF-SHA-256(ikm = file key, salt = nonce, info = "payload")
//   chunk_i     = ChaCha20-Poly1305(payload key, nonce_i, 64 KiB of plaintext (the last: 0..64
//   KiB)) nonce_i     = i as 11 bytes big-endian || 0x01 for the last chunk, 0x00 for the others
//
// The last chunk may be full (64 KiB); it is empty only when the whole plaintext is. Decryption
// is all or nothing: any failure returns no plaintext at all.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::exchange {

inline constexpr std::size_t kAgeChunkSize = 64 * 1024;
inline constexpr std::size_t kAgePayloadNonceSize = 16;
// The largest plaintext age_stream_decrypt returns. It goes into secure memory, which is locked
// (mlock): the process needs at least this much RLIMIT_MEMLOCK to decrypt the largest file.
inline constexpr std::size_t kAgeMaxPlaintextSize = std::size_t{64} << 20;

using AgePayloadNonce = std::array<std::uint8_t, kAgePayloadNonceSize>;

// The payload for `plaintext` under `file_key` (kAgeFileKeySize bytes; aborts otherwise) with the
// given nonce. The nonce must be fresh for every file (age_encrypt draws it at random).
Bytes age_stream_encrypt(const crypto::SecretBuffer& file_key, const AgePayloadNonce& nonce,
                         ByteView plaintext);

// The plaintext of `payload` (everything after the header), in secure memory. kInvalidInput when
// the nonce is missing or short, a chunk is shorter than its tag, a chunk fails authentication
// (altered, truncated, reordered, or trailing data after the last chunk), the last chunk is empty
// but not the only one, or the plaintext would exceed kAgeMaxPlaintextSize.
Result<crypto::SecretBuffer> age_stream_decrypt(const crypto::SecretBuffer& file_key,
                                                ByteView payload);

}  // namespace mk::exchange

#include "exchange/age_stream.hpp"

#include <algorithm>
#include <cstdlib>

#include "crypto/chacha20poly1305.hpp"
#include "crypto/hmac.hpp"
#include "exchange/age_header.hpp"

namespace mk::exchange {
namespace {

constexpr std::size_t kTagSize = crypto::kChaCha20Poly1305TagSize;
constexpr std::size_t kSealedChunkSize = kAgeChunkSize + kTagSize;

crypto::SecretBuffer payload_key(const crypto::SecretBuffer& file_key, const std::uint8_t* nonce) {
  return crypto::hkdf_sha256({nonce, kAgePayloadNonceSize}, file_key, as_bytes("payload"), 32);
}

crypto::ChaCha20Poly1305Nonce chunk_nonce(std::uint64_t counter, bool last) {
  crypto::ChaCha20Poly1305Nonce nonce{};  // bytes 0..2 of the 88-bit counter stay zero
  for (int i = 0; i < 8; ++i)
    nonce[10 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
  nonce[11] = last ? 1 : 0;
  return nonce;
}

}  // namespace

Bytes age_stream_encrypt(const crypto::SecretBuffer& file_key, const AgePayloadNonce& nonce,
                         ByteView plaintext) {
  if (file_key.size() != kAgeFileKeySize) std::abort();
  crypto::SecretBuffer key = payload_key(file_key, nonce.data());
  // Chunks: ceil(size / 64 KiB), and one (empty) chunk for an empty plaintext.
  std::size_t chunks =
      std::max<std::size_t>(1, (plaintext.size() + kAgeChunkSize - 1) / kAgeChunkSize);
  Bytes out(nonce.begin(), nonce.end());
  out.reserve(kAgePayloadNonceSize + plaintext.size() + chunks * kTagSize);
  for (std::size_t i = 0; i < chunks; ++i) {
    ByteView chunk = plaintext.subspan(
        i * kAgeChunkSize, std::min(kAgeChunkSize, plaintext.size() - i * kAgeChunkSize));
    Bytes sealed = crypto::chacha20poly1305_encrypt(key, chunk_nonce(i, i + 1 == chunks), chunk);
    out.insert(out.end(), sealed.begin(), sealed.end());
  }
  return out;
}

Result<crypto::SecretBuffer> age_stream_decrypt(const crypto::SecretBuffer& file_key,
                                                ByteView payload) {
  if (file_key.size() != kAgeFileKeySize) std::abort();
  if (payload.size() < kAgePayloadNonceSize) {
    return invalid_input("age payload: shorter than its 16-byte nonce");
  }
  ByteView sealed = payload.subspan(kAgePayloadNonceSize);
  if (sealed.empty()) return invalid_input("age payload: no chunk (not even an empty last one)");
  // Every chunk but the last is exactly 64 KiB + tag; the last is what remains (a full one when
  // the rest divides evenly).
  std::size_t chunks = (sealed.size() + kSealedChunkSize - 1) / kSealedChunkSize;
  std::size_t last_size = sealed.size() - (chunks - 1) * kSealedChunkSize;
  if (last_size < kTagSize) {
    return invalid_input(
        "age payload: last chunk shorter than its tag (truncated or trailing data)");
  }
  std::size_t plaintext_size = sealed.size() - chunks * kTagSize;
  if (plaintext_size > kAgeMaxPlaintextSize) {
    return invalid_input("age payload: larger than " + std::to_string(kAgeMaxPlaintextSize >> 20) +
                         " MiB");
  }
  if (chunks > 1 && last_size == kTagSize) {
    return invalid_input("age payload: empty last chunk after a full one");
  }
  crypto::SecretBuffer key = payload_key(file_key, payload.data());
  crypto::SecretBuffer out(plaintext_size);
  for (std::size_t i = 0; i < chunks; ++i) {
    bool last = i + 1 == chunks;
    ByteView chunk = sealed.subspan(i * kSealedChunkSize, last ? last_size : kSealedChunkSize);
    std::span<std::uint8_t> into =
        out.mutable_view().subspan(i * kAgeChunkSize, chunk.size() - kTagSize);
    if (!crypto::chacha20poly1305_decrypt_into(key, chunk_nonce(i, last), chunk, {}, into)) {
      return invalid_input("age payload: chunk " + std::to_string(i) +
                           " fails authentication (altered, truncated or reordered)");
    }
  }
  return out;
}

}  // namespace mk::exchange

#include "crypto/chacha20poly1305.hpp"

#include <sodium.h>

#include <cstdlib>

namespace mk::crypto {

static_assert(kChaCha20Poly1305KeySize == crypto_aead_chacha20poly1305_ietf_KEYBYTES);
static_assert(kChaCha20Poly1305NonceSize == crypto_aead_chacha20poly1305_ietf_NPUBBYTES);
static_assert(kChaCha20Poly1305TagSize == crypto_aead_chacha20poly1305_ietf_ABYTES);

Bytes chacha20poly1305_encrypt(const SecretBuffer& key, const ChaCha20Poly1305Nonce& nonce,
                               std::span<const std::uint8_t> plaintext,
                               std::span<const std::uint8_t> associated_data) {
  if (key.size() != kChaCha20Poly1305KeySize) std::abort();
  Bytes out(plaintext.size() + kChaCha20Poly1305TagSize);
  unsigned long long written = 0;
  if (crypto_aead_chacha20poly1305_ietf_encrypt(
          out.data(), &written, plaintext.data(), plaintext.size(), associated_data.data(),
          associated_data.size(), nullptr, nonce.data(), key.data()) != 0 ||
      written != out.size()) {
    std::abort();  // cannot fail below crypto_aead_chacha20poly1305_ietf_MESSAGEBYTES_MAX (256 GiB)
  }
  return out;
}

bool chacha20poly1305_decrypt_into(const SecretBuffer& key, const ChaCha20Poly1305Nonce& nonce,
                                   std::span<const std::uint8_t> ciphertext,
                                   std::span<const std::uint8_t> associated_data,
                                   std::span<std::uint8_t> out) {
  if (key.size() != kChaCha20Poly1305KeySize) return false;
  if (ciphertext.size() < kChaCha20Poly1305TagSize) return false;
  if (out.size() != ciphertext.size() - kChaCha20Poly1305TagSize) return false;
  // The detached form lets `out` be exactly the plaintext's size. libsodium verifies the tag
  // before decrypting, and leaves `out` untouched when it fails.
  const std::uint8_t* tag = ciphertext.data() + out.size();
  // libsodium declares the message pointers nonnull; an empty plaintext still needs one.
  std::uint8_t empty[1] = {0};
  std::uint8_t* m = out.empty() ? empty : out.data();
  const std::uint8_t* c = out.empty() ? empty : ciphertext.data();
  if (crypto_aead_chacha20poly1305_ietf_decrypt_detached(
          m, nullptr, c, out.size(), tag, associated_data.data(), associated_data.size(),
          nonce.data(), key.data()) != 0) {
    if (!out.empty()) sodium_memzero(out.data(), out.size());
    return false;
  }
  return true;
}

std::optional<SecretBuffer> chacha20poly1305_decrypt_secret(
    const SecretBuffer& key, const ChaCha20Poly1305Nonce& nonce,
    std::span<const std::uint8_t> ciphertext, std::span<const std::uint8_t> associated_data) {
  if (ciphertext.size() < kChaCha20Poly1305TagSize) return std::nullopt;
  SecretBuffer out(ciphertext.size() - kChaCha20Poly1305TagSize);
  if (!chacha20poly1305_decrypt_into(key, nonce, ciphertext, associated_data, out.mutable_view())) {
    return std::nullopt;
  }
  return out;
}

}  // namespace mk::crypto

// ChaCha20-Poly1305 as RFC 8439 (IETF: 96-bit nonce, 32-byte key, 16-byte tag), libsodium's
// crypto_aead_chacha20poly1305_ietf. For interoperable formats that name it (age's stanza bodies
// and payload STREAM), where the format fixes the nonce: the caller must never use a (key, nonce)
// pair twice. Inside the vault, aead.hpp (random 192-bit nonces) is the AEAD to use.
//
// Ciphertexts are `ciphertext || tag`, as RFC 8439 §2.8 and age write them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "base/bytes.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr std::size_t kChaCha20Poly1305KeySize = 32;
inline constexpr std::size_t kChaCha20Poly1305NonceSize = 12;
inline constexpr std::size_t kChaCha20Poly1305TagSize = 16;

using ChaCha20Poly1305Nonce = std::array<std::uint8_t, kChaCha20Poly1305NonceSize>;

// plaintext.size() + kChaCha20Poly1305TagSize bytes. Requires key.size() ==
// kChaCha20Poly1305KeySize; aborts otherwise.
Bytes chacha20poly1305_encrypt(const SecretBuffer& key, const ChaCha20Poly1305Nonce& nonce,
                               std::span<const std::uint8_t> plaintext,
                               std::span<const std::uint8_t> associated_data = {});

// Checks the tag, then decrypts into `out`, which must be exactly ciphertext.size() -
// kChaCha20Poly1305TagSize bytes. Returns false, never aborts, when the ciphertext is shorter than
// a tag, `out` has another size, the key has another size, or the tag does not verify; `out` then
// holds zeros, never unauthenticated plaintext. `out` may be secure memory (SecretBuffer).
bool chacha20poly1305_decrypt_into(const SecretBuffer& key, const ChaCha20Poly1305Nonce& nonce,
                                   std::span<const std::uint8_t> ciphertext,
                                   std::span<const std::uint8_t> associated_data,
                                   std::span<std::uint8_t> out);

// As chacha20poly1305_decrypt_into, with the plaintext (a key) in a new SecretBuffer; nullopt on
// any failure.
std::optional<SecretBuffer> chacha20poly1305_decrypt_secret(
    const SecretBuffer& key, const ChaCha20Poly1305Nonce& nonce,
    std::span<const std::uint8_t> ciphertext, std::span<const std::uint8_t> associated_data = {});

}  // namespace mk::crypto

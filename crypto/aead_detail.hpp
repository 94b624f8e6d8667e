// The raw XChaCha20-Poly1305-IETF construction behind aead.hpp, with the nonce and the associated
// data given as plain bytes. For known-answer tests against published vectors only: production code
// uses seal()/open(), which choose a fresh random nonce and encode the associated data
// unambiguously. Reusing a nonce under one key breaks confidentiality and authenticity.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "base/bytes.hpp"
#include "crypto/aead.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::crypto::detail {

// Returns nonce || ciphertext || tag, in the sealed format of aead.hpp.
// Requires key.size() == kAeadKeySize.
Bytes seal_with_nonce(const SecretBuffer& key, std::span<const std::uint8_t, kAeadNonceSize> nonce,
                      std::span<const std::uint8_t> plaintext,
                      std::span<const std::uint8_t> associated_data);

// Opens a box in the sealed format under raw associated-data bytes. As open(): nullopt on a short,
// foreign or altered box, or on a key of the wrong size; never aborts.
std::optional<Bytes> open_with_raw_ad(const SecretBuffer& key, std::span<const std::uint8_t> sealed,
                                      std::span<const std::uint8_t> associated_data);

}  // namespace mk::crypto::detail

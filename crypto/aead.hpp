// Authenticated encryption of small values (a field, a wrapped key) with XChaCha20-Poly1305-IETF
// under a fresh random 192-bit nonce, bound to associated data that says where the value belongs.
//
// Sealed format: nonce (24 bytes) || ciphertext || tag (16 bytes).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "base/bytes.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr std::size_t kAeadKeySize = 32;
inline constexpr std::size_t kAeadNonceSize = 24;
inline constexpr std::size_t kAeadTagSize = 16;
inline constexpr std::size_t kAeadOverhead = kAeadNonceSize + kAeadTagSize;

// An unambiguous encoding of a list of values: each item is a 4-byte little-endian length followed
// by its bytes, so ("ab","c") and ("a","bc") encode differently. Integers are added as their
// 8-byte little-endian form (length 8).
class AssociatedData {
 public:
  AssociatedData& add(std::string_view text);
  AssociatedData& add_bytes(std::span<const std::uint8_t> bytes);
  AssociatedData& add_u64(std::uint64_t value);
  const Bytes& encoded() const { return encoded_; }

 private:
  Bytes encoded_;
};

// Requires key.size() == kAeadKeySize.
Bytes seal(const SecretBuffer& key, std::span<const std::uint8_t> plaintext,
           const AssociatedData& ad);

// Returns the plaintext, or nullopt when the box is too short, was made under another key or
// associated data, or was altered. Never aborts on any input.
std::optional<Bytes> open(const SecretBuffer& key, std::span<const std::uint8_t> sealed,
                          const AssociatedData& ad);

// As open(), but the plaintext (a key) goes straight into secure memory.
std::optional<SecretBuffer> open_secret(const SecretBuffer& key,
                                        std::span<const std::uint8_t> sealed,
                                        const AssociatedData& ad);

}  // namespace mk::crypto

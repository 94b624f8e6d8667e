// Hex helpers for the crypto tests' known-answer vectors.
#pragma once

#include <cstdlib>
#include <string_view>

#include "base/bytes.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::crypto::test {

// The bytes of a hex literal; aborts on a malformed literal (a bug in the test itself).
inline Bytes hex(std::string_view text) {
  Bytes out;
  if (!from_hex(text, out)) std::abort();
  return out;
}

inline SecretBuffer secret_hex(std::string_view text) {
  return SecretBuffer::copy_of(hex(text));
}

// Bytes 0, 1, ..., n-1 (mod 256): the inputs of the BLAKE2 and HKDF vectors.
inline Bytes sequence(std::size_t n, std::uint8_t first = 0) {
  Bytes out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = static_cast<std::uint8_t>(first + i);
  return out;
}

}  // namespace mk::crypto::test

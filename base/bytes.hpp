// Byte containers for data that is not secret (ciphertexts, hashes, ids). Secrets use
// crypto::SecretBuffer instead.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mk {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
inline std::string_view as_chars(ByteView b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Lowercase hex of the bytes.
std::string to_hex(ByteView bytes);
// Parses lowercase or uppercase hex; returns false (and leaves `out` unspecified) on odd length or
// a non-hex character.
bool from_hex(std::string_view hex, Bytes& out);

}  // namespace mk

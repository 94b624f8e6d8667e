// Base64 (RFC 4648 §4, standard alphabet). Decoding is strict and canonical: characters outside the
// alphabet, whitespace, wrong padding and non-zero trailing bits are all rejected, so every
// byte string has exactly one accepted text form (tamper tests rely on this).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/bytes.hpp"

namespace mk {

enum class Base64Padding { kPadded, kUnpadded };

std::string base64_encode(ByteView bytes, Base64Padding padding = Base64Padding::kPadded);
std::optional<Bytes> base64_decode(std::string_view text,
                                   Base64Padding padding = Base64Padding::kPadded);

}  // namespace mk

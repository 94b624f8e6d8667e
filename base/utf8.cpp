#include "base/utf8.hpp"

#include <cstdint>
#include <cstdlib>

namespace mk {

namespace {

bool in_range(std::uint8_t b, std::uint8_t lo, std::uint8_t hi) {
  return b >= lo && b <= hi;
}

}  // namespace

std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& cp) {
  if (pos >= text.size()) return 0;
  const std::size_t left = text.size() - pos;
  auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[pos + k]); };
  const std::uint8_t b0 = byte(0);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  // RFC 3629, section 4: the second byte's range depends on the first, which rules out overlong
  // forms, surrogates and code points above U+10FFFF.
  std::size_t len = 0;
  std::uint8_t lo = 0x80;
  std::uint8_t hi = 0xBF;
  if (in_range(b0, 0xC2, 0xDF)) {
    len = 2;
  } else if (b0 == 0xE0) {
    len = 3;
    lo = 0xA0;
  } else if (b0 == 0xED) {
    len = 3;
    hi = 0x9F;
  } else if (in_range(b0, 0xE1, 0xEF)) {
    len = 3;
  } else if (b0 == 0xF0) {
    len = 4;
    lo = 0x90;
  } else if (b0 == 0xF4) {
    len = 4;
    hi = 0x8F;
  } else if (in_range(b0, 0xF1, 0xF3)) {
    len = 4;
  } else {
    return 0;
  }
  if (left < len || !in_range(byte(1), lo, hi)) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (!in_range(byte(k), 0x80, 0xBF)) return 0;
  }
  char32_t value = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k)
    value = (value << 6) | (byte(k) & 0x3Fu);
  cp = value;
  return len;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) std::abort();
  auto put = [&](char32_t b) { out.push_back(static_cast<char>(b)); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size()) {
    const std::size_t len = decode_utf8(text, pos, cp);
    if (len == 0) return false;
    pos += len;
  }
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<std::uint8_t>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool has_control_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<std::uint8_t>(text[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return true;
    // C1 controls U+0080..U+009F are encoded C2 80..C2 9F; some terminals obey them (CSI).
    if (b == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<std::uint8_t>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

}  // namespace mk

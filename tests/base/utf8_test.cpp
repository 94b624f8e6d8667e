#include "base/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>

using mk::is_valid_utf8;

TEST_CASE("utf8: well-formed text", "[utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Jansen"));
  CHECK(is_valid_utf8("Ängela Łukasz Ольга 佐々木 😀"));
  CHECK(is_valid_utf8(std::string("a\0b", 3)));
  // The first and last code point of each length, and the edges around the surrogates.
  CHECK(is_valid_utf8("\x7F"));
  CHECK(is_valid_utf8("\xC2\x80"));
  CHECK(is_valid_utf8("\xDF\xBF"));
  CHECK(is_valid_utf8("\xE0\xA0\x80"));
  CHECK(is_valid_utf8("\xED\x9F\xBF"));
  CHECK(is_valid_utf8("\xEE\x80\x80"));
  CHECK(is_valid_utf8("\xEF\xBF\xBF"));
  CHECK(is_valid_utf8("\xF0\x90\x80\x80"));
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));
}

TEST_CASE("utf8: malformed text", "[utf8]") {
  const char* bad[] = {
      "\xC0\x80",                  // overlong NUL
      "\xC1\xBF",                  // overlong 0x7F
      "\xE0\x80\x80",              // overlong, 3 bytes
      "\xE0\x9F\xBF",              // overlong U+07FF
      "\xF0\x80\x80\x80",          // overlong, 4 bytes
      "\xF0\x8F\xBF\xBF",          // overlong U+FFFF
      "\xED\xA0\x80",              // U+D800
      "\xED\xBF\xBF",              // U+DFFF
      "\xED\xA0\xBD\xED\xB8\x80",  // CESU-8 surrogate pair
      "\xF4\x90\x80\x80",          // U+110000
      "\xF5\x80\x80\x80",          // lead byte beyond U+10FFFF
      "\xF8\x88\x80\x80\x80",      // 5-byte form
      "\xFC\x84\x80\x80\x80\x80",  // 6-byte form
      "\xFE",
      "\xFF",
      "\x80",  // lone continuation bytes
      "\xBF",
      "a\x80z",
      "\xC2",  // truncated sequences
      "\xE2\x82",
      "\xF0\x9F\x98",
      "\xC2 ",
      "\xE2\x82z",
      "\xF0\x9F\x98\xC3\xA9",
      "Jans\xC3",
  };
  for (const char* text : bad) {
    INFO(text);
    CHECK_FALSE(is_valid_utf8(text));
  }
}

TEST_CASE("utf8: every lead byte", "[utf8]") {
  // Lead bytes alone are valid only below 0x80; with one continuation only C2..DF are.
  for (int b = 0; b < 256; ++b) {
    const std::string alone(1, static_cast<char>(b));
    CHECK(is_valid_utf8(alone) == (b < 0x80));
    const std::string pair = alone + "\x80";
    CHECK(is_valid_utf8(pair) == (b >= 0xC2 && b <= 0xDF));
  }
}

TEST_CASE("utf8: decode and encode", "[utf8]") {
  char32_t cp = 0;
  CHECK(mk::decode_utf8("a\xC3\xA9", 1, cp) == 2);
  CHECK(cp == 0xE9);
  CHECK(mk::decode_utf8("\xF0\x9F\x98\x80", 0, cp) == 4);
  CHECK(cp == 0x1F600);
  CHECK(mk::decode_utf8("ab", 2, cp) == 0);
  CHECK(mk::decode_utf8("ab", 7, cp) == 0);
  CHECK(mk::decode_utf8("\xF0\x9F\x98", 0, cp) == 0);
  for (char32_t c :
       {0x0U, 0x7FU, 0x80U, 0x7FFU, 0x800U, 0xD7FFU, 0xE000U, 0xFFFFU, 0x10000U, 0x10FFFFU}) {
    std::string s;
    mk::append_utf8(s, c);
    CHECK(is_valid_utf8(s));
    CHECK(mk::utf8_length(s) == 1);
    CHECK(mk::decode_utf8(s, 0, cp) == s.size());
    CHECK(cp == c);
  }
}

TEST_CASE("utf8: length counts code points", "[utf8]") {
  CHECK(mk::utf8_length("") == 0);
  CHECK(mk::utf8_length("abc") == 3);
  CHECK(mk::utf8_length("Ängela") == 6);
  CHECK(mk::utf8_length("佐々木😀") == 4);
}

TEST_CASE("utf8: control characters", "[utf8]") {
  CHECK_FALSE(mk::has_control_characters("Jansen\tde Vries\r\nregel 2"));
  CHECK_FALSE(mk::has_control_characters("Ängela 😀"));
  CHECK(mk::has_control_characters(std::string("a\0b", 3)));
  CHECK(mk::has_control_characters("a\x1B[31mrood"));
  CHECK(mk::has_control_characters("\x01"));
  CHECK(mk::has_control_characters("\x1F"));
  CHECK(mk::has_control_characters("a\x7F"));
  CHECK(mk::has_control_characters("\b"));
}

TEST_CASE("C1 control characters count as control characters") {
  CHECK(
      mk::has_control_characters("abc\xc2\x9b"
                                 "31m"));  // U+009B, CSI
  CHECK(mk::has_control_characters("\xc2\x80"));
  CHECK_FALSE(mk::has_control_characters("caf\xc3\xa9"));  // é
  CHECK_FALSE(mk::has_control_characters("\xc2\xa0"));     // no-break space
}

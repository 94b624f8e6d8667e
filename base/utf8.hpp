// UTF-8 validation. Every text that enters the vault is checked here first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mk {

// True when `text` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences.
bool is_valid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text. Requires is_valid_utf8(text).
std::size_t utf8_length(std::string_view text);

// True when the text holds a C0 control character other than tab, LF and CR, DEL, or a C1
// control character (U+0080..U+009F). Such
// characters are refused in record fields (they can hide text in terminals).
bool has_control_characters(std::string_view text);

// Decodes the code point that starts at text[pos] into `cp` and returns its length in bytes (1..4).
// Returns 0 (and leaves `cp` unspecified) when pos is at or past the end or the bytes there are not
// a well-formed sequence by the rules of is_valid_utf8.
std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& cp);

// Appends the UTF-8 encoding of `cp`. Requires a Unicode scalar value (at most U+10FFFF and not a
// surrogate); aborts otherwise.
void append_utf8(std::string& out, char32_t cp);

}  // namespace mk

// UTF-8 validation. Every text that enters the vault is checked here first.
#pragma once

#include <cstddef>
#include <string_view>

namespace mk {

// True when `text` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences.
bool is_valid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text. Requires is_valid_utf8(text).
std::size_t utf8_length(std::string_view text);

// True when the text holds a C0 control character other than tab, LF and CR, or DEL. Such
// characters are refused in record fields (they can hide text in terminals).
bool has_control_characters(std::string_view text);

}  // namespace mk

// Input rules for record fields. Every value is checked before anything is written; an error names
// the field and the rule, never the value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.hpp"
#include "base/result.hpp"
#include "vault/person.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxNarrativeChars = 20000;
inline constexpr std::size_t kMaxShortTextChars = 200;

// Valid UTF-8, no control characters (tab and newlines only when `multiline`), not blank, at most
// `max_chars` code points. Returns the value with surrounding whitespace trimmed.
Result<std::string> check_text(std::string_view field, std::string_view value,
                               std::size_t max_chars, bool multiline = false);

// A date in ISO form, not after `today`, not before 1900-01-01.
Result<Date> check_past_date(std::string_view field, std::string_view value, const Date& today);

// The Dutch burgerservicenummer: 9 digits (8 accepted with a leading zero added; spaces and dots
// ignored) passing the 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 and not 0.
// Returns the canonical 9 digits.
Result<std::string> check_bsn(std::string_view value);
bool bsn_passes_11_proef(std::string_view nine_digits);

// Checks and canonicalises one person field (trims text, canonical BSN, ISO date).
Result<std::string> check_person_field(PersonField field, std::string_view value,
                                       const Date& today);

// A catalogue code's syntax: 1-64 of [a-z0-9._]. Whether it exists is the catalogue's business.
bool valid_code_syntax(std::string_view code);

}  // namespace mk::vault

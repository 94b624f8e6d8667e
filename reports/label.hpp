// Texts of a report in both languages it is shown in. A report is Dutch by default, with the
// English in smaller type under it; the English-first rendering swaps the two.
#pragma once

#include <string>
#include <string_view>

#include "base/status.hpp"

namespace mk::reports {

enum class Language { kDutch, kEnglish };

struct Label {
  std::string nl;  // "Seksuele uitbuiting"
  std::string en;  // "Sexual exploitation"
};

// The text in `language`, and the one in the other language.
inline const std::string& primary(const Label& l, Language language) {
  return language == Language::kDutch ? l.nl : l.en;
}
inline const std::string& secondary(const Label& l, Language language) {
  return language == Language::kDutch ? l.en : l.nl;
}

// Longest label a report accepts, in bytes.
inline constexpr std::size_t kMaxLabelBytes = 200;

// Ok when both texts are valid UTF-8, 1..kMaxLabelBytes bytes, without control characters or
// surrounding white space. Otherwise kInvalidInput "<what>: <reason>", quoting neither text.
Status check_label(const Label& label, std::string_view what);

// The same rules for one text (a municipality's name, a partner's name).
Status check_text(std::string_view text, std::string_view what);

}  // namespace mk::reports

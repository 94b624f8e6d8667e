#include "reports/label.hpp"

#include <string>

#include "base/utf8.hpp"

namespace mk::reports {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

Status check_text(std::string_view text, std::string_view what) {
  const std::string w(what);
  if (text.empty()) return invalid_input(w + ": must not be empty");
  if (text.size() > kMaxLabelBytes) {
    return invalid_input(w + ": longer than " + std::to_string(kMaxLabelBytes) + " bytes");
  }
  if (!is_valid_utf8(text)) return invalid_input(w + ": not valid UTF-8");
  if (is_space(text.front()) || is_space(text.back())) {
    return invalid_input(w + ": must not start or end with white space");
  }
  for (char c : text) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return invalid_input(w + ": must not contain tabs or line breaks");
    }
  }
  if (has_control_characters(text)) {
    return invalid_input(w + ": must not contain control characters");
  }
  return Status::ok();
}

Status check_label(const Label& label, std::string_view what) {
  MK_RETURN_IF_ERROR(check_text(label.nl, std::string(what) + " (Dutch)"));
  return check_text(label.en, std::string(what) + " (English)");
}

}  // namespace mk::reports

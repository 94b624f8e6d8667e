#include "vault/field_rules.hpp"

#include "base/utf8.hpp"

namespace mk::vault {
namespace {

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

Status bad(std::string_view field, std::string_view why) {
  return invalid_input(std::string(field) + ": " + std::string(why));
}

Result<std::string> check_phone(std::string_view value) {
  MK_ASSIGN_OR_RETURN(std::string text, check_text("phone", value, 40));
  std::size_t digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
      return bad("phone", "only digits, spaces, '-', '(', ')' and a leading '+' are allowed");
    }
  }
  if (digits < 6 || digits > 15) return bad("phone", "must hold 6 to 15 digits");
  return text;
}

Result<std::string> check_document(std::string_view value) {
  MK_ASSIGN_OR_RETURN(std::string text, check_text("document_number", value, 40));
  for (char c : text) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == ' ' || c == '-';
    if (!ok) return bad("document_number", "only letters, digits, spaces and '-' are allowed");
  }
  return text;
}

}  // namespace

Result<std::string> check_text(std::string_view field, std::string_view value,
                               std::size_t max_chars, bool multiline) {
  if (!is_valid_utf8(value)) return bad(field, "is not valid UTF-8");
  if (has_control_characters(value)) return bad(field, "contains a control character");
  if (!multiline && value.find_first_of("\t\n\r") != std::string_view::npos) {
    return bad(field, "must be a single line");
  }
  std::string_view t = trim(value);
  if (t.empty()) return bad(field, "is empty");
  if (utf8_length(t) > max_chars) {
    return bad(field, "is longer than " + std::to_string(max_chars) + " characters");
  }
  return std::string(t);
}

Result<Date> check_past_date(std::string_view field, std::string_view value, const Date& today) {
  std::optional<Date> d = Date::parse_iso(value);
  if (!d) return bad(field, "must be a real date written YYYY-MM-DD");
  if (*d > today) return bad(field, "lies in the future");
  if (*d < Date(1900, 1, 1)) return bad(field, "lies before 1900");
  return *d;
}

bool bsn_passes_11_proef(std::string_view digits) {
  if (digits.size() != 9) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    char c = digits[i];
    if (c < '0' || c > '9') return false;
    int weight = i < 8 ? static_cast<int>(9 - i) : -1;
    sum += weight * (c - '0');
  }
  return sum != 0 && sum % 11 == 0;
}

Result<std::string> check_bsn(std::string_view value) {
  std::string digits;
  for (char c : value) {
    if (c == ' ' || c == '.') continue;
    if (c < '0' || c > '9') return bad("bsn", "must consist of digits");
    digits.push_back(c);
  }
  if (digits.size() == 8) digits.insert(digits.begin(), '0');
  if (digits.size() != 9) return bad("bsn", "must have 9 digits");
  if (!bsn_passes_11_proef(digits)) return bad("bsn", "fails the 11-proef (check digit)");
  return digits;
}

Result<std::string> check_person_field(PersonField field, std::string_view value,
                                       const Date& today) {
  switch (field) {
    case PersonField::kName:
      return check_text("name", value, kMaxShortTextChars);
    case PersonField::kDateOfBirth: {
      MK_ASSIGN_OR_RETURN(Date d, check_past_date("date_of_birth", value, today));
      return d.to_iso();
    }
    case PersonField::kNationality:
      return check_text("nationality", value, 60);
    case PersonField::kBsn:
      return check_bsn(value);
    case PersonField::kDocumentNumber:
      return check_document(value);
    case PersonField::kAddress:
      return check_text("address", value, 300);
    case PersonField::kPhone:
      return check_phone(value);
  }
  return internal_error("unknown person field");
}

bool valid_code_syntax(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) return false;
  }
  return true;
}

}  // namespace mk::vault

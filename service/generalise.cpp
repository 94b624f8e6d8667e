#include "service/generalise.hpp"

#include <algorithm>

namespace mk::service {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == ','))
    s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == ','))
    s.remove_suffix(1);
  return s;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), is_digit);
}

// Where the text after a Dutch postcode starts ("2282 BX Rijswijk" -> at "Rijswijk"), or npos. The
// postcode must stand on its own: not preceded by a digit, followed by white space.
std::size_t after_postcode(std::string_view a) {
  for (std::size_t i = 0; i + 6 <= a.size(); ++i) {
    if (i > 0 && (is_digit(a[i - 1]) || is_upper(a[i - 1]))) continue;
    if (!(is_digit(a[i]) && a[i] != '0' && is_digit(a[i + 1]) && is_digit(a[i + 2]) &&
          is_digit(a[i + 3]))) {
      continue;
    }
    std::size_t j = i + 4;
    if (j < a.size() && a[j] == ' ') ++j;
    if (j + 2 > a.size() || !is_upper(a[j]) || !is_upper(a[j + 1])) continue;
    j += 2;
    if (j < a.size() && is_space(a[j])) return j;
  }
  return std::string_view::npos;
}

std::optional<std::string> checked_place(std::string_view place) {
  place = trim(place);
  if (place.empty() || has_digit(place)) return std::nullopt;
  return std::string(place);
}

}  // namespace

std::optional<std::string> birth_year(std::string_view date_of_birth) {
  if (date_of_birth.size() < 5 || date_of_birth[4] != '-' ||
      !std::all_of(date_of_birth.begin(), date_of_birth.begin() + 4, is_digit)) {
    return std::nullopt;
  }
  return std::string(date_of_birth.substr(0, 4));
}

std::optional<std::string> place_of(std::string_view address) {
  if (std::size_t at = after_postcode(address); at != std::string_view::npos) {
    std::string_view rest = address.substr(at);
    return checked_place(rest.substr(0, rest.find(',')));
  }
  if (std::size_t comma = address.rfind(','); comma != std::string_view::npos) {
    return checked_place(address.substr(comma + 1));
  }
  return checked_place(address);
}

}  // namespace mk::service

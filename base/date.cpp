#include "base/date.hpp"

#include <cstdio>
#include <cstdlib>

namespace mk {

namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 9999;

// The value of the `n` decimal digits at text[at], or -1 when any of them is not a digit.
int read_digits(std::string_view text, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char c = text[at + k];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Checks the ranges the chrono types cannot hold (they would wrap) before building the date.
std::chrono::year_month_day checked_ymd(int year, unsigned month, unsigned day) {
  if (year < static_cast<int>(std::chrono::year::min()) ||
      year > static_cast<int>(std::chrono::year::max()) || month > 12 || day > 31) {
    std::abort();
  }
  return {std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

}  // namespace

Date::Date(int year, unsigned month, unsigned day) : Date(checked_ymd(year, month, day)) {}

Date::Date(std::chrono::year_month_day ymd) : ymd_(ymd) {
  if (!ymd_.ok()) std::abort();
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = read_digits(text, 0, 4);
  const int month = read_digits(text, 5, 2);
  const int day = read_digits(text, 8, 2);
  if (year < kMinYear || year > kMaxYear || month < 0 || day < 0) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

Date Date::from_sys_days(std::chrono::sys_days days) {
  return Date(std::chrono::year_month_day{days});
}

int Date::year() const {
  return static_cast<int>(ymd_.year());
}
unsigned Date::month() const {
  return static_cast<unsigned>(ymd_.month());
}
unsigned Date::day() const {
  return static_cast<unsigned>(ymd_.day());
}
std::chrono::sys_days Date::sys_days() const {
  return std::chrono::sys_days{ymd_};
}

std::string Date::to_iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::string Date::to_dutch() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u-%02u-%04d", day(), month(), year());
  return buf;
}

}  // namespace mk

// Calendar dates (no time of day, no zone): dates of birth, the date a signal was received, the
// date a case closed. Past dates are ordinary input.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mk {

class Date {
 public:
  // Requires a valid date (see parse_iso); use parse_iso for untrusted input.
  Date(int year, unsigned month, unsigned day);
  explicit Date(std::chrono::year_month_day ymd);

  // Strictly "YYYY-MM-DD" with a real calendar date in years 1800..9999 ("2026-02-30" and
  // "2026-2-3" are rejected). Returns nullopt on anything else.
  static std::optional<Date> parse_iso(std::string_view text);
  // The UTC calendar date of an instant.
  static Date from_sys_days(std::chrono::sys_days days);

  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::chrono::sys_days sys_days() const;
  std::string to_iso() const;    // "2026-03-01"
  std::string to_dutch() const;  // "01-03-2026" (dd-mm-jjjj), as Dutch forms write dates

  friend auto operator<=>(const Date& a, const Date& b) { return a.sys_days() <=> b.sys_days(); }
  friend bool operator==(const Date& a, const Date& b) { return a.sys_days() == b.sys_days(); }

 private:
  std::chrono::year_month_day ymd_;
};

}  // namespace mk

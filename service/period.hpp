// Report periods of the mayor's report: a year "2026", a half "2026-H1"/"2026-H2" or a quarter
// "2026-Q1".."2026-Q4" (reports::is_report_period), as calendar months, and the periods before
// one for the trend (a quarter's predecessor is the quarter before, across years).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"

namespace mk::service {

struct ReportPeriod {
  int year = 2026;
  int months = 12;  // its length: 12 (year), 6 (half) or 3 (quarter)
  int index = 1;    // 1-based: the half or quarter of the year; 1 for a year

  unsigned first_month() const { return static_cast<unsigned>((index - 1) * months + 1); }
  Date first_day() const;
  Date last_day() const;
  bool contains(const Date& d) const;
  // Whether "YYYY-MM" (a statistical fact's month) lies in the period; false for anything else.
  bool contains_month(std::string_view year_month) const;
  std::string name() const;  // "2026-Q3"
  friend bool operator==(const ReportPeriod&, const ReportPeriod&) = default;
};

// kInvalidInput "report period must be ..." for anything is_report_period refuses.
Result<ReportPeriod> parse_report_period(std::string_view text);

// The period of the same length just before `p` (2026-Q1 -> 2025-Q4, 2026 -> 2025).
// kInvalidInput before the year 1800.
Result<ReportPeriod> previous_period(const ReportPeriod& p);

// The last `n` periods ending with `p`, oldest first (fewer when the calendar runs out at 1800).
std::vector<ReportPeriod> trend_periods(const ReportPeriod& p, int n);

}  // namespace mk::service

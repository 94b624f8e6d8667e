#include "service/period.hpp"

#include <chrono>

#include "reports/report_document.hpp"

namespace mk::service {

Date ReportPeriod::first_day() const {
  return Date(year, first_month(), 1);
}

Date ReportPeriod::last_day() const {
  const unsigned last = first_month() + static_cast<unsigned>(months) - 1;
  const std::chrono::year_month_day_last ymdl{std::chrono::year{year} / std::chrono::month{last} /
                                              std::chrono::last};
  return Date(year, last, static_cast<unsigned>(ymdl.day()));
}

bool ReportPeriod::contains(const Date& d) const {
  return first_day() <= d && d <= last_day();
}

bool ReportPeriod::contains_month(std::string_view ym) const {
  const std::optional<Date> d = Date::parse_iso(std::string(ym) + "-01");
  return ym.size() == 7 && d && contains(*d);
}

std::string ReportPeriod::name() const {
  std::string out = std::to_string(year);
  if (months == 6) out += "-H" + std::to_string(index);
  if (months == 3) out += "-Q" + std::to_string(index);
  return out;
}

Result<ReportPeriod> parse_report_period(std::string_view text) {
  if (!reports::is_report_period(text)) {
    return invalid_input(
        "report period must be a year (2026), a half (2026-H1) or a quarter (2026-Q3)");
  }
  ReportPeriod p;
  p.year = std::stoi(std::string(text.substr(0, 4)));
  if (text.size() == 4) return p;
  p.months = text[5] == 'H' ? 6 : 3;
  p.index = text[6] - '0';
  return p;
}

Result<ReportPeriod> previous_period(const ReportPeriod& p) {
  ReportPeriod q = p;
  if (q.index > 1) {
    --q.index;
  } else {
    --q.year;
    q.index = 12 / q.months;
  }
  if (q.year < 1800) return invalid_input("no report period before 1800");
  return q;
}

std::vector<ReportPeriod> trend_periods(const ReportPeriod& p, int n) {
  std::vector<ReportPeriod> out{p};
  while (static_cast<int>(out.size()) < n) {
    Result<ReportPeriod> q = previous_period(out.front());
    if (!q) break;
    out.insert(out.begin(), *q);
  }
  return out;
}

}  // namespace mk::service

// ISO 8601 durations (date part only) as retention periods: parsing with a reason for every
// refusal, the canonical form, and adding a period to a date.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>

#include "policies/retention_policy.hpp"

namespace mk::policies {

namespace {

constexpr int kMaxComponent = 9999;
constexpr std::size_t kMaxDigits = 4;
constexpr std::string_view kDesignators = "YMWD";  // the order components must appear in

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Parses `text`, giving either the period or the reason it is refused (never both).
std::optional<IsoPeriod> parse(std::string_view text, std::string* reason) {
  auto fail = [&](std::string r) -> std::optional<IsoPeriod> {
    if (reason != nullptr) *reason = std::move(r);
    return std::nullopt;
  };
  const std::string expected =
      "must be an ISO 8601 duration in years, months, weeks or days, such as \"P5Y\", \"P6M\", "
      "\"P1Y6M\" or \"P2W\"";
  if (text.empty() || text.front() != 'P') return fail(expected);
  if (text.size() == 1)
    return fail("must have at least one component after \"P\", such as \"P5Y\"");
  IsoPeriod p;
  std::size_t next_designator = 0;  // index in kDesignators of the earliest one still allowed
  std::size_t count = 0;
  bool weeks_given = false;
  std::size_t i = 1;
  while (i < text.size()) {
    if (text[i] == 'T') {
      return fail(
          "must not have a time part (\"T...\"): periods are whole years, months, weeks "
          "or days");
    }
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i]))
      ++i;
    const std::size_t digits = i - start;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
      return fail("must not have fractions: use a smaller unit (\"P18M\", not \"P1.5Y\")");
    }
    if (digits == 0 || i == text.size()) return fail(expected);
    if (digits > kMaxDigits) return fail("must not have a component over 9999");
    const std::size_t d = kDesignators.find(text[i]);
    if (d == std::string_view::npos) return fail(expected);
    if (d < next_designator) {
      return fail(
          "must give years, months, weeks and days in that order (Y, M, W, D), each at "
          "most once");
    }
    int value = 0;
    for (std::size_t k = start; k < i; ++k)
      value = value * 10 + (text[k] - '0');
    switch (text[i]) {
      case 'Y':
        p.years = value;
        break;
      case 'M':
        p.months = value;
        break;
      case 'W':
        p.weeks = value;
        weeks_given = true;
        break;
      default:
        p.days = value;
        break;
    }
    next_designator = d + 1;
    ++count;
    ++i;
  }
  if (weeks_given && count > 1) {
    return fail("must not combine weeks with other components (ISO 8601)");
  }
  if (p == IsoPeriod{}) return fail("must not be zero");
  return p;
}

}  // namespace

std::optional<IsoPeriod> parse_iso_period(std::string_view text) {
  return parse(text, nullptr);
}

std::string iso_period_problem(std::string_view text) {
  std::string reason;
  parse(text, &reason);
  return reason;
}

std::string format_iso_period(const IsoPeriod& p) {
  std::string out = "P";
  if (p.years != 0) out += std::to_string(p.years) + "Y";
  if (p.months != 0) out += std::to_string(p.months) + "M";
  if (p.weeks != 0) out += std::to_string(p.weeks) + "W";
  if (p.days != 0) out += std::to_string(p.days) + "D";
  if (out.size() == 1) out += "0D";  // only a period built in code can be zero
  return out;
}

Date add_period(const Date& date, const IsoPeriod& period) {
  for (int c : {period.years, period.months, period.weeks, period.days}) {
    if (c < 0 || c > kMaxComponent) std::abort();
  }
  using namespace std::chrono;
  // Months counted from year 0, so years and months carry into each other exactly.
  const long total_months =
      (static_cast<long>(date.year()) + period.years) * 12 + (date.month() - 1) + period.months;
  const year y{static_cast<int>(total_months / 12)};
  const month m{static_cast<unsigned>(total_months % 12) + 1};
  const day last = year_month_day_last{y, month_day_last{m}}.day();
  const day d = std::min(day{date.day()}, last);
  const sys_days shifted =
      sys_days{year_month_day{y, m, d}} + days{7L * period.weeks + period.days};
  return Date::from_sys_days(shifted);
}

}  // namespace mk::policies

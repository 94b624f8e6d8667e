// Retention periods: ISO 8601 durations (date part only), read strictly with a reason for every
// refusal, written canonically, and added to dates with month-end clamping.
#include <catch2/catch.hpp>
#include <string>

#include "base/date.hpp"
#include "policies/retention_policy.hpp"

using mk::Date;
using mk::policies::add_period;
using mk::policies::format_iso_period;
using mk::policies::iso_period_problem;
using mk::policies::IsoPeriod;
using mk::policies::parse_iso_period;

namespace {

Date d(const char* iso) {
  const auto date = Date::parse_iso(iso);
  REQUIRE(date.has_value());
  return *date;
}

IsoPeriod period(const char* text) {
  const auto p = parse_iso_period(text);
  INFO(text << ": " << iso_period_problem(text));
  REQUIRE(p.has_value());
  return *p;
}

}  // namespace

TEST_CASE("valid periods are read component by component", "[policies][retention][period]") {
  CHECK(period("P1Y") == IsoPeriod{1, 0, 0, 0});
  CHECK(period("P6M") == IsoPeriod{0, 6, 0, 0});
  CHECK(period("P5Y6M") == IsoPeriod{5, 6, 0, 0});
  CHECK(period("P2W") == IsoPeriod{0, 0, 2, 0});
  CHECK(period("P30D") == IsoPeriod{0, 0, 0, 30});
  CHECK(period("P1Y2M10D") == IsoPeriod{1, 2, 0, 10});
  CHECK(period("P0Y18M") == IsoPeriod{0, 18, 0, 0});  // a zero component is fine, if not all are
  CHECK(period("P9999D") == IsoPeriod{0, 0, 0, 9999});
  CHECK(iso_period_problem("P5Y").empty());
}

TEST_CASE("invalid periods are refused with a reason", "[policies][retention][period]") {
  struct Case {
    const char* text;
    const char* reason;
  };
  const std::string expected =
      "must be an ISO 8601 duration in years, months, weeks or days, such as \"P5Y\", \"P6M\", "
      "\"P1Y6M\" or \"P2W\"";
  const std::string time_part =
      "must not have a time part (\"T...\"): periods are whole years, months, weeks or days";
  const std::string order =
      "must give years, months, weeks and days in that order (Y, M, W, D), each at most once";
  const Case cases[] = {
      {"P1Y2X", expected.c_str()},
      {"", expected.c_str()},
      {"1Y", expected.c_str()},
      {"p1y", expected.c_str()},
      {"P-1Y", expected.c_str()},
      {"-P1Y", expected.c_str()},
      {"P1", expected.c_str()},
      {"PY", expected.c_str()},
      {" P1Y", expected.c_str()},
      {"P1Y ", expected.c_str()},
      {"P", "must have at least one component after \"P\", such as \"P5Y\""},
      {"PT1H", time_part.c_str()},
      {"P1YT2H", time_part.c_str()},
      {"P0D", "must not be zero"},
      {"P0Y0M", "must not be zero"},
      {"P1.5Y", "must not have fractions: use a smaller unit (\"P18M\", not \"P1.5Y\")"},
      {"P1,5Y", "must not have fractions: use a smaller unit (\"P18M\", not \"P1.5Y\")"},
      {"P6M1Y", order.c_str()},
      {"P1Y1Y", order.c_str()},
      {"P10000Y", "must not have a component over 9999"},
      {"P00001D", "must not have a component over 9999"},
      {"P1W2D", "must not combine weeks with other components (ISO 8601)"},
      {"P1Y2W", "must not combine weeks with other components (ISO 8601)"},
  };
  for (const Case& c : cases) {
    INFO("\"" << c.text << "\"");
    CHECK_FALSE(parse_iso_period(c.text).has_value());
    CHECK(iso_period_problem(c.text) == c.reason);
  }
}

TEST_CASE("periods are written canonically", "[policies][retention][period]") {
  CHECK(format_iso_period(period("P5Y6M")) == "P5Y6M");
  CHECK(format_iso_period(period("P0Y18M")) == "P18M");
  CHECK(format_iso_period(period("P2W")) == "P2W");
  CHECK(format_iso_period(period("P1Y2M10D")) == "P1Y2M10D");
  CHECK(format_iso_period(IsoPeriod{}) == "P0D");
  for (const char* text : {"P1Y", "P6M", "P30D", "P9999Y9999M9999D"}) {
    CHECK(format_iso_period(period(text)) == text);
  }
}

TEST_CASE("adding a period clamps the day to the end of the month",
          "[policies][retention][period]") {
  // Years and months first, then the day clamped.
  CHECK(add_period(d("2024-02-29"), period("P1Y")) == d("2025-02-28"));
  CHECK(add_period(d("2024-02-29"), period("P4Y")) == d("2028-02-29"));
  CHECK(add_period(d("2024-02-29"), period("P5Y")) == d("2029-02-28"));
  CHECK(add_period(d("2026-01-31"), period("P1M")) == d("2026-02-28"));
  CHECK(add_period(d("2028-01-31"), period("P1M")) == d("2028-02-29"));
  CHECK(add_period(d("2026-03-31"), period("P1M")) == d("2026-04-30"));
  CHECK(add_period(d("2025-08-31"), period("P6M")) == d("2026-02-28"));
  CHECK(add_period(d("2025-08-31"), period("P1Y6M")) == d("2027-02-28"));
  CHECK(add_period(d("2026-11-15"), period("P2M")) == d("2027-01-15"));
  CHECK(add_period(d("2026-12-31"), period("P12M")) == d("2027-12-31"));
  CHECK(add_period(d("2026-05-14"), period("P0Y18M")) == d("2027-11-14"));
  // Then weeks and days, counted in days from the clamped date.
  CHECK(add_period(d("2026-01-31"), period("P1M1D")) == d("2026-03-01"));
  CHECK(add_period(d("2025-12-31"), period("P2W")) == d("2026-01-14"));
  CHECK(add_period(d("2024-02-28"), period("P1D")) == d("2024-02-29"));
  CHECK(add_period(d("2023-02-28"), period("P1D")) == d("2023-03-01"));
  CHECK(add_period(d("2026-03-02"), period("P30D")) == d("2026-04-01"));
  // The largest period the format allows does not overflow.
  CHECK(add_period(d("9999-12-31"), period("P9999Y9999M9999D")).year() > 9999);
}

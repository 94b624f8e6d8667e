#include "base/date.hpp"

#include <catch2/catch.hpp>
#include <chrono>

using mk::Date;

TEST_CASE("date: parse_iso accepts real dates", "[date]") {
  auto d = Date::parse_iso("2026-03-01");
  REQUIRE(d.has_value());
  CHECK(d->year() == 2026);
  CHECK(d->month() == 3);
  CHECK(d->day() == 1);
  CHECK(Date::parse_iso("1800-01-01").has_value());
  CHECK(Date::parse_iso("9999-12-31").has_value());
  CHECK(Date::parse_iso("2026-01-31").has_value());
  CHECK(Date::parse_iso("2026-04-30").has_value());
  CHECK(Date::parse_iso("2019-12-31").has_value());
}

TEST_CASE("date: leap years", "[date]") {
  CHECK(Date::parse_iso("2024-02-29").has_value());
  CHECK(Date::parse_iso("2000-02-29").has_value());
  CHECK_FALSE(Date::parse_iso("2023-02-29").has_value());
  CHECK_FALSE(Date::parse_iso("1900-02-29").has_value());
  CHECK_FALSE(Date::parse_iso("2024-02-30").has_value());
  CHECK(Date::parse_iso("2023-02-28").has_value());
}

TEST_CASE("date: parse_iso rejects anything but YYYY-MM-DD", "[date]") {
  const char* bad[] = {
      "",
      "2026-2-3",
      "2026-02-3",
      "26-02-03",
      " 2026-02-03",
      "2026-02-03 ",
      "2026-02-03x",
      "+2026-02-03",
      "-2026-02-03",
      "2026/02/03",
      "20260203",
      "2026-02-03T00:00",
      "2026-00-10",
      "2026-13-01",
      "2026-01-00",
      "2026-01-32",
      "2026-04-31",
      "2026-02-30",
      "1799-12-31",
      "0000-01-01",
      "2026-+2-03",
      "2026--2-03",
      "2026-0x-03",
      "２０２６-02-03",
      "03-02-2026",
      "2026-02-0\n",
  };
  for (const char* text : bad) {
    INFO(text);
    CHECK_FALSE(Date::parse_iso(text).has_value());
  }
  CHECK_FALSE(Date::parse_iso(std::string_view("2026-02-03", 9)).has_value());
  CHECK_FALSE(Date::parse_iso(std::string_view("2026-02-0\0", 10)).has_value());
}

TEST_CASE("date: formats", "[date]") {
  const Date d(2026, 3, 1);
  CHECK(d.to_iso() == "2026-03-01");
  CHECK(d.to_dutch() == "01-03-2026");
  CHECK(Date(1850, 12, 31).to_dutch() == "31-12-1850");
  CHECK(Date::parse_iso("2019-07-04")->to_iso() == "2019-07-04");
}

TEST_CASE("date: comparison and days", "[date]") {
  const Date a(2026, 2, 28);
  const Date b(2026, 3, 1);
  CHECK(a < b);
  CHECK(a != b);
  CHECK(a == Date(2026, 2, 28));
  CHECK(b.sys_days() - a.sys_days() == std::chrono::days{1});
  CHECK(Date::from_sys_days(a.sys_days() + std::chrono::days{1}) == b);
  CHECK(Date(1970, 1, 1).sys_days().time_since_epoch().count() == 0);
  CHECK(Date::from_sys_days(std::chrono::sys_days{std::chrono::days{20513}}).to_iso() ==
        "2026-03-01");
  CHECK(Date(std::chrono::year{2024} / 2 / 29).to_iso() == "2024-02-29");
}

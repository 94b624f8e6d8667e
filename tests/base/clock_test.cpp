#include "base/clock.hpp"

#include <catch2/catch.hpp>
#include <chrono>

using namespace std::chrono_literals;

namespace {

mk::Instant instant(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  return std::chrono::sys_days{std::chrono::year{y} / static_cast<int>(m) / static_cast<int>(d)} +
         std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

}  // namespace

TEST_CASE("clock: format_instant", "[clock]") {
  CHECK(mk::format_instant(instant(2026, 11, 29, 8, 30, 0)) == "2026-11-29T08:30:00Z");
  CHECK(mk::format_instant(mk::Instant{}) == "1970-01-01T00:00:00Z");
  CHECK(mk::format_instant(instant(1999, 12, 31, 23, 59, 59)) == "1999-12-31T23:59:59Z");
  CHECK(mk::format_instant(instant(1965, 6, 1, 12, 0, 1)) == "1965-06-01T12:00:01Z");
}

TEST_CASE("clock: parse_instant reads what format_instant writes", "[clock]") {
  mk::Instant t;
  REQUIRE(mk::parse_instant("2026-11-29T08:30:00Z", t));
  CHECK(t == instant(2026, 11, 29, 8, 30, 0));
  REQUIRE(mk::parse_instant("2024-02-29T23:59:59Z", t));
  CHECK(t == instant(2024, 2, 29, 23, 59, 59));
  for (mk::Instant x :
       {mk::Instant{}, instant(1965, 6, 1, 12, 0, 1), instant(2099, 1, 1, 0, 0, 0)}) {
    REQUIRE(mk::parse_instant(mk::format_instant(x), t));
    CHECK(t == x);
  }
}

TEST_CASE("clock: parse_instant is strict", "[clock]") {
  const char* bad[] = {
      "",
      "2026-11-29",
      "2026-11-29T08:30:00",
      "2026-11-29T08:30:00z",
      "2026-11-29 08:30:00Z",
      "2026-11-29T08:30Z",
      "2026-11-29T08:30:00.5Z",
      "2026-11-29T08:30:00+01:00",
      " 2026-11-29T08:30:00Z",
      "2026-11-29T08:30:00Z ",
      "2026-11-29T24:00:00Z",
      "2026-11-29T08:60:00Z",
      "2026-11-29T08:30:60Z",
      "2026-11-29T8:30:00Z",
      "2026-11-29T+8:30:00Z",
      "2026-02-30T08:30:00Z",
      "2023-02-29T08:30:00Z",
      "2026-1-29T08:30:00Z",
  };
  for (const char* text : bad) {
    INFO(text);
    mk::Instant t = instant(2000, 1, 1, 0, 0, 0);
    CHECK_FALSE(mk::parse_instant(text, t));
  }
}

TEST_CASE("clock: FixedClock moves only when told", "[clock]") {
  mk::FixedClock clock(instant(2026, 1, 1, 9, 0, 0));
  CHECK(clock.now() == instant(2026, 1, 1, 9, 0, 0));
  clock.advance(90s);
  CHECK(clock.now() == instant(2026, 1, 1, 9, 1, 30));
  clock.set(instant(2019, 5, 1, 0, 0, 0));
  CHECK(clock.now() == instant(2019, 5, 1, 0, 0, 0));
}

TEST_CASE("clock: SystemClock reads whole seconds of the current time", "[clock]") {
  mk::SystemClock clock;
  const auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const mk::Instant now = clock.now();
  const auto after = std::chrono::system_clock::now();
  CHECK(now >= before);
  CHECK(now <= after);
}

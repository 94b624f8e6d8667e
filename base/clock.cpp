#include "base/clock.hpp"

#include <cstdio>

#include "base/date.hpp"

namespace mk {

namespace {

// The value of the two decimal digits at text[at], or -1 when either is not a digit.
int read_two_digits(const std::string& text, std::size_t at) {
  const char hi = text[at];
  const char lo = text[at + 1];
  if (hi < '0' || hi > '9' || lo < '0' || lo > '9') return -1;
  return (hi - '0') * 10 + (lo - '0');
}

}  // namespace

Instant SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string format_instant(Instant t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{t - days};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

bool parse_instant(const std::string& text, Instant& out) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return false;
  }
  const std::optional<Date> date = Date::parse_iso(std::string_view(text).substr(0, 10));
  const int hours = read_two_digits(text, 11);
  const int minutes = read_two_digits(text, 14);
  const int seconds = read_two_digits(text, 17);
  if (!date || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 ||
      seconds > 59) {
    return false;
  }
  out = date->sys_days() + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
        std::chrono::seconds{seconds};
  return true;
}

}  // namespace mk

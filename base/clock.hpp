// The clock is injected everywhere time matters (record timestamps, audit entries, retention), so
// tests can set and advance time without sleeping.
#pragma once

#include <chrono>
#include <string>

namespace mk {

using Instant = std::chrono::sys_seconds;  // UTC, whole seconds

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// The operating system's clock.
class SystemClock final : public Clock {
 public:
  Instant now() const override;
};

// A clock that only moves when told to. For tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant start) : now_(start) {}
  Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }
  void advance(std::chrono::seconds d) { now_ += d; }

 private:
  Instant now_;
};

// "2026-11-29T08:30:00Z"
std::string format_instant(Instant t);
// Parses exactly the form format_instant writes, for years 1800..9999 (as Date::parse_iso);
// returns false on anything else.
bool parse_instant(const std::string& text, Instant& out);

}  // namespace mk

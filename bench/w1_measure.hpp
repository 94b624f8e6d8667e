// What every W1 measurement shares: a stopwatch, percentiles, a peak-memory probe and the row of
// the result table (w1_table.hpp prints the rows).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace mk::bench {

using Stopwatch = std::chrono::steady_clock;

inline double seconds_since(Stopwatch::time_point start) {
  return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

// The q-quantile (0..1, nearest rank) of `samples`; requires a non-empty vector. Sorts a copy.
double quantile(std::vector<double> samples, double q);

// Peak resident memory of one phase. start() resets the kernel's high-water mark (VmHWM) by
// writing "5" to /proc/self/clear_refs where allowed; stop() reads VmHWM. When the reset is not
// allowed, VmHWM is the process peak so far (method() says which).
class MemoryProbe {
 public:
  void start();
  void stop();
  double peak_mib() const { return peak_mib_; }    // VmHWM at stop()
  double delta_mib() const { return delta_mib_; }  // VmHWM at stop() - VmRSS at start()
  static const char* method();                     // "VmHWM reset via clear_refs" or ...

 private:
  double start_rss_mib_ = 0;
  double peak_mib_ = 0;
  double delta_mib_ = 0;
};

// One line of the table. Times in milliseconds; throughput in `unit` per second.
struct Row {
  std::string name;     // "intake person"
  std::string variant;  // "full", "sqlcipher", "sqlite", ...
  std::size_t n = 0;
  std::optional<double> p50_ms;
  std::optional<double> p99_ms;
  std::optional<double> throughput;
  std::string unit;             // "rows/s", "entries/s"
  std::optional<double> ratio;  // against the row it is compared with
  std::string goal;             // "<= 2.0x sqlcipher", "" when none
  std::optional<bool> met;      // nullopt: no goal on this row
  std::optional<double> rss_peak_mib;
  std::optional<double> rss_delta_mib;
};

// A phase of the run that failed: the run goes on, the table says so and the exit code is 1.
struct Failure {
  std::string phase;
  std::string message;  // Status::to_string(): codes and words, never record contents
};

struct Results {
  std::vector<Row> rows;
  std::vector<Failure> failures;
  std::vector<std::string> notes;  // printed under the table
};

}  // namespace mk::bench

#include "w1_measure.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

namespace mk::bench {
namespace {

// A "VmXXX:   1234 kB" line of /proc/self/status in MiB; 0 when absent.
double status_mib(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0) {
      return std::stod(line.substr(key.size() + 1)) / 1024.0;
    }
  }
  return 0;
}

bool reset_peak() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

bool& reset_works() {
  static bool works = true;
  return works;
}

}  // namespace

double quantile(std::vector<double> samples, double q) {
  std::sort(samples.begin(), samples.end());
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples.size())));
  rank = std::clamp<std::size_t>(rank, 1, samples.size());
  return samples[rank - 1];
}

void MemoryProbe::start() {
  reset_works() = reset_peak() && reset_works();
  start_rss_mib_ = status_mib("VmRSS");
}

void MemoryProbe::stop() {
  peak_mib_ = status_mib("VmHWM");
  if (peak_mib_ == 0) {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    peak_mib_ = static_cast<double>(usage.ru_maxrss) / 1024.0;
  }
  delta_mib_ = std::max(0.0, peak_mib_ - start_rss_mib_);
}

const char* MemoryProbe::method() {
  return reset_works() ? "VmHWM of /proc/self/status, reset per phase via /proc/self/clear_refs"
                       : "VmHWM of /proc/self/status (reset refused: process peak so far)";
}

}  // namespace mk::bench

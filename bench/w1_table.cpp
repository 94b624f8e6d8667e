#include "w1_table.hpp"

#include <string>
#include <vector>

namespace mk::bench {
namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Milliseconds with three significant-ish digits: 0.0123, 1.23, 123.
std::string ms(const std::optional<double>& v) {
  if (!v) return "-";
  if (*v < 0.1) return fixed(*v, 4);
  if (*v < 10) return fixed(*v, 3);
  return fixed(*v, 1);
}

std::string rate(const std::optional<double>& v, const std::string& unit) {
  if (!v) return "-";
  return fixed(*v, *v < 100 ? 2 : 0) + " " + unit;
}

std::string memory(const Row& r) {
  if (!r.rss_peak_mib) return "-";
  return fixed(*r.rss_peak_mib, 0) + " (+" + fixed(r.rss_delta_mib.value_or(0), 1) + ")";
}

std::vector<std::string> cells(const Row& r) {
  return {r.name,
          r.variant,
          std::to_string(r.n),
          ms(r.p50_ms),
          ms(r.p99_ms),
          rate(r.throughput, r.unit),
          r.ratio ? fixed(*r.ratio, 2) + "x" : "-",
          r.goal.empty() ? "-" : r.goal,
          !r.met ? "-" : (*r.met ? "yes" : "NO"),
          memory(r)};
}

}  // namespace

void print_table(std::FILE* out, const Results& results, double scale) {
  const std::vector<std::string> header = {
      "measurement", "variant", "n",    "p50 ms", "p99 ms",
      "throughput",  "ratio",   "goal", "met?",   "peak RSS MiB (+delta)"};
  std::vector<std::vector<std::string>> lines = {header};
  for (const Row& r : results.rows)
    lines.push_back(cells(r));
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& line : lines) {
    for (std::size_t i = 0; i < line.size(); ++i)
      width[i] = std::max(width[i], line[i].size());
  }
  std::fprintf(out, "\nW1 at scale %g\n\n", scale);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    std::string text = "|";
    for (std::size_t i = 0; i < lines[l].size(); ++i) {
      text += " " + lines[l][i] + std::string(width[i] - lines[l][i].size(), ' ') + " |";
    }
    std::fprintf(out, "%s\n", text.c_str());
    if (l == 0) {
      std::string rule = "|";
      for (std::size_t w : width)
        rule += std::string(w + 2, '-') + "|";
      std::fprintf(out, "%s\n", rule.c_str());
    }
  }
  std::fprintf(out, "\nPeak memory: %s.\n", MemoryProbe::method());
  for (const std::string& note : results.notes)
    std::fprintf(out, "Note: %s\n", note.c_str());
  for (const Failure& f : results.failures) {
    std::fprintf(out, "FAILED %s: %s\n", f.phase.c_str(), f.message.c_str());
  }
}

}  // namespace mk::bench

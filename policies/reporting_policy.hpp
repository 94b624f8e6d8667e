// The reporting policy (policies/reporting.json): how the mayor's periodic report keeps small
// counts from identifying anyone. A count below the threshold is suppressed, and so are the counts
// needed to keep it from being worked out from the totals (reports/suppression.hpp); optionally
// every count shown is then rounded down to a multiple. See docs/policies/reporting.md.
//
// This file knows nothing of reports: it only reads and holds the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kReportingPolicyFormat = "meldkluis-reporting/1";

// Limits the parser enforces. A threshold of 1 would suppress nothing.
inline constexpr std::int64_t kMinSuppressionThreshold = 2;
inline constexpr std::int64_t kMaxSuppressionThreshold = 100;
inline constexpr std::int64_t kMinRoundingMultiple = 2;
inline constexpr std::int64_t kMaxRoundingMultiple = 100;

struct SuppressionRule {
  // Counts n with 0 < n < threshold are suppressed; zero is shown.
  int threshold = 5;
  std::string reference;  // human text: why this threshold (e.g. IOM CTDC publishes with k = 11)
};

struct RoundingRule {
  // Every count shown (cells and totals, after suppression) is rounded down to a multiple of this.
  int multiple = 10;
  std::string reference;  // human text
};

class ReportingPolicy {
 public:
  const SuppressionRule& suppression() const { return suppression_; }
  // Absent: counts are shown as they are.
  const std::optional<RoundingRule>& rounding() const { return rounding_; }
  // SHA-256 of the file's exact bytes, lowercase hex: the policy version a report names.
  const std::string& hash() const { return hash_; }
  const std::string& file() const { return file_; }  // the name given to the parser

 private:
  friend Result<ReportingPolicy> parse_reporting_policy(std::string_view, std::string_view);
  std::string file_;
  std::string hash_;
  SuppressionRule suppression_;
  std::optional<RoundingRule> rounding_;
};

// Parses and validates, strictly (strict_reader.hpp): kPolicyInvalid "FILE:LINE:COL: reason",
// FILE being `file_name`, for JSON syntax errors, unknown keys, a missing key, a wrong "format"
// (must be "meldkluis-reporting/1"), a threshold that is not a whole number from 2 to 100, a
// rounding multiple that is not a whole number from 2 to 100, and references or notes that are
// not text (empty, surrounding white space, control characters).
Result<ReportingPolicy> parse_reporting_policy(std::string_view text, std::string_view file_name);

// Reads the file at `path` (named in messages as given) and parses it as above. Errors: kNotFound,
// kIo (see read_policy_file) and kPolicyInvalid.
Result<ReportingPolicy> load_reporting_policy(const std::string& path);

}  // namespace mk::policies

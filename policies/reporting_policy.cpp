// parse_reporting_policy: the strict reading of the reporting format documented in
// docs/policies/reporting.md.
#include "policies/reporting_policy.hpp"

#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

// The integer member `key` of `o` in [min, max], as an int (the limits are small).
int small_integer(StrictObject& o, std::string_view key, std::int64_t min, std::int64_t max) {
  return static_cast<int>(o.integer(key, min, max));
}

}  // namespace

Result<ReportingPolicy> parse_reporting_policy(std::string_view text, std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kReportingPolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kReportingPolicyFormat));
  }
  (void)top.optional_string("note", text_rule);
  top.allow("suppression");
  top.allow("rounding");
  MK_RETURN_IF_ERROR(top.finish());

  const json::Value* suppression = root.find("suppression");
  if (suppression == nullptr) {
    return policy_error(file, top.position(), "missing key \"suppression\" in policy");
  }
  ReportingPolicy policy;
  StrictObject s(*suppression, file, "\"suppression\"");
  policy.suppression_.threshold =
      small_integer(s, "threshold", kMinSuppressionThreshold, kMaxSuppressionThreshold);
  policy.suppression_.reference = s.string("reference", text_rule);
  MK_RETURN_IF_ERROR(s.finish());

  if (const json::Value* rounding = root.find("rounding"); rounding != nullptr) {
    StrictObject r(*rounding, file, "\"rounding\"");
    RoundingRule rule;
    rule.multiple = small_integer(r, "multiple", kMinRoundingMultiple, kMaxRoundingMultiple);
    rule.reference = r.string("reference", text_rule);
    MK_RETURN_IF_ERROR(r.finish());
    policy.rounding_ = std::move(rule);
  }
  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  return policy;
}

Result<ReportingPolicy> load_reporting_policy(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_reporting_policy(text, path);
}

}  // namespace mk::policies

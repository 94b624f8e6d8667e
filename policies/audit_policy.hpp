// The audit policy (policies/audit.json): how long the audit log may go without a witness's
// cosignature before `audit verify` warns. A witness (the compliance officer's own key, outside
// the vault; docs/formats/witness.md) cosigns checkpoints; entries after the last cosigned one
// are the unwitnessed tail, and when its oldest entry is older than the limit, verification
// warns. See docs/policies/audit.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kAuditPolicyFormat = "meldkluis-audit/1";
inline constexpr std::int64_t kMinUnwitnessedDays = 1;
inline constexpr std::int64_t kMaxUnwitnessedDays = 3660;

class AuditPolicy {
 public:
  // The most days the oldest unwitnessed entry may age before verification warns.
  int max_unwitnessed_days() const { return max_unwitnessed_days_; }
  // SHA-256 of the file's exact bytes, lowercase hex.
  const std::string& hash() const { return hash_; }
  const std::string& file() const { return file_; }

 private:
  friend Result<AuditPolicy> parse_audit_policy(std::string_view, std::string_view);
  int max_unwitnessed_days_ = 31;
  std::string hash_;
  std::string file_;
};

// Parses and validates strictly (strict_reader.hpp): kPolicyInvalid "FILE:LINE:COL: reason", FILE
// being `file_name`, for JSON syntax errors, unknown or missing keys, a "format" other than
// "meldkluis-audit/1", a "note" that is not text, and "max_unwitnessed_days" that is not a whole
// number in 1..3660.
Result<AuditPolicy> parse_audit_policy(std::string_view text, std::string_view file_name);

// Reads the file at `path` (named in messages as given) and parses it as above. Errors: kNotFound,
// kIo (see read_policy_file) and kPolicyInvalid.
Result<AuditPolicy> load_audit_policy(const std::string& path);

}  // namespace mk::policies

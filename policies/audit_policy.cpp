// parse_audit_policy: the strict reading of the audit format documented in docs/policies/audit.md.
#include "policies/audit_policy.hpp"

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

Result<AuditPolicy> parse_audit_policy(std::string_view text, std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  if (format != kAuditPolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kAuditPolicyFormat));
  }
  (void)top.optional_string("note", text_rule);
  top.allow("witness");
  MK_RETURN_IF_ERROR(top.finish());

  const json::Value* witness = root.find("witness");
  if (witness == nullptr)
    return policy_error(file, top.position(), "missing key \"witness\" in policy");
  StrictObject w(*witness, file, "\"witness\"");
  AuditPolicy policy;
  policy.max_unwitnessed_days_ =
      static_cast<int>(w.integer("max_unwitnessed_days", kMinUnwitnessedDays, kMaxUnwitnessedDays));
  MK_RETURN_IF_ERROR(w.finish());
  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  return policy;
}

Result<AuditPolicy> load_audit_policy(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_audit_policy(text, path);
}

}  // namespace mk::policies

// parse_audit_policy: the strict reading of the audit format documented in docs/policies/audit.md.
#include "policies/audit_policy.hpp"

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {
namespace {

std::string format_reason(std::string_view format) {
  const std::string expected = quoted(kAuditPolicyFormat);
  if (format.starts_with("meldkluis-audit/")) {
    return "unsupported format version " + quoted(format) + " (this Meldkluis reads " + expected +
           ")";
  }
  return "unknown format " + quoted(format) + " (expected " + expected + ")";
}

// StrictObject has no accessor for a nested object, so the top level's keys are checked here, with
// the same message StrictObject::finish() gives.
constexpr std::string_view kTopKeys[] = {"format", "note", "witness"};

Status check_top_keys(const json::Value& root, std::string_view file) {
  for (const json::Member& m : root.as_object()) {
    bool known = false;
    for (std::string_view k : kTopKeys)
      known = known || m.first == k;
    if (known) continue;
    std::string allowed;
    for (std::string_view k : kTopKeys)
      allowed += (allowed.empty() ? "" : ", ") + std::string(k);
    return policy_error(
        file, m.second.position(),
        "unknown key " + quoted(m.first) + " in policy (allowed keys: " + allowed + ")");
  }
  return Status::ok();
}

}  // namespace

Result<AuditPolicy> parse_audit_policy(std::string_view text, std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  if (format != kAuditPolicyFormat) {
    return policy_error(file, top.position_of("format"), format_reason(format));
  }
  (void)top.optional_string("note", text_rule);
  MK_RETURN_IF_ERROR(check_top_keys(root, file));
  MK_RETURN_IF_ERROR(top.status());

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

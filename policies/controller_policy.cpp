// parse_controller_policy: the strict reading of the controller format documented in
// docs/policies/controller.md.
#include "policies/controller_policy.hpp"

#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

// The top-level object `key`, or a "missing key" error placed at the policy's `{`.
Result<const json::Value*> section(const json::Value& root, const StrictObject& top,
                                   std::string_view file, std::string_view key) {
  const json::Value* value = root.find(key);
  if (value == nullptr) {
    return policy_error(file, top.position(), "missing key " + quoted(key) + " in policy");
  }
  return value;
}

}  // namespace

Result<ControllerPolicy> parse_controller_policy(std::string_view text,
                                                 std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kControllerPolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kControllerPolicyFormat));
  }
  (void)top.optional_string("note", text_rule);
  top.allow("controller");
  top.allow("dpo");
  top.allow("activity");
  MK_RETURN_IF_ERROR(top.finish());

  ControllerPolicy policy;
  MK_ASSIGN_OR_RETURN(const json::Value* controller, section(root, top, file, "controller"));
  StrictObject c(*controller, file, "\"controller\"");
  policy.controller_.name = c.string("name", text_rule);
  policy.controller_.address = c.string("address", text_rule);
  policy.controller_.contact = c.string("contact", text_rule);
  policy.controller_.confirmed = c.boolean("confirmed");
  MK_RETURN_IF_ERROR(c.finish());

  MK_ASSIGN_OR_RETURN(const json::Value* dpo, section(root, top, file, "dpo"));
  StrictObject d(*dpo, file, "\"dpo\"");
  policy.dpo_.name = d.string("name", text_rule);
  policy.dpo_.contact = d.string("contact", text_rule);
  policy.dpo_.confirmed = d.boolean("confirmed");
  MK_RETURN_IF_ERROR(d.finish());

  MK_ASSIGN_OR_RETURN(const json::Value* activity, section(root, top, file, "activity"));
  StrictObject a(*activity, file, "\"activity\"");
  ProcessingActivity& act = policy.activity_;
  act.name_nl = a.string("name_nl", text_rule);
  act.name_en = a.string("name_en", text_rule);
  act.description_nl = a.string("description_nl", text_rule);
  act.description_en = a.string("description_en", text_rule);
  act.core_purpose_nl = a.string("core_purpose_nl", text_rule);
  act.core_purpose_en = a.string("core_purpose_en", text_rule);
  act.legal_basis = a.string("legal_basis", text_rule);
  act.legal_basis_reference = a.string("legal_basis_reference", text_rule);
  act.third_countries = a.string("third_countries", text_rule);
  MK_RETURN_IF_ERROR(a.finish());

  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  return policy;
}

Result<ControllerPolicy> load_controller_policy(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_controller_policy(text, path);
}

}  // namespace mk::policies

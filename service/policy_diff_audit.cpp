// diff_audit and diff_note (policy_diff_parts.hpp): the audit policy's one setting, how long the
// log may go unwitnessed, with its old and new value; and the free-text note of a policy file.
#include "service/policy_diff_parts.hpp"

namespace mk::service::policy_diff {

void diff_audit(const policies::AuditPolicy& before, const policies::AuditPolicy& after,
                const std::string& file, Changes& out) {
  if (before.max_unwitnessed_days() == after.max_unwitnessed_days()) return;
  const std::string days = std::to_string(before.max_unwitnessed_days()) + " -> " +
                           std::to_string(after.max_unwitnessed_days());
  say(out, file, "getuige: hoogstens dagen niet getuigd " + days,
      "witness: max unwitnessed days " + days);
}

void diff_note(const json::Value& before, const json::Value& after, const std::string& file,
               Changes& out) {
  const json::Value* a = before.find("note");
  const json::Value* b = after.find("note");
  const std::string was = a && a->is_string() ? a->as_string() : "";
  const std::string now = b && b->is_string() ? b->as_string() : "";
  if (was == now) return;
  say(out, file, "toelichting gewijzigd", "note changed");
}

}  // namespace mk::service::policy_diff

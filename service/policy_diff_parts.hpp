// The parts of diff_policies (policy_review.hpp): one comparer per way of comparing. Internal to
// the service layer.
#pragma once

#include <string>
#include <vector>

#include "base/json.hpp"
#include "policies/audit_policy.hpp"
#include "policies/controller_policy.hpp"
#include "policies/retention_policy.hpp"
#include "policies/sharing_policy.hpp"
#include "service/policy_review.hpp"

namespace mk::service::policy_diff {

using Changes = std::vector<PolicyChange>;

// Partners, purposes, legal bases, consent and minors rules, and the fate of every field per role.
void diff_sharing(const policies::SharingPolicy& before, const policies::SharingPolicy& after,
                  const std::string& file, Changes& out);

// Rules by id: added, removed, and every member that changed; the order of the rules.
void diff_retention(const policies::RetentionPolicy& before, const policies::RetentionPolicy& after,
                    const std::string& file, Changes& out);

// The witness setting of audit.json, with old and new value; and its note.
void diff_audit(const policies::AuditPolicy& before, const policies::AuditPolicy& after,
                const std::string& file, Changes& out);

// Every text of controller.json (controller, data protection officer, processing activity) that
// changed, with old and new value, and whether each party is confirmed.
void diff_controller(const policies::ControllerPolicy& before,
                     const policies::ControllerPolicy& after, const std::string& file,
                     Changes& out);

// The top-level "note" of a policy file's JSON: "note changed" when it differs.
void diff_note(const json::Value& before, const json::Value& after, const std::string& file,
               Changes& out);

// Any JSON document, member by member: list items are matched by "id", "code", "kind", "field",
// "role" or "number" when every item has a distinct one, lists of strings as sets.
void diff_json(const json::Value& before, const json::Value& after, const std::string& file,
               Changes& out);

// Adds one change.
inline void say(Changes& out, const std::string& file, std::string nl, std::string en) {
  out.push_back({file, std::move(nl), std::move(en)});
}

// "'text'" for sentences.
inline std::string q(const std::string& text) {
  return "'" + text + "'";
}

}  // namespace mk::service::policy_diff

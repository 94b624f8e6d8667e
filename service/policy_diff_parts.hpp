// The parts of diff_policies (policy_review.hpp): one comparer per way of comparing. Internal to
// the service layer.
#pragma once

#include <string>
#include <vector>

#include "base/json.hpp"
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

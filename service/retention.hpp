// Retention: which subjects are due under policies/retention.json (plan, read-only, any date) and
// shredding them (sweep, as of the session's clock). The retention policy is read fresh from the
// policy folder for each plan or sweep, so an invalid file stops exactly that operation
// (kPolicyInvalid naming file, place and reason) before anything is read or written.
//
// plan(as_of = D) lists exactly what sweep() does when the clock says D: both use the same
// decision (decide_retention below). The sweep shreds one subject per unit of work, so a sweep
// killed half-way leaves every subject whole or gone, each with its audit entry, and running it
// again finishes the rest (subjects already gone are no longer listed).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "policies/retention_policy.hpp"
#include "service/session.hpp"
#include "vault/legal_hold.hpp"
#include "vault/retention_subjects.hpp"

namespace mk::service {

struct PlanItem {
  vault::SubjectKind kind = vault::SubjectKind::kSignal;
  std::string id;
  std::string role;     // persons: their role; "" otherwise
  std::string rule;     // the deciding rule's id
  std::string trigger;  // "closed", "last_activity", "received"
  Date trigger_date{2000, 1, 1};
  Date due{2000, 1, 1};
  std::string action;                // "shred" or "deidentify"
  bool rule_confirmed = false;       // confirmed by the archivist
  std::vector<std::string> held_by;  // cases whose hold blocks it; empty: will be shredded
};

struct RetentionPlan {
  Date as_of{2000, 1, 1};
  std::string policy_file;
  std::string policy_hash;
  std::vector<PlanItem> due;  // due on or before as_of, held ones included (held_by set); in the
                              // order a sweep takes them (retention_subjects.hpp)
  std::size_t shreddable() const;  // items without a hold
};

// Loads the retention policy from the session's policy folder (kPolicyInvalid when invalid).
Result<policies::RetentionPolicy> load_retention(Session& s);

// Read-only; every role (the compliance officer checks retention). Audits nothing.
Result<RetentionPlan> plan_retention(Session& s, const Date& as_of);

struct SweepProgress {
  std::size_t done = 0;   // subjects handled so far
  std::size_t total = 0;  // subjects to shred in this sweep
};
struct SweepReport {
  RetentionPlan plan;                 // as of the session clock's today
  std::vector<std::string> shredded;  // ids, in order
  std::vector<std::string> held;      // due but blocked by a hold
};

// Shreds every unheld subject of plan_retention(s, today) in order, one unit of work each,
// calling `progress` after each. Requires the field keys (kForbidden for the compliance role,
// audited). Stops at the first error and returns it; what was shredded before stays shredded and a
// new sweep continues. Each shred is audited "retention.shred" with rule, policy hash and action.
Result<SweepReport> sweep_retention(Session& s,
                                    const std::function<void(const SweepProgress&)>& progress = {});

// Legal holds (vault/legal_hold.hpp).
Status hold_case(Session& s, const std::string& case_id, const std::string& reason);
Status release_case(Session& s, const std::string& case_id);
Result<std::vector<vault::LegalHold>> list_holds(Session& s, bool include_released);

}  // namespace mk::service

// Retention and legal holds as JSON for --json output, and as the cells of their tables. Plans,
// sweep reports and holds hold ids, codes, dates and hold reasons (which name a legal ground,
// never a person), so they can be shown to every role.
#pragma once

#include <string>
#include <vector>

#include "base/json.hpp"
#include "service/retention.hpp"
#include "vault/legal_hold.hpp"

namespace mk::cli {

// kind, id, role (null when none), rule, rule_confirmed, trigger, trigger_date, due, action,
// held_by[].
json::Value to_json(const service::PlanItem& item);

// as_of, policy_file, policy_hash, shreddable, held, due[] (items as above).
json::Value to_json(const service::RetentionPlan& plan);

// as_of, policy_file, policy_hash, shredded[{kind, id, rule, action}], held[{kind, id,
// held_by[]}], result ("swept").
json::Value to_json(const service::SweepReport& report);

// case_id, reason, placed, placed_by, released (null while in force), released_by (null while in
// force).
json::Value to_json(const vault::LegalHold& hold);

// `plan retention`'s table: kind, id, role, rule (with "*" when not confirmed), trigger, trigger
// date, due, action, held by ("-" or the holding cases).
std::vector<std::string> plan_table_headers();
std::vector<std::string> plan_table_row(const service::PlanItem& item);

// The ids of the rules of `items` not confirmed by the archivist, each once, in order of first use.
std::vector<std::string> unconfirmed_rules(const std::vector<service::PlanItem>& items);

}  // namespace mk::cli

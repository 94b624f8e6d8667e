// The retention policy's vocabulary and its one decision: the first matching rule and the date a
// subject falls due under it.
#include "policies/retention_policy.hpp"

#include <algorithm>
#include <cstdlib>

#include "policies/policy_file.hpp"

namespace mk::policies {

namespace {

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& names, std::string_view s) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool any_in(const std::vector<std::string>& kinds, const std::vector<std::string>& list) {
  return std::any_of(kinds.begin(), kinds.end(),
                     [&](const std::string& k) { return contains(list, k); });
}

}  // namespace

std::string_view enum_name(RecordClass c) {
  switch (c) {
    case RecordClass::kSignal:
      return "signal";
    case RecordClass::kCase:
      return "case";
    case RecordClass::kPerson:
      return "person";
    case RecordClass::kDisclosure:
      return "disclosure";
    case RecordClass::kAuditEntry:
      return "audit_entry";
  }
  return "unknown";
}

std::string_view enum_name(RetentionTrigger t) {
  switch (t) {
    case RetentionTrigger::kClosed:
      return "closed";
    case RetentionTrigger::kLastActivity:
      return "last_activity";
    case RetentionTrigger::kReceived:
      return "received";
  }
  return "unknown";
}

std::string_view enum_name(RetentionAction a) {
  switch (a) {
    case RetentionAction::kShred:
      return "shred";
    case RetentionAction::kDeidentify:
      return "deidentify";
  }
  return "unknown";
}

bool is_person_role(std::string_view s) {
  return is_one_of(kPersonRoles, s);
}

bool is_partner_kind(std::string_view s) {
  return is_one_of(kPartnerKinds, s);
}

bool is_signal_outcome(std::string_view s) {
  return is_one_of(kSignalOutcomes, s);
}

bool matches(const RetentionRule& rule, const SubjectFacts& facts) {
  if (rule.record_class != facts.record_class) return false;
  if (!rule.roles.empty() && !contains(rule.roles, facts.role)) return false;
  // An open signal has no outcome, so it matches no outcome list.
  if (!rule.outcomes.empty() && !contains(rule.outcomes, facts.outcome)) return false;
  if (!rule.disclosed_to.empty() && !any_in(facts.disclosed_to, rule.disclosed_to)) return false;
  if (any_in(facts.disclosed_to, rule.not_disclosed_to)) return false;
  return true;
}

RetentionDecision RetentionPolicy::decide(const SubjectFacts& facts) const {
  if (facts.record_class == RecordClass::kPerson && !is_person_role(facts.role)) std::abort();
  if (!facts.outcome.empty() && !is_signal_outcome(facts.outcome)) std::abort();
  const auto it = std::find_if(rules_.begin(), rules_.end(),
                               [&](const RetentionRule& r) { return matches(r, facts); });
  // Validation guarantees a rule without conditions for every class and role.
  if (it == rules_.end()) std::abort();
  RetentionDecision decision;
  decision.rule = &*it;
  switch (it->trigger) {
    case RetentionTrigger::kClosed:
      decision.trigger_date = facts.closed;
      break;
    case RetentionTrigger::kLastActivity:
      decision.trigger_date = facts.last_activity;
      break;
    case RetentionTrigger::kReceived:
      decision.trigger_date = facts.received;
      break;
  }
  if (decision.trigger_date) decision.due = add_period(*decision.trigger_date, it->period);
  return decision;
}

const RetentionRule* RetentionPolicy::find(std::string_view id) const {
  const auto it = std::find_if(rules_.begin(), rules_.end(),
                               [&](const RetentionRule& r) { return r.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

Result<RetentionPolicy> load_retention_policy(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_retention_policy(text, path);
}

}  // namespace mk::policies

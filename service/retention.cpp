#include "service/retention.hpp"

#include <algorithm>

#include "service/casework.hpp"
#include "service/reason_scope.hpp"
#include "vault/shredding.hpp"

namespace mk::service {
namespace {

policies::RecordClass record_class_of(vault::SubjectKind kind) {
  switch (kind) {
    case vault::SubjectKind::kSignal:
      return policies::RecordClass::kSignal;
    case vault::SubjectKind::kCase:
      return policies::RecordClass::kCase;
    case vault::SubjectKind::kPerson:
      return policies::RecordClass::kPerson;
    case vault::SubjectKind::kDisclosure:
      return policies::RecordClass::kDisclosure;
  }
  return policies::RecordClass::kPerson;
}

policies::SubjectFacts facts_of(const vault::RetentionSubject& subject) {
  policies::SubjectFacts facts;
  facts.record_class = record_class_of(subject.kind);
  if (subject.role) facts.role = std::string(vault::person_role_name(*subject.role));
  if (subject.outcome) facts.outcome = std::string(vault::enum_name(*subject.outcome));
  facts.disclosed_to = subject.disclosed_to;
  facts.received = subject.received;
  facts.closed = subject.closed;
  facts.last_activity = subject.last_activity;
  return facts;
}

// The one decision plan and sweep share: every subject whose rule makes it due on `as_of`.
Result<RetentionPlan> plan_under(Session& s, const policies::RetentionPolicy& policy,
                                 const Date& as_of) {
  RetentionPlan plan;
  plan.as_of = as_of;
  plan.policy_file = policy.file();
  plan.policy_hash = policy.hash();
  MK_ASSIGN_OR_RETURN(std::vector<vault::RetentionSubject> subjects,
                      s.transact("retention.plan", [](vault::UnitOfWork& uow) {
                        return vault::list_retention_subjects(uow);
                      }));
  for (const vault::RetentionSubject& subject : subjects) {
    policies::RetentionDecision decision = policy.decide(facts_of(subject));
    if (!decision.due || as_of < *decision.due) continue;
    PlanItem item;
    item.kind = subject.kind;
    item.id = subject.id;
    if (subject.role) item.role = std::string(vault::person_role_name(*subject.role));
    item.rule = decision.rule->id;
    item.trigger = std::string(policies::enum_name(decision.rule->trigger));
    item.trigger_date = *decision.trigger_date;
    item.due = *decision.due;
    item.action = std::string(policies::enum_name(decision.rule->action));
    item.rule_confirmed = decision.rule->confirmed;
    item.held_by = subject.held_by;
    plan.due.push_back(std::move(item));
  }
  return plan;
}

Status shred(vault::UnitOfWork& uow, const PlanItem& item, const vault::ShredOrder& order) {
  switch (item.kind) {
    case vault::SubjectKind::kSignal:
      return vault::shred_signal(uow, item.id, order);
    case vault::SubjectKind::kCase:
      return vault::shred_case(uow, item.id, order);
    case vault::SubjectKind::kPerson:
      return vault::shred_person(uow, item.id, order);
    case vault::SubjectKind::kDisclosure:
      return vault::shred_disclosure(uow, item.id, order);
  }
  return internal_error("unknown subject kind");
}

}  // namespace

std::size_t RetentionPlan::shreddable() const {
  return static_cast<std::size_t>(std::count_if(
      due.begin(), due.end(), [](const PlanItem& item) { return item.held_by.empty(); }));
}

Result<policies::RetentionPolicy> load_retention(Session& s) {
  return policies::load_retention_policy((s.policies().dir / "retention.json").string());
}

Result<RetentionPlan> plan_retention(Session& s, const Date& as_of) {
  MK_ASSIGN_OR_RETURN(policies::RetentionPolicy policy, load_retention(s));
  return plan_under(s, policy, as_of);
}

Result<SweepReport> sweep_retention(Session& s,
                                    const std::function<void(const SweepProgress&)>& progress) {
  MK_ASSIGN_OR_RETURN(policies::RetentionPolicy policy, load_retention(s));
  if (!vault::holds_all_keys(s.vault().role())) {
    // Refused before anything is read, and audited like every refusal.
    return s.transact("retention.sweep", [](vault::UnitOfWork&) -> Result<SweepReport> {
      return forbidden("a retention sweep needs the coordinator's keys");
    });
  }
  SweepReport report;
  MK_ASSIGN_OR_RETURN(report.plan, plan_under(s, policy, today(s)));
  SweepProgress at{0, report.plan.shreddable()};
  if (progress) progress(at);
  for (const PlanItem& item : report.plan.due) {
    if (!item.held_by.empty()) {
      report.held.push_back(item.id);
      continue;
    }
    vault::ShredOrder order{item.rule, policy.hash(), item.action == "deidentify"};
    MK_RETURN_IF_ERROR(s.transact(
        "retention.shred", [&](vault::UnitOfWork& uow) { return shred(uow, item, order); },
        item.id));
    report.shredded.push_back(item.id);
    ++at.done;
    if (progress) progress(at);
  }
  return report;
}

Status hold_case(Session& s, const std::string& case_id, const std::string& reason) {
  // The hold's reason is also its audit entry's: the log keeps it after the case is shredded.
  ReasonScope scope(s, reason);
  MK_RETURN_IF_ERROR(scope.status());
  return s.transact(
      "case.hold", [&](vault::UnitOfWork& uow) { return vault::place_hold(uow, case_id, reason); },
      case_id);
}

Status release_case(Session& s, const std::string& case_id) {
  return s.transact(
      "case.release", [&](vault::UnitOfWork& uow) { return vault::release_hold(uow, case_id); },
      case_id);
}

Result<std::vector<vault::LegalHold>> list_holds(Session& s, bool include_released) {
  return s.transact("case.holds", [&](vault::UnitOfWork& uow) {
    return vault::list_holds(uow, include_released);
  });
}

}  // namespace mk::service

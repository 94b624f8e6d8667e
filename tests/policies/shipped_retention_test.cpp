// The retention policy Meldkluis ships, policies/retention.json: it loads, each default rule
// decides the subjects it was written for with the documented period and action, and every rule
// waits for the archivist's confirmation.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policies/retention_policy.hpp"

using mk::Date;
using mk::policies::RecordClass;
using mk::policies::RetentionAction;
using mk::policies::RetentionDecision;
using mk::policies::RetentionPolicy;
using mk::policies::RetentionTrigger;
using mk::policies::SubjectFacts;

namespace {

const std::string kShipped = MELDKLUIS_SOURCE_DIR "/policies/retention.json";

Date d(const char* iso) {
  const auto date = Date::parse_iso(iso);
  REQUIRE(date.has_value());
  return *date;
}

RetentionPolicy load_shipped() {
  auto r = mk::policies::load_retention_policy(kShipped);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

SubjectFacts facts(RecordClass c, const char* closed, const char* received = "2021-09-06") {
  SubjectFacts f;
  f.record_class = c;
  f.received = d(received);
  if (closed != nullptr) f.closed = d(closed);
  f.last_activity = f.closed ? f.closed : f.received;
  return f;
}

SubjectFacts person(const char* role, const char* closed, std::vector<std::string> disclosed = {}) {
  SubjectFacts f = facts(RecordClass::kPerson, closed);
  f.role = role;
  f.disclosed_to = std::move(disclosed);
  return f;
}

SubjectFacts signal(const char* outcome, const char* closed) {
  SubjectFacts f = facts(RecordClass::kSignal, closed);
  f.outcome = outcome;
  return f;
}

struct Expected {
  const char* rule;
  RetentionAction action;
  const char* due;
};

void check(const RetentionPolicy& p, const SubjectFacts& f, const Expected& e) {
  const RetentionDecision decision = p.decide(f);
  REQUIRE(decision.rule != nullptr);
  CHECK(decision.rule->id == e.rule);
  CHECK(decision.rule->action == e.action);
  REQUIRE(decision.due.has_value());
  CHECK(decision.due->to_iso() == e.due);
}

}  // namespace

TEST_CASE("the shipped retention policy decides each default", "[policies][retention][shipped]") {
  const RetentionPolicy p = load_shipped();
  constexpr auto kShred = RetentionAction::kShred;
  constexpr auto kDeidentify = RetentionAction::kDeidentify;

  // Signals without suspicion: 1 year after closure.
  check(p, signal("no_suspicion", "2025-03-14"),
        {"signal-no-suspicion", kDeidentify, "2026-03-14"});
  check(p, signal("insufficient_information", "2024-02-29"),
        {"signal-no-suspicion", kDeidentify, "2025-02-28"});
  // Other signals not linked to a case: 5 years.
  check(p, signal("referred", "2022-10-31"), {"signal", kDeidentify, "2027-10-31"});
  check(p, signal("other", "2022-10-31"), {"signal", kDeidentify, "2027-10-31"});
  // Cases: 5 years after closure.
  check(p, facts(RecordClass::kCase, "2021-06-30"), {"case", kDeidentify, "2026-06-30"});
  // Persons, from the last closure they are linked to; shredded, never de-identified.
  check(p, person("victim", "2024-02-29"), {"person-victim", kShred, "2029-02-28"});
  check(p, person("victim", "2024-02-29", {"police"}), {"person-victim", kShred, "2029-02-28"});
  check(p, person("suspect", "2025-08-31"), {"person-suspect-not-police", kShred, "2026-02-28"});
  check(p, person("suspect", "2025-08-31", {"care_coordination", "riec"}),
        {"person-suspect-not-police", kShred, "2026-02-28"});
  check(p, person("suspect", "2025-08-31", {"police"}), {"person-suspect", kShred, "2030-08-31"});
  check(p, person("suspect", "2025-08-31", {"riec", "police"}),
        {"person-suspect", kShred, "2030-08-31"});
  check(p, person("reporter", "2025-01-31"), {"person-reporter", kShred, "2026-01-31"});
  check(p, person("other", "2025-01-31"), {"person-other", kShred, "2026-01-31"});
  // Disclosures and audit entries from their date.
  check(p, facts(RecordClass::kDisclosure, nullptr, "2023-05-02"),
        {"disclosure", kDeidentify, "2028-05-02"});
  check(p, facts(RecordClass::kAuditEntry, nullptr, "2020-02-29"),
        {"audit-entry", kShred, "2027-02-28"});
}

TEST_CASE("under the shipped policy open records are never due", "[policies][retention][shipped]") {
  const RetentionPolicy p = load_shipped();
  for (const SubjectFacts& f : {signal("", nullptr), facts(RecordClass::kCase, nullptr),
                                person("victim", nullptr), person("suspect", nullptr)}) {
    const RetentionDecision decision = p.decide(f);
    REQUIRE(decision.rule != nullptr);
    CHECK(decision.rule->trigger == RetentionTrigger::kClosed);
    CHECK_FALSE(decision.due.has_value());
  }
}

TEST_CASE("every shipped retention rule names a reference and awaits the archivist",
          "[policies][retention][shipped]") {
  const RetentionPolicy p = load_shipped();
  CHECK(p.rules().size() == 10);
  CHECK(p.hash().size() == 64);
  for (const auto& rule : p.rules()) {
    INFO(rule.id);
    CHECK_FALSE(rule.confirmed);
    CHECK_FALSE(rule.reference.empty());
    if (rule.record_class == RecordClass::kPerson) CHECK(rule.action == RetentionAction::kShred);
  }
}

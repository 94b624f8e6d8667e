// Loading valid retention policies and deciding with them: every field read, first match wins,
// conditions on outcome, role and disclosures, due dates from the rule's trigger, open records
// never due, the hash, and the example in the format documentation.
#include "policies/retention_policy.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policies/policy_file.hpp"

using mk::Date;
using mk::policies::IsoPeriod;
using mk::policies::load_retention_policy;
using mk::policies::parse_retention_policy;
using mk::policies::RecordClass;
using mk::policies::RetentionAction;
using mk::policies::RetentionDecision;
using mk::policies::RetentionPolicy;
using mk::policies::RetentionTrigger;
using mk::policies::SubjectFacts;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/retention/";

Date d(const char* iso) {
  const auto date = Date::parse_iso(iso);
  REQUIRE(date.has_value());
  return *date;
}

RetentionPolicy load(const std::string& path) {
  auto r = load_retention_policy(path);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

RetentionPolicy parse_ok(std::string_view text) {
  auto r = parse_retention_policy(text, "test.json");
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

SubjectFacts person(const char* role, std::vector<std::string> disclosed_to = {}) {
  SubjectFacts f;
  f.record_class = RecordClass::kPerson;
  f.role = role;
  f.disclosed_to = std::move(disclosed_to);
  f.received = d("2022-04-11");
  f.closed = d("2024-02-29");
  f.last_activity = d("2024-08-31");
  return f;
}

SubjectFacts signal(const char* outcome) {
  SubjectFacts f;
  f.record_class = RecordClass::kSignal;
  f.outcome = outcome;
  f.received = d("2023-01-09");
  f.closed = d("2023-03-31");
  f.last_activity = d("2023-04-02");
  return f;
}

std::string rule_of(const RetentionPolicy& p, const SubjectFacts& f) {
  const RetentionDecision decision = p.decide(f);
  REQUIRE(decision.rule != nullptr);
  return decision.rule->id;
}

}  // namespace

TEST_CASE("a full retention policy loads with every field", "[policies][retention]") {
  const RetentionPolicy p = load(kDir + "valid_full.json");
  CHECK(p.file() == kDir + "valid_full.json");
  REQUIRE(p.rules().size() == 8);

  const auto& early = p.rules()[0];
  CHECK(early.id == "signal-no-suspicion");
  CHECK(early.record_class == RecordClass::kSignal);
  CHECK(early.outcomes == std::vector<std::string>{"no_suspicion", "insufficient_information"});
  CHECK(early.roles.empty());
  CHECK(early.trigger == RetentionTrigger::kClosed);
  CHECK(early.period == IsoPeriod{1, 0, 0, 0});
  CHECK(early.action == RetentionAction::kDeidentify);
  CHECK(early.reference == "AVG art. 5(1)(e)");
  CHECK(early.note.empty());
  CHECK(early.confirmed);

  const auto* police = p.find("person-suspect-police");
  REQUIRE(police != nullptr);
  CHECK(police == &p.rules()[3]);
  CHECK(police->record_class == RecordClass::kPerson);
  CHECK(police->roles == std::vector<std::string>{"suspect"});
  CHECK(police->disclosed_to == std::vector<std::string>{"police", "riec"});
  CHECK(police->not_disclosed_to.empty());
  CHECK(police->action == RetentionAction::kShred);
  CHECK(police->note == "Aangifte of RIEC-melding gedaan");
  CHECK_FALSE(police->confirmed);

  CHECK(p.find("person-suspect")->not_disclosed_to == std::vector<std::string>{"police"});
  CHECK(p.find("person")->trigger == RetentionTrigger::kLastActivity);
  CHECK(p.find("person")->period == IsoPeriod{1, 6, 0, 0});
  CHECK(p.find("audit-entry")->record_class == RecordClass::kAuditEntry);
  CHECK(p.find("disclosure")->trigger == RetentionTrigger::kReceived);
  CHECK(p.find("no-such-rule") == nullptr);
}

TEST_CASE("the first matching rule decides", "[policies][retention]") {
  const RetentionPolicy p = load(kDir + "valid_full.json");
  // Outcomes: a listed outcome takes the specific rule, any other the catch-all.
  CHECK(rule_of(p, signal("no_suspicion")) == "signal-no-suspicion");
  CHECK(rule_of(p, signal("insufficient_information")) == "signal-no-suspicion");
  CHECK(rule_of(p, signal("referred")) == "signal");
  CHECK(rule_of(p, signal("case_opened")) == "signal");
  CHECK(rule_of(p, signal("other")) == "signal");
  // An open signal has no outcome: only rules without outcomes match it.
  SubjectFacts open = signal("");
  open.closed.reset();
  CHECK(rule_of(p, open) == "signal");

  // disclosed_to: any one of the kinds; not_disclosed_to: none of them.
  CHECK(rule_of(p, person("suspect", {"police"})) == "person-suspect-police");
  CHECK(rule_of(p, person("suspect", {"registration", "riec"})) == "person-suspect-police");
  CHECK(rule_of(p, person("suspect", {"care_coordination"})) == "person-suspect");
  CHECK(rule_of(p, person("suspect")) == "person-suspect");
  // Roles: the suspect rules do not take a victim, even one disclosed to the police.
  CHECK(rule_of(p, person("victim", {"police"})) == "person");
  CHECK(rule_of(p, person("reporter")) == "person");
  CHECK(rule_of(p, person("other")) == "person");
}

TEST_CASE("the due date is the rule's trigger date plus its period", "[policies][retention]") {
  const RetentionPolicy p = load(kDir + "valid_full.json");

  const RetentionDecision early = p.decide(signal("no_suspicion"));
  REQUIRE(early.trigger_date.has_value());
  CHECK(*early.trigger_date == d("2023-03-31"));
  CHECK(*early.due == d("2024-03-31"));

  // person-suspect: closed 2024-02-29 + P6M.
  const RetentionDecision suspect = p.decide(person("suspect"));
  CHECK(*suspect.trigger_date == d("2024-02-29"));
  CHECK(*suspect.due == d("2024-08-29"));

  // person: last_activity 2024-08-31 + P1Y6M, clamped to the end of February.
  const RetentionDecision victim = p.decide(person("victim"));
  CHECK(victim.rule->trigger == RetentionTrigger::kLastActivity);
  CHECK(*victim.trigger_date == d("2024-08-31"));
  CHECK(*victim.due == d("2026-02-28"));

  // disclosure: received + P5Y.
  SubjectFacts disclosure;
  disclosure.record_class = RecordClass::kDisclosure;
  disclosure.received = d("2023-05-02");
  const RetentionDecision shared = p.decide(disclosure);
  CHECK(shared.rule->id == "disclosure");
  CHECK(*shared.due == d("2028-05-02"));
}

TEST_CASE("a record whose trigger has not happened has no due date", "[policies][retention]") {
  const RetentionPolicy p = load(kDir + "valid_full.json");

  SubjectFacts open_case;
  open_case.record_class = RecordClass::kCase;
  open_case.received = d("2019-02-01");  // opened long ago, still open
  open_case.last_activity = d("2019-02-01");
  const RetentionDecision c = p.decide(open_case);
  CHECK(c.rule->id == "case");
  CHECK_FALSE(c.trigger_date.has_value());
  CHECK_FALSE(c.due.has_value());

  SubjectFacts open_suspect = person("suspect");
  open_suspect.closed.reset();
  const RetentionDecision s = p.decide(open_suspect);
  CHECK(s.rule->id == "person-suspect");
  CHECK_FALSE(s.due.has_value());

  // A "last_activity" rule without a last activity likewise.
  SubjectFacts victim = person("victim");
  victim.last_activity.reset();
  CHECK_FALSE(p.decide(victim).due.has_value());
}

TEST_CASE("the retention policy's hash is the SHA-256 of the exact bytes",
          "[policies][retention]") {
  // Known answers, computed independently (sha256sum).
  const std::string text =
      R"({"format":"meldkluis-retention/1","rules":[{"id":"s","class":"signal","trigger":"closed",)"
      R"("period":"P5Y","action":"shred","reference":"R","confirmed":false},{"id":"c","class":)"
      R"("case","trigger":"closed","period":"P5Y","action":"shred","reference":"R","confirmed":)"
      R"(false},{"id":"p","class":"person","trigger":"closed","period":"P5Y","action":"shred",)"
      R"("reference":"R","confirmed":false},{"id":"d","class":"disclosure","trigger":"received",)"
      R"("period":"P5Y","action":"shred","reference":"R","confirmed":false},{"id":"a","class":)"
      R"("audit_entry","trigger":"received","period":"P7Y","action":"shred","reference":"R",)"
      R"("confirmed":true}]})";
  const RetentionPolicy p = parse_ok(text);
  CHECK(p.hash() == "8a9d869c75030f2f8033ccd31ad00f8abdf06c4040e7159261980a9a4bef7f77");
  CHECK(p.file() == "test.json");
  CHECK(p.rules().back().confirmed);

  CHECK(load(kDir + "valid_minimal.json").hash() ==
        "1334897abfb724e3136fd9c1b0179706b796bcd874757608bc81242e411ed23f");
  CHECK(load(kDir + "valid_full.json").hash() ==
        "de28df2439b7f6091cc33dee8f21baa3d5cf28eb57ab9480921711774bb60643");
}

TEST_CASE("a rule for every role covers each role", "[policies][retention]") {
  const RetentionPolicy p = load(kDir + "valid_minimal.json");
  for (const char* role : {"victim", "suspect", "reporter", "other"}) {
    INFO(role);
    const RetentionDecision decision = p.decide(person(role, {"police"}));
    CHECK(decision.rule->id == "person");
    CHECK(*decision.due == d("2029-02-28"));  // 2024-02-29 + P5Y
  }
}

TEST_CASE("the retention format documentation's example is a valid policy",
          "[policies][retention]") {
  const auto doc =
      mk::policies::read_policy_file(MELDKLUIS_SOURCE_DIR "/docs/policies/retention.md");
  REQUIRE(doc.is_ok());
  const std::string open = "```json\n";
  const auto begin = doc->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc->find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const RetentionPolicy p = parse_ok(doc->substr(begin + open.size(), end - begin - open.size()));
  CHECK(rule_of(p, signal("no_suspicion")) == "signal-no-suspicion");
  CHECK(rule_of(p, person("suspect")) == "person-suspect-not-police");
  CHECK(rule_of(p, person("suspect", {"police"})) == "person");
}

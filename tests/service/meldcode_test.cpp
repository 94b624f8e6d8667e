// The Meldcode in the service layer, with the shipped policies/meldcode.json: decisions checked
// against the policy and recorded with its version, the next step suggested as the afwegingskader
// says, the compliance role's view, and an invalid policy stopping the work.
#include "service/meldcode.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "service/audit.hpp"
#include "service/casework.hpp"
#include "service/service_fixture.hpp"
#include "support/folder_snapshot.hpp"

namespace mk::service {
namespace {

namespace fs = std::filesystem;
using test::TestSession;
using vault::test::secret;
using Kind = MeldcodeSuggestion::Kind;

const Date kToday(2026, 3, 16);

std::string open_victim_case(Session& s) {
  Result<std::string> victim =
      add_person(s, vault::PersonRole::kVictim,
                 vault::test::synthetic::identity_of(vault::test::synthetic::kIoana));
  MK_REQUIRE_OK(victim);
  vault::CaseInput in;
  in.opened = Date(2026, 3, 2);
  in.person_ids = {*victim};
  Result<std::string> id = open_case(s, in);
  MK_REQUIRE_OK(id);
  return *id;
}

DecisionRequest on_step(int n, std::string answer) {
  return {n, std::nullopt, std::move(answer), std::nullopt};
}
DecisionRequest on_question(std::string q, std::string answer) {
  return {std::nullopt, std::move(q), std::move(answer), std::nullopt};
}

MeldcodeSuggestion next_of(Session& s, const std::string& case_id) {
  Result<MeldcodeView> view = show_meldcode(s, case_id);
  MK_REQUIRE_OK(view);
  return view->next;
}

void require_decide(Session& s, const std::string& case_id, const DecisionRequest& r) {
  MK_REQUIRE_OK(decide(s, case_id, r));
}

}  // namespace

TEST_CASE("the next step follows the Meldcode, and the afwegingskader points to the decision",
          "[service][meldcode]") {
  TestSession ts(kToday);
  Session& s = ts.s();
  std::string c = open_victim_case(s);

  MeldcodeSuggestion next = next_of(s, c);
  CHECK(next.kind == Kind::kStep);
  CHECK(next.number == 1);
  CHECK(next.code == "map_signals");

  require_decide(s, c, on_step(1, "done"));
  require_decide(s, c, on_step(2, "done"));
  CHECK(next_of(s, c).code == "conversation");
  require_decide(s, c, on_step(3, "skipped"));  // talking would endanger her

  // Step 4 holds the afwegingskader: its questions come first, in order.
  next = next_of(s, c);
  CHECK(next.kind == Kind::kQuestion);
  CHECK(next.number == 1);
  CHECK(next.code == "suspicion");
  require_decide(s, c, on_question("1", "yes"));
  require_decide(s, c, on_question("acute_danger", "no"));
  require_decide(s, c, on_question("help_possible", "yes"));
  CHECK(next_of(s, c).code == "help_accepted");
  // She does not accept help: report. The last question is not needed.
  require_decide(s, c, on_question("4", "no"));
  next = next_of(s, c);
  CHECK(next.kind == Kind::kStep);
  CHECK(next.code == "weigh");
  require_decide(s, c, on_step(4, "done"));
  next = next_of(s, c);
  CHECK(next.kind == Kind::kStep);
  CHECK(next.number == 5);
  REQUIRE(next.decision.has_value());
  CHECK(*next.decision == "report");
  CHECK(next.because == "help_accepted");

  // She changes her mind: the newer answer is in force, and the suggestion moves on.
  require_decide(s, c, on_question("help_accepted", "yes"));
  next = next_of(s, c);
  CHECK(next.kind == Kind::kQuestion);
  CHECK(next.code == "help_in_time");
  require_decide(s, c, on_question("help_in_time", "yes"));
  next = next_of(s, c);
  CHECK(next.number == 5);
  CHECK(next.decision == std::optional<std::string>("close"));
  CHECK(next.because == "help_in_time");

  require_decide(s, c, on_step(5, "close"));
  CHECK(next_of(s, c).kind == Kind::kComplete);

  Result<MeldcodeView> view = show_meldcode(s, c);
  MK_REQUIRE_OK(view);
  CHECK(view->decisions.size() == 11);
  CHECK(view->policy.steps().size() == 5);
  for (const vault::MeldcodeDecision& d : view->decisions)
    CHECK(d.policy_hash == view->policy.hash());
}

TEST_CASE("no suspicion closes the weighing at once", "[service][meldcode]") {
  TestSession ts(kToday);
  std::string c = open_victim_case(ts.s());
  for (int step = 1; step <= 3; ++step)
    require_decide(ts.s(), c, on_step(step, "done"));
  require_decide(ts.s(), c, on_question("suspicion", "no"));
  MeldcodeSuggestion next = next_of(ts.s(), c);
  CHECK(next.kind == Kind::kStep);
  CHECK(next.code == "weigh");
  require_decide(ts.s(), c, on_step(4, "done"));
  next = next_of(ts.s(), c);
  CHECK(next.code == "decide");
  CHECK(next.decision == std::optional<std::string>("close"));
  CHECK(next.because == "suspicion");
}

TEST_CASE("an answer the policy does not allow is refused and records nothing",
          "[service][meldcode]") {
  TestSession ts(kToday);
  std::string c = open_victim_case(ts.s());
  struct Bad {
    DecisionRequest request;
    std::string message_part;
  };
  const std::vector<Bad> bad = {
      {on_step(1, "skipped"), "not an answer of step 1 (allowed: done)"},
      {on_step(3, "yes"), "not an answer of step 3 (allowed: done, skipped)"},
      {on_step(6, "done"), "steps 1 to 5"},
      {on_question("6", "yes"), "not a question"},
      {on_question("weigh", "yes"), "not a question"},
      {on_question("suspicion", "done"), "allowed: yes, no, unknown"},
      {on_step(5, "melden"), "allowed: report, organise_help, report_and_help, close"},
      {{1, std::string("1"), "done", std::nullopt}, "exactly one"},
      {{std::nullopt, std::nullopt, "done", std::nullopt}, "exactly one"},
  };
  for (const Bad& b : bad) {
    Result<std::string> r = decide(ts.s(), c, b.request);
    INFO(r.status().message());
    CHECK(r.status().code() == Code::kInvalidInput);
    CHECK(r.status().message().find(b.message_part) != std::string::npos);
  }
  Result<MeldcodeView> view = show_meldcode(ts.s(), c);
  MK_REQUIRE_OK(view);
  CHECK(view->decisions.empty());
}

TEST_CASE("the compliance role sees the Meldcode without rationales and cannot decide",
          "[service][meldcode]") {
  TestSession ts(kToday);
  std::string c = open_victim_case(ts.s());
  DecisionRequest r = on_step(3, "skipped");
  r.rationale = "Gesprek overgeslagen: de werkgever is steeds aanwezig.";
  require_decide(ts.s(), c, r);
  MK_REQUIRE_OK(ts.s().vault().add_slot(vault::test::kComplianceSlot, vault::Role::kCompliance,
                                        secret(vault::test::kCompliancePassphrase),
                                        crypto::pwhash_params_for_tests()));
  ts.close();
  Result<Session> officer = Session::open(ts.dir(), secret(vault::test::kCompliancePassphrase),
                                          std::nullopt, ts.clock(), "test", default_policy_dir());
  MK_REQUIRE_OK(officer);
  Result<MeldcodeView> view = show_meldcode(*officer, c);
  MK_REQUIRE_OK(view);
  REQUIRE(view->decisions.size() == 1);
  CHECK(view->decisions[0].has_rationale);
  CHECK_FALSE(view->decisions[0].rationale.has_value());
  CHECK(view->next.code == "map_signals");

  CHECK(decide(*officer, c, on_step(1, "done")).status().code() == Code::kForbidden);
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(*officer, {});
  MK_REQUIRE_OK(entries);
  REQUIRE_FALSE(entries->empty());
  CHECK(entries->back().action == "case.decide");
  CHECK(entries->back().object == c);
  CHECK(entries->back().result == "forbidden");
}

TEST_CASE("the coordinator's reading of rationales is audited", "[service][meldcode]") {
  TestSession ts(kToday);
  std::string c = open_victim_case(ts.s());
  DecisionRequest r = on_step(2, "done");
  r.rationale = "Overlegd met Veilig Thuis (advies, geen melding).";
  require_decide(ts.s(), c, r);
  Result<MeldcodeView> view = show_meldcode(ts.s(), c);
  MK_REQUIRE_OK(view);
  REQUIRE(view->decisions.size() == 1);
  CHECK(view->decisions[0].rationale == r.rationale);
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(ts.s(), {});
  MK_REQUIRE_OK(entries);
  const vault::AuditEntry& last = entries->back();
  CHECK(last.action == "case.meldcode.read");
  CHECK(last.object == c);
  CHECK(last.detail == "fields=rationale");
  const vault::AuditEntry& decided = (*entries)[entries->size() - 2];
  CHECK(decided.action == "case.decide");
  CHECK(decided.detail.find("Veilig Thuis") == std::string::npos);
}

TEST_CASE("an invalid meldcode policy stops show and decide, and nothing is written",
          "[service][meldcode]") {
  TestSession ts(kToday);
  std::string c = open_victim_case(ts.s());
  ts.close();
  fs::path policies = ts.temp() / "policies";
  fs::copy(default_policy_dir(), policies, fs::copy_options::recursive);
  {
    std::ifstream in(policies / "meldcode.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t at = text.find("\"answers\": [\"done\", \"skipped\"]");
    REQUIRE(at != std::string::npos);
    text.replace(at, 30, "\"answers\": [\"done\", \"skip\"]");
    std::ofstream(policies / "meldcode.json", std::ios::trunc) << text;
  }
  ts.set_policy_dir(policies);
  ts.reopen(kToday);
  testing::FolderSnapshot untouched = testing::snapshot(ts.dir());
  Result<std::string> r = decide(ts.s(), c, on_step(1, "done"));
  CHECK(r.status().code() == Code::kPolicyInvalid);
  CHECK(r.status().message().find("meldcode.json:") != std::string::npos);
  CHECK(r.status().message().find("unknown answer \"skip\"") != std::string::npos);
  CHECK(show_meldcode(ts.s(), c).status().code() == Code::kPolicyInvalid);
  ts.close();
  CHECK(testing::snapshot(ts.dir()) == untouched);
}

}  // namespace mk::service

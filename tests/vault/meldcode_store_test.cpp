// The Meldcode per case: decisions are appended with who, when, the answer, the policy version and
// an encrypted rationale; never edited or deleted but with their case; what the compliance role
// sees; bad input changes nothing.
#include "vault/meldcode_store.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/case_store.hpp"
#include "vault/record_ids.hpp"
#include "vault/shredding.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
namespace synthetic = test::synthetic;

constexpr char kPolicyHash[] = "8f14e45fceea167a5a36dedd4bea2543c5a0a2b1d0b5e3f7c6d9e8a7b6c5d4e3";
const std::string kConsultRationale =
    "Overlegd met collega M. Bakker (Veiligheid): signalen passen bij arbeidsuitbuiting.\n"
    "Veilig Thuis niet nodig: geen minderjarigen in de woning.";
const std::string kSkipRationale =
    "Gesprek met Ioana overgeslagen: de 'teamleider' is steeds aanwezig; een gesprek brengt haar "
    "in gevaar.";

MeldcodeDecisionInput step(int number, std::string code, std::string answer,
                           std::optional<std::string> rationale = std::nullopt) {
  return {MeldcodeItem::kStep, number,      std::move(code),
          std::move(answer),   kPolicyHash, std::move(rationale)};
}

MeldcodeDecisionInput question(int number, std::string code, std::string answer) {
  return {MeldcodeItem::kQuestion, number,      std::move(code),
          std::move(answer),       kPolicyHash, std::nullopt};
}

Result<std::string> decide(Vault& v, const std::string& case_id, const MeldcodeDecisionInput& in) {
  return in_unit(v, [&](UnitOfWork& uow) { return record_meldcode_decision(uow, case_id, in); });
}

std::vector<MeldcodeDecision> listed(Vault& v, const std::string& case_id) {
  auto r = in_unit(v, [&](UnitOfWork& uow) { return list_meldcode_decisions(uow, case_id); });
  MK_REQUIRE_OK(r);
  return std::move(*r);
}

// A victim and her case, opened before test_today().
struct Scene {
  TestVault tv;
  std::string victim;
  std::string case_id;

  Scene() {
    victim = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
    CaseInput in;
    in.opened = Date(2026, 2, 20);
    in.person_ids = {victim};
    in.summary = "Ioana werkt in de kassen en levert haar loon in.";
    auto id = in_unit(tv.vault(), [&](UnitOfWork& uow) { return open_case(uow, in); });
    MK_REQUIRE_OK(id);
    case_id = *id;
  }
  Vault& v() { return tv.vault(); }
};

Bytes raw_rationale(Vault& v, const std::string& decision_id) {
  auto st = v.db().prepare("SELECT rationale FROM meldcode_decisions WHERE id = ?1");
  MK_REQUIRE_OK(st);
  st->bind(1, decision_id);
  REQUIRE(*st->step());
  return st->column_blob(0);
}

}  // namespace

TEST_CASE("meldcode decisions are appended with who, when, answer and policy version",
          "[vault][meldcode]") {
  Scene s;
  auto first = decide(s.v(), s.case_id, step(1, "map_signals", "done"));
  MK_REQUIRE_OK(first);
  CHECK(looks_like_id(*first, 'M'));
  s.tv.clock().advance(std::chrono::hours(26));
  auto second = decide(s.v(), s.case_id, step(2, "consult", "done", kConsultRationale));
  MK_REQUIRE_OK(second);
  auto third = decide(s.v(), s.case_id, question(1, "suspicion", "yes"));
  MK_REQUIRE_OK(third);

  std::vector<MeldcodeDecision> all = listed(s.v(), s.case_id);
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == *first);
  CHECK(all[0].case_id == s.case_id);
  CHECK(all[0].item == MeldcodeItem::kStep);
  CHECK(all[0].number == 1);
  CHECK(all[0].code == "map_signals");
  CHECK(all[0].answer == "done");
  CHECK(all[0].policy_hash == kPolicyHash);
  CHECK(all[0].decided == test::test_now());
  CHECK(all[0].decided_by == "coordinator");
  CHECK_FALSE(all[0].has_rationale);
  CHECK(all[1].decided == test::test_now() + std::chrono::hours(26));
  CHECK(all[1].has_rationale);
  CHECK_FALSE(all[1].rationale.has_value());  // listing never decrypts
  CHECK(all[2].item == MeldcodeItem::kQuestion);
  CHECK(all[2].code == "suspicion");

  // The case counts the decision as activity.
  auto summary = in_unit(s.v(), [&](UnitOfWork& uow) { return get_case_summary(uow, s.case_id); });
  MK_REQUIRE_OK(summary);
  CHECK(summary->updated == test::test_now() + std::chrono::hours(26));
}

TEST_CASE("a decision's rationale is encrypted under the case's key and audited when read",
          "[vault][meldcode]") {
  Scene s;
  UnitOfWork uow = test::begin_unit(s.v());
  auto id =
      record_meldcode_decision(uow, s.case_id, step(3, "conversation", "skipped", kSkipRationale));
  MK_REQUIRE_OK(id);
  AuditEvent e = test::recorded(uow, "case.decide");
  CHECK(e.object == s.case_id);
  CHECK(e.detail == "decision=" + *id + ";item=step;number=3;answer=skipped;fields=rationale");
  MK_REQUIRE_OK(uow.commit());

  Bytes stored = raw_rationale(s.v(), *id);
  std::string as_text(stored.begin(), stored.end());
  CHECK(as_text.find("overgeslagen") == std::string::npos);
  CHECK(as_text.find("Ioana") == std::string::npos);

  UnitOfWork read = test::begin_unit(s.v());
  auto all = read_meldcode_decisions(read, s.case_id);
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  REQUIRE(all->front().rationale.has_value());
  CHECK(*all->front().rationale == kSkipRationale);
  CHECK(test::recorded(read, "case.meldcode.read").detail == "fields=rationale");
}

TEST_CASE("a changed view is a new decision; the earlier one stays on record",
          "[vault][meldcode]") {
  Scene s;
  MK_REQUIRE_OK(decide(s.v(), s.case_id, question(2, "acute_danger", "no")));
  s.tv.clock().advance(std::chrono::hours(72));
  MK_REQUIRE_OK(decide(s.v(), s.case_id, question(2, "acute_danger", "yes")));
  std::vector<MeldcodeDecision> all = listed(s.v(), s.case_id);
  REQUIRE(all.size() == 2);
  CHECK(all[0].answer == "no");
  CHECK(all[1].answer == "yes");
  CHECK(all[0].decided < all[1].decided);
}

TEST_CASE("meldcode decisions cannot be edited or deleted, only shredded with their case",
          "[vault][meldcode]") {
  Scene s;
  auto id = decide(s.v(), s.case_id, step(2, "consult", "done", kConsultRationale));
  MK_REQUIRE_OK(id);
  // Even someone holding the database key cannot change or remove a decision with plain SQL.
  CHECK_FALSE(s.v().db().exec("UPDATE meldcode_decisions SET answer = 'skipped'").is_ok());
  CHECK_FALSE(s.v().db().exec("DELETE FROM meldcode_decisions").is_ok());
  CHECK(s.tv.count_rows("meldcode_decisions") == 1);
  CHECK(listed(s.v(), s.case_id).front().answer == "done");

  ShredOrder order{"case", kPolicyHash, false};
  MK_REQUIRE_OK(in_unit(s.v(), [&](UnitOfWork& uow) { return shred_case(uow, s.case_id, order); }));
  CHECK(s.tv.count_rows("meldcode_decisions") == 0);
}

TEST_CASE("a rationale moved to another decision does not open", "[vault][meldcode]") {
  Scene s;
  auto a = decide(s.v(), s.case_id, step(2, "consult", "done", kConsultRationale));
  auto b = decide(s.v(), s.case_id, step(3, "conversation", "skipped", kSkipRationale));
  MK_REQUIRE_OK(a);
  MK_REQUIRE_OK(b);
  // An attacker with the database key drops the guard and swaps the ciphertexts.
  MK_REQUIRE_OK(s.v().db().exec("DROP TRIGGER meldcode_decisions_no_update"));
  auto st = s.v().db().prepare("UPDATE meldcode_decisions SET rationale = ?1 WHERE id = ?2");
  MK_REQUIRE_OK(st);
  st->bind_blob(1, raw_rationale(s.v(), *a)).bind(2, *b);
  MK_REQUIRE_OK(st->run());
  auto read =
      in_unit(s.v(), [&](UnitOfWork& uow) { return read_meldcode_decisions(uow, s.case_id); });
  CHECK(code_of(read) == Code::kVaultCorrupt);
  CHECK(read.status().message().find("Veilig Thuis") == std::string::npos);
}

TEST_CASE("bad meldcode decisions are refused and change nothing", "[vault][meldcode]") {
  Scene s;
  struct Bad {
    const char* what;
    std::string case_id;
    MeldcodeDecisionInput input;
    Code code;
  };
  const std::string id = s.case_id;
  MeldcodeDecisionInput control = step(3, "conversation", "skipped", "Regel een\x01tolk");
  std::vector<Bad> bad = {
      {"number 0", id, step(0, "map_signals", "done"), Code::kInvalidInput},
      {"number 100", id, step(100, "map_signals", "done"), Code::kInvalidInput},
      {"bad code", id, step(1, "Map signals", "done"), Code::kInvalidInput},
      {"bad answer", id, step(1, "map_signals", "Gedaan!"), Code::kInvalidInput},
      {"no hash",
       id,
       {MeldcodeItem::kStep, 1, "map_signals", "done", "", std::nullopt},
       Code::kInvalidInput},
      {"long rationale", id, step(2, "consult", "done", std::string(4001, 'x')),
       Code::kInvalidInput},
      {"control character", id, control, Code::kInvalidInput},
      {"malformed case", "C-123", step(1, "map_signals", "done"), Code::kInvalidInput},
      {"no such case", "C-AAAAAAAA", step(1, "map_signals", "done"), Code::kNotFound},
  };
  for (const Bad& b : bad) {
    INFO(b.what);
    UnitOfWork uow = test::begin_unit(s.v());
    auto r = record_meldcode_decision(uow, b.case_id, b.input);
    CHECK(code_of(r) == b.code);
    CHECK(uow.events().empty());
    CHECK(r.status().message().find("tolk") == std::string::npos);
  }
  CHECK(s.tv.count_rows("meldcode_decisions") == 0);

  // A closed case takes no more decisions.
  MK_REQUIRE_OK(in_unit(s.v(), [&](UnitOfWork& uow) {
    return close_case(uow, s.case_id, CaseStatus::kClosed, Date(2026, 3, 1), std::nullopt);
  }));
  CHECK(code_of(decide(s.v(), s.case_id, step(5, "decide", "close"))) == Code::kConflict);
  CHECK(s.tv.count_rows("meldcode_decisions") == 0);
}

TEST_CASE("the compliance role sees decisions but never their rationale, and cannot decide",
          "[vault][meldcode]") {
  Scene s;
  MK_REQUIRE_OK(decide(s.v(), s.case_id, step(3, "conversation", "skipped", kSkipRationale)));
  s.tv.reopen_as_compliance();
  std::vector<MeldcodeDecision> all = listed(s.v(), s.case_id);
  REQUIRE(all.size() == 1);
  CHECK(all[0].answer == "skipped");
  CHECK(all[0].has_rationale);
  CHECK_FALSE(all[0].rationale.has_value());
  CHECK(code_of(in_unit(s.v(), [&](UnitOfWork& uow) {
          return read_meldcode_decisions(uow, s.case_id);
        })) == Code::kForbidden);
  CHECK(code_of(decide(s.v(), s.case_id, step(5, "decide", "report"))) == Code::kForbidden);
  CHECK(s.tv.count_rows("meldcode_decisions") == 1);
}

}  // namespace mk::vault

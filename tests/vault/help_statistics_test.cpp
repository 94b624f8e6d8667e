// A case shredded under a de-identifying rule leaves, in its statistical fact, how its help
// requests fared (met within the norm, closed otherwise, open), so the mayor's report of norm-time
// compliance still adds up after the requests themselves are gone.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/case_store.hpp"
#include "vault/help_request_store.hpp"
#include "vault/meldcode_store.hpp"
#include "vault/shredding.hpp"
#include "vault/statistical_facts.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
namespace synthetic = test::synthetic;

constexpr char kHash[] = "3c59dc048e8850243be8079a5c74d079b7f1b0d6e2a4c3f5e6d7c8b9a0f1e2d3";

struct Scene {
  TestVault tv;
  std::string victim;
  std::string case_id;

  Scene() {
    victim = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
    CaseInput in;
    in.opened = Date(2025, 9, 1);
    in.person_ids = {victim};
    auto id = in_unit(tv.vault(), [&](UnitOfWork& uow) { return open_case(uow, in); });
    MK_REQUIRE_OK(id);
    case_id = *id;
  }
  Vault& v() { return tv.vault(); }

  // A request made on 2025-09-01, due 2025-09-15, closed as given (or left open).
  void request(HelpKind kind, std::optional<HelpStatus> status, std::optional<Date> closed) {
    HelpRequestInput in;
    in.case_id = case_id;
    in.kind = kind;
    in.team = "Team Zorg";
    in.requested = Date(2025, 9, 1);
    in.norm = "P14D";
    in.due = Date(2025, 9, 15);
    in.policy_hash = kHash;
    auto id = in_unit(v(), [&](UnitOfWork& uow) { return add_help_request(uow, in); });
    MK_REQUIRE_OK(id);
    if (status) {
      MK_REQUIRE_OK(in_unit(
          v(), [&](UnitOfWork& uow) { return close_help_request(uow, *id, *status, *closed); }));
    }
  }

  void close_case_on(Date d) {
    MK_REQUIRE_OK(in_unit(v(), [&](UnitOfWork& uow) {
      return close_case(uow, case_id, CaseStatus::kClosed, d, std::nullopt);
    }));
  }

  std::vector<StatisticalFact> facts() {
    auto r = in_unit(v(), [](UnitOfWork& uow) { return list_statistical_facts(uow); });
    MK_REQUIRE_OK(r);
    return std::move(*r);
  }
};

}  // namespace

TEST_CASE("a de-identified case counts its help requests: met in time, late or unmet, open",
          "[vault][help][shredding]") {
  Scene s;
  s.request(HelpKind::kShelter, HelpStatus::kMet, Date(2025, 9, 2));          // met in time
  s.request(HelpKind::kMedical, HelpStatus::kMet, Date(2025, 9, 15));         // on the due date
  s.request(HelpKind::kHousing, HelpStatus::kMet, Date(2025, 10, 20));        // met, late
  s.request(HelpKind::kBenefit, HelpStatus::kClosedUnmet, Date(2025, 9, 5));  // not met
  s.request(HelpKind::kIdPapers, std::nullopt, std::nullopt);                 // still open
  MK_REQUIRE_OK(in_unit(s.v(), [&](UnitOfWork& uow) {
    return record_meldcode_decision(
        uow, s.case_id,
        {MeldcodeItem::kStep, 5, "decide", "organise_help", kHash, "Hulp via SHOP georganiseerd."});
  }));
  s.close_case_on(Date(2025, 12, 1));

  ShredOrder order{"case", kHash, true};
  MK_REQUIRE_OK(in_unit(s.v(), [&](UnitOfWork& uow) { return shred_case(uow, s.case_id, order); }));
  CHECK(s.tv.count_rows("help_requests") == 0);
  CHECK(s.tv.count_rows("meldcode_decisions") == 0);

  std::vector<StatisticalFact> facts = s.facts();
  REQUIRE(facts.size() == 1);
  const StatisticalFact& f = facts.front();
  CHECK(f.kind == "case");
  CHECK(f.period == "2025-09");
  CHECK(f.victims == 1);
  CHECK(f.help_met == 2);
  CHECK(f.help_late == 2);
  CHECK(f.help_open == 1);
}

TEST_CASE("identical case facts with different help counts are kept apart",
          "[vault][help][shredding]") {
  Scene first;
  first.request(HelpKind::kShelter, HelpStatus::kMet, Date(2025, 9, 2));
  first.close_case_on(Date(2025, 12, 1));
  ShredOrder order{"case", kHash, true};
  // A second case like the first but without help requests, in the same vault.
  CaseInput in;
  in.opened = Date(2025, 9, 1);
  in.person_ids = {synthetic::add_person(first.v(), PersonRole::kVictim, synthetic::kAnouk)};
  auto second = in_unit(first.v(), [&](UnitOfWork& uow) { return open_case(uow, in); });
  MK_REQUIRE_OK(second);
  MK_REQUIRE_OK(in_unit(first.v(), [&](UnitOfWork& uow) {
    return close_case(uow, *second, CaseStatus::kClosed, Date(2025, 12, 1), std::nullopt);
  }));
  for (const std::string& id : {first.case_id, *second}) {
    MK_REQUIRE_OK(in_unit(first.v(), [&](UnitOfWork& uow) { return shred_case(uow, id, order); }));
  }
  std::vector<StatisticalFact> facts = first.facts();
  REQUIRE(facts.size() == 2);
  int met = facts[0].help_met + facts[1].help_met;
  CHECK(met == 1);
  CHECK(facts[0].help_met != facts[1].help_met);
}

TEST_CASE("only case facts carry help counts", "[vault][help][shredding]") {
  TestVault tv;
  StatisticalFact f;
  f.kind = "signal";
  f.period = "2025-11";
  f.source_kind = "anonymous";
  f.minor = "unknown";
  f.rule = "signal-no-suspicion";
  f.shredded_period = "2026-03";
  f.help_met = 1;
  CHECK(code_of(in_unit(tv.vault(), [&](UnitOfWork& uow) {
          return add_statistical_fact(uow, f);
        })) == Code::kInvalidInput);
  f.kind = "case";
  f.source_kind.clear();
  f.minor.clear();
  f.help_met = -1;
  CHECK(code_of(in_unit(tv.vault(), [&](UnitOfWork& uow) {
          return add_statistical_fact(uow, f);
        })) == Code::kInvalidInput);
  CHECK(tv.count_rows("statistical_facts") == 0);
}

}  // namespace mk::vault

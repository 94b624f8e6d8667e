// Migration 5 (Meldcode decisions, help requests, the training log; help counts in case facts) on
// a store written by the previous version: its facts are kept, with help counts of zero.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/schema.hpp"
#include "vault/statistical_facts.hpp"

namespace mk::vault {
namespace {

using test::in_unit;
using test::TestVault;

// What migration 5 added, taken away again: the store as schema 4 left it.
constexpr char kBackToSchema4[] = R"sql(
  BEGIN;
  DROP TABLE meldcode_decisions;
  DROP TABLE help_requests;
  DROP TABLE trainings;
  CREATE TABLE statistical_facts_4 (
    kind            TEXT NOT NULL CHECK (kind IN ('signal', 'case', 'disclosure')),
    period          TEXT NOT NULL,
    closed_period   TEXT NOT NULL,
    source_kind     TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    forms           TEXT NOT NULL,
    minor           TEXT NOT NULL,
    victims         INTEGER NOT NULL CHECK (victims >= 0),
    suspects        INTEGER NOT NULL CHECK (suspects >= 0),
    partner_kind    TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    rule            TEXT NOT NULL,
    shredded_period TEXT NOT NULL,
    count           INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (kind, period, closed_period, source_kind, outcome, forms, minor, victims,
                 suspects, partner_kind, purpose, rule, shredded_period)
  ) WITHOUT ROWID;
  INSERT INTO statistical_facts_4
    SELECT kind, period, closed_period, source_kind, outcome, forms, minor, victims, suspects,
           partner_kind, purpose, rule, shredded_period, count FROM statistical_facts;
  DROP TABLE statistical_facts;
  ALTER TABLE statistical_facts_4 RENAME TO statistical_facts;
  PRAGMA user_version = 4;
  COMMIT;
)sql";

std::vector<StatisticalFact> facts_of(Vault& v) {
  auto all = in_unit(v, [](UnitOfWork& uow) { return list_statistical_facts(uow); });
  MK_REQUIRE_OK(all);
  return std::move(*all);
}

}  // namespace

TEST_CASE("migration 5 keeps the facts of a schema 4 store and adds the workflow tables") {
  REQUIRE(current_schema_version() >= 5);
  TestVault tv;
  Vault& v = tv.vault();
  StatisticalFact closed_case;
  closed_case.kind = "case";
  closed_case.period = "2024-05";
  closed_case.closed_period = "2024-09";
  closed_case.outcome = "closed_referred";
  closed_case.victims = 2;
  closed_case.rule = "case";
  closed_case.shredded_period = "2026-03";
  StatisticalFact disclosure;
  disclosure.kind = "disclosure";
  disclosure.period = "2024-06";
  disclosure.partner_kind = "police";
  disclosure.purpose = "report";
  disclosure.rule = "disclosure";
  disclosure.shredded_period = "2026-03";
  for (const StatisticalFact* f : {&closed_case, &closed_case, &disclosure}) {
    MK_REQUIRE_OK(in_unit(v, [&](UnitOfWork& uow) { return add_statistical_fact(uow, *f); }));
  }
  MK_REQUIRE_OK(v.db().exec(kBackToSchema4));
  MK_REQUIRE_OK(migrate(v.db()));

  std::vector<StatisticalFact> after = facts_of(v);
  REQUIRE(after.size() == 3);
  CHECK(after[0].kind == "case");
  CHECK(after[1].kind == "case");
  CHECK(after[2].kind == "disclosure");
  for (const StatisticalFact& f : after) {
    CHECK(f.help_met == 0);
    CHECK(f.help_late == 0);
    CHECK(f.help_open == 0);
  }
  CHECK(after[0].victims == 2);
  CHECK(after[2].partner_kind == "police");
  CHECK(tv.count_rows("meldcode_decisions") == 0);
  CHECK(tv.count_rows("help_requests") == 0);
  CHECK(tv.count_rows("trainings") == 0);
  // The append-only guard came back with the table.
  Result<Statement> triggers = v.db().prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
      "'meldcode_decisions'");
  MK_REQUIRE_OK(triggers);
  REQUIRE(*triggers->step());
  CHECK(triggers->column_int(0) == 2);
}

}  // namespace mk::vault

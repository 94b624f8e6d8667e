// Migration 4 (partners, consents, the disclosure register; statistical facts that know
// disclosures) on a store written by the previous version: its facts are kept, counts and all.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "sharing_fixture.hpp"
#include "test_vault_fixture.hpp"
#include "vault/schema.hpp"
#include "vault/statistical_facts.hpp"

namespace mk::vault {
namespace {

using test::in_unit;
using test::TestVault;

// Takes the store back to schema 3 as that version left it: no sharing tables, and the fact table
// without partner kind and purpose.
constexpr char kBackToSchema3[] = R"sql(
  BEGIN IMMEDIATE;
  DROP TABLE disclosure_subjects;
  DROP TABLE disclosures;
  DROP TABLE consents;
  DROP TABLE partners;
  CREATE TABLE statistical_facts_3 (
    kind            TEXT NOT NULL CHECK (kind IN ('signal', 'case')),
    period          TEXT NOT NULL,
    closed_period   TEXT NOT NULL,
    source_kind     TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    forms           TEXT NOT NULL,
    minor           TEXT NOT NULL,
    victims         INTEGER NOT NULL CHECK (victims >= 0),
    suspects        INTEGER NOT NULL CHECK (suspects >= 0),
    rule            TEXT NOT NULL,
    shredded_period TEXT NOT NULL,
    count           INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (kind, period, closed_period, source_kind, outcome, forms, minor, victims,
                 suspects, rule, shredded_period)
  ) WITHOUT ROWID;
  INSERT INTO statistical_facts_3
    SELECT kind, period, closed_period, source_kind, outcome, forms, minor, victims, suspects,
           rule, shredded_period, count FROM statistical_facts;
  DROP TABLE statistical_facts;
  ALTER TABLE statistical_facts_3 RENAME TO statistical_facts;
  PRAGMA user_version = 3;
  COMMIT;
)sql";

std::vector<StatisticalFact> facts_of(Vault& v) {
  Result<std::vector<StatisticalFact>> all =
      in_unit(v, [](UnitOfWork& uow) { return list_statistical_facts(uow); });
  MK_REQUIRE_OK(all);
  return std::move(*all);
}

}  // namespace

TEST_CASE("migration 4 keeps the facts of a schema 3 store and adds the sharing tables") {
  REQUIRE(current_schema_version() >= 4);
  TestVault tv;
  Vault& v = tv.vault();
  StatisticalFact tip;
  tip.kind = "signal";
  tip.period = "2025-11";
  tip.closed_period = "2025-12";
  tip.source_kind = "anonymous";
  tip.outcome = "no_suspicion";
  tip.forms = {"sexual"};
  tip.minor = "unknown";
  tip.rule = "signal-no-suspicion";
  tip.shredded_period = "2026-03";
  StatisticalFact closed_case;
  closed_case.kind = "case";
  closed_case.period = "2024-05";
  closed_case.closed_period = "2024-09";
  closed_case.outcome = "closed_referred";
  closed_case.victims = 2;
  closed_case.suspects = 1;
  closed_case.rule = "case-closed";
  closed_case.shredded_period = "2026-03";
  for (const StatisticalFact* f : {&tip, &tip, &closed_case}) {
    MK_REQUIRE_OK(in_unit(v, [&](UnitOfWork& uow) { return add_statistical_fact(uow, *f); }));
  }
  std::vector<StatisticalFact> before = facts_of(v);
  REQUIRE(before.size() == 3);

  MK_REQUIRE_OK(v.db().exec(kBackToSchema3));
  MK_REQUIRE_OK(migrate(v.db()));

  Result<Statement> version = v.db().prepare("PRAGMA user_version");
  MK_REQUIRE_OK(version);
  REQUIRE(*version->step());
  CHECK(version->column_int(0) == current_schema_version());
  version = v.db().prepare("SELECT 1");  // finalise

  std::vector<StatisticalFact> after = facts_of(v);
  REQUIRE(after.size() == 3);
  for (std::size_t i = 0; i < after.size(); ++i) {
    INFO(i);
    CHECK(after[i].kind == before[i].kind);
    CHECK(after[i].period == before[i].period);
    CHECK(after[i].closed_period == before[i].closed_period);
    CHECK(after[i].outcome == before[i].outcome);
    CHECK(after[i].forms == before[i].forms);
    CHECK(after[i].victims == before[i].victims);
    CHECK(after[i].rule == before[i].rule);
    CHECK(after[i].partner_kind.empty());
    CHECK(after[i].purpose.empty());
  }
  CHECK(tv.count_rows("statistical_facts") == 2);  // the two tips still share a row
  // The sharing tables are there and work.
  MK_CHECK_OK(test::sharing::add(v, test::sharing::police()));
  CHECK(tv.count_rows("consents") == 0);
  CHECK(tv.count_rows("disclosures") == 0);
  MK_CHECK_OK(check_store_integrity(v.db()));
}

}  // namespace mk::vault

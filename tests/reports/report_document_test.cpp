// Publishing the mayor's report: the document is checked, every table suppressed under the
// policy, and what the renderers need to explain it (threshold, reference, policy version) kept.
#include "reports/report_document.hpp"

#include <catch2/catch.hpp>

#include "lp_interval.hpp"
#include "report_fixture.hpp"
#include "synthetic_year.hpp"

TEST_CASE("report periods are years, halves and quarters", "[reports][document]") {
  for (const char* ok : {"2026", "2026-H1", "2026-H2", "2026-Q1", "2026-Q4", "1800"})
    CHECK(mk::reports::is_report_period(ok));
  for (const char* bad : {"", "26", "2026-Q5", "2026-Q0", "2026-H3", "2026-07", "2026-q3",
                          "2026-Q3 ", "1799", "2026/Q3", "20x6"}) {
    INFO(bad);
    CHECK_FALSE(mk::reports::is_report_period(bad));
  }
}

TEST_CASE("a report is published table by table under the policy", "[reports][document]") {
  const auto year = mk::testing::synthetic_year();
  const auto policy = mk::testing::reporting_policy(5);
  auto r = mk::reports::publish_report(mk::testing::quarter_report(year), policy);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  CHECK(r->period == "2026-Q4");
  CHECK(r->tables.size() == 6);
  CHECK(r->tables[0].id == "signals_by_form");
  CHECK(r->tables[5].id == "cases");
  CHECK(r->trend.id == "trend");
  CHECK(r->threshold == 5);
  CHECK(r->policy_hash == policy.hash());
  CHECK_FALSE(r->rounding.has_value());
  std::size_t withheld = 0;
  for (const auto& t : r->tables)
    withheld += t.withheld;
  CHECK(withheld > 0);  // a quarter of a small municipality has small counts
}

TEST_CASE("a malformed report is refused", "[reports][document]") {
  const auto year = mk::testing::synthetic_year();
  const auto policy = mk::testing::reporting_policy(5);
  auto d = mk::testing::quarter_report(year);
  d.period = "Q4 2026";
  auto r = mk::reports::publish_report(d, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == mk::Code::kInvalidInput);
  CHECK(r.status().message() ==
        "report period must be a year (2026), a half (2026-H1) or a quarter (2026-Q3)");

  d = mk::testing::quarter_report(year);
  d.municipality = "";
  r = mk::reports::publish_report(d, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "report municipality: must not be empty");

  d = mk::testing::quarter_report(year);
  d.cases.id = d.trend.id;
  r = mk::reports::publish_report(d, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "two tables of the report have the id \"trend\"");

  d = mk::testing::quarter_report(year);
  d.help_requests.cells[2][1] = -3;
  r = mk::reports::publish_report(d, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() ==
        "table \"help_requests\": the count in row 3, column 2 is not "
        "between 0 and 1000000000");
}

namespace {

// The report's tables in the order publish_report keeps them, and its links as lp_interval.hpp
// places.
std::vector<const mk::reports::PublishedTable*> tables_of(const mk::reports::PublishedReport& r) {
  std::vector<const mk::reports::PublishedTable*> out;
  for (const auto& t : r.tables)
    out.push_back(&t);
  out.push_back(&r.trend);
  return out;
}

std::vector<std::pair<mk::testing::Place, mk::testing::Place>> links_of(
    const mk::reports::ReportDocument& d, const mk::reports::PublishedReport& r) {
  const auto tables = tables_of(r);
  auto index = [&](const std::string& id) {
    for (std::size_t i = 0; i < tables.size(); ++i)
      if (tables[i]->id == id) return i;
    FAIL("no table " << id);
    return std::size_t{0};
  };
  std::vector<std::pair<mk::testing::Place, mk::testing::Place>> out;
  for (const auto& s : d.same_counts) {
    out.push_back(
        {{index(s.a.table), s.a.row, s.a.column}, {index(s.b.table), s.b.row, s.b.column}});
  }
  return out;
}

bool withheld(const mk::reports::PublishedTable& t, std::size_t r, std::size_t c) {
  if (r < t.rows() && c < t.columns()) return !t.cells[r][c];
  if (r < t.rows()) return !t.row_totals[r];
  if (c < t.columns()) return !t.column_totals[c];
  return !t.grand_total;
}

// The narrowest range a withheld count of the report has, given all its tables and links.
mk::testing::Real narrowest(
    const mk::reports::PublishedReport& r,
    const std::vector<std::pair<mk::testing::Place, mk::testing::Place>>& links) {
  const auto intervals = mk::testing::feasible_intervals(tables_of(r), links);
  REQUIRE_FALSE(intervals.empty());  // the true tables satisfy it
  mk::testing::Real least = mk::testing::kInfinity;
  for (const auto& i : intervals)
    least = std::min(least, i.high - i.low);
  return least;
}

}  // namespace

TEST_CASE("a count that appears in two tables is withheld in both or in neither",
          "[reports][document]") {
  const auto year = mk::testing::synthetic_year();
  for (int quarter = 1; quarter <= 4; ++quarter) {
    const auto d = mk::testing::quarter_report(year, quarter);
    auto r = mk::reports::publish_report(d, mk::testing::reporting_policy(5));
    REQUIRE(r.is_ok());
    const auto tables = tables_of(*r);
    for (const auto& [p, q] : links_of(d, *r)) {
      INFO("quarter " << quarter << ": " << tables[p.table]->id << " and " << tables[q.table]->id);
      CHECK(withheld(*tables[p.table], p.row, p.column) ==
            withheld(*tables[q.table], q.row, q.column));
    }
  }
}

TEST_CASE("the whole report: no withheld count can be worked out from all its tables together",
          "[reports][document]") {
  const auto year = mk::testing::synthetic_year();
  for (int threshold : {5, 11}) {
    for (int quarter = 1; quarter <= 4; ++quarter) {
      INFO("threshold " << threshold << ", quarter " << quarter);
      const auto d = mk::testing::quarter_report(year, quarter);
      auto r = mk::reports::publish_report(d, mk::testing::reporting_policy(threshold));
      REQUIRE(r.is_ok());
      CHECK(narrowest(*r, links_of(d, *r)) >= 1 - 1e-6L);
    }
  }
}

TEST_CASE("the links between tables are checked", "[reports][document]") {
  const auto year = mk::testing::synthetic_year();
  const auto policy = mk::testing::reporting_policy(5);
  auto d = mk::testing::quarter_report(year);
  d.same_counts.push_back({{"signals_by_form", 0, 0}, {"meldingen", 0, 0}});
  auto r = mk::reports::publish_report(d, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "same count 10: no table with that id");

  d = mk::testing::quarter_report(year);
  d.same_counts.push_back({{"cases", 2, 0}, {"trend", 0, 0}});  // cases has no column totals
  r = mk::reports::publish_report(d, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "same count 10: a place outside its table");

  d = mk::testing::quarter_report(year);
  d.same_counts.push_back({{"signals_by_form", 0, 0}, {"trend", 0, 0}});
  r = mk::reports::publish_report(d, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "same count 10: the two places differ");
}

TEST_CASE("without the links, the tables together would give a count away", "[reports][document]") {
  // A table by source and outcome, and the table by outcome that is its outcome totals (24, 32,
  // 4). Suppressed on its own, the table by outcome protects the 4 with the 24, while the table by
  // source protects its 4 otherwise and shows the 24: together they give the 4 away.
  const auto year = mk::testing::synthetic_year();
  auto d = mk::testing::quarter_report(year);
  d.signals_by_source = mk::testing::empty_table(
      "signals_by_source", {"Meldingen naar bron en uitkomst", "Signals by source and outcome"},
      {"Bron", "Source"}, {mk::testing::kSources.begin(), mk::testing::kSources.begin() + 3},
      {mk::testing::kOutcomes.begin(), mk::testing::kOutcomes.begin() + 3});
  d.signals_by_source.cells = {{0, 6, 0}, {23, 2, 4}, {1, 24, 0}};
  d.signals_by_outcome.row_labels.resize(3);
  d.signals_by_outcome.cells = {{24}, {32}, {4}};
  d.same_counts.clear();
  for (std::size_t o = 0; o < 3; ++o)
    d.same_counts.push_back({{"signals_by_source", 3, o}, {"signals_by_outcome", o, 0}});
  d.same_counts.push_back({{"signals_by_source", 3, 3}, {"signals_by_outcome", 3, 1}});

  auto linked = mk::reports::publish_report(d, mk::testing::reporting_policy(5));
  REQUIRE(linked.is_ok());
  const auto links = links_of(d, *linked);
  CHECK(narrowest(*linked, links) >= 1 - 1e-6L);
  const auto& by_source = linked->tables[1];
  const auto& by_outcome = linked->tables[2];
  for (std::size_t o = 0; o < 3; ++o)
    CHECK(withheld(by_source, 3, o) == withheld(by_outcome, o, 0));

  d.same_counts.clear();
  auto alone = mk::reports::publish_report(d, mk::testing::reporting_policy(5));
  REQUIRE(alone.is_ok());
  CHECK(withheld(alone->tables[2], 0, 0));        // the 24, in the table by outcome
  CHECK_FALSE(withheld(alone->tables[1], 3, 0));  // shown as a total of the table by source
  CHECK(narrowest(*alone, links) < 0.5);
}

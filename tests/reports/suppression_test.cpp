// Small-cell suppression: every count below the threshold is withheld, and no withheld count can
// be worked out from what is shown. The second is checked independently of the implementation:
// for each withheld count, a linear program over the published table gives the least and greatest
// value it can have (lp_interval.hpp), and that range must hold more than one value.
#include "reports/suppression.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

#include "lp_interval.hpp"
#include "report_fixture.hpp"
#include "synthetic_year.hpp"

using mk::reports::CountTable;
using mk::reports::plan_suppression;
using mk::reports::publish_table;
using mk::reports::PublishedTable;
using mk::reports::SuppressionMask;
using mk::testing::feasible_intervals;
using mk::testing::Interval;
using mk::testing::withheld_cells;

namespace {

CountTable table(std::vector<std::vector<std::int64_t>> cells, bool column_totals = true) {
  std::vector<mk::reports::Label> rows, columns;
  for (std::size_t r = 0; r < cells.size(); ++r)
    rows.push_back({"rij " + std::to_string(r + 1), "row " + std::to_string(r + 1)});
  for (std::size_t c = 0; c < cells.front().size(); ++c)
    columns.push_back({"kolom " + std::to_string(c + 1), "column " + std::to_string(c + 1)});
  CountTable t = mk::testing::empty_table("test", {"Proef", "Test"}, {"Rij", "Row"}, rows, columns);
  t.cells = std::move(cells);
  t.column_totals = column_totals;
  return t;
}

PublishedTable publish(const CountTable& t, int threshold) {
  auto p = publish_table(t, mk::testing::reporting_policy(threshold));
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  return std::move(p).value();
}

SuppressionMask nothing_withheld(const CountTable& t) {
  SuppressionMask m;
  m.cells.assign(t.rows(), std::vector<bool>(t.columns(), false));
  m.row_totals.assign(t.rows(), false);
  if (t.column_totals) m.column_totals.assign(t.columns(), false);
  return m;
}

// The published table `mask` would give (no rounding): to check the checker on masks that are
// not safe.
PublishedTable published_with(const CountTable& t, const SuppressionMask& m) {
  PublishedTable p;
  p.row_labels = t.row_labels;
  p.column_labels = t.column_labels;
  p.has_column_totals = t.column_totals;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    std::vector<std::optional<std::int64_t>> row;
    for (std::size_t c = 0; c < t.columns(); ++c)
      row.push_back(m.cells[r][c] ? std::nullopt : std::optional(t.cells[r][c]));
    p.cells.push_back(row);
    p.row_totals.push_back(m.row_totals[r] ? std::nullopt : std::optional(t.row_total(r)));
  }
  if (t.column_totals) {
    for (std::size_t c = 0; c < t.columns(); ++c) {
      p.column_totals.push_back(m.column_totals[c] ? std::nullopt
                                                   : std::optional(t.column_total(c)));
    }
    p.grand_total = m.grand_total ? std::nullopt : std::optional(t.grand_total());
  }
  return p;
}

// The true count at a place of the grid of cells and totals.
std::int64_t true_count(const CountTable& t, std::size_t r, std::size_t c) {
  if (r < t.rows() && c < t.columns()) return t.cells[r][c];
  if (r < t.rows()) return t.row_total(r);
  if (c < t.columns()) return t.column_total(c);
  return t.grand_total();
}

std::optional<std::int64_t> shown_count(const PublishedTable& p, std::size_t r, std::size_t c) {
  if (r < p.rows() && c < p.columns()) return p.cells[r][c];
  if (r < p.rows()) return p.row_totals[r];
  if (c < p.columns()) return p.column_totals[c];
  return p.grand_total;
}

std::string place(const CountTable& t, std::size_t r, std::size_t c) {
  return t.id + " (" + (r < t.rows() ? "row " + std::to_string(r + 1) : "totals row") + ", " +
         (c < t.columns() ? "column " + std::to_string(c + 1) : "totals column") + ")";
}

// Everything the guarantee promises for `p`, published from `t` under `threshold`. Returns the
// number of withheld counts.
std::size_t check_safe(const CountTable& t, const PublishedTable& p, int threshold) {
  const std::size_t rows = t.rows() + (t.column_totals ? 1 : 0), cols = t.columns() + 1;
  // Small counts are withheld, zeros shown, the rest shown as they are.
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      const std::int64_t n = true_count(t, r, c);
      const auto shown = shown_count(p, r, c);
      INFO(place(t, r, c) << " = " << n);
      if (n > 0 && n < threshold) CHECK_FALSE(shown.has_value());
      if (n == 0) CHECK(shown == std::optional<std::int64_t>(0));
      if (shown) CHECK(*shown == n);
    }
  }
  // No line (a row with its total, a column with its total) holds a single withheld count.
  for (std::size_t r = 0; r < rows; ++r) {
    int withheld = 0;
    for (std::size_t c = 0; c < cols; ++c)
      withheld += shown_count(p, r, c) ? 0 : 1;
    INFO(t.id << ": grid row " << r + 1);
    CHECK(withheld != 1);
  }
  if (t.column_totals) {
    for (std::size_t c = 0; c < cols; ++c) {
      int withheld = 0;
      for (std::size_t r = 0; r < rows; ++r)
        withheld += shown_count(p, r, c) ? 0 : 1;
      INFO(t.id << ": grid column " << c + 1);
      CHECK(withheld != 1);
    }
  }
  // Each withheld count can take at least two values given what is shown.
  const auto cells = withheld_cells(p);
  const std::vector<Interval> intervals = feasible_intervals(p);
  REQUIRE(intervals.size() == cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const std::int64_t n = true_count(t, cells[k].row, cells[k].column);
    INFO(place(t, cells[k].row, cells[k].column)
         << " = " << n << ": feasible from " << static_cast<double>(intervals[k].low) << " to "
         << static_cast<double>(intervals[k].high));
    CHECK(intervals[k].low <= static_cast<mk::testing::Real>(n) + 1e-6L);
    CHECK(intervals[k].high >= static_cast<mk::testing::Real>(n) - 1e-6L);
    CHECK(intervals[k].high - intervals[k].low >= 1 - 1e-6L);
  }
  CHECK(p.withheld == cells.size());
  return cells.size();
}

}  // namespace

TEST_CASE("the interval check finds a count a row total gives away", "[reports][suppression]") {
  // Withholding only the 3 leaves it derivable: 45 - 12 - 30.
  const CountTable t = table({{3, 12, 30}, {8, 9, 40}});
  SuppressionMask m = nothing_withheld(t);
  m.cells[0][0] = true;
  const auto intervals = feasible_intervals(published_with(t, m));
  REQUIRE(intervals.size() == 1);
  CHECK(intervals[0].low == Approx(3));
  CHECK(intervals[0].high == Approx(3));
  CHECK_FALSE(mk::reports::all_protected(t, m));

  // Two ones in a row are each 1 when their row total leaves 2 (zeros are shown).
  const CountTable ones = table({{1, 1, 20}, {10, 10, 10}, {7, 9, 11}});
  SuppressionMask pair = nothing_withheld(ones);
  pair.cells[0][0] = pair.cells[0][1] = true;
  pair.cells[1][0] = pair.cells[1][1] = true;  // the textbook "two per line" pattern
  const auto pair_intervals = feasible_intervals(published_with(ones, pair));
  REQUIRE(pair_intervals.size() == 4);
  CHECK(pair_intervals[0].high - pair_intervals[0].low == Approx(0));
  CHECK(pair_intervals[1].high - pair_intervals[1].low == Approx(0));
  CHECK_FALSE(mk::reports::all_protected(ones, pair));
}

TEST_CASE("the interval check agrees with trying every whole-number table",
          "[reports][suppression]") {
  mk::testing::Random rnd(7);
  int compared = 0;
  for (int round = 0; round < 60; ++round) {
    const std::size_t R = 2 + static_cast<std::size_t>(rnd.below(2));
    const std::size_t C = 2 + static_cast<std::size_t>(rnd.below(2));
    std::vector<std::vector<std::int64_t>> cells(R, std::vector<std::int64_t>(C));
    for (auto& row : cells)
      for (auto& n : row)
        n = rnd.below(3) == 0 ? 0 : 1 + rnd.below(6);
    const CountTable t = table(cells);
    const PublishedTable p = publish(t, 3);
    const auto unknowns = withheld_cells(p);
    if (unknowns.empty() || unknowns.size() > 6) continue;
    // Brute force: every assignment of 1..top to the withheld counts that satisfies every line.
    // With the grand total shown no count exceeds it. Withheld, the counts may be unbounded: a
    // count that can grow without end can grow by at least top - grand total here (every total
    // grows with it, the grand total most), more than any bounded count can exceed its true value.
    const bool bounded = p.grand_total.has_value();
    const std::int64_t g = t.grand_total();
    const std::int64_t top = bounded ? g : 2 * g + 6;
    struct Line {
      std::vector<std::pair<std::size_t, std::size_t>> parts;
      std::pair<std::size_t, std::size_t> total;
      std::size_t last = 0;  // the highest index of a withheld count in it, plus one
    };
    std::vector<Line> lines;
    for (std::size_t r = 0; r <= R; ++r) {
      Line l{{}, {r, C}};
      for (std::size_t c = 0; c < C; ++c)
        l.parts.emplace_back(r, c);
      lines.push_back(l);
    }
    for (std::size_t c = 0; c <= C; ++c) {
      Line l{{}, {R, c}};
      for (std::size_t r = 0; r < R; ++r)
        l.parts.emplace_back(r, c);
      lines.push_back(l);
    }
    auto index_of = [&](std::pair<std::size_t, std::size_t> cell) -> std::size_t {
      for (std::size_t k = 0; k < unknowns.size(); ++k)
        if (unknowns[k].row == cell.first && unknowns[k].column == cell.second) return k + 1;
      return 0;
    };
    for (Line& l : lines) {
      l.last = index_of(l.total);
      for (const auto& cell : l.parts)
        l.last = std::max(l.last, index_of(cell));
    }
    std::vector<std::int64_t> low(unknowns.size(), top + 1), high(unknowns.size(), 0);
    std::vector<std::int64_t> value(unknowns.size(), 1);
    auto at = [&](std::pair<std::size_t, std::size_t> cell) {
      const std::size_t k = index_of(cell);
      return k > 0 ? value[k - 1] : *shown_count(p, cell.first, cell.second);
    };
    auto holds = [&](const Line& l) {
      std::int64_t sum = 0;
      for (const auto& cell : l.parts)
        sum += at(cell);
      return sum == at(l.total);
    };
    std::function<void(std::size_t)> search = [&](std::size_t k) {
      for (const Line& l : lines)
        if (l.last == k && k > 0 && !holds(l)) return;
      if (k == unknowns.size()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          low[i] = std::min(low[i], value[i]);
          high[i] = std::max(high[i], value[i]);
        }
        return;
      }
      for (value[k] = 1; value[k] <= top; ++value[k])
        search(k + 1);
    };
    search(0);
    const auto intervals = feasible_intervals(p);
    REQUIRE(intervals.size() == unknowns.size());
    for (std::size_t k = 0; k < unknowns.size(); ++k) {
      CHECK(intervals[k].low == Approx(static_cast<double>(low[k])));
      const std::int64_t n = true_count(t, unknowns[k].row, unknowns[k].column);
      if (bounded || high[k] < n + top - g) {
        CHECK(intervals[k].high == Approx(static_cast<double>(high[k])));
      } else {
        CHECK(intervals[k].high == mk::testing::kInfinity);
      }
    }
    ++compared;
  }
  CHECK(compared >= 20);
}

TEST_CASE("a small count is withheld, a zero is shown", "[reports][suppression]") {
  const CountTable t = table({{3, 12, 30}, {8, 9, 40}, {20, 25, 0}});
  const PublishedTable p = publish(t, 5);
  CHECK_FALSE(p.cells[0][0].has_value());
  CHECK(p.cells[2][2] == std::optional<std::int64_t>(0));
  CHECK(check_safe(t, p, 5) >= 4);
  CHECK(mk::reports::count_text(p.cells[0][0]) == "x");
  CHECK(mk::reports::count_text(p.cells[2][2]) == "0");
}

TEST_CASE("the cheapest counts protect a lone small count", "[reports][suppression]") {
  // The 3 needs a partner in its row and column, and they a fourth: 12, 8 and 9 withhold 29
  // signals' worth; any other rectangle or a route over the totals withholds more.
  const CountTable t = table({{3, 12, 30}, {8, 9, 40}, {20, 25, 50}});
  const SuppressionMask m = plan_suppression(t, 5);
  CHECK(m.cells == std::vector<std::vector<bool>>{
                       {true, true, false}, {true, true, false}, {false, false, false}});
  CHECK(m.row_totals == std::vector<bool>{false, false, false});
  CHECK(m.column_totals == std::vector<bool>{false, false, false});
  CHECK_FALSE(m.grand_total);
  check_safe(t, publish(t, 5), 5);
}

TEST_CASE("two small counts a row total would give away are protected further",
          "[reports][suppression]") {
  // 1 and 1 in a row of 22: withheld together, the row total says they sum to 2, so both are 1
  // (a withheld count is at least 1). The pair needs another route.
  const CountTable t = table({{1, 1, 20}, {10, 10, 10}, {7, 9, 11}});
  const PublishedTable p = publish(t, 2 + 1);
  CHECK(check_safe(t, p, 3) > 4);
}

TEST_CASE("a total below the threshold is withheld, with its consequences",
          "[reports][suppression]") {
  // Row 1 holds 2 signals in all: its only nonzero cell and its total are both 2.
  const CountTable t = table({{2, 0, 0}, {14, 22, 9}, {31, 6, 17}});
  const PublishedTable p = publish(t, 5);
  CHECK_FALSE(p.row_totals[0].has_value());
  CHECK_FALSE(p.cells[0][0].has_value());
  CHECK(p.cells[0][1] == std::optional<std::int64_t>(0));
  check_safe(t, p, 5);

  // A whole table below the threshold: everything nonzero is withheld.
  const CountTable tiny = table({{1, 0}, {0, 2}});
  const PublishedTable q = publish(tiny, 5);
  CHECK_FALSE(q.grand_total.has_value());
  CHECK(q.cells[0][1] == std::optional<std::int64_t>(0));
  check_safe(tiny, q, 5);
}

TEST_CASE("tables without column totals are protected by their rows", "[reports][suppression]") {
  // Cases opened and closed per month: no column totals, so only the row totals constrain.
  const CountTable t = table({{4, 9, 12}, {0, 6, 3}}, false);
  const PublishedTable p = publish(t, 5);
  CHECK(p.column_totals.empty());
  CHECK_FALSE(p.grand_total.has_value());
  check_safe(t, p, 5);
}

TEST_CASE("a year of signals: no withheld count can be worked out", "[reports][suppression]") {
  const auto year = mk::testing::synthetic_year();
  REQUIRE(year.size() >= 200);
  const mk::testing::Span all{0, 12};
  const std::vector<CountTable> tables = {
      mk::testing::forms_by_quarter(year),
      mk::testing::forms_by_month(year, all),
      mk::testing::sources_by_outcome(year, all),
      mk::testing::outcomes(year, all),
      mk::testing::referrals(year, all),
      mk::testing::help_requests(year, all),
      mk::testing::cases(year, all),
      mk::testing::trend(year),
      mk::testing::forms_by_month(year, {9, 3}),
      mk::testing::referrals(year, {9, 3}),
      mk::testing::sources_by_outcome(year, {9, 3}),
  };
  for (int threshold : {5, 11}) {
    std::size_t withheld = 0, small = 0;
    for (const CountTable& t : tables) {
      INFO("threshold " << threshold << ", table " << t.id);
      const PublishedTable p = publish(t, threshold);
      withheld += check_safe(t, p, threshold);
      for (const auto& row : t.cells)
        for (std::int64_t n : row)
          small += n > 0 && n < threshold ? 1 : 0;
    }
    // The year is realistic: it has small cells to protect, and protecting them costs more.
    INFO("threshold " << threshold);
    CHECK(small >= 20);
    CHECK(withheld > small);
  }
}

TEST_CASE("a single withheld count in a row or column never survives", "[reports][suppression]") {
  mk::testing::Random rnd(20260);
  for (int round = 0; round < 150; ++round) {
    const std::size_t R = 1 + static_cast<std::size_t>(rnd.below(6));
    const std::size_t C = 1 + static_cast<std::size_t>(rnd.below(6));
    std::vector<std::vector<std::int64_t>> cells(R, std::vector<std::int64_t>(C));
    for (auto& row : cells) {
      for (auto& n : row) {
        const int kind = rnd.below(10);
        n = kind < 2 ? 0 : kind < 6 ? 1 + rnd.below(4) : 5 + rnd.below(40);
      }
    }
    const CountTable t = table(cells, rnd.below(4) != 0);
    const int threshold = 2 + rnd.below(10);
    INFO("round " << round << ": " << R << "x" << C << ", threshold " << threshold);
    check_safe(t, publish(t, threshold), threshold);
    CHECK(mk::reports::all_protected(t, plan_suppression(t, threshold)));
  }
}

TEST_CASE("suppression is deterministic", "[reports][suppression]") {
  const auto year = mk::testing::synthetic_year();
  const CountTable t = mk::testing::referrals(year, {0, 12});
  const SuppressionMask a = plan_suppression(t, 5), b = plan_suppression(t, 5);
  CHECK(a.cells == b.cells);
  CHECK(a.row_totals == b.row_totals);
  CHECK(a.column_totals == b.column_totals);
  CHECK(a.grand_total == b.grand_total);
}

TEST_CASE("rounding shows counts rounded down and withholds the same counts",
          "[reports][suppression]") {
  const CountTable t = table({{3, 12, 30}, {8, 9, 40}, {20, 25, 0}});
  auto rounded = publish_table(t, mk::testing::reporting_policy(5, 10));
  REQUIRE(rounded.is_ok());
  const PublishedTable exact = publish(t, 5);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    for (std::size_t c = 0; c < t.columns(); ++c) {
      CHECK(rounded->cells[r][c].has_value() == exact.cells[r][c].has_value());
      if (exact.cells[r][c]) CHECK(*rounded->cells[r][c] == *exact.cells[r][c] / 10 * 10);
    }
  }
  CHECK(rounded->cells[2][1] == std::optional<std::int64_t>(20));   // 25
  CHECK(rounded->grand_total == std::optional<std::int64_t>(140));  // 147
  CHECK(mk::reports::round_down(9, 10) == 0);
}

TEST_CASE("a malformed table is refused without quoting it", "[reports][suppression]") {
  const auto policy = mk::testing::reporting_policy(5);
  CountTable ragged = table({{3, 12}, {8, 9}});
  ragged.cells[1].push_back(4);
  auto r = publish_table(ragged, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == mk::Code::kInvalidInput);
  CHECK(r.status().message() == "table \"test\": row 2 has 3 cells, but there are 2 column labels");

  CountTable negative = table({{3, -1}});
  r = publish_table(negative, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() ==
        "table \"test\": the count in row 1, column 2 is not between 0 and 1000000000");

  CountTable rows = table({{3, 12}});
  rows.row_labels.push_back({"Huisvesting", "Housing"});
  r = publish_table(rows, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "table \"test\": cells for 1 rows, but 2 row labels");

  CountTable label = table({{3, 12}});
  label.row_labels[0].nl = "Familie de Vries\nWaterstraat 4";
  r = publish_table(label, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() ==
        "table \"test\": label of row 1 (Dutch): must not contain tabs or line breaks");

  CountTable id = table({{3, 12}});
  id.id = "Signals by form";
  r = publish_table(id, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message().find("table id must be") == 0);

  CountTable empty = table({{3}});
  empty.row_labels.clear();
  empty.cells.clear();
  r = publish_table(empty, policy);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "table \"test\": needs at least one row and one column");
}

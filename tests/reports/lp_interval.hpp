// An independent check of suppression: the range of values a withheld count can take, given what
// a published table shows, by linear programming (a small dense two-phase simplex with Bland's
// rule). Nothing here shares code or reasoning with reports/suppression.cpp, which works with
// cycles in a graph instead.
//
// What a reader knows of a published table: every count shown, that each row's cells sum to its
// row total, each column's cells to its column total, the column totals (and the row totals) to
// the grand total, and that a withheld count is at least 1 (zeros are always shown). The unknowns
// are the withheld counts. Line sums are totally unimodular, so the LP's optimum is a whole number
// and the LP range is the range over whole-number tables.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "reports/suppression.hpp"

namespace mk::testing {

using Real = long double;
inline constexpr Real kInfinity = std::numeric_limits<Real>::infinity();

// min c·y subject to A y = b, y >= 0. nullopt when infeasible; -infinity when unbounded.
inline std::optional<Real> lp_minimize(std::vector<std::vector<Real>> a, std::vector<Real> b,
                                       const std::vector<Real>& c) {
  constexpr Real kEps = 1e-9L;
  const std::size_t m = a.size(), n = c.size();
  for (std::size_t i = 0; i < m; ++i) {
    if (b[i] < 0) {
      for (Real& v : a[i])
        v = -v;
      b[i] = -b[i];
    }
  }
  const std::size_t rhs = n + m;
  std::vector<std::vector<Real>> t(m, std::vector<Real>(n + m + 1, 0));
  std::vector<std::size_t> basis(m);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < n; ++j)
      t[i][j] = a[i][j];
    t[i][n + i] = 1;
    t[i][rhs] = b[i];
    basis[i] = n + i;
  }
  auto pivot = [&](std::size_t r, std::size_t col) {
    const Real p = t[r][col];
    for (Real& v : t[r])
      v /= p;
    for (std::size_t i = 0; i < m; ++i) {
      if (i == r || std::fabs(t[i][col]) < kEps) continue;
      const Real f = t[i][col];
      for (std::size_t j = 0; j <= rhs; ++j)
        t[i][j] -= f * t[r][j];
    }
    basis[r] = col;
  };
  // Runs the simplex on `cost` letting columns below `allowed` enter; false when unbounded.
  auto run = [&](const std::vector<Real>& cost, std::size_t allowed) {
    for (;;) {
      std::size_t enter = allowed;
      for (std::size_t j = 0; j < allowed && enter == allowed; ++j) {
        Real reduced = cost[j];
        for (std::size_t i = 0; i < m; ++i)
          reduced -= cost[basis[i]] * t[i][j];
        if (reduced < -kEps) enter = j;
      }
      if (enter == allowed) return true;
      std::size_t leave = m;
      Real best = kInfinity;
      for (std::size_t i = 0; i < m; ++i) {
        if (t[i][enter] <= kEps) continue;
        const Real ratio = t[i][rhs] / t[i][enter];
        if (ratio < best - kEps || (ratio < best + kEps && leave < m && basis[i] < basis[leave])) {
          best = ratio;
          leave = i;
        }
      }
      if (leave == m) return false;
      pivot(leave, enter);
    }
  };
  std::vector<Real> phase1(n + m, 0);
  for (std::size_t j = n; j < n + m; ++j)
    phase1[j] = 1;
  run(phase1, n + m);
  Real infeasibility = 0;
  for (std::size_t i = 0; i < m; ++i)
    if (basis[i] >= n) infeasibility += t[i][rhs];
  if (infeasibility > 1e-7L) return std::nullopt;
  for (std::size_t i = 0; i < m; ++i) {  // drive artificial variables out where possible
    if (basis[i] < n) continue;
    for (std::size_t j = 0; j < n; ++j) {
      if (std::fabs(t[i][j]) > kEps) {
        pivot(i, j);
        break;
      }
    }
  }
  std::vector<Real> phase2(n + m, 0);
  for (std::size_t j = 0; j < n; ++j)
    phase2[j] = c[j];
  if (!run(phase2, n)) return -kInfinity;
  Real value = 0;
  for (std::size_t i = 0; i < m; ++i)
    if (basis[i] < n) value += c[basis[i]] * t[i][rhs];
  return value;
}

struct Interval {
  Real low = 0;
  Real high = 0;
};

// A withheld count of a published table: its place in the grid of cells and totals (row ==
// rows() for a column total, column == columns() for a row total).
struct WithheldCell {
  std::size_t row = 0;
  std::size_t column = 0;
};

// The withheld counts of `t`, row by row, totals last in each row, the totals row last.
inline std::vector<WithheldCell> withheld_cells(const reports::PublishedTable& t) {
  std::vector<WithheldCell> out;
  const std::size_t R = t.rows(), C = t.columns();
  for (std::size_t r = 0; r < R; ++r) {
    for (std::size_t c = 0; c < C; ++c)
      if (!t.cells[r][c]) out.push_back({r, c});
    if (!t.row_totals[r]) out.push_back({r, C});
  }
  if (t.has_column_totals) {
    for (std::size_t c = 0; c < C; ++c)
      if (!t.column_totals[c]) out.push_back({R, c});
    if (!t.grand_total) out.push_back({R, C});
  }
  return out;
}

// A place in one of several published tables, as report_document.hpp's TablePlace with the table
// given by its index.
struct Place {
  std::size_t table = 0;
  std::size_t row = 0;
  std::size_t column = 0;
};

// For the withheld counts of all `tables` together (table by table, each in the order of
// withheld_cells), the least and greatest value they allow, knowing also that the places of each
// link hold the same count. Requires tables published without rounding, and at least one set of
// tables consistent with them (the true one). Empty when they are inconsistent.
inline std::vector<Interval> feasible_intervals(
    const std::vector<const reports::PublishedTable*>& tables,
    const std::vector<std::pair<Place, Place>>& links) {
  std::vector<Place> unknowns;
  for (std::size_t i = 0; i < tables.size(); ++i)
    for (const WithheldCell& w : withheld_cells(*tables[i]))
      unknowns.push_back({i, w.row, w.column});
  const std::size_t n = unknowns.size();
  auto index_of = [&](const Place& p) -> std::optional<std::size_t> {
    for (std::size_t k = 0; k < n; ++k) {
      if (unknowns[k].table == p.table && unknowns[k].row == p.row &&
          unknowns[k].column == p.column) {
        return k;
      }
    }
    return std::nullopt;
  };
  auto shown = [&](const Place& p) -> std::int64_t {
    const reports::PublishedTable& t = *tables[p.table];
    const std::size_t R = t.rows(), C = t.columns();
    if (p.row < R && p.column < C) return *t.cells[p.row][p.column];
    if (p.row < R) return *t.row_totals[p.row];
    if (p.column < C) return *t.column_totals[p.column];
    return *t.grand_total;
  };
  // Each equation: sum of coefficient * count = 0. With the substitution x = 1 + y (y >= 0), a
  // withheld count moves its 1 to the right-hand side; a shown one moves all of itself.
  std::vector<std::vector<Real>> a;
  std::vector<Real> b;
  auto equation = [&](const std::vector<std::pair<Place, Real>>& terms) {
    std::vector<Real> row(n, 0);
    Real rhs = 0;
    for (const auto& [place, coefficient] : terms) {
      if (const auto k = index_of(place)) {
        row[*k] += coefficient;
        rhs -= coefficient;
      } else {
        rhs -= coefficient * static_cast<Real>(shown(place));
      }
    }
    a.push_back(row);
    b.push_back(rhs);
  };
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const reports::PublishedTable& t = *tables[i];
    const std::size_t R = t.rows(), C = t.columns();
    auto line = [&](std::vector<std::pair<std::size_t, std::size_t>> parts,
                    std::pair<std::size_t, std::size_t> total) {
      std::vector<std::pair<Place, Real>> terms;
      for (const auto& [r, c] : parts)
        terms.push_back({{i, r, c}, 1});
      terms.push_back({{i, total.first, total.second}, -1});
      equation(terms);
    };
    for (std::size_t r = 0; r < R; ++r) {
      std::vector<std::pair<std::size_t, std::size_t>> parts;
      for (std::size_t c = 0; c < C; ++c)
        parts.emplace_back(r, c);
      line(parts, {r, C});
    }
    if (t.has_column_totals) {
      for (std::size_t c = 0; c <= C; ++c) {
        std::vector<std::pair<std::size_t, std::size_t>> parts;
        for (std::size_t r = 0; r < R; ++r)
          parts.emplace_back(r, c);
        line(parts, {R, c});
      }
      std::vector<std::pair<std::size_t, std::size_t>> parts;
      for (std::size_t c = 0; c < C; ++c)
        parts.emplace_back(R, c);
      line(parts, {R, C});
    }
  }
  for (const auto& [p, q] : links)
    equation({{p, 1}, {q, -1}});
  std::vector<Interval> out;
  for (std::size_t k = 0; k < n; ++k) {
    std::vector<Real> c(n, 0);
    c[k] = 1;
    const std::optional<Real> low = lp_minimize(a, b, c);
    c[k] = -1;
    const std::optional<Real> high = lp_minimize(a, b, c);
    if (!low || !high) return {};
    out.push_back({1 + *low, *high == -kInfinity ? kInfinity : 1 - *high});
  }
  return out;
}

// For each withheld count of `t` (in the order of withheld_cells), the least and greatest value
// the published table allows. Requires a table published without rounding, and at least one
// table consistent with it (the true one).
inline std::vector<Interval> feasible_intervals(const reports::PublishedTable& t) {
  return feasible_intervals({&t}, {});
}

}  // namespace mk::testing

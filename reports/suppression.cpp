// Primary and secondary suppression on the grid of a table and its totals (see suppression.hpp).
//
// The grid has the table's rows plus a row of column totals, and its columns plus a column of row
// totals; cell (R, C) is the grand total. Each grid row and grid column is a vertex of a bipartite
// graph, each grid cell an edge between its row and its column. With the totals counted
// negatively (sign -1 for row and column totals, +1 for cells and the grand total), every vertex's
// line sums to zero. A change of the withheld counts that keeps every shown count and every line
// sum is a combination of alternating cycles of withheld edges; the count of an edge with sign s
// traversed with alternation sign a changes by s * a.
#include "reports/suppression.hpp"

#include <cstdlib>
#include <queue>
#include <tuple>
#include <utility>

namespace mk::reports {

namespace {

enum class State { kShown, kWithheld, kFree };  // kFree: a total that is not published at all

class Grid {
 public:
  Grid(const CountTable& t, int threshold) : rows_(t.rows() + 1), cols_(t.columns() + 1) {
    value_.assign(rows_, std::vector<std::int64_t>(cols_, 0));
    state_.assign(rows_, std::vector<State>(cols_, State::kShown));
    const std::size_t R = t.rows(), C = t.columns();
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t c = 0; c < C; ++c)
        value_[r][c] = t.cells[r][c];
      value_[r][C] = t.row_total(r);
    }
    for (std::size_t c = 0; c < C; ++c)
      value_[R][c] = t.column_total(c);
    value_[R][C] = t.grand_total();
    if (!t.column_totals) {
      for (std::size_t c = 0; c <= C; ++c)
        state_[R][c] = State::kFree;
    }
    if (threshold > 0) {
      for (std::size_t r = 0; r < rows_; ++r) {
        for (std::size_t c = 0; c < cols_; ++c) {
          if (state_[r][c] == State::kShown && value_[r][c] > 0 && value_[r][c] < threshold) {
            state_[r][c] = State::kWithheld;
          }
        }
      }
    }
  }

  Grid(const CountTable& t, const SuppressionMask& m) : Grid(t, 0) {
    const std::size_t R = t.rows(), C = t.columns();
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t c = 0; c < C; ++c)
        if (m.cells[r][c]) state_[r][c] = State::kWithheld;
      if (m.row_totals[r]) state_[r][C] = State::kWithheld;
    }
    if (t.column_totals) {
      for (std::size_t c = 0; c < C; ++c)
        if (m.column_totals[c]) state_[R][c] = State::kWithheld;
      if (m.grand_total) state_[R][C] = State::kWithheld;
    }
  }

  // Withholds the nonzero counts `m` marks (zeros stay shown: a zero is never withheld).
  void withhold(const SuppressionMask& m) {
    const std::size_t R = rows_ - 1, C = cols_ - 1;
    auto mark = [&](std::size_t r, std::size_t c, bool on) {
      if (on && state_[r][c] == State::kShown && value_[r][c] > 0) state_[r][c] = State::kWithheld;
    };
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t c = 0; c < C; ++c)
        mark(r, c, m.cells[r][c]);
      mark(r, C, m.row_totals[r]);
    }
    for (std::size_t c = 0; c < m.column_totals.size(); ++c)
      mark(R, c, m.column_totals[c]);
    mark(R, C, m.grand_total);
  }

  // True when withheld cell (r, c) lies on a cycle along which it can move with nothing shown.
  bool is_protected(std::size_t r, std::size_t c) const {
    return cheapest(r, c, +1, false).has_value() || cheapest(r, c, -1, false).has_value();
  }

  // Withholds counts until every withheld count is protected.
  void protect_all() {
    for (;;) {
      const std::optional<std::pair<std::size_t, std::size_t>> open = first_unprotected();
      if (!open) return;
      const auto [r, c] = *open;
      std::optional<Path> up = cheapest(r, c, +1, true);
      std::optional<Path> down = cheapest(r, c, -1, true);
      // A path up through the cell's row total, the grand total and its column total (or the
      // unpublished totals) always exists, since every total is at least the cell's count (>= 1).
      if (!up && !down) std::abort();
      const Path& best = !down || (up && up->cost <= down->cost) ? *up : *down;
      for (const auto& [er, ec] : best.added)
        state_[er][ec] = State::kWithheld;
    }
  }

  std::optional<std::pair<std::size_t, std::size_t>> first_unprotected() const {
    for (std::size_t r = 0; r < rows_; ++r) {
      for (std::size_t c = 0; c < cols_; ++c) {
        if (state_[r][c] == State::kWithheld && !is_protected(r, c)) return std::pair{r, c};
      }
    }
    return std::nullopt;
  }

  SuppressionMask mask(const CountTable& t) const {
    const std::size_t R = t.rows(), C = t.columns();
    SuppressionMask m;
    m.cells.assign(R, std::vector<bool>(C, false));
    m.row_totals.assign(R, false);
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t c = 0; c < C; ++c)
        m.cells[r][c] = state_[r][c] == State::kWithheld;
      m.row_totals[r] = state_[r][C] == State::kWithheld;
    }
    if (t.column_totals) {
      m.column_totals.assign(C, false);
      for (std::size_t c = 0; c < C; ++c)
        m.column_totals[c] = state_[R][c] == State::kWithheld;
      m.grand_total = state_[R][C] == State::kWithheld;
    }
    return m;
  }

 private:
  // Cost of a path: the sum of the counts it withholds anew, then their number.
  using Cost = std::pair<std::int64_t, std::int64_t>;
  struct Path {
    Cost cost;
    std::vector<std::pair<std::size_t, std::size_t>> added;  // shown cells to withhold
  };

  int sign(std::size_t r, std::size_t c) const {
    const bool total_row = r + 1 == rows_, total_col = c + 1 == cols_;
    return total_row == total_col ? +1 : -1;
  }

  // The cheapest alternating cycle through withheld cell (r, c) along which its count moves in
  // `direction` (+1 up, -1 down): a path from its grid column back to its grid row. With
  // `may_add` false only withheld and free cells may be used (cost zero); otherwise shown nonzero
  // counts too, at their value. nullopt when there is none.
  std::optional<Path> cheapest(std::size_t r0, std::size_t c0, int direction, bool may_add) const {
    if (direction < 0 && value_[r0][c0] < 2) return std::nullopt;  // it would drop below 1
    // Vertices: grid rows 0..rows_-1, then grid columns rows_..rows_+cols_-1.
    const std::size_t n = rows_ + cols_;
    const std::size_t start = rows_ + c0, target = r0;
    // The alternation sign of the cell itself is direction * sign; edges leaving a column vertex
    // take the opposite sign, edges leaving a row vertex the same.
    const int own = direction * sign(r0, c0);
    std::vector<std::optional<Cost>> best(n);
    std::vector<std::size_t> prev(n, n);
    using Item = std::tuple<Cost, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    best[start] = Cost{0, 0};
    queue.emplace(Cost{0, 0}, start);
    std::vector<bool> done(n, false);
    while (!queue.empty()) {
      const auto [cost, v] = queue.top();
      queue.pop();
      if (done[v]) continue;
      done[v] = true;
      if (v == target) break;
      const bool at_column = v >= rows_;
      const int alternation = at_column ? -own : own;
      const std::size_t others = at_column ? rows_ : cols_;
      for (std::size_t k = 0; k < others; ++k) {
        const std::size_t r = at_column ? k : v, c = at_column ? v - rows_ : k;
        if (r == r0 && c == c0) continue;
        std::optional<Cost> step = edge_cost(r, c, alternation * sign(r, c), may_add);
        if (!step) continue;
        const std::size_t w = at_column ? r : rows_ + c;
        const Cost next{cost.first + step->first, cost.second + step->second};
        if (done[w] || (best[w] && *best[w] <= next)) continue;
        best[w] = next;
        prev[w] = v;
        queue.emplace(next, w);
      }
    }
    if (!best[target]) return std::nullopt;
    Path path{*best[target], {}};
    for (std::size_t w = target; w != start; w = prev[w]) {
      const std::size_t v = prev[w];
      const std::size_t r = w < rows_ ? w : v, c = (w < rows_ ? v : w) - rows_;
      if (state_[r][c] == State::kShown) path.added.emplace_back(r, c);
    }
    return path;
  }

  // The cost of using cell (r, c) with its count changing by `change`, or nullopt if it cannot.
  std::optional<Cost> edge_cost(std::size_t r, std::size_t c, int change, bool may_add) const {
    switch (state_[r][c]) {
      case State::kFree:
        return Cost{0, 0};
      case State::kWithheld:
        if (change < 0 && value_[r][c] < 2) return std::nullopt;
        return Cost{0, 0};
      case State::kShown:
        // A shown count is 0 or at least the threshold (>= 2), so it may go down by one.
        if (!may_add || value_[r][c] == 0) return std::nullopt;
        return Cost{value_[r][c], 1};
    }
    return std::nullopt;
  }

  std::size_t rows_, cols_;
  std::vector<std::vector<std::int64_t>> value_;
  std::vector<std::vector<State>> state_;
};

std::optional<std::int64_t> shown(std::int64_t n, bool withheld, int multiple) {
  if (withheld) return std::nullopt;
  return round_down(n, multiple);
}

}  // namespace

std::size_t SuppressionMask::count() const {
  std::size_t n = grand_total ? 1 : 0;
  for (const std::vector<bool>& row : cells)
    for (bool b : row)
      n += b ? 1 : 0;
  for (bool b : row_totals)
    n += b ? 1 : 0;
  for (bool b : column_totals)
    n += b ? 1 : 0;
  return n;
}

SuppressionMask empty_mask(const CountTable& table) {
  SuppressionMask m;
  m.cells.assign(table.rows(), std::vector<bool>(table.columns(), false));
  m.row_totals.assign(table.rows(), false);
  if (table.column_totals) m.column_totals.assign(table.columns(), false);
  return m;
}

bool same_shape(const CountTable& table, const SuppressionMask& m) {
  if (m.cells.size() != table.rows() || m.row_totals.size() != table.rows()) return false;
  for (const auto& row : m.cells)
    if (row.size() != table.columns()) return false;
  if (m.column_totals.size() != (table.column_totals ? table.columns() : 0)) return false;
  return table.column_totals || !m.grand_total;
}

SuppressionMask plan_suppression(const CountTable& table, int threshold) {
  return plan_suppression(table, threshold, empty_mask(table));
}

SuppressionMask plan_suppression(const CountTable& table, int threshold,
                                 const SuppressionMask& also) {
  if (threshold < 2 || !validate_table(table).is_ok() || !same_shape(table, also)) std::abort();
  Grid grid(table, threshold);
  grid.withhold(also);
  grid.protect_all();
  return grid.mask(table);
}

bool all_protected(const CountTable& table, const SuppressionMask& mask) {
  return !Grid(table, mask).first_unprotected().has_value();
}

std::int64_t round_down(std::int64_t n, int multiple) {
  return multiple <= 1 ? n : n - n % multiple;
}

Result<PublishedTable> publish_table(const CountTable& t, const policies::ReportingPolicy& policy) {
  MK_RETURN_IF_ERROR(validate_table(t));
  return publish_table(t, policy, empty_mask(t));
}

Result<PublishedTable> publish_table(const CountTable& t, const policies::ReportingPolicy& policy,
                                     const SuppressionMask& also) {
  MK_RETURN_IF_ERROR(validate_table(t));
  if (!same_shape(t, also)) {
    return invalid_input("table \"" + t.id + "\": the counts to withhold do not fit its shape");
  }
  const SuppressionMask m = plan_suppression(t, policy.suppression().threshold, also);
  const int multiple = policy.rounding() ? policy.rounding()->multiple : 1;
  PublishedTable p;
  p.id = t.id;
  p.title = t.title;
  p.row_heading = t.row_heading;
  p.row_labels = t.row_labels;
  p.column_labels = t.column_labels;
  p.has_column_totals = t.column_totals;
  p.withheld = m.count();
  for (std::size_t r = 0; r < t.rows(); ++r) {
    std::vector<std::optional<std::int64_t>> row;
    for (std::size_t c = 0; c < t.columns(); ++c)
      row.push_back(shown(t.cells[r][c], m.cells[r][c], multiple));
    p.cells.push_back(std::move(row));
    p.row_totals.push_back(shown(t.row_total(r), m.row_totals[r], multiple));
  }
  if (t.column_totals) {
    for (std::size_t c = 0; c < t.columns(); ++c)
      p.column_totals.push_back(shown(t.column_total(c), m.column_totals[c], multiple));
    p.grand_total = shown(t.grand_total(), m.grand_total, multiple);
  }
  return p;
}

std::string count_text(const std::optional<std::int64_t>& n) {
  return n ? std::to_string(*n) : std::string(kSuppressedMarker);
}

}  // namespace mk::reports

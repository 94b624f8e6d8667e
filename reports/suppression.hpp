// Small-cell suppression: which counts of a table are withheld so that no small count is shown or
// can be worked out from what is shown.
//
// What a reader is assumed to know: every count shown (cells and totals), that totals are sums of
// the cells, and that a withheld count is at least 1 (zeros are always shown). Not which withheld
// counts are small: every withheld count is shown with the same marker, "x", so a count withheld
// only to protect another (secondary suppression) looks like a small one. (A "<5" marker on the
// small counts would tell a reader that each is between 1 and 4, and then two of them in one row
// summing to 2 give themselves away.)
//
// The guarantee, for each withheld count: the counts shown and the totals allow at least two
// values for it, so its exact value cannot be derived. It is met as follows.
//   1. Primary suppression: every count n with 0 < n < threshold, cells and totals alike.
//   2. Secondary suppression: the table with its totals is a grid whose every line (each row with
//      its total, each column with its total, the row of column totals with the grand total, the
//      column of row totals with the grand total) sums to zero when totals count negatively. A
//      withheld count can change, with everything shown fixed, exactly when it lies on a cycle of
//      withheld counts alternating up and down along the lines, where every count going down is at
//      least 2 (it stays at least 1). For the first withheld count (row by row, totals last) on no
//      such cycle, the cheapest cycle through it is found (Dijkstra: cost = the sum of the counts
//      it withholds anew, then their number; ties go to the earlier row and column), and its shown
//      counts are withheld too. This repeats until every withheld count lies on such a cycle, so
//      no line ever holds a single withheld count. Zeros are never withheld.
// The result is deterministic and greedy (each count gets its cheapest cycle; the whole set is not
// minimised jointly).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "policies/reporting_policy.hpp"
#include "reports/table.hpp"

namespace mk::reports {

// How every withheld count is shown.
inline constexpr std::string_view kSuppressedMarker = "x";

// Which counts of a table are withheld: its cells and its totals.
struct SuppressionMask {
  std::vector<std::vector<bool>> cells;  // [row][column]
  std::vector<bool> row_totals;
  std::vector<bool> column_totals;  // empty for a table without column totals
  bool grand_total = false;         // false for a table without column totals

  std::size_t count() const;  // how many counts are withheld
};

// The counts to withhold, as described above. Requires validate_table(table) ok and
// threshold >= 2 (programmer error otherwise).
SuppressionMask plan_suppression(const CountTable& table, int threshold);

// As above, withholding in addition every nonzero count `also` marks (counts another table of the
// same report withholds: see report_document.hpp). Requires `also` of the table's shape.
SuppressionMask plan_suppression(const CountTable& table, int threshold,
                                 const SuppressionMask& also);

// A mask of the table's shape that withholds nothing.
SuppressionMask empty_mask(const CountTable& table);
// Whether `mask` has the shape of `table` (column totals only if the table has them).
bool same_shape(const CountTable& table, const SuppressionMask& mask);

// Whether every withheld count of `mask` can take at least two values given everything `mask`
// shows of `table` (the cycle test above). True for a mask from plan_suppression. Requires
// validate_table(table) ok and a mask of the table's shape.
bool all_protected(const CountTable& table, const SuppressionMask& mask);

// A table as it may be shown: withheld counts are absent (not kept anywhere in the object).
struct PublishedTable {
  std::string id;
  Label title;
  Label row_heading;
  std::vector<Label> row_labels;
  std::vector<Label> column_labels;
  std::vector<std::vector<std::optional<std::int64_t>>> cells;  // nullopt: withheld
  std::vector<std::optional<std::int64_t>> row_totals;
  bool has_column_totals = true;
  std::vector<std::optional<std::int64_t>> column_totals;  // empty without column totals
  std::optional<std::int64_t> grand_total;                 // nullopt: withheld, or no column totals
  std::size_t withheld = 0;                                // how many counts are withheld

  std::size_t rows() const { return row_labels.size(); }
  std::size_t columns() const { return column_labels.size(); }
};

// `n` rounded down to a multiple of `multiple` (>= 1).
std::int64_t round_down(std::int64_t n, int multiple);

// Validates the table (validate_table: kInvalidInput), withholds what plan_suppression says under
// the policy's threshold, and rounds every count shown down to the policy's multiple when it has
// one. Rounding happens after suppression, on the exact counts, so it can only widen what a reader
// can infer.
Result<PublishedTable> publish_table(const CountTable& table,
                                     const policies::ReportingPolicy& policy);

// As above, withholding in addition what `also` marks (plan_suppression with `also`); kInvalidInput
// when `also` does not have the table's shape.
Result<PublishedTable> publish_table(const CountTable& table,
                                     const policies::ReportingPolicy& policy,
                                     const SuppressionMask& also);

// The text of a published count: the number, or kSuppressedMarker.
std::string count_text(const std::optional<std::int64_t>& n);

}  // namespace mk::reports

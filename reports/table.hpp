// A count table of a report: how many signals, referrals or help requests fall in each row and
// column, with row totals, column totals and a grand total. Plain data, filled by the service layer
// from live records and the de-identified statistics of shredded ones; it never holds anything but
// counts and labels, and it is never shown as it is: publish_table (suppression.hpp) withholds the
// small counts first.
//
// Totals are sums of the cells, by definition, so a reader can check them and suppression can
// reason about what they reveal. A signal of two forms therefore counts once in each form's row:
// the service says so in the table's title or note.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "reports/label.hpp"

namespace mk::reports {

// Largest count a cell may hold; totals of a valid table fit easily in 64 bits.
inline constexpr std::int64_t kMaxCount = 1'000'000'000;
// Largest table accepted (a report table is small; suppression costs grow with the size).
inline constexpr std::size_t kMaxRows = 50;
inline constexpr std::size_t kMaxColumns = 24;

struct CountTable {
  std::string id;     // a code naming the table in messages and CSV: "signals_by_form"
  Label title;        // "Meldingen naar vorm van uitbuiting" / "Signals by form of exploitation"
  Label row_heading;  // what a row is: "Vorm" / "Form"
  std::vector<Label> row_labels;
  std::vector<Label> column_labels;
  std::vector<std::vector<std::int64_t>> cells;  // cells[row][column], each 0..kMaxCount
  // False when the rows count different things (cases opened and cases closed): then no column
  // totals and no grand total are published, only row totals.
  bool column_totals = true;

  std::size_t rows() const { return row_labels.size(); }
  std::size_t columns() const { return column_labels.size(); }
  // Sums. Require a valid table and an index in range.
  std::int64_t row_total(std::size_t row) const;
  std::int64_t column_total(std::size_t column) const;
  std::int64_t grand_total() const;
};

// Ok for a table that can be published; otherwise kInvalidInput naming the table (by id) and the
// problem, never a count or a label's text: an id that is not 1..64 lowercase letters, digits and
// '_' starting with a letter; a bad label (check_label); no rows or no columns, more than kMaxRows
// rows or kMaxColumns columns; a row of cells whose length differs from the column labels', or
// cells for more or fewer rows than there are row labels; a count below 0 or above kMaxCount.
Status validate_table(const CountTable& table);

}  // namespace mk::reports

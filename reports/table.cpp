#include "reports/table.hpp"

#include <string>

namespace mk::reports {

namespace {

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

std::int64_t CountTable::row_total(std::size_t row) const {
  std::int64_t sum = 0;
  for (std::int64_t n : cells.at(row))
    sum += n;
  return sum;
}

std::int64_t CountTable::column_total(std::size_t column) const {
  std::int64_t sum = 0;
  for (const std::vector<std::int64_t>& row : cells)
    sum += row.at(column);
  return sum;
}

std::int64_t CountTable::grand_total() const {
  std::int64_t sum = 0;
  for (std::size_t r = 0; r < cells.size(); ++r)
    sum += row_total(r);
  return sum;
}

Status validate_table(const CountTable& t) {
  if (!valid_id(t.id)) {
    return invalid_input(
        "table id must be 1 to 64 lowercase letters, digits and '_', starting with a letter");
  }
  const std::string what = "table \"" + t.id + "\"";
  MK_RETURN_IF_ERROR(check_label(t.title, what + ": title"));
  MK_RETURN_IF_ERROR(check_label(t.row_heading, what + ": row heading"));
  if (t.rows() == 0 || t.columns() == 0) {
    return invalid_input(what + ": needs at least one row and one column");
  }
  if (t.rows() > kMaxRows || t.columns() > kMaxColumns) {
    return invalid_input(what + ": more than " + std::to_string(kMaxRows) + " rows or " +
                         std::to_string(kMaxColumns) + " columns");
  }
  for (std::size_t r = 0; r < t.rows(); ++r)
    MK_RETURN_IF_ERROR(
        check_label(t.row_labels[r], what + ": label of row " + std::to_string(r + 1)));
  for (std::size_t c = 0; c < t.columns(); ++c) {
    MK_RETURN_IF_ERROR(
        check_label(t.column_labels[c], what + ": label of column " + std::to_string(c + 1)));
  }
  if (t.cells.size() != t.rows()) {
    return invalid_input(what + ": cells for " + std::to_string(t.cells.size()) + " rows, but " +
                         std::to_string(t.rows()) + " row labels");
  }
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (t.cells[r].size() != t.columns()) {
      return invalid_input(what + ": row " + std::to_string(r + 1) + " has " +
                           std::to_string(t.cells[r].size()) + " cells, but there are " +
                           std::to_string(t.columns()) + " column labels");
    }
    for (std::size_t c = 0; c < t.columns(); ++c) {
      if (t.cells[r][c] < 0 || t.cells[r][c] > kMaxCount) {
        return invalid_input(what + ": the count in row " + std::to_string(r + 1) + ", column " +
                             std::to_string(c + 1) + " is not between 0 and " +
                             std::to_string(kMaxCount));
      }
    }
  }
  return Status::ok();
}

}  // namespace mk::reports

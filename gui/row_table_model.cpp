#include "gui/row_table_model.hpp"

#include <algorithm>

namespace mk::gui {

RowTableModel::RowTableModel(QStringList headers, QObject* parent)
    : QAbstractTableModel(parent), headers_(std::move(headers)) {}

void RowTableModel::set_rows(std::vector<TextRow> rows) {
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
}

int RowTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RowTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(headers_.size());
}

QVariant RowTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const TextRow& row = rows_[static_cast<std::size_t>(index.row())];
  const int c = index.column();
  switch (role) {
    case Qt::DisplayRole:
      return c < row.cells.size() ? row.cells[c] : QString();
    case Qt::ToolTipRole:
      return c < row.tooltips.size() && !row.tooltips[c].isEmpty() ? QVariant(row.tooltips[c])
                                                                   : QVariant();
    case Qt::TextAlignmentRole:
      if (std::find(numeric_.begin(), numeric_.end(), c) != numeric_.end()) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
      }
      return {};
    default:
      return {};
  }
}

QVariant RowTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return {};
  if (orientation == Qt::Vertical) return section + 1;
  return section < headers_.size() ? headers_[section] : QString();
}

}  // namespace mk::gui

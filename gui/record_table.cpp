#include "gui/record_table.hpp"

#include <QHeaderView>

namespace mk::gui {

QTableWidget* make_record_table(const QStringList& headers, QWidget* parent) {
  auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
  table->setHorizontalHeaderLabels(headers);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::SingleSelection);
  table->setAlternatingRowColors(true);
  table->setWordWrap(false);
  table->verticalHeader()->setVisible(false);
  table->horizontalHeader()->setStretchLastSection(true);
  table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  table->setTabKeyNavigation(false);  // Tab leaves the table: keyboard users reach the buttons
  return table;
}

void set_rows(QTableWidget& table, const std::vector<QStringList>& rows) {
  table.clearContents();
  table.setRowCount(static_cast<int>(rows.size()));
  const int columns = table.columnCount();
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const QStringList& cells = rows[static_cast<std::size_t>(r)];
    for (int c = 0; c < columns && c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(cells[c]);
      table.setItem(r, c, item);
    }
  }
  table.resizeColumnsToContents();
  // Keep every column readable without one long text pushing the rest out of view.
  for (int c = 0; c + 1 < columns; ++c) {
    if (table.columnWidth(c) > 320) table.setColumnWidth(c, 320);
  }
}

QStringList row_texts(const QTableWidget& table, int row) {
  QStringList out;
  for (int c = 0; c < table.columnCount(); ++c) {
    const QTableWidgetItem* item = table.item(row, c);
    out << (item != nullptr ? item->text() : QString());
  }
  return out;
}

QString selected_key(const QTableWidget& table) {
  const QList<QTableWidgetItem*> selected = table.selectedItems();
  if (selected.isEmpty()) return {};
  const QTableWidgetItem* first = table.item(selected.front()->row(), 0);
  return first != nullptr ? first->text() : QString();
}

}  // namespace mk::gui

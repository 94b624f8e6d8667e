// Read-only tables of records (the case list, the case view's panels, the share preview): whole
// rows selected, no editing, the last column stretched, every cell's text also its tooltip (long
// legal references stay readable).
#pragma once

#include <QStringList>
#include <QTableWidget>
#include <QWidget>
#include <vector>

namespace mk::gui {

QTableWidget* make_record_table(const QStringList& headers, QWidget* parent);

// Replaces the rows. Each row has as many cells as the table has columns (extra cells ignored).
void set_rows(QTableWidget& table, const std::vector<QStringList>& rows);

// The text of every cell of row `row`, left to right.
QStringList row_texts(const QTableWidget& table, int row);

// The first column of the selected row, or "" when nothing is selected.
QString selected_key(const QTableWidget& table);

}  // namespace mk::gui

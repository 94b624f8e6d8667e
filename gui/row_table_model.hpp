// A read-only table model of ready-made text rows, for the small registers the pages list
// (retention plan, legal holds, key slots, disclosures): hundreds of rows, not millions (the audit
// log has its own lazy model, audit_table_model.hpp). Columns may be marked numeric (right-aligned)
// and any cell may carry a tooltip.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace mk::gui {

struct TextRow {
  QStringList cells;     // one per column
  QStringList tooltips;  // empty, or one per column ("" for none)
};

class RowTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit RowTableModel(QStringList headers, QObject* parent = nullptr);

  // Replaces every row; each row must have as many cells as there are headers.
  void set_rows(std::vector<TextRow> rows);
  void clear_rows() { set_rows({}); }
  void set_numeric_column(int column) { numeric_.push_back(column); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  QStringList headers_;
  std::vector<TextRow> rows_;
  std::vector<int> numeric_;
};

}  // namespace mk::gui

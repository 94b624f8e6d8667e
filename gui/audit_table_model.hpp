// The audit log as a lazy table model: entries are kept as they came from the service and turned
// into text only when a cell is painted, so a log of a million entries costs its entries' memory
// and nothing per cell. A filter (action text, date range) keeps a list of matching positions.
// Entries hold ids and codes only (audit_entry.hpp), so every column may be shown to every role.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <optional>
#include <vector>

#include "base/date.hpp"
#include "vault/audit_entry.hpp"

namespace mk::gui {

struct AuditFilter {
  QString action;             // entries whose action contains this (case-insensitive); "" all
  std::optional<Date> from;   // entries on or after this UTC date
  std::optional<Date> until;  // entries on or before this UTC date
};

class AuditTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kSeq, kTime, kActor, kAction, kObject, kResult, kReason, kOrigin, kColumns };

  explicit AuditTableModel(QObject* parent = nullptr);

  void set_entries(std::vector<vault::AuditEntry> entries);
  void set_filter(AuditFilter filter);
  void clear_entries() { set_entries({}); }
  std::size_t total() const { return entries_.size(); }
  // The entry shown in `row`; requires 0 <= row < rowCount().
  const vault::AuditEntry& entry(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  bool matches(const vault::AuditEntry& e) const;
  void apply();

  std::vector<vault::AuditEntry> entries_;
  std::vector<std::size_t> shown_;  // positions in entries_ that match the filter
  AuditFilter filter_;
};

}  // namespace mk::gui

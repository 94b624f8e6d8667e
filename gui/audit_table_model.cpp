#include "gui/audit_table_model.hpp"

#include <chrono>

#include "gui/dutch_format.hpp"
#include "gui/record_names.hpp"

namespace mk::gui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

Date utc_date(const Instant& t) {
  return Date::from_sys_days(std::chrono::floor<std::chrono::days>(t));
}

QString result_text(const std::string& result) {
  if (result == "ok") return AuditTableModel::tr("ok");
  return AuditTableModel::tr("%1 (geweigerd/fout)").arg(qs(result));
}

}  // namespace

AuditTableModel::AuditTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AuditTableModel::set_entries(std::vector<vault::AuditEntry> entries) {
  beginResetModel();
  entries_ = std::move(entries);
  apply();
  endResetModel();
}

void AuditTableModel::set_filter(AuditFilter filter) {
  beginResetModel();
  filter_ = std::move(filter);
  apply();
  endResetModel();
}

bool AuditTableModel::matches(const vault::AuditEntry& e) const {
  if (!filter_.action.isEmpty() && !qs(e.action).contains(filter_.action, Qt::CaseInsensitive)) {
    return false;
  }
  if (filter_.from || filter_.until) {
    const Date d = utc_date(e.time);
    if (filter_.from && d < *filter_.from) return false;
    if (filter_.until && d > *filter_.until) return false;
  }
  return true;
}

void AuditTableModel::apply() {
  shown_.clear();
  shown_.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (matches(entries_[i])) shown_.push_back(i);
  }
}

const vault::AuditEntry& AuditTableModel::entry(int row) const {
  return entries_[shown_[static_cast<std::size_t>(row)]];
}

int AuditTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumns;
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const vault::AuditEntry& e = entry(index.row());
  if (role == Qt::TextAlignmentRole && index.column() == kSeq) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role == Qt::ToolTipRole) {
    return e.detail.empty() ? QVariant() : QVariant(tr("Details: %1").arg(qs(e.detail)));
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kSeq:
      return QString::number(e.seq);
    case kTime:
      return format_instant(e.time);
    case kActor:
      return QStringLiteral("%1 (%2)").arg(qs(e.actor), registers::role_text(e.role));
    case kAction:
      return qs(e.action);
    case kObject:
      return qs(e.object);
    case kResult:
      return result_text(e.result);
    case kReason:
      return qs(e.reason);
    case kOrigin:
      return qs(e.origin);
    default:
      return {};
  }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
  switch (section) {
    case kSeq:
      return tr("Nr.");
    case kTime:
      return tr("Tijd (UTC)");
    case kActor:
      return tr("Sleutel (rol)");
    case kAction:
      return tr("Actie");
    case kObject:
      return tr("Object");
    case kResult:
      return tr("Resultaat");
    case kReason:
      return tr("Reden");
    case kOrigin:
      return tr("Herkomst");
    default:
      return {};
  }
}

}  // namespace mk::gui

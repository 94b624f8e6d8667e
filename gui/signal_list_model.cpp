#include "gui/signal_list_model.hpp"

#include <QStringList>
#include <algorithm>
#include <cstddef>

#include "gui/app_context.hpp"
#include "gui/dutch_format.hpp"
#include "gui/signal_labels.hpp"
#include "service/casework.hpp"

namespace mk::gui {
namespace {

std::optional<vault::SignalOrderColumn> order_column(int column) {
  switch (column) {
    case SignalListModel::kId:
      return vault::SignalOrderColumn::kId;
    case SignalListModel::kReceived:
      return vault::SignalOrderColumn::kReceived;
    case SignalListModel::kSource:
      return vault::SignalOrderColumn::kSource;
    case SignalListModel::kStatus:
      return vault::SignalOrderColumn::kStatus;
    case SignalListModel::kOutcome:
      return vault::SignalOrderColumn::kClosed;
    default:
      return std::nullopt;
  }
}

QString error_text(const Status& s) {
  return SignalListModel::tr("De lijst kon niet worden geladen: %1")
      .arg(QString::fromStdString(s.message()));
}

}  // namespace

SignalListModel::SignalListModel(AppContext& context, QObject* parent)
    : QAbstractTableModel(parent), ctx_(context) {}

int SignalListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(ids_.size());
}

int SignalListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant SignalListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kId:
      return tr("Kenmerk");
    case kReceived:
      return tr("Ontvangen");
    case kSource:
      return tr("Bron");
    case kForms:
      return tr("Vormen");
    case kStatus:
      return tr("Status");
    case kOutcome:
      return tr("Uitkomst");
    case kCase:
      return tr("Zaak");
    default:
      return {};
  }
}

QVariant SignalListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
  const vault::SignalSummary* s = row_at(index.row());
  if (s == nullptr) return {};
  return display(*s, index.column());
}

QVariant SignalListModel::display(const vault::SignalSummary& s, int column) const {
  switch (column) {
    case kId:
      return QString::fromStdString(s.id);
    case kReceived:
      return format_date(s.received);
    case kSource:
      if (s.source_team) {
        return tr("%1 (%2)").arg(source_label(s.source_kind),
                                 QString::fromStdString(*s.source_team));
      }
      return source_label(s.source_kind);
    case kForms:
      return ctx_.is_unlocked() ? forms_label(ctx_.session().policies().indicators, s.forms)
                                : QString();
    case kStatus:
      return status_label(s.status);
    case kOutcome:
      if (!s.outcome) return QString();
      return tr("%1 (%2)").arg(outcome_label(*s.outcome), format_date(s.closed));
    case kCase: {
      QStringList ids;
      for (const std::string& id : s.case_ids)
        ids << QString::fromStdString(id);
      return ids.join(QStringLiteral(", "));
    }
    default:
      return {};
  }
}

bool SignalListModel::is_sortable(int column) {
  return order_column(column).has_value();
}

void SignalListModel::sort(int column, Qt::SortOrder order) {
  std::optional<vault::SignalOrderColumn> by = order_column(column);
  if (!by) return;
  vault::SignalOrder next{*by, order == Qt::AscendingOrder};
  if (next.column == order_.column && next.ascending == order_.ascending) return;
  order_ = next;
  reload();
}

void SignalListModel::set_filter(const vault::SignalFilter& filter) {
  filter_ = filter;
  reload();
}

void SignalListModel::reload() {
  beginResetModel();
  pages_.clear();
  recent_.clear();
  pages_loaded_ = 0;
  error_.clear();
  load_ids();
  endResetModel();
}

void SignalListModel::load_ids() {
  ids_.clear();
  if (!ctx_.is_unlocked()) return;
  Result<std::vector<std::string>> ids = service::list_signal_ids(ctx_.session(), filter_, order_);
  if (ids) {
    ids_ = std::move(*ids);
  } else {
    error_ = error_text(ids.status());
  }
}

void SignalListModel::clear() {
  beginResetModel();
  pages_.clear();
  recent_.clear();
  ids_.clear();
  error_.clear();
  endResetModel();
}

std::optional<vault::SignalSummary> SignalListModel::summary(int row) const {
  const vault::SignalSummary* s = row_at(row);
  if (s == nullptr) return std::nullopt;
  return *s;
}

const vault::SignalSummary* SignalListModel::row_at(int row) const {
  if (row < 0 || static_cast<std::size_t>(row) >= ids_.size()) return nullptr;
  const std::size_t r = static_cast<std::size_t>(row);
  const PageRows* rows = page(r / kPageRows);
  if (rows == nullptr) return nullptr;
  const std::size_t at = r % kPageRows;
  // A signal shredded since the ids were fetched shows as an empty row until the next reload.
  return at < rows->size() && (*rows)[at] ? &*(*rows)[at] : nullptr;
}

const SignalListModel::PageRows* SignalListModel::page(std::size_t number) const {
  auto found = pages_.find(number);
  if (found != pages_.end()) {
    // Most recently used first; a splice keeps the iterator valid.
    recent_.splice(recent_.begin(), recent_, found->second.second);
    return &found->second.first;
  }
  if (!ctx_.is_unlocked()) return nullptr;
  const std::size_t first = number * kPageRows;
  if (first >= ids_.size()) return nullptr;
  const std::vector<std::string> wanted(
      ids_.begin() + static_cast<std::ptrdiff_t>(first),
      ids_.begin() + static_cast<std::ptrdiff_t>(std::min(ids_.size(), first + kPageRows)));
  Result<std::vector<vault::SignalSummary>> fetched =
      service::get_signal_summaries(ctx_.session(), wanted);
  if (!fetched) {
    error_ = error_text(fetched.status());
    return nullptr;
  }
  PageRows rows(wanted.size());
  std::size_t next = 0;  // fetched is in the order of wanted, with gaps
  for (std::size_t i = 0; i < wanted.size() && next < fetched->size(); ++i) {
    if ((*fetched)[next].id == wanted[i]) rows[i] = std::move((*fetched)[next++]);
  }
  ++pages_loaded_;
  if (pages_.size() >= kCachedPages) {
    pages_.erase(recent_.back());
    recent_.pop_back();
  }
  recent_.push_front(number);
  auto [it, inserted] = pages_.emplace(number, std::make_pair(std::move(rows), recent_.begin()));
  (void)inserted;
  return &it->second.first;
}

}  // namespace mk::gui

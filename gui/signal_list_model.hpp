// SignalListModel: the signal list as a lazy table model, for vaults of any size. A reload (and a
// sort or filter) fetches the ordered list of ids only (one query, about 40 bytes a signal);
// data() loads the page of rows around the row asked for by id (kPageRows rows, one query by
// primary key), so any row costs the same wherever it lies, and keeps at most kCachedPages pages,
// dropping the least recently used. The GUI holds no SQL.
//
// Summaries only: nothing here decrypts, so nothing is audited and nothing identifying is held.
// The model borrows the session for each query and holds no reference to it; while the app is
// locked it is empty.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <cstddef>
#include <list>
#include <optional>
#include <unordered_map>
#include <vector>

#include "vault/signal.hpp"
#include "vault/signal_store.hpp"

namespace mk::gui {

class AppContext;

class SignalListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kId, kReceived, kSource, kForms, kStatus, kOutcome, kCase, kColumnCount };
  static constexpr std::size_t kPageRows = 200;
  static constexpr std::size_t kCachedPages = 50;

  // Empty until reload() (the page calls it on refresh()).
  explicit SignalListModel(AppContext& context, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  // Sortable columns: Kenmerk, Ontvangen, Bron, Status, Uitkomst (by closing date). Others are
  // ignored (the order stays as it was).
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
  static bool is_sortable(int column);

  // Sets the filter and reloads.
  void set_filter(const vault::SignalFilter& filter);
  const vault::SignalFilter& filter() const { return filter_; }
  const vault::SignalOrder& order() const { return order_; }

  // Fetches the ids again and drops every cached page (after an intake, a new case, an unlock).
  void reload();
  // Empties the model (on lock).
  void clear();

  // The summary shown in `row`, loading its page when needed; nullopt when out of range or when
  // loading failed.
  std::optional<vault::SignalSummary> summary(int row) const;
  // The error of the last failed query in Dutch ("" when none).
  const QString& last_error() const { return error_; }
  // Pages loaded since the last reload (for tests and the benchmark).
  std::size_t pages_loaded() const { return pages_loaded_; }

 private:
  // Aligned with the page's ids; empty where a signal went away since the ids were fetched.
  using PageRows = std::vector<std::optional<vault::SignalSummary>>;
  void load_ids();
  const vault::SignalSummary* row_at(int row) const;
  const PageRows* page(std::size_t number) const;
  QVariant display(const vault::SignalSummary& s, int column) const;

  AppContext& ctx_;
  vault::SignalFilter filter_;
  vault::SignalOrder order_;
  std::vector<std::string> ids_;  // the whole list in order
  // The cache: pages by number, and their numbers from most to least recently used.
  mutable std::unordered_map<std::size_t, std::pair<PageRows, std::list<std::size_t>::iterator>>
      pages_;
  mutable std::list<std::size_t> recent_;
  mutable QString error_;
  mutable std::size_t pages_loaded_ = 0;
};

}  // namespace mk::gui

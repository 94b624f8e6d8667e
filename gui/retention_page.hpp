// "Bewaartermijnen": what the retention policy makes due today (service::plan_retention), with
// the due, overdue and held counts and the legal holds; for the coordinator, the sweep: first the
// preview (what will be shredded) to confirm, then service::sweep_retention on the worker with
// progress, then what was shredded and what was held. The compliance role sees the same status,
// read-only (no sweep button: it could not shred anyway). Ids, rules and dates only: nothing here
// decrypts.
#pragma once

#include <QLabel>
#include <QPushButton>
#include <QTableView>

#include "gui/page.hpp"
#include "gui/page_dialogs.hpp"
#include "gui/row_table_model.hpp"

namespace mk::gui {

class RetentionPage : public Page {
  Q_OBJECT

 public:
  explicit RetentionPage(AppContext& context, QWidget* parent = nullptr);

  QString title() const override;
  QString key() const override { return QStringLiteral("retention"); }
  bool available_to_compliance() const override { return true; }
  void refresh() override;
  void clear() override;

  // Tests answer the questions (PageDialogs) instead of a user.
  void set_dialogs(PageDialogs dialogs) { dialogs_ = std::move(dialogs); }

  const RowTableModel& plan_model() const { return *plan_model_; }
  const RowTableModel& holds_model() const { return *holds_model_; }
  QPushButton* sweep_button() const { return sweep_button_; }

 private:
  void sweep();

  PageDialogs dialogs_;
  QLabel* as_of_ = nullptr;
  QLabel* counts_ = nullptr;
  QLabel* unconfirmed_ = nullptr;
  QLabel* outcome_ = nullptr;
  QPushButton* sweep_button_ = nullptr;
  RowTableModel* plan_model_ = nullptr;
  RowTableModel* holds_model_ = nullptr;
  QTableView* plan_view_ = nullptr;
  QTableView* holds_view_ = nullptr;
};

Page* make_retention_page(AppContext& context, QWidget* parent);

}  // namespace mk::gui

// "Auditlog": the compliance officer's (and the coordinator's) view of the audit log: every entry
// (number, time, key slot and role, action, object id, result, reason, origin) in a lazy model
// with filters on action text and date range; "Verifiëren" recomputes the Merkle tree and checks
// every signed checkpoint on the worker with progress; "Checkpoint exporteren…" writes the latest
// signed checkpoint to a file to keep outside the vault; the key slots (names and roles). Entries
// hold ids and codes only: nothing here decrypts.
//
// The service reads the log whole (service::list_audit_entries has no ranges), so the page loads
// every entry once per refresh, on the worker, and filters in the model.
#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

#include "gui/audit_table_model.hpp"
#include "gui/page.hpp"
#include "gui/page_dialogs.hpp"
#include "gui/row_table_model.hpp"

namespace mk::gui {

class AuditPage : public Page {
  Q_OBJECT

 public:
  explicit AuditPage(AppContext& context, QWidget* parent = nullptr);

  QString title() const override;
  QString key() const override { return QStringLiteral("audit"); }
  bool available_to_compliance() const override { return true; }
  void refresh() override;
  void clear() override;

  void set_dialogs(PageDialogs dialogs) { dialogs_ = std::move(dialogs); }

  const AuditTableModel& entries_model() const { return *entries_; }
  const RowTableModel& slots_model() const { return *slots_; }
  QLineEdit* action_filter() const { return action_; }
  QLineEdit* from_filter() const { return from_; }
  QLineEdit* until_filter() const { return until_; }
  QPushButton* verify_button() const { return verify_; }
  QPushButton* checkpoint_button() const { return export_checkpoint_; }
  // The outcome of the last verification ("" before one).
  QString verification_text() const { return verification_->text(); }

 private:
  void apply_filter();
  void verify();
  void export_checkpoint();

  PageDialogs dialogs_;
  AuditTableModel* entries_ = nullptr;
  RowTableModel* slots_ = nullptr;
  QTableView* entries_view_ = nullptr;
  QTableView* slots_view_ = nullptr;
  QLineEdit* action_ = nullptr;
  QLineEdit* from_ = nullptr;
  QLineEdit* until_ = nullptr;
  QLabel* count_ = nullptr;
  QLabel* verification_ = nullptr;
  QPushButton* verify_ = nullptr;
  QPushButton* export_checkpoint_ = nullptr;
};

Page* make_audit_page(AppContext& context, QWidget* parent);

}  // namespace mk::gui

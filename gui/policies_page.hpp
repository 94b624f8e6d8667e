// "Beleid": the policy versions the vault has run under (service::policy_history), newest first:
// when a changed policy file was first seen, the file, its old and new SHA-256 (short; whole in the
// tooltip) and the key slot whose session saw it; below the table, the selected change in words
// (service::diff_policies on the stored texts: "bewaarregel 'x' (signal): termijn P1Y -> P2Y"), in
// the interface language. "Verwerkingsregister opslaan…" writes the AVG art. 30 register of
// processing activities (service::write_processing_register) as PDF or JSON, chosen by the file
// name's extension, on the worker, from the policy folder the vault was opened with.
//
// For the coordinator and the compliance officer alike: policy texts and hashes hold no personal
// data and nothing here decrypts.
#pragma once

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <vector>

#include "gui/page.hpp"
#include "gui/page_dialogs.hpp"
#include "gui/row_table_model.hpp"
#include "service/policy_review.hpp"

namespace mk::gui {

class PoliciesPage : public Page {
  Q_OBJECT

 public:
  explicit PoliciesPage(AppContext& context, QWidget* parent = nullptr);

  QString title() const override;
  QString key() const override { return QStringLiteral("policies"); }
  bool available_to_compliance() const override { return true; }
  void refresh() override;
  void clear() override;
  void show_example() override;  // the newest change selected

  // Tests choose the register's file (PageDialogs::save_file) and record the messages.
  void set_dialogs(PageDialogs dialogs) { dialogs_ = std::move(dialogs); }

  // One row per recorded change, newest first.
  const RowTableModel& history_model() const { return *rows_; }
  // Selects row `row` of the table (0 = newest) and shows its change in words; false when there
  // is no such row.
  bool select_change(int row);
  // The selected change in words, as shown ("" when nothing is selected).
  QString change_words() const { return words_->toPlainText(); }
  QPushButton* register_button() const { return save_register_; }
  // Where the register was saved last ("" before), as the page says it.
  QString register_outcome() const { return outcome_->text(); }

 private:
  void show_selected();
  void save_register();

  PageDialogs dialogs_;
  std::vector<service::PolicyHistoryEntry> history_;  // oldest first, as the service gives it
  QLabel* count_ = nullptr;
  RowTableModel* rows_ = nullptr;
  QTableView* view_ = nullptr;
  QLabel* words_heading_ = nullptr;
  QPlainTextEdit* words_ = nullptr;
  QPushButton* save_register_ = nullptr;
  QLabel* outcome_ = nullptr;
};

Page* make_policies_page(AppContext& context, QWidget* parent);

}  // namespace mk::gui

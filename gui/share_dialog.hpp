// The share dialog (DESIGN.md §2.4, §7): sharing a case or one person with a partner, in four
// steps, by keyboard alone (Alt+V volgende, Alt+O vorige, Alt+E exporteren, Esc sluiten):
//   1. partner and purpose, from the disclosure policy (partners not registered in the vault are
//      marked; choosing one gives a refusal in step 2);
//   2. the service's field-by-field preview, or its refusal in plain Dutch (export impossible);
//   3. the output file (a default name in the documents folder; "Bladeren…" or type a path), then
//      the export on a worker thread: FILE (age, for the partner) and FILE.minisig;
//   4. the disclosure register's entry that was written.
// The dialog decides nothing: every verdict is the service's (preview_share, export_share).
#pragma once

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <optional>

#include "gui/page_dialogs.hpp"
#include "policies/sharing_policy.hpp"
#include "service/sharing.hpp"

namespace mk::gui {

class AppContext;
class SharePreviewView;
class ShareRegisterView;

class ShareDialog : public QDialog {
  Q_OBJECT

 public:
  enum Step { kChoose = 0, kPreview = 1, kExport = 2, kRegistered = 3 };

  // `target` names exactly one of a case and a person. Requires an unlocked context.
  ShareDialog(AppContext& context, service::ShareTarget target, QWidget* parent = nullptr,
              PageDialogs dialogs = interactive_dialogs());

  Step step() const { return static_cast<Step>(pages_->currentIndex()); }
  // Chooses the partner and purpose by id (step 1); false when the policy has no such pair.
  bool choose(const QString& partner, const QString& purpose);
  void set_output_path(const QString& path) { out_->setText(path); }
  QString output_path() const { return out_->text().trimmed(); }
  // True once a package was written and registered.
  bool exported() const { return receipt_.has_value(); }
  const std::optional<service::ShareReceipt>& receipt() const { return receipt_; }

  QPushButton* next_button() const { return next_; }
  QPushButton* back_button() const { return back_; }
  QPushButton* export_button() const { return export_; }
  QPushButton* close_button() const { return close_; }
  QComboBox* partner_box() const { return partner_; }
  QComboBox* purpose_box() const { return purpose_; }
  SharePreviewView* preview_view() const { return preview_; }
  ShareRegisterView* register_view() const { return register_; }
  // The error of the current step ("" when none): a failed preview or export, in words.
  QString error_text() const { return error_->text(); }

 private:
  QWidget* build_choose_page();
  QWidget* build_export_page();
  void fill_purposes();
  void show_basis();
  void go_next();
  void go_back();
  void run_export();
  void browse();
  void go_to(Step step);
  void show_error(const QString& text);
  QString default_output() const;

  AppContext& ctx_;
  service::ShareTarget target_;
  PageDialogs dialogs_;
  std::optional<policies::SharingPolicy> policy_;
  std::vector<std::string> registered_;  // partner ids registered in the vault
  std::optional<service::SharePreview> preview_data_;
  std::optional<service::ShareReceipt> receipt_;

  QLabel* steps_;
  QStackedWidget* pages_;
  QComboBox* partner_;
  QComboBox* purpose_;
  QLabel* basis_;
  SharePreviewView* preview_;
  QLineEdit* out_;
  QLabel* export_note_;
  ShareRegisterView* register_;
  QLabel* error_;
  QPushButton* back_;
  QPushButton* next_;
  QPushButton* export_;
  QPushButton* close_;
};

}  // namespace mk::gui

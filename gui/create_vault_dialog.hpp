// CreateVaultDialog: makes a new vault in the context's folder. The passphrase is typed twice and
// must reach the vault's minimum length; creation runs on the worker thread (the key derivation
// takes about a second), then the recovery key is shown once (RecoveryKeyDialog) and, once the
// user confirms having kept it, the new session is handed to the context (the vault opens).
#pragma once

#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <optional>

#include "crypto/password_kdf.hpp"

namespace mk::gui {

class AppContext;

class CreateVaultDialog : public QDialog {
  Q_OBJECT

 public:
  explicit CreateVaultDialog(AppContext& context, QWidget* parent = nullptr);

  // Key-derivation cost for the new slot; without it the service calibrates (~0.5 s). Tests pass
  // crypto::pwhash_params_for_tests().
  void set_kdf(const crypto::PwhashParams& kdf) { kdf_ = kdf; }

  QLineEdit* passphrase_field() const { return passphrase_; }
  QLineEdit* repeat_field() const { return repeat_; }
  QPushButton* create_button() const { return create_; }
  QLabel* feedback_label() const { return feedback_; }
  QLabel* error_label() const { return error_; }

 private:
  void update_feedback();
  void create_vault();
  AppContext& context_;
  std::optional<crypto::PwhashParams> kdf_;
  QLineEdit* passphrase_ = nullptr;
  QLineEdit* repeat_ = nullptr;
  QLabel* feedback_ = nullptr;
  QLabel* error_ = nullptr;
  QPushButton* create_ = nullptr;
};

}  // namespace mk::gui

// UnlockWidget: what the window shows while the vault is locked. The user types the passphrase
// (and, for the compliance officer, the name of their key slot, e.g. "fg") and unlocks; opening
// runs on the worker thread. A wrong passphrase shows a clear message and the vault stays locked.
// Where the folder holds no vault yet, it offers to create one (CreateVaultDialog).
#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>
#include <optional>

#include "crypto/password_kdf.hpp"

namespace mk::gui {

class AppContext;

class UnlockWidget : public QWidget {
  Q_OBJECT

 public:
  explicit UnlockWidget(AppContext& context, QWidget* parent = nullptr);

  // Key-derivation cost for vaults created from here (see CreateVaultDialog::set_kdf).
  void set_new_vault_kdf(const crypto::PwhashParams& kdf) { new_vault_kdf_ = kdf; }

  // Re-reads the folder (vault present or not) and empties the fields; called whenever the
  // widget is shown for a lock.
  void reset();

  QLineEdit* passphrase_field() const { return passphrase_; }
  QLineEdit* slot_field() const { return slot_; }
  QPushButton* unlock_button() const { return unlock_; }
  QPushButton* create_button() const { return create_; }
  QLabel* error_label() const { return error_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void unlock();
  void create_vault();
  bool vault_exists() const;
  AppContext& context_;
  std::optional<crypto::PwhashParams> new_vault_kdf_;
  QLabel* title_ = nullptr;
  QLabel* subtitle_ = nullptr;
  QLabel* folder_ = nullptr;
  QLabel* passphrase_label_ = nullptr;
  QLabel* slot_label_ = nullptr;
  QLineEdit* passphrase_ = nullptr;
  QLineEdit* slot_ = nullptr;
  QLabel* error_ = nullptr;
  QLabel* no_vault_ = nullptr;
  QPushButton* unlock_ = nullptr;
  QPushButton* create_ = nullptr;
};

}  // namespace mk::gui

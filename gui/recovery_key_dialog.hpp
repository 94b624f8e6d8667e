// RecoveryKeyDialog: shows a new vault's recovery key, once. The user saves it as a PDF to print
// (then deletes the file) or writes it down, and must tick "Ik heb de herstelsleutel bewaard"
// before the dialog closes; Esc and the window's close button do nothing until then.
#pragma once

#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QString>

namespace mk::gui {

class RecoveryKeyDialog : public QDialog {
  Q_OBJECT

 public:
  // `printed_key` is the recovery key in its printed form.
  explicit RecoveryKeyDialog(const QString& printed_key, QWidget* parent = nullptr);
  ~RecoveryKeyDialog() override;

  // Writes a one-page A4 PDF with the key and instructions to `file`. False on a write error.
  bool save_pdf(const QString& file) const;

  QCheckBox* saved_check() const { return saved_; }
  QPushButton* close_button() const { return close_; }
  QPushButton* pdf_button() const { return pdf_; }

  void done(int result) override;

 private:
  void choose_pdf_file();
  QString key_;
  QLabel* key_label_ = nullptr;
  QCheckBox* saved_ = nullptr;
  QPushButton* pdf_ = nullptr;
  QPushButton* close_ = nullptr;
};

}  // namespace mk::gui

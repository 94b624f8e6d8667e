// "Bewaarplicht (legal hold) instellen": the reason for the hold, required. The reason names the
// legal ground ("Lopend onderzoek OM, verzoek 2026-11"), never a person: the compliance officer
// reads it.
#pragma once

#include <QDialog>
#include <QLineEdit>

namespace mk::gui {

class HoldDialog : public QDialog {
  Q_OBJECT

 public:
  explicit HoldDialog(QWidget* parent = nullptr);
  QLineEdit* reason_edit() const { return reason_; }
  QString reason() const { return reason_->text().trimmed(); }

 private:
  QLineEdit* reason_;
};

}  // namespace mk::gui

#include "gui/hold_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "vault/legal_hold.hpp"

namespace mk::gui {

HoldDialog::HoldDialog(QWidget* parent) : QDialog(parent), reason_(new QLineEdit(this)) {
  setWindowTitle(tr("Bewaarplicht (legal hold) instellen"));
  reason_->setObjectName(QStringLiteral("reason"));
  reason_->setMaxLength(static_cast<int>(vault::kMaxHoldReasonChars));
  reason_->setPlaceholderText(tr("bijvoorbeeld: Lopend onderzoek OM, verzoek 2026-11"));
  reason_->setMinimumWidth(420);
  auto* layout = new QVBoxLayout(this);
  auto* note = new QLabel(
      tr("Zolang de bewaarplicht geldt, worden de zaak, haar meldingen en personen niet "
         "vernietigd, ook niet op verzoek. Noem de juridische grond, nooit een persoon: de "
         "functionaris gegevensbescherming leest de reden."),
      this);
  note->setWordWrap(true);
  layout->addWidget(note);
  auto* form = new QFormLayout;
  form->addRow(tr("&Reden:"), reason_);
  layout->addLayout(form);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
  ok->setText(tr("Instellen"));
  ok->setEnabled(false);
  buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
  layout->addWidget(buttons);
  connect(reason_, &QLineEdit::textChanged, this,
          [ok](const QString& t) { ok->setEnabled(!t.trimmed().isEmpty()); });
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

}  // namespace mk::gui

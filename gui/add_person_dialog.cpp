#include "gui/add_person_dialog.hpp"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"

namespace mk::gui {

AddPersonDialog::AddPersonDialog(QWidget* parent)
    : QDialog(parent),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Slachtoffer toevoegen"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(
      tr("De gegevens worden versleuteld opgeslagen onder een eigen sleutel voor deze persoon. "
         "Alleen de naam is verplicht."),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  for (vault::PersonField f : vault::kPersonFields) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(qs(vault::person_field_name(f)));
    if (f == vault::PersonField::kDateOfBirth) edit->setPlaceholderText(tr("dd-mm-jjjj"));
    edits_[static_cast<std::size_t>(f)] = edit;
    form->addRow(person_field_words(vault::person_field_name(f)) + QStringLiteral(":"), edit);
    connect(edit, &QLineEdit::textChanged, this, &AddPersonDialog::update_ok);
  }
  layout->addLayout(form);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Toevoegen"));
  buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  update_ok();
}

bool AddPersonDialog::is_complete() const {
  if (field(vault::PersonField::kName)->text().trimmed().isEmpty()) return false;
  const QString dob = field(vault::PersonField::kDateOfBirth)->text().trimmed();
  return dob.isEmpty() || parse_date(dob).has_value();
}

void AddPersonDialog::update_ok() {
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(is_complete());
}

vault::PersonIdentity AddPersonDialog::identity() const {
  vault::PersonIdentity out;
  for (vault::PersonField f : vault::kPersonFields) {
    const QString text = field(f)->text().trimmed();
    if (text.isEmpty()) continue;
    if (f == vault::PersonField::kDateOfBirth) {
      std::optional<Date> d = parse_date(text);
      if (d) out.set(f, d->to_iso());
      continue;
    }
    out.set(f, text.toStdString());
  }
  return out;
}

}  // namespace mk::gui

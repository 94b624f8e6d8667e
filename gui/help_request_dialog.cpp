#include "gui/help_request_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include "gui/case_words.hpp"

namespace mk::gui {

HelpRequestDialog::HelpRequestDialog(const std::string& case_id,
                                     const std::vector<std::pair<QString, QString>>& persons,
                                     QWidget* parent)
    : QDialog(parent),
      case_id_(case_id),
      kind_(new QComboBox(this)),
      team_(new QLineEdit(this)),
      person_(new QComboBox(this)) {
  setWindowTitle(tr("Hulpverzoek toevoegen"));
  kind_->setObjectName(QStringLiteral("kind"));
  team_->setObjectName(QStringLiteral("team"));
  person_->setObjectName(QStringLiteral("person"));
  for (vault::HelpKind k : vault::kHelpKinds)
    kind_->addItem(help_kind_words(k), qs(vault::enum_name(k)));
  team_->setPlaceholderText(tr("bijvoorbeeld: Team Wonen"));
  person_->addItem(tr("(de zaak als geheel)"), QString());
  for (const auto& [id, label] : persons)
    person_->addItem(label, id);

  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  form->addRow(tr("&Soort hulp:"), kind_);
  form->addRow(tr("&Verantwoordelijk team:"), team_);
  form->addRow(tr("&Voor:"), person_);
  layout->addLayout(form);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
  ok->setText(tr("Toevoegen"));
  ok->setEnabled(false);
  buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
  layout->addWidget(buttons);
  connect(team_, &QLineEdit::textChanged, this,
          [ok](const QString& t) { ok->setEnabled(!t.trimmed().isEmpty()); });
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

service::NewHelpRequest HelpRequestDialog::request() const {
  service::NewHelpRequest r;
  r.case_id = case_id_;
  const QString person = person_->currentData().toString();
  if (!person.isEmpty()) r.person_id = person.toStdString();
  r.kind = vault::parse_help_kind(kind_->currentData().toString().toStdString())
               .value_or(vault::HelpKind::kHousing);
  r.team = team_->text().trimmed().toStdString();
  return r;
}

}  // namespace mk::gui

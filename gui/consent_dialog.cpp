#include "gui/consent_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QVBoxLayout>
#include <optional>

#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"
#include "gui/language.hpp"
#include "gui/page_widgets.hpp"
#include "gui/task_runner.hpp"
#include "service/casework.hpp"
#include "service/sharing.hpp"

namespace mk::gui {

namespace {

constexpr policies::ConsentSigner kSigners[] = {policies::ConsentSigner::kSelf,
                                                policies::ConsentSigner::kParent,
                                                policies::ConsentSigner::kGuardian};

// "CoMensha (comensha)": the policy's name in the interface language, then the code.
QString named(const std::string& nl, const std::string& en, const std::string& id) {
  const std::string& name = current_language() == Language::kEnglish && !en.empty() ? en : nl;
  return QStringLiteral("%1 (%2)").arg(qs(name), qs(id));
}

}  // namespace

ConsentDialog::ConsentDialog(AppContext& context, const std::vector<std::string>& person_ids,
                             QWidget* parent)
    : QDialog(parent),
      ctx_(context),
      person_(new QComboBox(this)),
      partner_(new QComboBox(this)),
      purpose_(new QComboBox(this)),
      purpose_note_(new QLabel(this)),
      signer_(new QComboBox(this)),
      given_(new QDateEdit(this)),
      error_(new QLabel(this)) {
  setWindowTitle(tr("Toestemming vastleggen"));
  person_->setObjectName(QStringLiteral("person"));
  partner_->setObjectName(QStringLiteral("partner"));
  purpose_->setObjectName(QStringLiteral("purpose"));
  signer_->setObjectName(QStringLiteral("signer"));
  given_->setObjectName(QStringLiteral("given"));
  for (const std::string& id : person_ids)
    person_->addItem(qs(id), qs(id));
  for (policies::ConsentSigner signer : kSigners) {
    const std::string_view code = policies::enum_name(signer);
    signer_->addItem(signer_words(code), qs(code));
  }
  given_->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
  given_->setCalendarPopup(true);
  given_->setDate(to_qdate(service::today(ctx_.session())));
  purpose_note_->setWordWrap(true);
  error_->setObjectName(QStringLiteral("error"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #a40000;"));
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->hide();

  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  form->addRow(tr("&Persoon:"), person_);
  form->addRow(tr("P&artner:"), partner_);
  form->addRow(tr("&Doel:"), purpose_);
  form->addRow(QString(), purpose_note_);
  form->addRow(tr("&Ondertekend door:"), signer_);
  form->addRow(tr("&Gegeven op:"), given_);
  layout->addLayout(form);
  layout->addWidget(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  save_ = buttons->button(QDialogButtonBox::Ok);
  save_->setText(tr("Vastleggen"));
  buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &ConsentDialog::save);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(partner_, &QComboBox::currentIndexChanged, this, &ConsentDialog::fill_purposes);
  connect(purpose_, &QComboBox::currentIndexChanged, this, &ConsentDialog::describe_purpose);

  Result<policies::SharingPolicy> policy = service::load_sharing(ctx_.session());
  if (!policy) {
    error_->setText(registers::status_text(policy.status()));
    error_->show();
    save_->setEnabled(false);
    return;
  }
  policy_ = std::move(*policy);
  {
    const QSignalBlocker block(partner_);
    for (const policies::SharingPartner& p : policy_.partners())
      partner_->addItem(named(p.name_nl, p.name_en, p.id), qs(p.id));
  }
  fill_purposes();
  save_->setEnabled(person_->count() > 0 && partner_->count() > 0);
}

bool ConsentDialog::choose(const QString& partner, const QString& purpose) {
  const int p = partner_->findData(partner);
  if (p < 0) return false;
  partner_->setCurrentIndex(p);
  const int q = purpose_->findData(purpose);
  if (q < 0) return false;
  purpose_->setCurrentIndex(q);
  return true;
}

void ConsentDialog::fill_purposes() {
  {
    const QSignalBlocker block(purpose_);
    purpose_->clear();
    const policies::SharingPartner* partner =
        policy_.find_partner(partner_->currentData().toString().toStdString());
    if (partner != nullptr) {
      for (const policies::SharingPurpose& p : partner->purposes)
        purpose_->addItem(named(p.label_nl, p.label_en, p.id), qs(p.id));
    }
  }
  describe_purpose();
}

void ConsentDialog::describe_purpose() {
  const policies::SharingPurpose* purpose =
      policy_.find_purpose(partner_->currentData().toString().toStdString(),
                           purpose_->currentData().toString().toStdString());
  if (purpose == nullptr) {
    purpose_note_->clear();
    return;
  }
  purpose_note_->setText(
      purpose->consent.required
          ? tr("Voor dit doel is schriftelijke toestemming nodig: vanaf %1 jaar van betrokkene "
               "zelf, jonger van een ouder of voogd.")
                .arg(purpose->consent.self_from_age)
          : tr("Dit doel vraagt geen toestemming; een vastgelegde toestemming wordt wel bewaard."));
}

void ConsentDialog::save() {
  const std::string person = person_->currentData().toString().toStdString();
  const std::string partner = partner_->currentData().toString().toStdString();
  const std::string purpose = purpose_->currentData().toString().toStdString();
  const std::optional<policies::ConsentSigner> signer =
      policies::parse_consent_signer(signer_->currentData().toString().toStdString());
  if (person.empty() || partner.empty() || !signer || !given_->date().isValid()) return;
  const Date given = from_qdate(given_->date());
  service::Session& s = ctx_.session();
  Result<std::string> id = run_task_result<std::string>(
      this, tr("Toestemming vastleggen…"),
      [&s, person, partner, purpose, signer, given](TaskProgress&) {
        return service::record_consent(s, person, partner, purpose, *signer, given);
      });
  if (!id) {
    error_->setText(registers::status_text(id.status()));
    error_->show();
    adjustSize();
    return;
  }
  recorded_id_ = std::move(*id);
  error_->clear();
  error_->hide();
  accept();
}

}  // namespace mk::gui

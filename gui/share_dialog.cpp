#include "gui/share_dialog.hpp"

#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <algorithm>

#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/page_widgets.hpp"
#include "gui/share_preview_view.hpp"
#include "gui/share_register_view.hpp"
#include "gui/task_runner.hpp"
#include "service/casework.hpp"

namespace mk::gui {

ShareDialog::ShareDialog(AppContext& context, service::ShareTarget target, QWidget* parent,
                         PageDialogs dialogs)
    : QDialog(parent),
      ctx_(context),
      target_(std::move(target)),
      dialogs_(std::move(dialogs)),
      steps_(new QLabel(this)),
      pages_(new QStackedWidget(this)),
      partner_(new QComboBox(this)),
      purpose_(new QComboBox(this)),
      basis_(new QLabel(this)),
      preview_(new SharePreviewView(this)),
      out_(new QLineEdit(this)),
      export_note_(new QLabel(this)),
      register_(new ShareRegisterView(this)),
      error_(new QLabel(this)),
      back_(new QPushButton(tr("< V&orige"), this)),
      next_(new QPushButton(tr("&Volgende >"), this)),
      export_(new QPushButton(tr("&Exporteren"), this)),
      close_(new QPushButton(tr("Annuleren"), this)) {
  const QString what = target_.case_id ? tr("zaak %1").arg(qs(*target_.case_id))
                                       : tr("persoon %1").arg(qs(target_.person_id.value_or("")));
  setWindowTitle(tr("Delen: %1").arg(what));
  setMinimumSize(880, 600);
  partner_->setObjectName(QStringLiteral("partner"));
  purpose_->setObjectName(QStringLiteral("purpose"));
  out_->setObjectName(QStringLiteral("output"));
  back_->setObjectName(QStringLiteral("back"));
  next_->setObjectName(QStringLiteral("next"));
  export_->setObjectName(QStringLiteral("export"));
  close_->setObjectName(QStringLiteral("close"));
  error_->setObjectName(QStringLiteral("error"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #a40000;"));
  steps_->setTextFormat(Qt::RichText);

  pages_->addWidget(build_choose_page());
  pages_->addWidget(preview_);
  pages_->addWidget(build_export_page());
  pages_->addWidget(register_);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(registers::make_heading(tr("Delen: %1").arg(what), this));
  layout->addWidget(steps_);
  layout->addWidget(pages_, 1);
  layout->addWidget(error_);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(back_);
  buttons->addWidget(next_);
  buttons->addWidget(export_);
  buttons->addWidget(close_);
  layout->addLayout(buttons);

  connect(partner_, &QComboBox::currentIndexChanged, this, &ShareDialog::fill_purposes);
  connect(purpose_, &QComboBox::currentIndexChanged, this, &ShareDialog::show_basis);
  connect(next_, &QPushButton::clicked, this, &ShareDialog::go_next);
  connect(back_, &QPushButton::clicked, this, &ShareDialog::go_back);
  connect(export_, &QPushButton::clicked, this, &ShareDialog::run_export);
  connect(close_, &QPushButton::clicked, this, &QDialog::reject);

  service::Session& s = ctx_.session();
  Result<policies::SharingPolicy> policy = service::load_sharing(s);
  Result<std::vector<vault::Partner>> registered = service::list_partners(s);
  if (!policy || !registered) {
    show_error(registers::status_text(!policy ? policy.status() : registered.status()));
  } else {
    policy_ = std::move(*policy);
    for (const vault::Partner& p : *registered)
      registered_.push_back(p.id);
    for (const policies::SharingPartner& p : policy_->partners()) {
      QString label = qs(p.name_nl);
      if (std::find(registered_.begin(), registered_.end(), p.id) == registered_.end())
        label += tr(" (niet geregistreerd in deze kluis)");
      partner_->addItem(label, qs(p.id));
    }
  }
  fill_purposes();
  go_to(kChoose);
}

QWidget* ShareDialog::build_choose_page() {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* intro = registers::make_note(
      tr("Kies de partner en het doel. Alleen wat het verstrekkingsbeleid voor dat doel toestaat "
         "gaat mee; u ziet eerst per veld wat er gebeurt."),
      page);
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  form->addRow(tr("&Partner:"), partner_);
  form->addRow(tr("&Doel:"), purpose_);
  layout->addLayout(form);
  basis_->setWordWrap(true);
  basis_->setTextFormat(Qt::RichText);
  basis_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  basis_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(basis_);
  layout->addStretch();
  return page;
}

QWidget* ShareDialog::build_export_page() {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  export_note_->setWordWrap(true);
  layout->addWidget(export_note_);
  auto* row = new QHBoxLayout;
  auto* browse = new QPushButton(tr("&Bladeren…"), page);
  browse->setObjectName(QStringLiteral("browse"));
  row->addWidget(out_, 1);
  row->addWidget(browse);
  auto* form = new QFormLayout;
  form->addRow(tr("&Bestand:"), row);
  layout->addLayout(form);
  layout->addWidget(registers::make_note(
      tr("Er komen twee nieuwe bestanden: het pakket (versleuteld met age, alleen te openen met "
         "de sleutel van de partner) en ernaast het bestand met de extensie .minisig (de "
         "handtekening van de gemeente). Een bestaand bestand wordt nooit overschreven."),
      page));
  layout->addStretch();
  connect(browse, &QPushButton::clicked, this, &ShareDialog::browse);
  return page;
}

bool ShareDialog::choose(const QString& partner, const QString& purpose) {
  const int p = partner_->findData(partner);
  if (p < 0) return false;
  partner_->setCurrentIndex(p);
  const int u = purpose_->findData(purpose);
  if (u < 0) return false;
  purpose_->setCurrentIndex(u);
  return true;
}

void ShareDialog::fill_purposes() {
  purpose_->clear();
  if (!policy_) return;
  const policies::SharingPartner* p =
      policy_->find_partner(partner_->currentData().toString().toStdString());
  if (p != nullptr) {
    for (const policies::SharingPurpose& u : p->purposes)
      purpose_->addItem(qs(u.label_nl), qs(u.id));
  }
  show_basis();
}

void ShareDialog::show_basis() {
  basis_->clear();
  if (!policy_) return;
  const policies::SharingPurpose* u =
      policy_->find_purpose(partner_->currentData().toString().toStdString(),
                            purpose_->currentData().toString().toStdString());
  if (u == nullptr) return;
  QString text = tr("<b>Grondslag:</b> %1").arg(qs(u->legal_basis).toHtmlEscaped());
  if (u->consent.required) {
    text +=
        tr("<br><br><b>Toestemming vereist:</b> %1").arg(qs(u->consent.reference).toHtmlEscaped());
  }
  basis_->setText(text);
}

void ShareDialog::show_error(const QString& text) {
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
}

void ShareDialog::go_to(Step step) {
  pages_->setCurrentIndex(step);
  const QStringList names = {tr("1. Partner en doel"), tr("2. Voorvertoning per veld"),
                             tr("3. Exporteren"), tr("4. Verstrekkingenregister")};
  QStringList parts;
  for (int i = 0; i < names.size(); ++i) {
    parts << (i == step ? QStringLiteral("<b>%1</b>").arg(names[i])
                        : QStringLiteral("<span style='color:#777'>%1</span>").arg(names[i]));
  }
  steps_->setText(parts.join(QStringLiteral(" &nbsp;›&nbsp; ")));
  const bool refused = step == kPreview && preview_->refused();
  back_->setVisible(step == kPreview || step == kExport);
  next_->setVisible(step == kChoose || step == kPreview);
  next_->setEnabled(step == kChoose ? policy_.has_value() && purpose_->count() > 0 : !refused);
  export_->setVisible(step == kExport || refused);
  export_->setEnabled(step == kExport);
  close_->setText(step == kRegistered ? tr("&Sluiten") : tr("Annuleren"));
  if (step == kRegistered) {
    close_->setDefault(true);
    close_->setFocus();
  } else if (step == kExport) {
    export_->setDefault(true);
    out_->setFocus();
  } else {
    next_->setDefault(true);
    if (next_->isEnabled()) next_->setFocus();
  }
}

void ShareDialog::go_next() {
  show_error({});
  if (step() == kChoose) {
    const std::string partner = partner_->currentData().toString().toStdString();
    const std::string purpose = purpose_->currentData().toString().toStdString();
    Result<service::SharePreview> preview =
        service::preview_share(ctx_.session(), partner, purpose, target_);
    if (preview) {
      preview_data_ = std::move(*preview);
      preview_->show_preview(*preview_data_);
    } else if (preview.status().code() == Code::kDisclosureRefused) {
      preview_data_.reset();
      preview_->show_refusal(qs(preview.status().message()));
    } else {
      show_error(registers::status_text(preview.status()));
      return;
    }
    go_to(kPreview);
    return;
  }
  if (step() == kPreview && preview_data_) {
    if (output_path().isEmpty()) set_output_path(default_output());
    export_note_->setText(tr("Het pakket voor %1 (doel: %2) bevat %3 record(s).")
                              .arg(qs(preview_data_->partner_name), qs(preview_data_->purpose))
                              .arg(preview_data_->record_count));
    go_to(kExport);
  }
}

void ShareDialog::go_back() {
  show_error({});
  if (step() == kPreview) go_to(kChoose);
  if (step() == kExport) go_to(kPreview);
}

QString ShareDialog::default_output() const {
  QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  if (dir.isEmpty() || !QDir(dir).exists()) dir = QDir::homePath();
  const QString day = qs(service::today(ctx_.session()).to_iso());
  return QDir(dir).filePath(
      QStringLiteral("pakket-%1-%2.age").arg(qs(preview_data_ ? preview_data_->partner : ""), day));
}

void ShareDialog::browse() {
  if (!dialogs_.save_file) return;
  const QString chosen =
      dialogs_.save_file(this, tr("Pakket opslaan"), output_path(), tr("age-pakket (*.age)"));
  if (!chosen.isEmpty()) set_output_path(chosen);
}

void ShareDialog::run_export() {
  if (step() != kExport || !preview_data_) return;
  show_error({});
  const QString path = output_path();
  if (path.isEmpty()) {
    show_error(tr("Kies eerst een bestand."));
    return;
  }
  const std::string partner = preview_data_->partner;
  const std::string purpose = preview_data_->purpose;
  const std::filesystem::path out(path.toStdString());
  service::Session& s = ctx_.session();
  const service::ShareTarget target = target_;
  const QString what = tr("Versleutelen, ondertekenen en vastleggen");
  Result<service::ShareReceipt> receipt = run_task_result<service::ShareReceipt>(
      this, tr("Pakket maken en ondertekenen"), [&](TaskProgress& progress) {
        progress.report(0, 0, what);
        return service::export_share(s, partner, purpose, target, out);
      });
  if (!receipt) {
    show_error(registers::status_text(receipt.status()));
    return;
  }
  receipt_ = std::move(*receipt);
  Result<std::vector<vault::Disclosure>> all = service::list_disclosures(s);
  if (!all) {
    show_error(registers::status_text(all.status()));
    return;
  }
  for (const vault::Disclosure& d : *all) {
    if (d.id == receipt_->disclosure_id) register_->show_entry(d, *receipt_);
  }
  go_to(kRegistered);
}

}  // namespace mk::gui

#include "gui/create_vault_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/passphrase_text.hpp"
#include "gui/recovery_key_dialog.hpp"
#include "gui/status_text.hpp"
#include "gui/task_runner.hpp"
#include "service/session.hpp"

namespace mk::gui {

CreateVaultDialog::CreateVaultDialog(AppContext& context, QWidget* parent)
    : QDialog(parent), context_(context) {
  setWindowTitle(tr("Nieuwe kluis aanmaken"));
  setModal(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(24, 24, 24, 24);
  layout->setSpacing(12);

  auto* intro = new QLabel(
      tr("De kluis komt in de map <b>%1</b>. Kies een wachtwoordzin van minstens %2 tekens; een "
         "zin van enkele woorden is sterk en goed te onthouden.")
          .arg(QString::fromStdString(context_.vault_dir().string()).toHtmlEscaped())
          .arg(kMinPassphraseBytes),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  auto* form = new QFormLayout;
  passphrase_ = new QLineEdit(this);
  passphrase_->setEchoMode(QLineEdit::Password);
  repeat_ = new QLineEdit(this);
  repeat_->setEchoMode(QLineEdit::Password);
  form->addRow(tr("&Wachtwoordzin:"), passphrase_);
  form->addRow(tr("&Herhaal wachtwoordzin:"), repeat_);
  layout->addLayout(form);

  feedback_ = new QLabel(this);
  feedback_->setWordWrap(true);
  layout->addWidget(feedback_);
  error_ = new QLabel(this);
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00020;"));
  error_->hide();
  layout->addWidget(error_);

  auto* buttons = new QDialogButtonBox(this);
  create_ = buttons->addButton(tr("&Aanmaken"), QDialogButtonBox::AcceptRole);
  QPushButton* cancel = buttons->addButton(tr("Annuleren"), QDialogButtonBox::RejectRole);
  create_->setDefault(true);
  connect(create_, &QPushButton::clicked, this, &CreateVaultDialog::create_vault);
  connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
  layout->addWidget(buttons);

  connect(passphrase_, &QLineEdit::textChanged, this, &CreateVaultDialog::update_feedback);
  connect(repeat_, &QLineEdit::textChanged, this, &CreateVaultDialog::update_feedback);
  update_feedback();
  setMinimumWidth(480);
}

void CreateVaultDialog::update_feedback() {
  const std::size_t length = passphrase_bytes(*passphrase_);
  QString text;
  bool ok = false;
  if (length < kMinPassphraseBytes) {
    text = tr("Nog %n teken(s) nodig.", nullptr, static_cast<int>(kMinPassphraseBytes - length));
  } else if (passphrase_->text() != repeat_->text()) {
    text = tr("De twee wachtwoordzinnen zijn nog niet gelijk.");
  } else {
    text = tr("De wachtwoordzin voldoet.");
    ok = true;
  }
  feedback_->setText(text);
  create_->setEnabled(ok);
}

void CreateVaultDialog::create_vault() {
  if (!create_->isEnabled()) return;
  error_->hide();
  crypto::SecretBuffer passphrase = take_passphrase(*passphrase_);
  repeat_->clear();
  const std::filesystem::path dir = context_.vault_dir();
  const std::filesystem::path policy_dir = context_.policy_dir();
  const Clock& clock = context_.clock();
  const std::optional<crypto::PwhashParams> kdf = kdf_;
  Result<service::Session::Created> created = run_task_result<service::Session::Created>(
      this, tr("Kluis aanmaken…"), [&](TaskProgress&) -> Result<service::Session::Created> {
        const crypto::PwhashParams params =
            kdf ? *kdf : service::kdf_for_target(service::kDefaultKdfMilliseconds);
        return service::Session::create(dir, passphrase, params, clock, service::origin_here("gui"),
                                        policy_dir);
      });
  if (!created) {
    error_->setText(describe_open_error(created.status()));
    error_->show();
    passphrase_->setFocus();
    return;
  }
  const QString key = QString::fromUtf8(created->recovery_key.as_text().data(),
                                        static_cast<qsizetype>(created->recovery_key.size()));
  hide();
  {
    RecoveryKeyDialog shown(key, parentWidget());
    shown.exec();
  }
  context_.adopt(std::move(created->session));
  accept();
}

}  // namespace mk::gui

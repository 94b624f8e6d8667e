#include "gui/unlock_widget.hpp"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QPalette>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/create_vault_dialog.hpp"
#include "gui/passphrase_text.hpp"
#include "gui/status_text.hpp"
#include "gui/task_runner.hpp"
#include "service/session.hpp"
#include "vault/vault.hpp"

namespace mk::gui {

UnlockWidget::UnlockWidget(AppContext& context, QWidget* parent)
    : QWidget(parent), context_(context) {
  // A centred card on an otherwise empty window.
  auto* outer = new QVBoxLayout(this);
  outer->addStretch(2);
  auto* row = new QHBoxLayout;
  row->addStretch();
  auto* card = new QFrame(this);
  card->setObjectName(QStringLiteral("unlockCard"));
  card->setFrameShape(QFrame::StyledPanel);
  card->setMinimumWidth(460);
  card->setMaximumWidth(560);
  row->addWidget(card);
  row->addStretch();
  outer->addLayout(row);
  outer->addStretch(3);

  auto* layout = new QVBoxLayout(card);
  layout->setContentsMargins(32, 28, 32, 28);
  layout->setSpacing(10);
  title_ = new QLabel(card);
  QFont title_font = title_->font();
  title_font.setPointSizeF(title_font.pointSizeF() * 1.8);
  title_font.setBold(true);
  title_->setFont(title_font);
  layout->addWidget(title_);
  subtitle_ = new QLabel(card);
  subtitle_->setWordWrap(true);
  layout->addWidget(subtitle_);
  folder_ = new QLabel(card);
  folder_->setWordWrap(true);
  folder_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QPalette muted = folder_->palette();
  muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
  folder_->setPalette(muted);
  layout->addWidget(folder_);
  layout->addSpacing(8);

  auto* form = new QGridLayout;
  form->setHorizontalSpacing(12);
  form->setVerticalSpacing(8);
  passphrase_label_ = new QLabel(card);
  passphrase_ = new QLineEdit(card);
  passphrase_->setEchoMode(QLineEdit::Password);
  passphrase_label_->setBuddy(passphrase_);
  slot_label_ = new QLabel(card);
  slot_ = new QLineEdit(card);
  slot_label_->setBuddy(slot_);
  form->addWidget(passphrase_label_, 0, 0);
  form->addWidget(passphrase_, 0, 1);
  form->addWidget(slot_label_, 1, 0);
  form->addWidget(slot_, 1, 1);
  layout->addLayout(form);

  error_ = new QLabel(card);
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00020;"));
  error_->hide();
  layout->addWidget(error_);
  no_vault_ = new QLabel(card);
  no_vault_->setWordWrap(true);
  layout->addWidget(no_vault_);

  auto* buttons = new QHBoxLayout;
  create_ = new QPushButton(card);
  unlock_ = new QPushButton(card);
  unlock_->setDefault(true);
  unlock_->setAutoDefault(true);
  buttons->addWidget(create_);
  buttons->addStretch();
  buttons->addWidget(unlock_);
  layout->addSpacing(6);
  layout->addLayout(buttons);

  connect(unlock_, &QPushButton::clicked, this, &UnlockWidget::unlock);
  connect(passphrase_, &QLineEdit::returnPressed, this, &UnlockWidget::unlock);
  connect(slot_, &QLineEdit::returnPressed, this, &UnlockWidget::unlock);
  connect(create_, &QPushButton::clicked, this, &UnlockWidget::create_vault);
  setTabOrder(passphrase_, slot_);
  setTabOrder(slot_, unlock_);
  setTabOrder(unlock_, create_);
  setFocusProxy(passphrase_);

  retranslate();
  reset();
}

void UnlockWidget::retranslate() {
  title_->setText(tr("Meldkluis"));
  subtitle_->setText(tr("De kluis is vergrendeld. Voer uw wachtwoordzin in om verder te werken."));
  folder_->setText(tr("Kluis: %1").arg(QString::fromStdString(context_.vault_dir().string())));
  passphrase_label_->setText(tr("&Wachtwoordzin:"));
  slot_label_->setText(tr("&Sleutel (optioneel):"));
  slot_->setPlaceholderText(tr("bijv. fg voor de functionaris gegevensbescherming"));
  no_vault_->setText(tr("In deze map staat nog geen kluis. Maak een nieuwe kluis aan."));
  unlock_->setText(tr("&Ontgrendelen"));
  create_->setText(tr("&Nieuwe kluis aanmaken…"));
}

void UnlockWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

bool UnlockWidget::vault_exists() const {
  std::error_code ec;
  return std::filesystem::exists(vault::VaultPaths{context_.vault_dir()}.keyslots(), ec);
}

void UnlockWidget::reset() {
  passphrase_->clear();
  error_->hide();
  const bool exists = vault_exists();
  no_vault_->setVisible(!exists);
  create_->setVisible(!exists);
  unlock_->setEnabled(exists);
  folder_->setText(tr("Kluis: %1").arg(QString::fromStdString(context_.vault_dir().string())));
  passphrase_->setFocus();
}

void UnlockWidget::unlock() {
  if (!unlock_->isEnabled() || passphrase_->text().isEmpty()) return;
  error_->hide();
  crypto::SecretBuffer passphrase = take_passphrase(*passphrase_);
  const QString slot_text = slot_->text().trimmed();
  const std::optional<std::string> slot =
      slot_text.isEmpty() ? std::nullopt : std::optional<std::string>(slot_text.toStdString());
  const std::filesystem::path dir = context_.vault_dir();
  const std::filesystem::path policy_dir = context_.policy_dir();
  const Clock& clock = context_.clock();
  Result<service::Session> session = run_task_result<service::Session>(
      this, tr("Kluis openen…"), [&](TaskProgress&) -> Result<service::Session> {
        return service::Session::open(dir, passphrase, slot, clock, service::origin_here("gui"),
                                      policy_dir);
      });
  if (!session) {
    error_->setText(describe_open_error(session.status()));
    error_->show();
    passphrase_->setFocus();
    return;
  }
  context_.adopt(std::move(*session));
}

void UnlockWidget::create_vault() {
  CreateVaultDialog dialog(context_, this);
  if (new_vault_kdf_) dialog.set_kdf(*new_vault_kdf_);
  dialog.exec();
  reset();
}

}  // namespace mk::gui

#include "gui/consents_panel.hpp"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/consent_dialog.hpp"
#include "gui/dutch_format.hpp"
#include "gui/record_table.hpp"
#include "service/casework.hpp"
#include "service/sharing.hpp"

namespace mk::gui {

ConsentsPanel::ConsentsPanel(AppContext& context, QWidget* parent)
    : CasePanel(context, parent),
      table_(make_record_table({tr("Toestemming"), tr("Persoon"), tr("Partner"), tr("Doel"),
                                tr("Ondertekend door"), tr("Gegeven op"), tr("Ingetrokken op")},
                               this)),
      record_(new QPushButton(tr("Toestemming &vastleggen…"), this)),
      withdraw_(new QPushButton(tr("Toestemming &intrekken"), this)) {
  record_->setObjectName(QStringLiteral("record_consent"));
  withdraw_->setObjectName(QStringLiteral("withdraw_consent"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(record_);
  buttons->addWidget(withdraw_);
  buttons->addStretch();
  layout->addLayout(buttons);
  layout->addWidget(error_label());
  connect(record_, &QPushButton::clicked, this, &ConsentsPanel::record);
  connect(withdraw_, &QPushButton::clicked, this, &ConsentsPanel::withdraw_selected);
  clear();
}

void ConsentsPanel::load(const CaseFacts& facts) {
  facts_ = facts;
  std::vector<QStringList> rows;
  Status failed;
  for (const std::string& person : facts.person_ids) {
    Result<std::vector<vault::Consent>> consents =
        service::list_consents(context().session(), person);
    if (!consents) {
      failed = consents.status();
      continue;
    }
    for (const vault::Consent& c : *consents) {
      rows.push_back({qs(c.id), qs(c.person_id), qs(c.partner), qs(c.purpose),
                      signer_words(c.signer), format_date(c.given), format_date(c.withdrawn)});
    }
  }
  set_rows(*table_, rows);
  report(failed);
  record_->setEnabled(!facts.person_ids.empty());
  withdraw_->setEnabled(!rows.empty());
}

void ConsentsPanel::clear() {
  facts_ = {};
  set_rows(*table_, {});
  record_->setEnabled(false);
  withdraw_->setEnabled(false);
}

void ConsentsPanel::record() {
  if (facts_.person_ids.empty()) return;
  ConsentDialog dialog(context(), facts_.person_ids, this);
  if (dialog.exec() != QDialog::Accepted) return;
  report(Status::ok());
  Q_EMIT changed();
}

void ConsentsPanel::withdraw_selected() {
  const QString id = selected_key(*table_);
  if (id.isEmpty()) return;
  service::Session& s = context().session();
  if (!report(service::withdraw_consent(s, id.toStdString(), service::today(s)))) return;
  Q_EMIT changed();
}

}  // namespace mk::gui

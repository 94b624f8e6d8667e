#include "gui/help_requests_panel.hpp"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"
#include "gui/help_request_dialog.hpp"
#include "gui/record_table.hpp"
#include "service/casework.hpp"
#include "service/help_requests.hpp"

namespace mk::gui {
namespace {

QString norm_status(const vault::HelpRequest& r, const Date& today) {
  auto tr = [](const char* text) {
    return QCoreApplication::translate("mk::gui::HelpRequestsPanel", text);
  };
  switch (r.status) {
    case vault::HelpStatus::kOpen:
      return vault::is_overdue(r, today) ? tr("Te laat (normtijd verstreken)") : tr("Op tijd");
    case vault::HelpStatus::kMet:
      return vault::met_within_norm(r) ? tr("Voldaan binnen de normtijd")
                                       : tr("Voldaan, na de normtijd");
    case vault::HelpStatus::kClosedUnmet:
      return tr("Gesloten zonder resultaat");
  }
  return {};
}

}  // namespace

HelpRequestsPanel::HelpRequestsPanel(AppContext& context, QWidget* parent)
    : CasePanel(context, parent),
      table_(make_record_table(
          {tr("Verzoek"), tr("Soort hulp"), tr("Team"), tr("Persoon"), tr("Aangevraagd"),
           tr("Normtijd"), tr("Uiterlijk"), tr("Gesloten"), tr("Stand")},
          this)),
      add_(new QPushButton(tr("&Hulpverzoek toevoegen…"), this)),
      met_(new QPushButton(tr("&Voldaan"), this)),
      unmet_(new QPushButton(tr("Sluiten &zonder resultaat"), this)) {
  add_->setObjectName(QStringLiteral("add_help"));
  met_->setObjectName(QStringLiteral("help_met"));
  unmet_->setObjectName(QStringLiteral("help_unmet"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addWidget(met_);
  buttons->addWidget(unmet_);
  buttons->addStretch();
  layout->addLayout(buttons);
  layout->addWidget(error_label());
  connect(add_, &QPushButton::clicked, this, &HelpRequestsPanel::add);
  connect(met_, &QPushButton::clicked, this, [this] { close_selected(true); });
  connect(unmet_, &QPushButton::clicked, this, [this] { close_selected(false); });
  clear();
}

void HelpRequestsPanel::load(const CaseFacts& facts) {
  facts_ = facts;
  service::Session& s = context().session();
  Result<std::vector<vault::HelpRequest>> all = service::list_help_requests(s, facts.case_id);
  if (!report(all.status())) return set_rows(*table_, {});
  const Date today = service::today(s);
  std::vector<QStringList> rows;
  for (const vault::HelpRequest& r : *all) {
    rows.push_back({qs(r.id), help_kind_words(r.kind), qs(r.team),
                    r.person_id ? qs(*r.person_id) : QString(), format_date(r.requested),
                    qs(r.norm), format_date(r.due), format_date(r.closed), norm_status(r, today)});
  }
  set_rows(*table_, rows);
  add_->setEnabled(!facts.closed);
  met_->setEnabled(!rows.empty());
  unmet_->setEnabled(!rows.empty());
}

void HelpRequestsPanel::clear() {
  facts_ = {};
  set_rows(*table_, {});
  add_->setEnabled(false);
  met_->setEnabled(false);
  unmet_->setEnabled(false);
}

void HelpRequestsPanel::add() {
  if (facts_.case_id.empty()) return;
  std::vector<std::pair<QString, QString>> persons;
  for (const std::string& id : facts_.person_ids)
    persons.emplace_back(qs(id), qs(id));
  HelpRequestDialog dialog(facts_.case_id, persons, this);
  if (dialog.exec() != QDialog::Accepted) return;
  Result<vault::HelpRequest> added =
      service::add_help_request(context().session(), dialog.request());
  if (!report(added.status())) return;
  Q_EMIT changed();
}

void HelpRequestsPanel::close_selected(bool met) {
  const QString id = selected_key(*table_);
  if (id.isEmpty()) return;
  if (!report(
          service::close_help_request(context().session(), id.toStdString(), met, std::nullopt))) {
    return;
  }
  Q_EMIT changed();
}

}  // namespace mk::gui

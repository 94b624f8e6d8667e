#include "gui/case_view.hpp"

#include <QFrame>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/case_disclosures_panel.hpp"
#include "gui/case_persons_panel.hpp"
#include "gui/case_signals_panel.hpp"
#include "gui/case_words.hpp"
#include "gui/consents_panel.hpp"
#include "gui/dutch_format.hpp"
#include "gui/help_requests_panel.hpp"
#include "gui/hold_dialog.hpp"
#include "gui/meldcode_panel.hpp"
#include "gui/page_widgets.hpp"
#include "gui/share_dialog.hpp"
#include "service/casework.hpp"
#include "service/retention.hpp"

namespace mk::gui {

CaseView::CaseView(AppContext& context, QWidget* parent)
    : QWidget(parent),
      ctx_(context),
      title_(registers::make_heading(QString(), this)),
      meta_(new QLabel(this)),
      summary_(new QLabel(this)),
      hold_(new QLabel(this)),
      error_(new QLabel(this)),
      hold_button_(new QPushButton(tr("Bewaarplicht (&legal hold) instellen…"), this)),
      release_button_(new QPushButton(tr("Bewaarplicht &opheffen"), this)),
      share_button_(new QPushButton(tr("&Delen…"), this)),
      tabs_(new QTabWidget(this)),
      signals_(new CaseSignalsPanel(context, this)),
      persons_(new CasePersonsPanel(context, this)),
      meldcode_(new MeldcodePanel(context, this)),
      help_(new HelpRequestsPanel(context, this)),
      consents_(new ConsentsPanel(context, this)),
      disclosures_(new CaseDisclosuresPanel(context, this)) {
  hold_button_->setObjectName(QStringLiteral("hold"));
  release_button_->setObjectName(QStringLiteral("release"));
  share_button_->setObjectName(QStringLiteral("share_case"));
  hold_->setObjectName(QStringLiteral("hold_status"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  hold_->setWordWrap(true);
  hold_->setTextFormat(Qt::RichText);
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #a40000;"));
  error_->hide();

  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  auto* heading = new QVBoxLayout;
  heading->addWidget(title_);
  heading->addWidget(meta_);
  top->addLayout(heading, 1);
  top->addWidget(share_button_, 0, Qt::AlignTop);
  layout->addLayout(top);
  layout->addWidget(summary_);

  auto* hold_frame = new QFrame(this);
  hold_frame->setFrameShape(QFrame::StyledPanel);
  auto* hold_row = new QHBoxLayout(hold_frame);
  hold_row->addWidget(hold_, 1);
  hold_row->addWidget(hold_button_);
  hold_row->addWidget(release_button_);
  layout->addWidget(hold_frame);
  layout->addWidget(error_);

  auto* overview = new QWidget(this);
  auto* overview_layout = new QVBoxLayout(overview);
  overview_layout->addWidget(signals_, 1);
  overview_layout->addWidget(persons_, 2);
  tabs_->addTab(overview, tr("Meldingen en personen"));
  tabs_->addTab(meldcode_, tr("Meldcode"));
  tabs_->addTab(help_, tr("Hulpverzoeken"));
  tabs_->addTab(consents_, tr("Toestemmingen"));
  tabs_->addTab(disclosures_, tr("Verstrekkingen"));
  layout->addWidget(tabs_, 1);

  for (CasePanel* panel : panels())
    connect(panel, &CasePanel::changed, this, &CaseView::changed);
  connect(hold_button_, &QPushButton::clicked, this, &CaseView::place_hold);
  connect(release_button_, &QPushButton::clicked, this, &CaseView::release_hold);
  connect(share_button_, &QPushButton::clicked, this,
          [this] { open_share(facts_.case_id, std::string()); });
  connect(persons_, &CasePersonsPanel::share_person_requested, this,
          [this](const QString& id) { open_share(std::string(), id.toStdString()); });
  clear();
}

std::vector<CasePanel*> CaseView::panels() const {
  return {signals_, persons_, meldcode_, help_, consents_, disclosures_};
}

bool CaseView::report(const Status& status) {
  error_->setVisible(!status.is_ok());
  error_->setText(status.is_ok() ? QString() : registers::status_text(status));
  return status.is_ok();
}

void CaseView::show_case(const std::string& id) {
  Result<vault::Case> c = service::show_case(ctx_.session(), id);
  if (!c) {
    clear();
    report(c.status());
    return;
  }
  report(Status::ok());
  const vault::CaseSummary& sum = c->summary;
  facts_ = CaseFacts{sum.id, vault::is_closed(sum.status), sum.signal_ids, sum.person_ids};
  title_->setText(tr("Zaak %1").arg(qs(sum.id)));
  QString meta =
      tr("Status: %1 · geopend op %2").arg(case_status_words(sum.status), format_date(sum.opened));
  if (sum.closed) meta += tr(" · gesloten op %1").arg(format_date(*sum.closed));
  meta_->setText(meta);
  summary_->setText(c->summary_text ? tr("Samenvatting: %1").arg(qs(*c->summary_text)) : QString());
  summary_->setVisible(c->summary_text.has_value());
  load_hold();
  for (CasePanel* panel : panels())
    panel->load(facts_);
  share_button_->setEnabled(true);
}

void CaseView::reload() {
  if (!facts_.case_id.empty()) show_case(facts_.case_id);
}

void CaseView::clear() {
  facts_ = CaseFacts{};
  title_->setText(tr("Geen zaak gekozen"));
  meta_->clear();
  summary_->clear();
  summary_->hide();
  hold_->clear();
  for (CasePanel* panel : panels())
    panel->clear();
  hold_button_->setEnabled(false);
  release_button_->setEnabled(false);
  share_button_->setEnabled(false);
}

void CaseView::load_hold() {
  Result<std::vector<vault::LegalHold>> holds = service::list_holds(ctx_.session(), true);
  if (!report(holds.status())) return;
  const vault::LegalHold* last = nullptr;
  for (const vault::LegalHold& h : *holds) {
    if (h.case_id == facts_.case_id) last = &h;  // ordered by placement: the last is the latest
  }
  const bool in_force = last != nullptr && !last->released;
  if (in_force) {
    hold_->setText(tr("<b>Bewaarplicht (legal hold) geldt</b> sinds %1, ingesteld door %2. "
                      "Reden: %3")
                       .arg(format_instant(last->placed), qs(last->placed_by),
                            qs(last->reason).toHtmlEscaped()));
  } else if (last != nullptr) {
    hold_->setText(tr("Geen bewaarplicht. De laatste (reden: %1) is opgeheven op %2.")
                       .arg(qs(last->reason).toHtmlEscaped(), format_instant(*last->released)));
  } else {
    hold_->setText(tr("Geen bewaarplicht: de bewaartermijnen gelden gewoon."));
  }
  hold_button_->setEnabled(!in_force);
  release_button_->setEnabled(in_force);
}

void CaseView::place_hold() {
  if (facts_.case_id.empty()) return;
  HoldDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted || dialog.reason().isEmpty()) return;
  if (!report(service::hold_case(ctx_.session(), facts_.case_id, dialog.reason().toStdString()))) {
    return;
  }
  changed();
}

void CaseView::release_hold() {
  if (facts_.case_id.empty()) return;
  if (!report(service::release_case(ctx_.session(), facts_.case_id))) return;
  changed();
}

void CaseView::open_share(const std::string& case_id, const std::string& person_id) {
  if (facts_.case_id.empty()) return;
  service::ShareTarget target;
  if (!case_id.empty()) target.case_id = case_id;
  if (!person_id.empty()) target.person_id = person_id;
  ShareDialog dialog(ctx_, target, this);
  dialog.exec();
  if (dialog.exported()) changed();
}

void CaseView::changed() {
  reload();
  Q_EMIT case_changed();
}

}  // namespace mk::gui

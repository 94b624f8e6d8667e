#include "gui/retention_page.hpp"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <chrono>
#include <set>

#include "gui/app_context.hpp"
#include "gui/dutch_format.hpp"
#include "gui/page_widgets.hpp"
#include "gui/record_names.hpp"
#include "gui/task_runner.hpp"
#include "service/casework.hpp"
#include "service/compliance_report.hpp"
#include "service/retention.hpp"

namespace mk::gui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

QString join(const std::vector<std::string>& items) {
  QStringList out;
  for (const std::string& s : items)
    out << qs(s);
  return out.join(QStringLiteral(", "));
}

TextRow plan_row(const service::PlanItem& item) {
  TextRow row;
  row.cells = {registers::subject_kind_name(item.kind),
               qs(item.id),
               registers::person_role_text(item.role),
               qs(item.rule),
               registers::retention_trigger_text(item.trigger),
               format_date(item.trigger_date),
               format_date(item.due),
               registers::retention_action_text(item.action),
               join(item.held_by),
               registers::yes_no(item.rule_confirmed)};
  return row;
}

TextRow hold_row(const vault::LegalHold& hold) {
  TextRow row;
  row.cells = {qs(hold.case_id), qs(hold.reason), format_instant(hold.placed), qs(hold.placed_by)};
  row.tooltips = {{}, qs(hold.reason), {}, {}};
  return row;
}

// Unheld items due more than the grace period before `today` (compliance_report.hpp's meaning of
// "overdue": a monthly sweep is not late, older is).
std::size_t overdue_count(const service::RetentionPlan& plan, const Date& today) {
  const Date late =
      Date::from_sys_days(today.sys_days() - std::chrono::days(service::kRetentionGraceDays));
  return static_cast<std::size_t>(std::count_if(
      plan.due.begin(), plan.due.end(),
      [&](const service::PlanItem& item) { return item.held_by.empty() && item.due < late; }));
}

// The ids the sweep would shred, in its order.
std::vector<const service::PlanItem*> shreddable_items(const service::RetentionPlan& plan) {
  std::vector<const service::PlanItem*> out;
  for (const service::PlanItem& item : plan.due) {
    if (item.held_by.empty()) out.push_back(&item);
  }
  return out;
}

}  // namespace

RetentionPage::RetentionPage(AppContext& context, QWidget* parent)
    : Page(context, parent), dialogs_(interactive_dialogs()) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout();
  top->addWidget(registers::make_heading(tr("Bewaartermijnen"), this));
  top->addStretch(1);
  sweep_button_ = new QPushButton(tr("&Opschonen…"), this);
  sweep_button_->setToolTip(
      tr("Vernietigt wat vandaag vervalt en niet bevroren is, na een voorbeeld om te bevestigen"));
  top->addWidget(sweep_button_);
  layout->addLayout(top);

  as_of_ = registers::make_note({}, this);
  layout->addWidget(as_of_);
  counts_ = new QLabel(this);
  counts_->setTextFormat(Qt::RichText);
  counts_->setAccessibleName(tr("Tellingen"));
  layout->addWidget(counts_);

  layout->addWidget(registers::make_heading(tr("Wat vervalt"), this, true));
  plan_model_ = new RowTableModel(
      {tr("Soort"), tr("Id"), tr("Rol"), tr("Regel"), tr("Aanleiding"), tr("Datum aanleiding"),
       tr("Vervalt op"), tr("Actie"), tr("Bevroren door"), tr("Bevestigd door archivaris?")},
      this);
  plan_view_ = registers::make_table_view(this);
  plan_view_->setModel(plan_model_);
  plan_view_->setAccessibleName(tr("Wat vervalt"));
  layout->addWidget(plan_view_, 3);
  unconfirmed_ = registers::make_note({}, this);
  layout->addWidget(unconfirmed_);

  layout->addWidget(registers::make_heading(tr("Bevriezingen (legal holds)"), this, true));
  holds_model_ = new RowTableModel({tr("Casus"), tr("Reden"), tr("Geplaatst"), tr("Door")}, this);
  holds_view_ = registers::make_table_view(this);
  holds_view_->setModel(holds_model_);
  holds_view_->setAccessibleName(tr("Bevriezingen"));
  layout->addWidget(holds_view_, 1);

  outcome_ = registers::make_note({}, this);
  layout->addWidget(outcome_);

  connect(sweep_button_, &QPushButton::clicked, this, &RetentionPage::sweep);
}

QString RetentionPage::title() const {
  return tr("Bewaartermijnen");
}

void RetentionPage::clear() {
  plan_model_->clear_rows();
  holds_model_->clear_rows();
  as_of_->clear();
  counts_->clear();
  unconfirmed_->clear();
  outcome_->clear();
}

void RetentionPage::refresh() {
  if (!context().is_unlocked()) {
    clear();
    return;
  }
  sweep_button_->setVisible(!context().is_compliance());
  service::Session& s = context().session();
  const Date today = service::today(s);
  Result<service::RetentionPlan> plan = service::plan_retention(s, today);
  if (!plan) {
    clear();
    as_of_->setText(tr("Het bewaarplan kon niet worden gemaakt. %1")
                        .arg(registers::status_text(plan.status())));
    sweep_button_->setEnabled(false);
    return;
  }
  const std::size_t shreddable = plan->shreddable();
  const std::size_t held = plan->due.size() - shreddable;
  as_of_->setText(tr("Peildatum %1 · bewaarbeleid %2 (versie %3)")
                      .arg(format_date(plan->as_of), qs(plan->policy_file),
                           registers::short_hash(plan->policy_hash)));
  as_of_->setToolTip(qs(plan->policy_hash));
  counts_->setText(tr("<b>Vervallen: %1</b> &nbsp;·&nbsp; te vernietigen: %2 &nbsp;·&nbsp; "
                      "achterstallig (meer dan %3 dagen): %4 &nbsp;·&nbsp; bevroren: %5")
                       .arg(plan->due.size())
                       .arg(shreddable)
                       .arg(service::kRetentionGraceDays)
                       .arg(overdue_count(*plan, today))
                       .arg(held));
  std::vector<TextRow> rows;
  std::set<std::string> unconfirmed;
  for (const service::PlanItem& item : plan->due) {
    rows.push_back(plan_row(item));
    if (!item.rule_confirmed) unconfirmed.insert(item.rule);
  }
  plan_model_->set_rows(std::move(rows));
  registers::fit_columns(plan_view_);
  unconfirmed_->setText(
      unconfirmed.empty()
          ? (plan->due.empty() ? tr("Niets vervalt op of voor de peildatum.") : QString())
          : tr("Niet bevestigd door de archivaris: %1")
                .arg(join(std::vector<std::string>(unconfirmed.begin(), unconfirmed.end()))));
  sweep_button_->setEnabled(shreddable > 0);

  Result<std::vector<vault::LegalHold>> holds = service::list_holds(s, false);
  std::vector<TextRow> hold_rows;
  if (holds) {
    for (const vault::LegalHold& h : *holds)
      hold_rows.push_back(hold_row(h));
  }
  holds_model_->set_rows(std::move(hold_rows));
  registers::fit_columns(holds_view_);
}

void RetentionPage::sweep() {
  if (!context().is_unlocked() || context().is_compliance()) return;
  service::Session& s = context().session();
  // The preview: the same plan the sweep executes (as of today).
  Result<service::RetentionPlan> plan = service::plan_retention(s, service::today(s));
  if (!plan) {
    dialogs_.warn(this, tr("Opschonen"), registers::status_text(plan.status()));
    return;
  }
  const std::vector<const service::PlanItem*> items = shreddable_items(*plan);
  if (items.empty()) {
    dialogs_.inform(this, tr("Opschonen"), tr("Er is vandaag niets te vernietigen."));
    refresh();
    return;
  }
  QStringList lines;
  const std::size_t shown = std::min<std::size_t>(items.size(), 25);
  for (std::size_t i = 0; i < shown; ++i) {
    const service::PlanItem& item = *items[i];
    lines << QStringLiteral("• %1 %2 — %3, %4 (vervallen %5)")
                 .arg(registers::subject_kind_name(item.kind), qs(item.id), qs(item.rule),
                      registers::retention_action_text(item.action), format_date(item.due));
  }
  if (items.size() > shown) lines << tr("… en nog %1").arg(items.size() - shown);
  const QString question =
      tr("%1 onderwerp(en) worden onherroepelijk vernietigd; %2 bevroren blijven bewaard.\n\n%3"
         "\n\nDoorgaan?")
          .arg(items.size())
          .arg(plan->due.size() - items.size())
          .arg(lines.join(QLatin1Char('\n')));
  if (!dialogs_.confirm(this, tr("Opschonen bevestigen"), question)) {
    outcome_->setText(tr("Afgebroken, niets vernietigd."));
    return;
  }

  std::size_t done = 0, total = 0;
  Result<service::SweepReport> report = run_task_result<service::SweepReport>(
      this, tr("Vernietigen…"), [&s, &done, &total](TaskProgress& progress) {
        return service::sweep_retention(s, [&](const service::SweepProgress& p) {
          done = p.done;
          total = p.total;
          progress.report(p.done, p.total,
                          QCoreApplication::translate("mk::gui::RetentionPage", "%1 van %2")
                              .arg(p.done)
                              .arg(p.total));
        });
      });
  refresh();
  if (!report) {
    QString text = registers::status_text(report.status());
    if (done > 0) {
      text += QLatin1Char('\n') +
              tr("%1 van %2 vernietigd voor de fout; opnieuw opschonen maakt het af.")
                  .arg(done)
                  .arg(total);
    }
    outcome_->setText(text);
    dialogs_.warn(this, tr("Opschonen"), text);
    return;
  }
  const QString text = tr("%1 vernietigd, %2 bevroren (niet vernietigd).")
                           .arg(report->shredded.size())
                           .arg(report->held.size());
  outcome_->setText(text);
  dialogs_.inform(this, tr("Opschonen"), text);
}

Page* make_retention_page(AppContext& context, QWidget* parent) {
  return new RetentionPage(context, parent);
}

}  // namespace mk::gui

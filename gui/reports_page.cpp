#include "gui/reports_page.hpp"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPixmap>

#include "gui/app_context.hpp"
#include "gui/page_widgets.hpp"
#include "gui/task_runner.hpp"
#include "reports/report_images.hpp"
#include "service/casework.hpp"
#include "service/compliance_report.hpp"
#include "service/mayor_report.hpp"

namespace mk::gui {

namespace {

// Pixel width of a page on screen: A4 readable at 100% on a laptop screen.
constexpr int kPageWidth = 860;

// The combo's entries: what the user reads, and the period suffix.
struct Part {
  const char* label;
  const char* suffix;  // "" for the whole year
};
constexpr Part kParts[] = {
    {QT_TRANSLATE_NOOP("mk::gui::ReportsPage", "Heel jaar"), ""},
    {QT_TRANSLATE_NOOP("mk::gui::ReportsPage", "1e halfjaar"), "-H1"},
    {QT_TRANSLATE_NOOP("mk::gui::ReportsPage", "2e halfjaar"), "-H2"},
    {QT_TRANSLATE_NOOP("mk::gui::ReportsPage", "1e kwartaal"), "-Q1"},
    {QT_TRANSLATE_NOOP("mk::gui::ReportsPage", "2e kwartaal"), "-Q2"},
    {QT_TRANSLATE_NOOP("mk::gui::ReportsPage", "3e kwartaal"), "-Q3"},
    {QT_TRANSLATE_NOOP("mk::gui::ReportsPage", "4e kwartaal"), "-Q4"},
};

std::filesystem::path to_path(const QString& s) {
  return std::filesystem::path(s.toStdString());
}

}  // namespace

ReportsPage::ReportsPage(AppContext& context, QWidget* parent)
    : Page(context, parent), dialogs_(interactive_dialogs()) {
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(registers::make_heading(tr("Rapportages"), this));
  layout->addWidget(registers::make_note(
      tr("De rapportage aan de burgemeester: aantallen over de periode, kleine aantallen niet "
         "getoond (x). Geen namen, nummers of vrije tekst."),
      this));

  auto* controls = new QHBoxLayout();
  auto* period_label = new QLabel(tr("&Periode:"), this);
  year_ = new QSpinBox(this);
  year_->setRange(1800, 9999);
  year_->setAccessibleName(tr("Jaar"));
  period_label->setBuddy(year_);
  part_ = new QComboBox(this);
  part_->setAccessibleName(tr("Deel van het jaar"));
  for (const Part& p : kParts)
    part_->addItem(tr(p.label), QString::fromLatin1(p.suffix));
  make_ = new QPushButton(tr("&Maken"), this);
  make_->setDefault(true);
  save_pdf_ = new QPushButton(tr("Opslaan als P&DF…"), this);
  save_csv_ = new QPushButton(tr("Opslaan als &CSV…"), this);
  save_compliance_ = new QPushButton(tr("Compliance&rapport opslaan…"), this);
  save_compliance_->setToolTip(
      tr("Verstrekkingen per partner en grondslag, bewaarstatus, controle van het auditlog en "
         "sleutels, als PDF met JSON ernaast"));
  controls->addWidget(period_label);
  controls->addWidget(year_);
  controls->addWidget(part_);
  controls->addWidget(make_);
  controls->addSpacing(12);
  controls->addWidget(save_pdf_);
  controls->addWidget(save_csv_);
  controls->addStretch(1);
  controls->addWidget(save_compliance_);
  layout->addLayout(controls);

  summary_ = registers::make_note({}, this);
  layout->addWidget(summary_);

  scroll_ = new QScrollArea(this);
  scroll_->setWidgetResizable(true);
  scroll_->setBackgroundRole(QPalette::Dark);
  scroll_->setAccessibleName(tr("Rapportage"));
  sheet_ = new QWidget(scroll_);
  sheet_layout_ = new QVBoxLayout(sheet_);
  sheet_layout_->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
  sheet_layout_->setSpacing(16);
  scroll_->setWidget(sheet_);
  layout->addWidget(scroll_, 1);

  connect(make_, &QPushButton::clicked, this, &ReportsPage::make);
  connect(save_pdf_, &QPushButton::clicked, this, &ReportsPage::save_pdf);
  connect(save_csv_, &QPushButton::clicked, this, &ReportsPage::save_csv);
  connect(save_compliance_, &QPushButton::clicked, this, &ReportsPage::save_compliance);
}

QString ReportsPage::title() const {
  return tr("Rapportages");
}

bool ReportsPage::select_period(const QString& name) {
  Result<service::ReportPeriod> p = service::parse_report_period(name.toStdString());
  if (!p) return false;
  const QString suffix = name.mid(4);
  const int index = part_->findData(suffix);
  if (index < 0) return false;
  year_->setValue(p->year);
  part_->setCurrentIndex(index);
  return true;
}

service::ReportPeriod ReportsPage::period() const {
  const QString name = QString::number(year_->value()) + part_->currentData().toString();
  Result<service::ReportPeriod> p = service::parse_report_period(name.toStdString());
  return p ? *p : service::ReportPeriod{};
}

void ReportsPage::refresh() {
  const bool unlocked = context().is_unlocked();
  save_compliance_->setVisible(unlocked && context().is_compliance());
  if (!unlocked) {
    clear();
    return;
  }
  if (!shown_) {
    // The quarter today lies in, until the user chooses.
    const Date today = service::today(context().session());
    year_->setValue(today.year());
    part_->setCurrentIndex(3 + static_cast<int>((today.month() - 1) / 3));
  }
}

void ReportsPage::show_example() {
  part_->setCurrentIndex(0);
  make();
}

void ReportsPage::clear() {
  pages_.clear();
  shown_.reset();
  summary_->clear();
  show_pages();
}

void ReportsPage::show_pages() {
  while (QLayoutItem* item = sheet_layout_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    auto* label = new QLabel(sheet_);
    label->setPixmap(QPixmap::fromImage(pages_[i]));
    label->setFrameShape(QFrame::Box);
    label->setAccessibleName(tr("Pagina %1 van %2").arg(i + 1).arg(pages_.size()));
    sheet_layout_->addWidget(label, 0, Qt::AlignHCenter);
  }
}

void ReportsPage::make() {
  if (!context().is_unlocked()) return;
  service::Session& s = context().session();
  const service::ReportPeriod p = period();
  struct Made {
    std::vector<QImage> pages;
    std::size_t withheld = 0;
  };
  Result<Made> made = run_task_result<Made>(
      this, tr("Rapportage maken…"), [&s, p](TaskProgress& progress) -> Result<Made> {
        progress.report(0, 2);
        MK_ASSIGN_OR_RETURN(reports::PublishedReport published,
                            service::publish_mayor_report(s, p));
        progress.report(1, 2);
        MK_ASSIGN_OR_RETURN(std::vector<QImage> images,
                            reports::render_report_images(published, kPageWidth));
        Made m{std::move(images), published.trend.withheld};
        for (const reports::PublishedTable& t : published.tables)
          m.withheld += t.withheld;
        progress.report(2, 2);
        return m;
      });
  if (!made) {
    summary_->setText(registers::status_text(made.status()));
    dialogs_.warn(this, tr("Rapportage"), registers::status_text(made.status()));
    return;
  }
  pages_ = std::move(made->pages);
  shown_ = p;
  summary_->setText(tr("Periode %1 · %2 pagina('s) · %3 aantal(len) niet getoond (x)")
                        .arg(QString::fromStdString(p.name()))
                        .arg(pages_.size())
                        .arg(made->withheld));
  show_pages();
}

void ReportsPage::save_pdf() {
  if (!context().is_unlocked()) return;
  const service::ReportPeriod p = period();
  const QString path = dialogs_.save_file(
      this, tr("Rapportage opslaan als PDF"),
      QStringLiteral("rapportage-%1.pdf").arg(QString::fromStdString(p.name())), tr("PDF (*.pdf)"));
  if (path.isEmpty()) return;
  service::Session& s = context().session();
  Result<service::MayorReportSummary> r = run_task_result<service::MayorReportSummary>(
      this, tr("PDF schrijven…"), [&s, p, path](TaskProgress&) {
        return service::write_mayor_report(s, p, {to_path(path), std::nullopt});
      });
  if (!r) {
    dialogs_.warn(this, tr("Opslaan als PDF"), registers::status_text(r.status()));
    return;
  }
  dialogs_.inform(this, tr("Opslaan als PDF"), tr("Opgeslagen: %1").arg(path));
}

void ReportsPage::save_csv() {
  if (!context().is_unlocked()) return;
  const service::ReportPeriod p = period();
  const QString path = dialogs_.save_file(
      this, tr("Rapportage opslaan als CSV"),
      QStringLiteral("rapportage-%1.csv").arg(QString::fromStdString(p.name())), tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  service::Session& s = context().session();
  Result<service::MayorReportSummary> r = run_task_result<service::MayorReportSummary>(
      this, tr("CSV schrijven…"), [&s, p, path](TaskProgress&) {
        return service::write_mayor_report_csv(s, p, to_path(path));
      });
  if (!r) {
    dialogs_.warn(this, tr("Opslaan als CSV"), registers::status_text(r.status()));
    return;
  }
  dialogs_.inform(this, tr("Opslaan als CSV"), tr("Opgeslagen: %1").arg(path));
}

void ReportsPage::save_compliance() {
  if (!context().is_unlocked()) return;
  const QString path =
      dialogs_.save_file(this, tr("Compliancerapport opslaan"),
                         QStringLiteral("compliancerapport.pdf"), tr("PDF (*.pdf)"));
  if (path.isEmpty()) return;
  const QFileInfo info(path);
  const QString json = info.dir().filePath(info.completeBaseName() + QStringLiteral(".json"));
  service::Session& s = context().session();
  Result<reports::ComplianceReport> r = run_task_result<reports::ComplianceReport>(
      this, tr("Compliancerapport maken…"), [&s, path, json](TaskProgress&) {
        return service::write_compliance_report(s, {to_path(path), to_path(json)});
      });
  if (!r) {
    dialogs_.warn(this, tr("Compliancerapport"), registers::status_text(r.status()));
    return;
  }
  dialogs_.inform(
      this, tr("Compliancerapport"),
      tr("Opgeslagen: %1\nen %2\nAuditlog: %3")
          .arg(path, json, r->audit.verified ? tr("geverifieerd") : tr("NIET geverifieerd")));
}

Page* make_reports_page(AppContext& context, QWidget* parent) {
  return new ReportsPage(context, parent);
}

}  // namespace mk::gui

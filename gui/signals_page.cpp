#include "gui/signals_page.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStringList>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/dutch_format.hpp"
#include "gui/intake_dialog.hpp"
#include "gui/signal_labels.hpp"
#include "gui/signal_list_model.hpp"
#include "service/casework.hpp"

namespace mk::gui {
namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

QString ids_text(const std::vector<std::string>& ids) {
  QStringList out;
  for (const std::string& id : ids)
    out << qs(id);
  return out.join(QStringLiteral(", "));
}

QDateEdit* dutch_date_edit(const QString& name) {
  auto* edit = new QDateEdit;
  edit->setObjectName(name);
  edit->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
  edit->setCalendarPopup(true);
  edit->setEnabled(false);
  return edit;
}

}  // namespace

SignalsPage::SignalsPage(AppContext& context, QWidget* parent) : Page(context, parent) {
  model_ = new SignalListModel(context, this);

  status_ = new QComboBox;
  status_->setObjectName(QStringLiteral("statusFilter"));
  status_->addItem(tr("Alle"));
  for (vault::SignalStatus s : {vault::SignalStatus::kNew, vault::SignalStatus::kInAssessment,
                                vault::SignalStatus::kClosed}) {
    status_->addItem(status_label(s), static_cast<int>(s));
  }
  form_ = new QComboBox;
  form_->setObjectName(QStringLiteral("formFilter"));
  from_enabled_ = new QCheckBox(tr("Ontvangen &vanaf"));
  from_enabled_->setObjectName(QStringLiteral("fromEnabled"));
  from_ = dutch_date_edit(QStringLiteral("fromDate"));
  to_enabled_ = new QCheckBox(tr("&tot en met"));
  to_enabled_->setObjectName(QStringLiteral("toEnabled"));
  to_ = dutch_date_edit(QStringLiteral("toDate"));
  auto* reset = new QPushButton(tr("Filters &wissen"));
  connect(status_, &QComboBox::currentIndexChanged, this, &SignalsPage::apply_filter);
  connect(form_, &QComboBox::currentIndexChanged, this, &SignalsPage::apply_filter);
  connect(from_enabled_, &QCheckBox::toggled, from_, &QWidget::setEnabled);
  connect(to_enabled_, &QCheckBox::toggled, to_, &QWidget::setEnabled);
  connect(from_enabled_, &QCheckBox::toggled, this, &SignalsPage::apply_filter);
  connect(to_enabled_, &QCheckBox::toggled, this, &SignalsPage::apply_filter);
  connect(from_, &QDateEdit::dateChanged, this, &SignalsPage::apply_filter);
  connect(to_, &QDateEdit::dateChanged, this, &SignalsPage::apply_filter);
  connect(reset, &QPushButton::clicked, this, &SignalsPage::reset_filter);

  auto* status_label_widget = new QLabel(tr("&Status"));
  status_label_widget->setBuddy(status_);
  auto* form_label_widget = new QLabel(tr("V&orm"));
  form_label_widget->setBuddy(form_);
  auto* filters = new QHBoxLayout;
  filters->addWidget(status_label_widget);
  filters->addWidget(status_);
  filters->addSpacing(12);
  filters->addWidget(form_label_widget);
  filters->addWidget(form_);
  filters->addSpacing(12);
  filters->addWidget(from_enabled_);
  filters->addWidget(from_);
  filters->addWidget(to_enabled_);
  filters->addWidget(to_);
  filters->addSpacing(12);
  filters->addWidget(reset);
  filters->addStretch(1);

  auto* add = new QPushButton(tr("&Nieuw signaal…"));
  add->setObjectName(QStringLiteral("newSignal"));
  open_case_ = new QPushButton(tr("&Zaak openen…"));
  open_case_->setObjectName(QStringLiteral("openCase"));
  open_case_->setEnabled(false);
  connect(add, &QPushButton::clicked, this, &SignalsPage::new_signal);
  connect(open_case_, &QPushButton::clicked, this, &SignalsPage::open_case);
  count_ = new QLabel;
  count_->setObjectName(QStringLiteral("count"));
  auto* actions = new QHBoxLayout;
  actions->addWidget(count_);
  actions->addStretch(1);
  actions->addWidget(add);
  actions->addWidget(open_case_);

  table_ = new QTableView;
  table_->setObjectName(QStringLiteral("signals"));
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  // Fixed row heights and column widths: the view never measures rows it does not show.
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  QHeaderView* header = table_->horizontalHeader();
  header->setSectionResizeMode(QHeaderView::Interactive);
  header->setStretchLastSection(true);
  const int widths[] = {110, 95, 210, 190, 110, 200, 90};
  for (int c = 0; c < SignalListModel::kColumnCount; ++c)
    header->resizeSection(c, widths[c]);
  table_->setSortingEnabled(true);
  table_->sortByColumn(SignalListModel::kReceived, Qt::DescendingOrder);
  connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
    if (SignalListModel::is_sortable(column)) return;
    // Forms and cases have no order: put the indicator back where the list's order is.
    const vault::SignalOrder& o = model_->order();
    const int shown = o.column == vault::SignalOrderColumn::kId       ? SignalListModel::kId
                      : o.column == vault::SignalOrderColumn::kSource ? SignalListModel::kSource
                      : o.column == vault::SignalOrderColumn::kStatus ? SignalListModel::kStatus
                      : o.column == vault::SignalOrderColumn::kClosed ? SignalListModel::kOutcome
                                                                      : SignalListModel::kReceived;
    QHeaderView* h = table_->horizontalHeader();
    QSignalBlocker block(h);
    h->setSortIndicator(shown, o.ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
  });
  connect(table_, &QAbstractItemView::activated, this,
          [this](const QModelIndex& index) { show_details(index.row()); });
  connect(table_, &QAbstractItemView::doubleClicked, this,
          [this](const QModelIndex& index) { show_details(index.row()); });
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { open_case_->setEnabled(current.isValid()); });
  connect(model_, &QAbstractItemModel::modelReset, this, [this] {
    open_case_->setEnabled(false);
    count_->setText(model_->last_error().isEmpty() ? tr("%n signalen", nullptr, model_->rowCount())
                                                   : model_->last_error());
  });

  details_ = new QTextBrowser;
  details_->setObjectName(QStringLiteral("details"));
  details_->setPlaceholderText(
      tr("Kies een signaal en druk op Enter om het hele signaal te "
         "lezen. Dat wordt vastgelegd in het auditlog."));
  details_->setMinimumWidth(300);

  auto* splitter = new QSplitter;
  splitter->addWidget(table_);
  splitter->addWidget(details_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  splitter->setChildrenCollapsible(false);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(filters);
  layout->addLayout(actions);
  layout->addWidget(splitter, 1);
  setFocusProxy(table_);
}

void SignalsPage::refresh() {
  {
    // The forms come from the catalogue of the open session.
    filling_ = true;
    const QString current = form_->currentData().toString();
    form_->clear();
    form_->addItem(tr("Alle"));
    if (context().is_unlocked()) {
      for (const policies::TraffickingForm& f : context().session().policies().indicators.forms()) {
        form_->addItem(qs(f.label_nl), qs(f.code));
      }
      const QDate today = to_qdate(service::today(context().session()));
      if (!from_enabled_->isChecked()) from_->setDate(today.addMonths(-3));
      if (!to_enabled_->isChecked()) to_->setDate(today);
    }
    const int again = form_->findData(current);
    form_->setCurrentIndex(again < 0 ? 0 : again);
    filling_ = false;
  }
  apply_filter();
}

void SignalsPage::clear() {
  model_->clear();
  details_->clear();
  count_->clear();
}

void SignalsPage::apply_filter() {
  if (filling_) return;
  vault::SignalFilter f;
  if (QVariant v = status_->currentData(); v.isValid()) {
    f.status = static_cast<vault::SignalStatus>(v.toInt());
  }
  if (QVariant v = form_->currentData(); v.isValid()) f.form = v.toString().toStdString();
  if (from_enabled_->isChecked()) f.received_from = from_qdate(from_->date());
  if (to_enabled_->isChecked()) f.received_to = from_qdate(to_->date());
  if (f.received_from && f.received_to && *f.received_from > *f.received_to) {
    count_->setText(tr("De begindatum ligt na de einddatum."));
    return;
  }
  model_->set_filter(f);
}

void SignalsPage::reset_filter() {
  filling_ = true;
  status_->setCurrentIndex(0);
  form_->setCurrentIndex(0);
  from_enabled_->setChecked(false);
  to_enabled_->setChecked(false);
  filling_ = false;
  apply_filter();
}

void SignalsPage::new_signal() {
  if (!context().is_unlocked()) return;
  IntakeDialog dialog(context(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  model_->reload();
  count_->setText(tr("Signaal %1 is opgeslagen. %2")
                      .arg(dialog.signal_id(), tr("%n signalen", nullptr, model_->rowCount())));
}

void SignalsPage::open_case() {
  if (!context().is_unlocked()) return;
  std::optional<vault::SignalSummary> s = model_->summary(table_->currentIndex().row());
  if (!s) return;
  if (!s->case_ids.empty()) {
    QMessageBox::information(
        this, tr("Zaak openen"),
        tr("Signaal %1 hoort al bij zaak %2.").arg(qs(s->id), ids_text(s->case_ids)));
    return;
  }
  if (QMessageBox::question(this, tr("Zaak openen"),
                            tr("Een zaak openen voor signaal %1, met de %n betrokkene(n) ervan?",
                               nullptr, static_cast<int>(s->person_ids.size()))
                                .arg(qs(s->id))) != QMessageBox::Yes) {
    return;
  }
  vault::CaseInput input;
  input.opened = service::today(context().session());
  input.signal_ids = {s->id};
  input.person_ids = s->person_ids;
  Result<std::string> opened = service::open_case(context().session(), input);
  if (!opened) {
    QMessageBox::warning(
        this, tr("Zaak openen"),
        tr("De zaak is niet geopend: %1").arg(QString::fromStdString(opened.status().message())));
    return;
  }
  model_->reload();
  count_->setText(tr("Zaak %1 is geopend voor signaal %2.").arg(qs(*opened), qs(s->id)));
}

void SignalsPage::show_details(int row) {
  if (!context().is_unlocked()) return;
  std::optional<vault::SignalSummary> summary = model_->summary(row);
  if (!summary) return;
  Result<vault::Signal> full = service::show_signal(context().session(), summary->id);
  if (!full) {
    details_->setPlainText(tr("Het signaal kon niet worden geopend: %1")
                               .arg(QString::fromStdString(full.status().message())));
    return;
  }
  const vault::SignalSummary& s = full->summary;
  const policies::IndicatorCatalogue& catalogue = context().session().policies().indicators;
  QStringList indicators;
  for (const std::string& code : s.indicators) {
    const policies::Indicator* i = catalogue.find(code);
    indicators << (i ? QStringLiteral("%1: %2").arg(axis_label(i->axis), qs(i->label_nl))
                     : qs(code))
                      .toHtmlEscaped();
  }
  auto line = [](const QString& label, const QString& value) {
    return QStringLiteral("<tr><td style=\"padding-right:8px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
  };
  QString source = source_label(s.source_kind);
  if (s.source_team) source += QStringLiteral(" (%1)").arg(qs(*s.source_team));
  QString html = QStringLiteral("<h3>%1</h3><table>").arg(qs(s.id).toHtmlEscaped());
  html += line(tr("Ontvangen"), format_date(s.received));
  html += line(tr("Bron"), source);
  html += line(tr("Status"), status_label(s.status));
  if (s.outcome) {
    html += line(tr("Uitkomst"),
                 QStringLiteral("%1 (%2)").arg(outcome_label(*s.outcome), format_date(s.closed)));
  }
  html += line(tr("Vormen"), forms_label(catalogue, s.forms));
  html += line(tr("Minderjarige"), minor_label(s.minor));
  if (s.scale) html += line(tr("Omvang"), scale_label(*s.scale));
  if (s.severity) html += line(tr("Ernst"), severity_label(*s.severity));
  html += line(tr("Betrokkenen"), ids_text(s.person_ids));
  html += line(tr("Zaken"), ids_text(s.case_ids));
  html += QStringLiteral("</table>");
  if (!indicators.isEmpty()) {
    html +=
        QStringLiteral("<p><b>%1</b></p><ul><li>%2</li></ul>")
            .arg(tr("Indicatoren").toHtmlEscaped(), indicators.join(QStringLiteral("</li><li>")));
  }
  auto text_block = [](const QString& label, const std::optional<std::string>& text) {
    if (!text) return QString();
    return QStringLiteral("<p><b>%1</b></p><p style=\"white-space: pre-wrap\">%2</p>")
        .arg(label.toHtmlEscaped(), qs(*text).toHtmlEscaped());
  };
  html += text_block(tr("Aard"), full->nature);
  html += text_block(tr("Relaas"), full->narrative);
  details_->setHtml(html);
}

Page* make_signals_page(AppContext& context, QWidget* parent) {
  return new SignalsPage(context, parent);
}

}  // namespace mk::gui

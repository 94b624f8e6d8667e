#include "gui/disclosures_page.hpp"

#include <QHBoxLayout>
#include <QVBoxLayout>
#include <set>

#include "gui/app_context.hpp"
#include "gui/dutch_format.hpp"
#include "gui/page_widgets.hpp"
#include "service/sharing.hpp"

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

}  // namespace

DisclosuresPage::DisclosuresPage(AppContext& context, QWidget* parent) : Page(context, parent) {
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(registers::make_heading(tr("Verstrekkingen"), this));
  layout->addWidget(
      registers::make_note(tr("Het register van wat aan wie is verstrekt, met welk doel en op "
                              "welke grondslag: veldnamen, aantallen en hashes, geen personen."),
                           this));
  auto* filters = new QHBoxLayout();
  partner_ = new QComboBox(this);
  partner_->setAccessibleName(tr("Partner"));
  partner_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  auto* partner_label = new QLabel(tr("&Partner:"), this);
  partner_label->setBuddy(partner_);
  count_ = new QLabel(this);
  filters->addWidget(partner_label);
  filters->addWidget(partner_);
  filters->addStretch(1);
  filters->addWidget(count_);
  layout->addLayout(filters);

  rows_ = new RowTableModel(
      {tr("Datum"), tr("Partner"), tr("Doel"), tr("Grondslag"), tr("Velden"),
       tr("Gepseudonimiseerd"), tr("Records"), tr("Pakket (SHA-256)"), tr("Nummer")},
      this);
  rows_->set_numeric_column(6);
  view_ = registers::make_table_view(this);
  view_->setModel(rows_);
  view_->setAccessibleName(tr("Verstrekkingen"));
  layout->addWidget(view_, 1);

  connect(partner_, &QComboBox::currentIndexChanged, this, &DisclosuresPage::show_rows);
}

QString DisclosuresPage::title() const {
  return tr("Verstrekkingen");
}

void DisclosuresPage::clear() {
  register_.clear();
  partner_names_.clear();
  const QSignalBlocker block(partner_);
  partner_->clear();
  rows_->clear_rows();
  count_->clear();
}

void DisclosuresPage::refresh() {
  if (!context().is_unlocked()) {
    clear();
    return;
  }
  service::Session& s = context().session();
  Result<std::vector<vault::Disclosure>> list = service::list_disclosures(s);
  const QString chosen = partner_->currentData().toString();
  clear();
  if (!list) {
    count_->setText(registers::status_text(list.status()));
    return;
  }
  register_ = std::move(*list);
  if (Result<std::vector<vault::Partner>> partners = service::list_partners(s)) {
    for (const vault::Partner& p : *partners)
      partner_names_[p.id] = p.name;
  }
  std::set<std::string> ids;
  for (const vault::Disclosure& d : register_)
    ids.insert(d.partner);
  {
    const QSignalBlocker block(partner_);
    partner_->addItem(tr("Alle partners"), QString());
    for (const std::string& id : ids) {
      auto name = partner_names_.find(id);
      partner_->addItem(name == partner_names_.end() ? qs(id) : qs(name->second), qs(id));
    }
    const int again = partner_->findData(chosen);
    partner_->setCurrentIndex(again < 0 ? 0 : again);
  }
  show_rows();
}

void DisclosuresPage::show_rows() {
  const std::string partner = partner_->currentData().toString().toStdString();
  std::vector<TextRow> rows;
  for (const vault::Disclosure& d : register_) {
    if (!partner.empty() && d.partner != partner) continue;
    auto name = partner_names_.find(d.partner);
    const QString who = name == partner_names_.end()
                            ? qs(d.partner)
                            : QStringLiteral("%1 (%2)").arg(qs(name->second), qs(d.partner));
    TextRow row;
    row.cells = {format_instant(d.time),
                 who,
                 qs(d.purpose),
                 qs(d.legal_basis),
                 join(d.fields),
                 join(d.pseudonymised),
                 QString::number(d.record_count),
                 registers::short_hash(d.package_sha256),
                 qs(d.id)};
    row.tooltips = {{},
                    tr("Soort partner: %1").arg(qs(d.partner_kind)),
                    {},
                    qs(d.legal_basis),
                    join(d.fields),
                    join(d.pseudonymised),
                    {},
                    qs(d.package_sha256),
                    tr("Vastgelegd door %1").arg(qs(d.actor))};
    rows.push_back(std::move(row));
  }
  count_->setText(tr("%1 van %2 verstrekkingen").arg(rows.size()).arg(register_.size()));
  rows_->set_rows(std::move(rows));
  registers::fit_columns(view_);
  // A legal basis is a paragraph: the column shows its start, the tooltip all of it.
  constexpr int kBasisColumn = 3;
  const int widest = view_->fontMetrics().horizontalAdvance(QString(48, QLatin1Char('n')));
  if (view_->columnWidth(kBasisColumn) > widest) view_->setColumnWidth(kBasisColumn, widest);
}

Page* make_disclosures_page(AppContext& context, QWidget* parent) {
  return new DisclosuresPage(context, parent);
}

}  // namespace mk::gui

#include "gui/cases_page.hpp"

#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>
#include <set>

#include "gui/app_context.hpp"
#include "gui/case_view.hpp"
#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"
#include "gui/page_widgets.hpp"
#include "gui/record_table.hpp"
#include "service/casework.hpp"
#include "service/retention.hpp"

namespace mk::gui {

CasesPage::CasesPage(AppContext& context, QWidget* parent)
    : Page(context, parent),
      list_(make_record_table({tr("Zaak"), tr("Geopend"), tr("Status"), tr("Bewaarplicht")}, this)),
      error_(new QLabel(this)),
      view_(new CaseView(context, this)) {
  list_->setObjectName(QStringLiteral("cases"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #a40000;"));
  error_->hide();
  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(registers::make_heading(tr("Zaken"), left));
  left_layout->addWidget(list_, 1);
  left_layout->addWidget(error_);
  left->setMinimumWidth(330);  // id, date, status and hold without a scroll bar
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(left);
  splitter->addWidget(view_);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 3);
  splitter->setChildrenCollapsible(false);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);
  connect(list_, &QTableWidget::itemSelectionChanged, this, &CasesPage::show_selected);
  // The view has reloaded itself; the list shows status and hold.
  connect(view_, &CaseView::case_changed, this, [this] { reload_list(); });
}

void CasesPage::refresh() {
  if (!context().is_unlocked()) return clear();
  const QString shown = qs(view_->case_id());
  if (reload_list() && !shown.isEmpty() && qs(view_->case_id()) == shown) view_->reload();
}

bool CasesPage::reload_list() {
  service::Session& s = context().session();
  Result<std::vector<vault::CaseSummary>> cases = service::list_cases(s);
  Result<std::vector<vault::LegalHold>> holds = service::list_holds(s, false);
  const Status failed = !cases ? cases.status() : holds.status();
  error_->setVisible(!failed.is_ok());
  error_->setText(failed.is_ok() ? QString() : registers::status_text(failed));
  if (!failed.is_ok()) return false;
  std::set<std::string> held;
  for (const vault::LegalHold& h : *holds)
    held.insert(h.case_id);
  std::vector<QStringList> rows;
  for (const vault::CaseSummary& c : *cases) {
    rows.push_back({qs(c.id), format_date(c.opened), case_status_words(c.status),
                    held.count(c.id) > 0 ? tr("ja") : QString()});
  }
  const QString current = qs(view_->case_id());
  {
    const QSignalBlocker quiet(list_);
    set_rows(*list_, rows);
  }
  if (current.isEmpty()) return true;
  if (!select_case(current)) {
    view_->clear();
    return false;
  }
  return true;
}

void CasesPage::clear() {
  const QSignalBlocker quiet(list_);
  set_rows(*list_, {});
  view_->clear();
}

void CasesPage::show_example() {
  if (list_->rowCount() > 0 && list_->item(0, 0) != nullptr) select_case(list_->item(0, 0)->text());
}

bool CasesPage::select_case(const QString& id) {
  if (id.isEmpty()) return false;
  for (int r = 0; r < list_->rowCount(); ++r) {
    if (list_->item(r, 0) != nullptr && list_->item(r, 0)->text() == id) {
      {
        const QSignalBlocker quiet(list_);
        list_->selectRow(r);
      }
      if (qs(view_->case_id()) != id) show_selected();
      return true;
    }
  }
  return false;
}

void CasesPage::show_selected() {
  const QString id = selected_key(*list_);
  if (id.isEmpty()) return view_->clear();
  view_->show_case(id.toStdString());
}

Page* make_cases_page(AppContext& context, QWidget* parent) {
  return new CasesPage(context, parent);
}

}  // namespace mk::gui

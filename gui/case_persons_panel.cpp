#include "gui/case_persons_panel.hpp"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "gui/add_person_dialog.hpp"
#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"
#include "gui/record_names.hpp"
#include "gui/record_table.hpp"
#include "service/casework.hpp"

namespace mk::gui {
namespace {

QString field_text(const vault::Person& p, vault::PersonField f) {
  const std::optional<std::string>& v = p.identity.get(f);
  if (!v) return {};
  if (f == vault::PersonField::kDateOfBirth) {
    std::optional<Date> d = Date::parse_iso(*v);
    if (d) return format_date(*d);
  }
  return qs(*v);
}

}  // namespace

CasePersonsPanel::CasePersonsPanel(AppContext& context, QWidget* parent)
    : CasePanel(context, parent),
      table_(make_record_table({tr("Persoon"), tr("Rol"), tr("Naam"), tr("Geboortedatum"),
                                tr("Nationaliteit"), tr("Verwerking beperkt")},
                               this)),
      add_victim_(new QPushButton(tr("&Slachtoffer toevoegen…"), this)),
      share_(new QPushButton(tr("&Persoon delen…"), this)) {
  add_victim_->setObjectName(QStringLiteral("add_victim"));
  share_->setObjectName(QStringLiteral("share_person"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("<b>Personen</b>"), this));
  layout->addWidget(table_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_victim_);
  buttons->addWidget(share_);
  buttons->addStretch();
  layout->addLayout(buttons);
  layout->addWidget(error_label());
  connect(add_victim_, &QPushButton::clicked, this, &CasePersonsPanel::add_victim);
  connect(share_, &QPushButton::clicked, this, [this] {
    const QString id = selected_key(*table_);
    if (!id.isEmpty()) Q_EMIT share_person_requested(id);
  });
  connect(table_, &QTableWidget::itemSelectionChanged, this,
          [this] { share_->setEnabled(!selected_key(*table_).isEmpty()); });
  clear();
}

void CasePersonsPanel::load(const CaseFacts& facts) {
  case_id_ = facts.case_id;
  case_closed_ = facts.closed;
  std::vector<QStringList> rows;
  Status failed;
  for (const std::string& id : facts.person_ids) {
    Result<vault::Person> p = service::show_person(context().session(), id);
    if (!p) {
      failed = p.status();
      rows.push_back({qs(id), {}, tr("(niet te lezen)")});
      continue;
    }
    rows.push_back({qs(id), registers::person_role_text(vault::person_role_name(p->summary.role)),
                    field_text(*p, vault::PersonField::kName),
                    field_text(*p, vault::PersonField::kDateOfBirth),
                    field_text(*p, vault::PersonField::kNationality),
                    registers::yes_no(p->summary.restricted)});
  }
  set_rows(*table_, rows);
  report(failed);
  add_victim_->setEnabled(!case_closed_);
  share_->setEnabled(false);
}

void CasePersonsPanel::clear() {
  case_id_.clear();
  set_rows(*table_, {});
  add_victim_->setEnabled(false);
  share_->setEnabled(false);
}

void CasePersonsPanel::add_victim() {
  if (case_id_.empty()) return;
  AddPersonDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted || !dialog.is_complete()) return;
  service::Session& s = context().session();
  Result<std::string> id = service::add_person(s, vault::PersonRole::kVictim, dialog.identity());
  if (!report(id.status())) return;
  if (!report(service::link_case(s, case_id_, {}, {*id}))) return;
  Q_EMIT changed();
}

}  // namespace mk::gui

#include "gui/case_disclosures_panel.hpp"

#include <QVBoxLayout>
#include <algorithm>

#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"
#include "gui/record_table.hpp"
#include "service/sharing.hpp"

namespace mk::gui {
namespace {

QString joined(const std::vector<std::string>& items) {
  QStringList out;
  for (const std::string& i : items)
    out << qs(i);
  return out.isEmpty() ? QStringLiteral("–") : out.join(QStringLiteral(", "));
}

bool names_any(const std::vector<std::string>& ids, const std::vector<std::string>& wanted) {
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    return std::find(wanted.begin(), wanted.end(), id) != wanted.end();
  });
}

}  // namespace

CaseDisclosuresPanel::CaseDisclosuresPanel(AppContext& context, QWidget* parent)
    : CasePanel(context, parent),
      table_(make_record_table(
          {tr("Verstrekking"), tr("Datum"), tr("Partner"), tr("Doel"), tr("Records"), tr("Velden"),
           tr("Gepseudonimiseerd"), tr("Gegeneraliseerd"), tr("Achtergehouden"), tr("Grondslag")},
          this)) {
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addWidget(error_label());
}

void CaseDisclosuresPanel::load(const CaseFacts& facts) {
  Result<std::vector<vault::Disclosure>> all = service::list_disclosures(context().session());
  if (!report(all.status())) return clear();
  std::vector<QStringList> rows;
  for (const vault::Disclosure& d : *all) {
    const bool about_case = names_any(d.case_ids, {facts.case_id});
    if (!about_case && !names_any(d.person_ids, facts.person_ids)) continue;
    rows.push_back({qs(d.id), format_instant(d.time), qs(d.partner), qs(d.purpose),
                    QString::number(d.record_count), joined(d.fields), joined(d.pseudonymised),
                    joined(d.generalised), joined(d.withheld), qs(d.legal_basis)});
  }
  set_rows(*table_, rows);
}

void CaseDisclosuresPanel::clear() {
  set_rows(*table_, {});
}

}  // namespace mk::gui

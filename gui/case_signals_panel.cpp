#include "gui/case_signals_panel.hpp"

#include <QVBoxLayout>
#include <algorithm>

#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"
#include "gui/record_table.hpp"
#include "gui/signal_labels.hpp"
#include "service/casework.hpp"

namespace mk::gui {
namespace {

QString joined(const std::vector<std::string>& codes) {
  QStringList out;
  for (const std::string& c : codes)
    out << qs(c);
  return out.join(QStringLiteral(", "));
}

}  // namespace

CaseSignalsPanel::CaseSignalsPanel(AppContext& context, QWidget* parent)
    : CasePanel(context, parent),
      table_(make_record_table({tr("Melding"), tr("Ontvangen"), tr("Bron"), tr("Status"),
                                tr("Vormen"), tr("Indicatoren")},
                               this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* heading = new QLabel(tr("<b>Meldingen</b>"), this);
  layout->addWidget(heading);
  layout->addWidget(table_);
  layout->addWidget(error_label());
}

void CaseSignalsPanel::load(const CaseFacts& facts) {
  Result<std::vector<vault::SignalSummary>> all =
      service::list_signals(context().session(), vault::SignalFilter{});
  if (!report(all.status())) return clear();
  std::vector<QStringList> rows;
  for (const vault::SignalSummary& s : *all) {
    if (std::find(facts.signal_ids.begin(), facts.signal_ids.end(), s.id) ==
        facts.signal_ids.end()) {
      continue;
    }
    QString source = source_label(s.source_kind);
    if (s.source_team) source += QStringLiteral(" (%1)").arg(qs(*s.source_team));
    rows.push_back({qs(s.id), format_date(s.received), source, status_label(s.status),
                    joined(s.forms), joined(s.indicators)});
  }
  set_rows(*table_, rows);
}

void CaseSignalsPanel::clear() {
  set_rows(*table_, {});
}

}  // namespace mk::gui

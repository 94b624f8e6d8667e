// How the signal screens name a signal's metadata: Dutch source texts (translated like every
// tr() string), the catalogue's own Dutch labels for forms and indicators.
#pragma once

#include <QString>
#include <string_view>
#include <vector>

#include "policies/indicator_catalogue.hpp"
#include "vault/signal.hpp"

namespace mk::gui {

QString source_label(vault::SourceKind kind);         // "Interne afdeling", "Partner" ...
QString status_label(vault::SignalStatus status);     // "Nieuw", "In beoordeling", "Afgesloten"
QString outcome_label(vault::SignalOutcome outcome);  // "Geen vermoeden" ...
QString minor_label(vault::MinorInvolved minor);      // "Ja", "Nee", "Onbekend"
QString scale_label(vault::Scale scale);              // "Eenmalig" ...
QString severity_label(vault::Severity severity);     // "Laag" ...
QString axis_label(policies::Axis axis);              // "Dwang", "Uitbuiting", "Controlemethoden"
// The catalogue's Dutch label of a form; the code itself when the catalogue does not know it.
QString form_label(const policies::IndicatorCatalogue& catalogue, std::string_view code);
// Form labels joined by ", ".
QString forms_label(const policies::IndicatorCatalogue& catalogue,
                    const std::vector<std::string>& codes);

}  // namespace mk::gui

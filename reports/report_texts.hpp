// The fixed texts of the reports, in Dutch and English, shared by the PDF and CSV renderers.
#pragma once

#include <string>

#include "reports/label.hpp"

namespace mk::reports::texts {

inline const Label kReportTitle{"Rapportage mensenhandel aan de burgemeester",
                                "Human trafficking report to the mayor"};
inline const Label kComplianceTitle{"Verantwoordingsrapport gegevensverwerking",
                                    "Compliance report on data processing"};
inline const Label kMunicipality{"Gemeente", "Municipality"};
inline const Label kPeriod{"Periode", "Period"};
inline const Label kCreated{"Aangemaakt", "Created"};
inline const Label kThreshold{"Drempel", "Threshold"};
inline const Label kWithheld{"Onderdrukt", "Suppressed"};
inline const Label kThresholdReference{"Bron drempel", "Threshold reference"};
inline const Label kRounding{"Afronding", "Rounding"};
inline const Label kPolicyVersion{"Beleidsversie", "Policy version"};
inline const Label kTotal{"Totaal", "Total"};
inline const Label kTotals{"Totalen per rij", "Totals per row"};
inline const Label kTrend{"Verloop over de laatste perioden", "Trend over the last periods"};
inline const Label kPage{"Pagina", "Page"};
inline const Label kOf{"van", "of"};

// What the marker "x" means, for a threshold.
inline Label marker_meaning(int threshold) {
  const std::string t = std::to_string(threshold);
  return {"x: niet getoond; minder dan " + t +
              ", of weggelaten zodat een klein aantal niet uit de totalen is af te leiden",
          "x: not shown; fewer than " + t +
              ", or withheld so that a small count cannot be worked out from the totals"};
}

// The footnote under a table with withheld counts.
inline Label threshold_note(int threshold, const std::string& reference) {
  const Label m = marker_meaning(threshold);
  return {m.nl + ". Drempel " + std::to_string(threshold) + ": " + reference,
          m.en + ". Threshold " + std::to_string(threshold) + ": " + reference};
}

// The note on rounding, for a multiple.
inline Label rounding_note(int multiple, const std::string& reference) {
  const std::string m = std::to_string(multiple);
  return {"Getoonde aantallen zijn naar beneden afgerond op een veelvoud van " + m + " (" +
              reference + ")",
          "Counts shown are rounded down to a multiple of " + m + " (" + reference + ")"};
}

}  // namespace mk::reports::texts

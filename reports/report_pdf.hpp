// The mayor's report as a PDF (A4): a title block, then per main table a heading, the table with
// its totals and a bar chart of the row totals (beside the table, a bar level with each row, when
// there is room; under it otherwise), then the trend as a table and a line chart. Dutch
// by default with the English in smaller type under headings and labels (or English first, or one
// language only). Withheld counts are shown as "x" on a shaded cell, and a footnote under each
// table that has them gives the threshold and its reference. Every page has its number ("Pagina 2
// van 4").
//
// Only a PublishedReport can be rendered, so every count is already suppressed; nothing else goes
// into the file (its metadata: title and creator "Meldkluis").
#pragma once

#include <string>

#include "base/result.hpp"
#include "reports/label.hpp"
#include "reports/report_document.hpp"

namespace mk::reports {

struct PdfOptions {
  Language language = Language::kDutch;
  bool bilingual = true;  // the other language in smaller type under headings and labels
};

// The PDF's bytes. Requires nothing of the caller but a QGuiApplication in the process (see
// offscreen_gui.hpp); without one: kInternal, and nothing is drawn.
Result<std::string> render_report_pdf(const PublishedReport& report,
                                      const PdfOptions& options = {});

}  // namespace mk::reports

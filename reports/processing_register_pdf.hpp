// The register of processing activities (AVG art. 30) as a PDF (A4, like the other reports): a
// title block with the controller, the data protection officer and the activity, then tables:
// purposes with their legal bases, data subjects and their categories of data (special and
// criminal data marked), recipients with the fields they receive, retention rules, security
// measures, and the policy files (and vault) it was made from. Dutch headings first with the
// English under them in smaller type. Every page has its number ("Pagina 2 van 6").
#pragma once

#include <string>

#include "base/result.hpp"
#include "reports/processing_register.hpp"
#include "reports/report_pdf.hpp"

namespace mk::reports {

// The PDF's bytes. Requires a QGuiApplication in the process (see offscreen_gui.hpp); without
// one: kInternal, and nothing is drawn.
Result<std::string> render_processing_register_pdf(const ProcessingRegister& r,
                                                   const PdfOptions& options = {});

}  // namespace mk::reports

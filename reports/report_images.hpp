// The mayor's report as images of its pages, for the screen: drawn by the same code as the PDF
// (report_pdf.hpp), so the app shows exactly the tables and charts the PDF holds. Like the PDF, it
// takes only a PublishedReport: every count is already suppressed.
#pragma once

#include <QImage>
#include <vector>

#include "base/result.hpp"
#include "reports/report_document.hpp"
#include "reports/report_pdf.hpp"

namespace mk::reports {

// One image per page of the PDF, each `width_px` pixels wide (A4's shape), white. Requires a
// QGuiApplication in the process (kInternal otherwise); may run on any thread. kInvalidInput for
// a width below 1.
Result<std::vector<QImage>> render_report_images(const PublishedReport& report, int width_px,
                                                 const PdfOptions& options = {});

}  // namespace mk::reports

#include "reports/report_pdf.hpp"

#include <QBuffer>
#include <QPdfWriter>
#include <algorithm>

#include "reports/charts.hpp"
#include "reports/offscreen_gui.hpp"
#include "reports/pdf_canvas.hpp"
#include "reports/report_images.hpp"
#include "reports/report_texts.hpp"

namespace mk::reports {

namespace {

using pdf::Canvas;
using pdf::GridCell;
using pdf::qs;

const Label kIntro{
    "Dit rapport bevat alleen aantallen over de periode, geteld uit de lopende registratie en uit "
    "de geanonimiseerde statistiek van vernietigde dossiers: geen namen, nummers of vrije tekst. "
    "Kleine aantallen zijn niet getoond (x), zodat niemand herkenbaar is; zie de voetnoot bij "
    "elke tabel.",
    "This report holds counts over the period only, taken from the live records and from the "
    "de-identified statistics of destroyed files: no names, numbers or free text. Small counts are "
    "not shown (x), so that nobody can be recognised; see the footnote under each table."};

GridCell count_cell(const std::optional<std::int64_t>& n, bool bold) {
  GridCell cell{qs(count_text(n)), {}, true, bold, !n.has_value()};
  return cell;
}

// What of a published table the PDF shows: a column of row totals only when there are several
// columns, a row of column totals only when there are several rows (otherwise they repeat the
// cells).
struct Shape {
  bool total_column;
  bool total_row;
};

Shape shape_of(const PublishedTable& t) {
  return {t.columns() > 1, t.has_column_totals && t.rows() > 1};
}

pdf::Grid table_grid(const Canvas& c, const PublishedTable& t) {
  const Shape shape = shape_of(t);
  pdf::Grid g;
  g.header.push_back({c.first(t.row_heading), c.second(t.row_heading)});
  for (const Label& l : t.column_labels)
    g.header.push_back({c.first(l), c.second(l), true});
  if (shape.total_column)
    g.header.push_back({c.first(texts::kTotal), c.second(texts::kTotal), true});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    std::vector<GridCell> row{{c.first(t.row_labels[r]), c.second(t.row_labels[r])}};
    for (const auto& n : t.cells[r])
      row.push_back(count_cell(n, false));
    if (shape.total_column) row.push_back(count_cell(t.row_totals[r], true));
    g.rows.push_back(std::move(row));
  }
  if (shape.total_row) {
    std::vector<GridCell> row{{c.first(texts::kTotal), c.second(texts::kTotal), false, true}};
    for (const auto& n : t.column_totals)
      row.push_back(count_cell(n, true));
    if (shape.total_column) row.push_back(count_cell(t.grand_total, true));
    g.rows.push_back(std::move(row));
    g.total_rows = 1;
  }
  // The label column as wide as its longest label, within limits. Each count column as wide as
  // its labels ask (within limits), or, when they do not all fit, at least as wide as its longest
  // word, sharing what is left equally.
  std::vector<GridCell> first_column;
  for (const auto& row : g.rows)
    first_column.push_back(row.front());
  first_column.push_back(g.header.front());
  double label_w = std::clamp(c.column_width(first_column), c.mm(32), c.width() * 0.42);
  const std::size_t counts = g.header.size() - 1;
  std::vector<double> ideal, least;
  double ideal_sum = 0, least_sum = 0;
  for (std::size_t i = 0; i < counts; ++i) {
    std::vector<GridCell> column{g.header[i + 1]};
    for (const auto& row : g.rows)
      column.push_back(row[i + 1]);
    least.push_back(std::max(c.word_width(column), c.mm(11)));
    ideal.push_back(std::max(std::clamp(c.column_width(column), c.mm(15), c.mm(30)), least.back()));
    ideal_sum += ideal.back();
    least_sum += least.back();
  }
  std::vector<double> widths = ideal;
  if (label_w + ideal_sum > c.width()) {
    label_w = std::max(std::min(label_w, c.width() - least_sum), c.mm(26));
    double spare = c.width() - label_w - least_sum;
    widths = least;
    // Hand out the spare width a little at a time to the columns still below their ideal.
    for (int round = 0; round < 64 && spare > 0.5; ++round) {
      std::size_t wanting = 0;
      for (std::size_t i = 0; i < counts; ++i)
        wanting += widths[i] < ideal[i] ? 1 : 0;
      if (wanting == 0) break;
      const double share = spare / static_cast<double>(wanting);
      for (std::size_t i = 0; i < counts; ++i) {
        const double add = std::min(share, ideal[i] - widths[i]);
        if (add <= 0) continue;
        widths[i] += add;
        spare -= add;
      }
    }
  }
  g.widths.push_back(label_w);
  g.widths.insert(g.widths.end(), widths.begin(), widths.end());
  return g;
}

std::vector<pdf::Bar> bars_of(const Canvas& c, const PublishedTable& t) {
  std::vector<pdf::Bar> bars;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    bars.push_back(
        {c.first(t.row_labels[r]), t.columns() > 1 ? t.row_totals[r] : t.cells[r].front()});
  }
  return bars;
}

double chart_label_width(const Canvas& c, const pdf::Grid& g) {
  return std::min(g.widths.front(), c.mm(60));
}

Label footnote(const PublishedReport& report) {
  return texts::threshold_note(report.threshold, report.threshold_reference);
}

double grid_width(const pdf::Grid& g) {
  double w = 0;
  for (double x : g.widths)
    w += x;
  return w;
}

// A main table: its heading, the table, the bar chart of its row totals (beside the table when
// there is room, aligned with its rows, otherwise under it) and the footnote on withheld counts.
void table_section(Canvas& c, const PublishedReport& report, const PublishedTable& t) {
  const pdf::Grid g = table_grid(c, t);
  const Label note = footnote(report);
  const double gap = c.mm(7);
  const double side = c.width() - grid_width(g) - gap;
  const bool beside = side >= c.mm(45);
  const double chart_h = beside ? 0 : c.mm(6) + pdf::bar_chart_height(c, t.rows());
  const double note_h = t.withheld > 0 ? c.note_height(note, 7) : 0;
  const double whole = c.heading_height(t.title) + c.grid_height(g) + chart_h + note_h;
  c.ensure(whole <= c.page_height() ? whole : c.heading_height(t.title) + c.mm(30));
  c.heading(t.title);
  const pdf::GridLayout layout = c.grid(g);
  if (beside && layout.one_page) {
    pdf::bars_beside(c, layout, c.left() + layout.width + gap, side, bars_of(c, t),
                     c.first(texts::kTotals), c.second(texts::kTotals));
  }
  if (t.withheld > 0) c.note(note, 7);
  if (beside && layout.one_page) return;
  c.ensure(chart_h);
  c.advance(c.mm(1));
  c.paragraph(c.first(texts::kTotals) +
                  (c.second(texts::kTotals).isEmpty() ? "" : " / " + c.second(texts::kTotals)),
              c.font(7, false, true), pdf::kMuted);
  pdf::bar_chart(c, bars_of(c, t), chart_label_width(c, g));
}

void trend_section(Canvas& c, const PublishedReport& report) {
  const PublishedTable& t = report.trend;
  const pdf::Grid g = table_grid(c, t);
  const Label note = footnote(report);
  const double chart_h = pdf::line_chart_height(c, t.rows());
  const double note_h = t.withheld > 0 ? c.note_height(note, 7) : 0;
  const double whole = c.heading_height(t.title) + c.grid_height(g) + chart_h + note_h;
  c.ensure(whole <= c.page_height() ? whole : c.heading_height(t.title) + c.mm(30));
  c.heading(t.title);
  c.grid(g);
  if (t.withheld > 0) c.note(note, 7);
  c.ensure(chart_h);
  std::vector<QString> periods;
  for (const Label& l : t.column_labels)
    periods.push_back(c.first(l));
  std::vector<pdf::Series> series;
  for (std::size_t r = 0; r < t.rows(); ++r)
    series.push_back({c.first(t.row_labels[r]), t.cells[r]});
  pdf::line_chart(c, periods, series);
}

QString document_title(const PublishedReport& report, Language language) {
  return qs(primary(texts::kReportTitle, language) + " " + report.period);
}

// Draws the whole report on `pages`; returns the number of pages.
int draw(const PublishedReport& report, const PdfOptions& options, int total_pages,
         pdf::PageDevice& pages) {
  Canvas c(pages, {options.language, options.bilingual},
           qs("Meldkluis · " + report.municipality + " · " + report.period), total_pages);
  c.title(texts::kReportTitle);
  std::vector<std::pair<Label, QString>> facts = {
      {texts::kMunicipality, qs(report.municipality)},
      {texts::kPeriod, qs(report.period)},
      {texts::kCreated, qs(report.created.to_dutch())},
      {texts::kThreshold, QString::number(report.threshold)},
      {texts::kPolicyVersion, qs(report.policy_hash.substr(0, 16))},
  };
  c.facts(facts);
  c.note(kIntro, 8.5);
  if (report.rounding) {
    c.note(texts::rounding_note(report.rounding->multiple, report.rounding->reference), 8);
  }
  for (const PublishedTable& t : report.tables)
    table_section(c, report, t);
  trend_section(c, report);
  c.finish();
  return c.pages();
}

int draw(const PublishedReport& report, const PdfOptions& options, int total_pages,
         QIODevice& out) {
  QPdfWriter writer(&out);
  writer.setTitle(document_title(report, options.language));
  pdf::PdfPages pages(writer);
  return draw(report, options, total_pages, pages);
}

}  // namespace

Result<std::string> render_report_pdf(const PublishedReport& report, const PdfOptions& options) {
  if (!have_gui_application()) {
    return internal_error("rendering a PDF needs a QGuiApplication (create an OffscreenGui first)");
  }
  QBuffer first;
  first.open(QIODevice::WriteOnly);
  const int pages = draw(report, options, 0, first);
  QBuffer second;
  second.open(QIODevice::WriteOnly);
  if (draw(report, options, pages, second) != pages) {
    return internal_error("the report's pages changed between the two drawing passes");
  }
  const QByteArray& bytes = second.data();
  return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

Result<std::vector<QImage>> render_report_images(const PublishedReport& report, int width_px,
                                                 const PdfOptions& options) {
  if (!have_gui_application()) {
    return internal_error("rendering a report needs a QGuiApplication (create an OffscreenGui)");
  }
  if (width_px < 1) return invalid_input("report images: width must be at least 1 pixel");
  // The page count comes from a pass into a PDF (cheap), as the PDF's own first pass does.
  QBuffer first;
  first.open(QIODevice::WriteOnly);
  const int pages = draw(report, options, 0, first);
  pdf::ImagePages images(width_px);
  draw(report, options, pages, images);
  return images.take();
}

}  // namespace mk::reports

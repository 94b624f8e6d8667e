// The mayor's report as a PDF: a real PDF that poppler draws (pdftoppm) and reads (pdftotext),
// whose first page is not blank, with headings in both languages, suppressed cells marked and
// explained, and page numbers. Set MELDKLUIS_REPORT_SAMPLE_DIR to keep the PDF, the CSV and the
// pages as PNG for a look.
#include "reports/report_pdf.hpp"

#include <QImage>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "report_fixture.hpp"
#include "reports/report_csv.hpp"
#include "support/run_process.hpp"
#include "synthetic_year.hpp"

namespace fs = std::filesystem;
using mk::testing::run_process;

namespace {

mk::reports::PublishedReport quarter_report(int threshold = 5, int multiple = 0) {
  const auto year = mk::testing::synthetic_year();
  auto r = mk::reports::publish_report(mk::testing::quarter_report(year),
                                       mk::testing::reporting_policy(threshold, multiple));
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

std::string render(const mk::reports::PublishedReport& report,
                   const mk::reports::PdfOptions& options = {}) {
  mk::testing::ensure_gui();
  auto pdf = mk::reports::render_report_pdf(report, options);
  INFO(pdf.status().message());
  REQUIRE(pdf.is_ok());
  return std::move(pdf).value();
}

// The PNG files pdftoppm wrote with `prefix`, in page order.
std::vector<fs::path> pages(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".png") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Share of pixels that are not (nearly) white.
double ink(const QImage& image) {
  std::size_t dark = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QRgb p = image.pixel(x, y);
      if (qRed(p) < 235 || qGreen(p) < 235 || qBlue(p) < 235) ++dark;
    }
  }
  return static_cast<double>(dark) / (static_cast<double>(image.width()) * image.height());
}

std::string pdf_text(const std::string& pdf_path) {
  const auto r = run_process({"pdftotext", "-layout", pdf_path, "-"});
  REQUIRE(r.exit_code == 0);
  return r.output;
}

}  // namespace

TEST_CASE("the mayor's report is a PDF that pdftoppm renders, and page 1 is not blank",
          "[reports][pdf]") {
  const auto report = quarter_report();
  const std::string pdf = render(report);
  CHECK(pdf.rfind("%PDF-", 0) == 0);

  mk::testing::ScratchDir dir;
  const std::string path = dir.file("rapportage-2026-Q4.pdf");
  mk::testing::write_file(path, pdf);
  fs::create_directory(dir.path() / "png");
  const auto r = run_process({"pdftoppm", "-png", "-r", "60", path, dir.file("png/page")});
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const auto pngs = pages(dir.path() / "png");
  REQUIRE(pngs.size() >= 2);

  const QImage page1(QString::fromStdString(pngs.front().string()));
  REQUIRE_FALSE(page1.isNull());
  CHECK(page1.width() == 496);  // A4 at 60 dpi: 8.27 in
  CHECK(page1.height() == 702);
  const double share = ink(page1);
  INFO("share of non-white pixels: " << share);
  CHECK(share > 0.03);  // text, a table grid and a bar chart
  CHECK(share < 0.6);

  // A blank page of the same size fails the same check.
  QImage blank(page1.size(), QImage::Format_RGB32);
  blank.fill(Qt::white);
  CHECK(ink(blank) == 0);

  if (const char* keep = std::getenv("MELDKLUIS_REPORT_SAMPLE_DIR")) {
    const fs::path out(keep);
    fs::create_directories(out);
    mk::testing::write_file((out / "report.pdf").string(), pdf);
    mk::testing::write_file((out / "report.csv").string(), mk::reports::render_report_csv(report));
    CHECK(run_process({"pdftoppm", "-png", "-r", "110", path, (out / "report-page").string()})
              .exit_code == 0);
  }
}

TEST_CASE("the report's PDF says what it shows, in Dutch with English under it", "[reports][pdf]") {
  const auto report = quarter_report();
  mk::testing::ScratchDir dir;
  const std::string path = dir.file("r.pdf");
  mk::testing::write_file(path, render(report));
  const std::string text = pdf_text(path);
  const auto count = run_process({"pdfinfo", path});
  REQUIRE(count.exit_code == 0);
  const auto at = count.output.find("Pages:");
  REQUIRE(at != std::string::npos);
  const int n = std::stoi(count.output.substr(at + 6));
  CHECK(n >= 2);
  for (const std::string& s :
       {std::string("Rapportage mensenhandel aan de burgemeester"),
        std::string("Human trafficking report to the mayor"), std::string("Gemeente Rijswijk"),
        std::string("08-01-2027"), std::string("Meldingen naar vorm van uitbuiting"),
        std::string("Signals by form of exploitation"),
        std::string("Hulpverzoeken binnen de normtijd"),
        std::string("Verloop over de laatste vier kwartalen"), std::string("2026-K3"),
        std::string("Drempel 5: Eigen keuze van de"),
        std::string("Pagina 1 van " + std::to_string(n) + " · Page 1 of " + std::to_string(n)),
        std::string("Pagina " + std::to_string(n) + " van " + std::to_string(n))}) {
    INFO(s);
    CHECK(text.find(s) != std::string::npos);
  }
  // The first table's "Total" row as published: withheld counts as x.
  const auto& form = report.tables.front();
  std::string total_row = "Totaal";
  for (const auto& c : form.column_totals)
    total_row += " " + mk::reports::count_text(c);
  total_row += " " + mk::reports::count_text(form.grand_total);
  std::string squeezed;  // the text with runs of spaces made one
  for (char ch : text)
    if (!(ch == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += ch;
  CHECK(squeezed.find(total_row) != std::string::npos);
}

TEST_CASE("the report's PDF in English only", "[reports][pdf]") {
  const auto report = quarter_report(11, 5);
  mk::testing::ScratchDir dir;
  const std::string path = dir.file("r.pdf");
  mk::testing::write_file(path, render(report, {mk::reports::Language::kEnglish, false}));
  const std::string text = pdf_text(path);
  CHECK(text.find("Human trafficking report to the mayor") != std::string::npos);
  CHECK(text.find("Threshold 11") != std::string::npos);
  CHECK(text.find("rounded down to a multiple of 5") != std::string::npos);
  CHECK(text.find("Page 1 of") != std::string::npos);
  CHECK(text.find("Rapportage mensenhandel") == std::string::npos);
  CHECK(text.find("Pagina") == std::string::npos);
}

// The reports page: the mayor's report of a period made on screen (the PDF's own drawing, as page
// images) and saved as PDF and CSV through the service, each save audited.
#include "gui/reports_page.hpp"

#include <QFile>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

#include "gui_fixture.hpp"
#include "page_test_support.hpp"
#include "service/audit.hpp"
#include "service/casework.hpp"

namespace mk::gui {
namespace {

using test::GuiWorld;

// Twenty signals over the third quarter of 2026, in two forms.
void register_quarter(service::Session& s) {
  for (int i = 0; i < 20; ++i) {
    vault::SignalInput in;
    in.received = Date(2026, static_cast<unsigned>(7 + i % 3), static_cast<unsigned>(1 + i));
    in.source_kind = i % 2 == 0 ? vault::SourceKind::kInternalTeam : vault::SourceKind::kPartner;
    in.forms = {i % 4 == 0 ? "sexual" : "labour"};
    Result<std::string> id = service::register_signal(s, in);
    MK_REQUIRE_OK(id);
  }
}

// Pixels that are not white: a drawn page has text, rules and bars.
int inked_pixels(const QImage& image) {
  int inked = 0;
  for (int y = 0; y < image.height(); y += 2) {
    for (int x = 0; x < image.width(); x += 2) {
      if (image.pixelColor(x, y).lightness() < 200) ++inked;
    }
  }
  return inked;
}

QByteArray read_file(const std::filesystem::path& path) {
  QFile f(QString::fromStdString(path.string()));
  REQUIRE(f.open(QIODevice::ReadOnly));
  return f.readAll();
}

int mayor_reports_audited(service::Session& s) {
  Result<std::vector<vault::AuditEntry>> entries = service::list_audit_entries(s, {});
  MK_REQUIRE_OK(entries);
  int n = 0;
  for (const vault::AuditEntry& e : *entries)
    n += e.action == "report.mayor" && e.result == "ok" ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("reports page: makes the period's report on screen and saves PDF and CSV",
          "[gui][reports]") {
  GuiWorld w(Date(2026, 11, 2));
  register_quarter(w.s());
  ReportsPage page(w.context());
  auto log = std::make_shared<test::DialogLog>();
  page.set_dialogs(test::answering_dialogs(log));
  page.refresh();
  // It opens on the quarter of today.
  CHECK(page.period().name() == "2026-Q4");
  REQUIRE(page.select_period(QStringLiteral("2026-Q3")));
  CHECK(page.period().name() == "2026-Q3");
  CHECK_FALSE(page.select_period(QStringLiteral("2026-Q5")));
  // The compliance report is the compliance role's.
  CHECK_FALSE(page.compliance_button()->isVisibleTo(&page));

  QTest::mouseClick(page.make_button(), Qt::LeftButton);
  REQUIRE(log->warnings.isEmpty());
  REQUIRE(page.pages().size() >= 2);
  for (const QImage& p : page.pages()) {
    CHECK(p.width() > 600);
    CHECK(p.height() > p.width());  // A4, upright
    CHECK(inked_pixels(p) > 500);
  }
  CHECK(mayor_reports_audited(w.s()) == 0);  // showing writes nothing

  const std::filesystem::path pdf = w.temp() / "rapportage-2026-Q3.pdf";
  log->save_path = QString::fromStdString(pdf.string());
  QTest::mouseClick(page.save_pdf_button(), Qt::LeftButton);
  REQUIRE(log->warnings.isEmpty());
  CHECK(read_file(pdf).startsWith("%PDF-"));

  const std::filesystem::path csv = w.temp() / "rapportage-2026-Q3.csv";
  log->save_path = QString::fromStdString(csv.string());
  QTest::mouseClick(page.save_csv_button(), Qt::LeftButton);
  REQUIRE(log->warnings.isEmpty());
  const QByteArray text = read_file(csv);
  CHECK(text.contains("Periode,2026-Q3"));
  CHECK(text.contains("\r\n"));
  CHECK(mayor_reports_audited(w.s()) == 2);

  // An existing file is never replaced: the page says so and writes nothing.
  QTest::mouseClick(page.save_csv_button(), Qt::LeftButton);
  REQUIRE(log->warnings.size() == 1);
  CHECK(read_file(csv) == text);
  CHECK(mayor_reports_audited(w.s()) == 2);

  // Cancelling the file dialog does nothing.
  log->save_path.clear();
  QTest::mouseClick(page.save_pdf_button(), Qt::LeftButton);
  CHECK(log->warnings.size() == 1);
  CHECK(mayor_reports_audited(w.s()) == 2);
}

}  // namespace mk::gui

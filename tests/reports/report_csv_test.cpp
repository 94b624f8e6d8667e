// The CSV beside the mayor's report: RFC 4180 (commas, CRLF, quotes only where needed, doubled
// inside), UTF-8, one section per table, withheld counts as "x".
#include "reports/report_csv.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "report_fixture.hpp"
#include "synthetic_year.hpp"

using mk::reports::Language;

namespace {

mk::reports::PublishedTable small_table() {
  auto t = mk::testing::empty_table("referrals_by_partner",
                                    {"Doorverwijzingen per partner", "Referrals per partner"},
                                    {"Partner", "Partner"},
                                    {{"Politie, AVIM", "Police, AVIM"},
                                     {"\"Meld Misdaad Anoniem\"", "\"Crime Stoppers\""},
                                     {"Zorg- en Veiligheidshuis", "Care and Safety House"}},
                                    {{"jul", "Jul"}, {"aug", "Aug"}, {"sep", "Sep"}});
  t.cells = {{6, 2, 9}, {0, 0, 0}, {7, 3, 5}};
  auto p = mk::reports::publish_table(t, mk::testing::reporting_policy(5));
  REQUIRE(p.is_ok());
  return std::move(p).value();
}

}  // namespace

TEST_CASE("a table's CSV section, exactly", "[reports][csv]") {
  const auto t = small_table();
  // 2 and 3 are small and share a column; each of their rows needs a second withheld count: 6
  // and 7, the cheapest pair (9 and 5 would withhold 14).
  CHECK(mk::reports::render_table_csv(t) ==
        "Doorverwijzingen per partner\r\n"
        "Partner,jul,aug,sep,Totaal\r\n"
        "\"Politie, AVIM\",x,x,9,17\r\n"
        "\"\"\"Meld Misdaad Anoniem\"\"\",0,0,0,0\r\n"
        "Zorg- en Veiligheidshuis,x,x,5,15\r\n"
        "Totaal,13,5,14,32\r\n");
  CHECK(mk::reports::render_table_csv(t, Language::kEnglish) ==
        "Referrals per partner\r\n"
        "Partner,Jul,Aug,Sep,Total\r\n"
        "\"Police, AVIM\",x,x,9,17\r\n"
        "\"\"\"Crime Stoppers\"\"\",0,0,0,0\r\n"
        "Care and Safety House,x,x,5,15\r\n"
        "Total,13,5,14,32\r\n");
}

TEST_CASE("CSV fields are quoted only when RFC 4180 asks for it", "[reports][csv]") {
  CHECK(mk::reports::csv_field("Coördinator") == "Coördinator");
  CHECK(mk::reports::csv_field("a,b") == "\"a,b\"");
  CHECK(mk::reports::csv_field("zeg \"nee\"") == "\"zeg \"\"nee\"\"\"");
  CHECK(mk::reports::csv_field("twee\r\nregels") == "\"twee\r\nregels\"");
  CHECK(mk::reports::csv_field("") == "");
}

TEST_CASE("the report's CSV has a header and a section per table", "[reports][csv]") {
  const auto year = mk::testing::synthetic_year();
  auto report = mk::reports::publish_report(mk::testing::quarter_report(year),
                                            mk::testing::reporting_policy(5));
  REQUIRE(report.is_ok());
  const std::string csv = mk::reports::render_report_csv(*report);
  const std::string hash = report->policy_hash;
  CHECK(csv.rfind("Rapportage mensenhandel aan de burgemeester\r\n"
                  "Gemeente,Gemeente Rijswijk\r\n"
                  "Periode,2026-Q4\r\n"
                  "Aangemaakt,2027-01-08\r\n"
                  "Drempel,5\r\n"
                  "Onderdrukt,x,\"x: niet getoond; minder dan 5, of weggelaten zodat een klein "
                  "aantal niet uit de totalen is af te leiden\"\r\n"
                  "Bron drempel,Eigen keuze van de gemeente voor de interne rapportage; IOM CTDC "
                  "publiceert met k = 11\r\n"
                  "Beleidsversie," +
                      hash + "\r\n\r\nMeldingen naar vorm van uitbuiting\r\n",
                  0) == 0);
  // Every table's section, in order, each after an empty record.
  std::size_t at = 0;
  for (const auto& t : report->tables) {
    at = csv.find("\r\n\r\n" + t.title.nl + "\r\n", at);
    CHECK(at != std::string::npos);
  }
  CHECK(csv.find("\r\n\r\nVerloop over de laatste vier kwartalen\r\n", at) != std::string::npos);
  // Withheld counts are there as "x", every line ends in CRLF, and nothing else ends a line.
  CHECK(csv.find(",x") != std::string::npos);
  std::size_t lf = 0, crlf = 0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '\n') {
      ++lf;
      if (i > 0 && csv[i - 1] == '\r') ++crlf;
    }
  }
  CHECK(lf == crlf);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  // The CSV shows exactly the counts the published report shows: the first table's first row.
  const auto& form = report->tables.front();
  std::string first_row = form.row_labels[0].nl;
  for (const auto& n : form.cells[0])
    first_row += "," + mk::reports::count_text(n);
  first_row += "," + mk::reports::count_text(form.row_totals[0]) + "\r\n";
  CHECK(csv.find("\r\n" + first_row) != std::string::npos);
}

TEST_CASE("rounding is stated in the CSV", "[reports][csv]") {
  const auto year = mk::testing::synthetic_year();
  auto report = mk::reports::publish_report(mk::testing::quarter_report(year),
                                            mk::testing::reporting_policy(5, 10));
  REQUIRE(report.is_ok());
  const std::string csv = mk::reports::render_report_csv(*report, Language::kEnglish);
  CHECK(csv.find("\r\nRounding,10,Naar beneden afgerond\r\n") != std::string::npos);
  CHECK(csv.rfind("Human trafficking report to the mayor\r\nMunicipality,Gemeente Rijswijk\r\n",
                  0) == 0);
}

// meldkluis import csv through the real binary: a sheet with bad rows is refused with the report
// (row, column, reason; no cell values) and exit 3, and nothing is written; --dry-run writes
// nothing; the good sheet imports whole.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli_harness.hpp"
#include "service/legacy_sheet.hpp"

using namespace mk::cli_test;
using namespace mk::legacy_test;
using mk::json::Value;

namespace {

const std::string kCanary = "Kanarie";

std::string dutch_mapping() {
  return (std::filesystem::path(MELDKLUIS_SOURCE_DIR) / "policies" / "csv_import_nl.json").string();
}

// 40 rows; five of them wrong, each wrong cell carrying the canary where it can.
std::vector<std::vector<std::string>> bad_rows(const Sheet& sheet) {
  std::vector<std::vector<std::string>> rows = sheet.rows;
  rows[3][kReceived] = "31-02-2021";                 // row 5
  rows[9][kForms] = "arbeid; " + kCanary + "vogel";  // row 11
  rows[14][kSource] = kCanary + " huisarts";         // row 16
  rows[20][kReceived] = "15-06-2022";                // row 22: closed before received
  rows[20][kStatus] = "afgesloten";
  rows[20][kOutcome] = "doorverwezen";
  rows[20][kClosed] = "01-06-2022";
  std::string long_text;
  while (long_text.size() <= 20000)
    long_text += kCanary + " zag het. ";
  rows[33][kNarrative] = long_text;  // row 35
  return rows;
}

std::size_t signal_count(const VaultFixture& v) {
  return parse_json(v.ok({"--json", "signal", "list"})).as_array().size();
}

}  // namespace

TEST_CASE("import csv: bad rows are reported, exit 3, nothing imported; then the good sheet") {
  VaultFixture v;
  Sheet sheet = make_sheet(40);
  const std::string bad = v.file("oud-register-fout.csv", to_csv(bad_rows(sheet)));
  const std::string good = v.file("oud-register.csv", to_csv(sheet.rows));
  const std::string map = dutch_mapping();

  Snapshot before = snapshot(v.dir());
  RunResult r = v.run({"import", "csv", bad, "--mapping", map});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("5 problem(s) in 5 row(s); nothing was imported") != std::string::npos);
  // The report: one line per problem with row, column and reason.
  CHECK(r.out.find("RIJ/ROW") != std::string::npos);
  for (const std::string& line : {
           std::string("5        Datum melding     is not a date written dd-mm-jjjj or jjjj-mm-dd"),
           std::string(
               "11       Vorm              item 2 is not one of the mapping's words for forms"),
           std::string(
               "16       Bron              is not one of the mapping's words for source_kind"),
           std::string("22       Datum afgesloten  lies before the received date"),
           std::string("35       Omschrijving      is longer than 20000 characters"),
       }) {
    CHECK(r.out.find(line) != std::string::npos);
  }
  CHECK(r.out.find(kCanary) == std::string::npos);
  CHECK(r.err.find(kCanary) == std::string::npos);
  CHECK(r.out.find("31-02-2021") == std::string::npos);
  CHECK(snapshot(v.dir()) == before);

  // The same as JSON.
  RunResult j = v.run({"--json", "import", "csv", bad, "--mapping", map});
  CHECK(j.exit_code == 3);
  Value report = parse_json(j.out);
  CHECK(report.find("result")->as_string() == "refused");
  CHECK(report.find("rows")->as_integer() == 40);
  const mk::json::Array& problems = report.find("problems")->as_array();
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].find("row")->as_integer() == 5);
  CHECK(problems[0].find("column")->as_string() == "Datum melding");
  CHECK(problems[4].find("row")->as_integer() == 35);
  CHECK(problems[4].find("reason")->as_string() == "is longer than 20000 characters");
  CHECK(report.find("signal_ids")->as_array().empty());
  CHECK(j.out.find(kCanary) == std::string::npos);
  CHECK(snapshot(v.dir()) == before);

  // A dry run of the good sheet checks and writes nothing.
  RunResult dry = v.run({"import", "csv", good, "--mapping", map, "--dry-run"});
  INFO("dry stderr: " << dry.err);
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.find("Problemen / Problems") != std::string::npos);
  CHECK(dry.err.find("Dry run: 40 row(s) valid, nothing was imported") != std::string::npos);
  CHECK(snapshot(v.dir()) == before);
  Value checked =
      parse_json(v.ok({"--json", "import", "csv", good, "--mapping", map, "--dry-run"}));
  CHECK(checked.find("result")->as_string() == "checked");
  CHECK(checked.find("problems")->as_array().empty());
  CHECK(checked.find("closed")->as_integer() == static_cast<std::int64_t>(sheet.closed));
  CHECK(snapshot(v.dir()) == before);
  CHECK(signal_count(v) == 0);

  // The import itself.
  Value done = parse_json(v.ok({"--json", "import", "csv", good, "--mapping", map}));
  CHECK(done.find("result")->as_string() == "imported");
  CHECK(done.find("signal_ids")->as_array().size() == 40);
  CHECK(done.find("reporter_ids")->as_array().size() == sheet.reporters);
  CHECK(signal_count(v) == 40);
  Value audit = parse_json(v.ok({"--json", "audit", "log"}));
  std::size_t imports = 0;
  for (const Value& e : audit.as_array()) {
    if (e.find("action")->as_string() == "import.csv") ++imports;
  }
  CHECK(imports == 1);
  CHECK(v.ok({"audit", "verify"}).find("OK") != std::string::npos);
}

TEST_CASE("import csv: usage, missing files, a bad mapping and a file that is not CSV") {
  VaultFixture v;
  const std::string good = v.file("oud.csv", to_csv(make_sheet(3).rows));
  Snapshot before = snapshot(v.dir());

  RunResult no_mapping = v.run({"import", "csv", good});
  CHECK(no_mapping.exit_code == 2);
  CHECK(no_mapping.err.find("--mapping") != std::string::npos);
  CHECK(v.run({"import", "csv", "--mapping", dutch_mapping()}).exit_code == 2);

  RunResult missing =
      v.run({"import", "csv", (v.temp() / "weg.csv").string(), "--mapping", dutch_mapping()});
  CHECK(missing.exit_code == 4);
  RunResult missing_map =
      v.run({"import", "csv", good, "--mapping", (v.temp() / "weg.json").string()});
  CHECK(missing_map.exit_code == 4);

  const std::string bad_map =
      v.file("koppeling.json", "{\"format\": \"meldkluis-csv-import/1\", \"felds\": []}");
  RunResult mapping = v.run({"import", "csv", good, "--mapping", bad_map});
  CHECK(mapping.exit_code == 3);
  CHECK(mapping.err.find("koppeling.json:1:47: unknown key \"felds\" in mapping") !=
        std::string::npos);

  const std::string broken = v.file("kapot.csv", to_csv({}) + "1;\"" + kCanary + "\"x;2\r\n");
  RunResult not_csv = v.run({"import", "csv", broken, "--mapping", dutch_mapping()});
  CHECK(not_csv.exit_code == 3);
  CHECK(not_csv.err.find("row 2, column 2 (line 2): text after the closing quote") !=
        std::string::npos);
  CHECK(not_csv.err.find(kCanary) == std::string::npos);
  CHECK(snapshot(v.dir()) == before);

  RunResult help = v.run({"import", "csv", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--dry-run") != std::string::npos);
}

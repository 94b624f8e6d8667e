// meldkluis report and report compliance through the real binary: files written (never replaced),
// the compliance slot's report, bad input refused, and no identity in what is written.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_harness.hpp"
#include "support/run_process.hpp"

using namespace mk::cli_test;

namespace {

const std::string kCanaryName = "Kanarie Rapportage-Testpersoon";
const std::string kCanaryBsn = "725763863";
const std::string kFgPassphrase = "Functionaris Gegevensbescherming\n";

std::string text_of_pdf(const std::filesystem::path& pdf) {
  mk::testing::ProcessResult r =
      mk::testing::run_process({"pdftotext", "-layout", pdf.string(), "-"});
  REQUIRE(r.exit_code == 0);
  return r.output;
}

void check_clean(const std::string& text, const std::vector<std::string>& ids) {
  CHECK(text.find(kCanaryName) == std::string::npos);
  CHECK(text.find(kCanaryBsn) == std::string::npos);
  CHECK(text.find("Kanarie") == std::string::npos);
  for (const std::string& id : ids)
    CHECK(text.find(id) == std::string::npos);
}

// A victim with a canary name and twelve signals over January to November 2026, the first three
// about her.
std::vector<std::string> some_signals(VaultFixture& v) {
  std::vector<std::string> ids;
  ids.push_back(first_line(v.ok({"person", "add", "--role", "victim", "--name", kCanaryName,
                                 "--dob", "1990-05-17", "--bsn", kCanaryBsn})));
  const char* sources[] = {"internal_team", "partner", "resident", "anonymous"};
  for (int i = 0; i < 12; ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "2026-%02d-%02d", i % 11 + 1, i + 1);
    std::vector<std::string> args = {
        "signal",   "add",          "--received", date,
        "--source", sources[i % 4], "--form",     i % 2 ? "labour" : "sexual"};
    if (i < 3) {
      args.push_back("--person");
      args.push_back(ids.front());
    }
    ids.push_back(first_line(v.ok(args)));
  }
  return ids;
}

}  // namespace

TEST_CASE("cli report: the mayor's report as PDF and CSV, never replacing a file") {
  VaultFixture v;
  const std::vector<std::string> ids = some_signals(v);
  const auto pdf = v.temp() / "rapportage.pdf";
  const auto csv = v.temp() / "rapportage.csv";
  const std::string out =
      v.ok({"report", "--period", "2026", "--out", pdf.string(), "--csv", csv.string()});
  CHECK(out.find("2026") != std::string::npos);
  const std::string text = text_of_pdf(pdf);
  CHECK(text.find("Meldingen naar bron en afloop") != std::string::npos);
  check_clean(text, ids);
  const std::string table = read_file(csv);
  CHECK(table.find("Periode,2026") != std::string::npos);
  // Twelve signals, three a source: every count of a source is below 5 and withheld.
  CHECK(table.find("Anoniem,0,0,0,0,0,x,x") != std::string::npos);
  check_clean(table, ids);
  const std::string log = v.ok({"audit", "log"});
  CHECK(log.find("report.mayor") != std::string::npos);

  // An existing file: exit 11, and nothing is written.
  const auto other = v.temp() / "ander.pdf";
  RunResult again =
      v.run({"report", "--period", "2026", "--out", other.string(), "--csv", csv.string()});
  CHECK(again.exit_code == 11);
  CHECK_FALSE(std::filesystem::exists(other));
}

TEST_CASE("cli report: bad input is refused and writes nothing") {
  VaultFixture v;
  const auto pdf = v.temp() / "r.pdf";
  CHECK(v.run({"report", "--period", "2026-Q5", "--out", pdf.string()}).exit_code == 3);
  CHECK(v.run({"report", "--out", pdf.string()}).exit_code == 2);
  CHECK(v.run({"report", "--period", "2026"}).exit_code == 2);
  CHECK(v.run({"report", "jaarverslag", "--out", pdf.string()}).exit_code == 2);
  CHECK(v.run({"report", "compliance", "--period", "2026", "--out", pdf.string()}).exit_code == 2);
  CHECK(
      v.run({"report", "--period", "2026", "--json", "x.json", "--out", pdf.string()}).exit_code ==
      2);
  CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("cli report compliance: the compliance slot writes PDF and JSON without identities") {
  VaultFixture v;
  const std::vector<std::string> ids = some_signals(v);
  std::string fg_pass = v.file("fg-passphrase", kFgPassphrase);
  v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", fg_pass,
        "--kdf-ms", "1"});
  const auto pdf = v.temp() / "verantwoording.pdf";
  const auto json = v.temp() / "verantwoording.json";
  RunResult r = run_cli({"--vault", v.dir().string(), "--passphrase-file", fg_pass, "--slot", "fg",
                         "report", "compliance", "--out", pdf.string(), "--json", json.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = text_of_pdf(pdf);
  CHECK(text.find("fg") != std::string::npos);
  check_clean(text, ids);
  const std::string j = read_file(json);
  CHECK(j.find("\"verified\": true") != std::string::npos);
  check_clean(j, ids);
  const std::string log = v.ok({"audit", "log"});
  CHECK(log.find("report.compliance") != std::string::npos);
}

// The compliance officer's report: checked, then written as JSON and as a PDF.
#include "reports/compliance_report.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/json.hpp"
#include "report_fixture.hpp"
#include "support/run_process.hpp"

using mk::reports::ComplianceReport;

namespace {

mk::Instant at(const char* text) {
  mk::Instant t;
  REQUIRE(mk::parse_instant(text, t));
  return t;
}

ComplianceReport sample() {
  ComplianceReport r;
  r.municipality = "Gemeente Rijswijk";
  r.created = at("2027-01-08T09:15:00Z");
  r.disclosures = {
      {"Politie Haaglanden (AVIM)", "AVG art. 6(1)(e); UAVG art. 33", 14},
      {"CoMensha", "AVG art. 6(1)(a) en art. 9(2)(a): schriftelijke toestemming", 6},
      {"SHOP", "AVG art. 6(1)(e); art. 9(2)(g)", 9},
  };
  r.retention = {4, 1, 2};
  r.audit.verified = true;
  r.audit.detail = "1204 regels; consistent met het bewaarde checkpoint";
  r.audit.last_checkpoint = mk::reports::CheckpointInfo{
      1204, "5fa34d0e2c4b9d81a7c3e9f0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0",
      at("2027-01-08T09:14:58Z")};
  r.key_slots = {{"coordinator-1", "coordinator"},
                 {"coordinator-2", "coordinator"},
                 {"fg", "compliance"},
                 {"recovery", "recovery"}};
  return r;
}

}  // namespace

TEST_CASE("the compliance report as JSON", "[reports][compliance]") {
  const auto text = mk::reports::render_compliance_json(sample());
  REQUIRE(text.is_ok());
  const auto parsed = mk::json::parse(*text);
  REQUIRE(parsed.is_ok());
  const mk::json::Value& v = *parsed;
  CHECK(v.find("format")->as_string() == "meldkluis-compliance-report/1");
  CHECK(v.find("created")->as_string() == "2027-01-08T09:15:00Z");
  CHECK(v.find("disclosures")->as_array().size() == 3);
  CHECK(v.find("disclosures")->as_array()[1].find("count")->as_integer() == 6);
  CHECK(v.find("disclosures_total")->as_integer() == 29);
  CHECK(v.find("retention")->find("overdue")->as_integer() == 1);
  const mk::json::Value* audit = v.find("audit");
  CHECK(audit->find("verified")->as_bool());
  CHECK(audit->find("last_checkpoint")->find("size")->as_integer() == 1204);
  CHECK(audit->find("last_checkpoint")->find("root_hash")->as_string().size() == 64);
  CHECK(v.find("key_slots")->as_array()[2].find("role")->as_string() == "compliance");

  ComplianceReport none = sample();
  none.audit.last_checkpoint.reset();
  none.audit.verified = false;
  const auto t2 = mk::reports::render_compliance_json(none);
  REQUIRE(t2.is_ok());
  CHECK(t2->find("\"last_checkpoint\": null") != std::string::npos);
  CHECK(t2->find("\"verified\": false") != std::string::npos);
}

TEST_CASE("a malformed compliance report is refused", "[reports][compliance]") {
  ComplianceReport r = sample();
  r.disclosures.push_back(r.disclosures.front());
  auto out = mk::reports::render_compliance_json(r);
  REQUIRE_FALSE(out.is_ok());
  CHECK(
      out.status().message() ==
      "compliance report: disclosure line 4: the same partner and legal basis as an earlier line");

  r = sample();
  r.retention.overdue = 5;
  CHECK(mk::reports::validate_compliance_report(r).message() ==
        "compliance report: more subjects overdue than due");

  r = sample();
  r.audit.last_checkpoint->root_hash = "5FA34D0E";
  CHECK(mk::reports::validate_compliance_report(r).code() == mk::Code::kInvalidInput);

  r = sample();
  r.key_slots[0].name = "";
  CHECK(mk::reports::validate_compliance_report(r).message() ==
        "compliance report: key slot 1: name: must not be empty");

  r = sample();
  r.disclosures[0].count = -1;
  mk::testing::ensure_gui();
  auto pdf = mk::reports::render_compliance_pdf(r);
  REQUIRE_FALSE(pdf.is_ok());
  CHECK(pdf.status().message() == "compliance report: disclosure line 1: count is negative");
}

TEST_CASE("the compliance report as a PDF", "[reports][compliance]") {
  mk::testing::ensure_gui();
  ComplianceReport r = sample();
  r.audit.verified = false;
  auto pdf = mk::reports::render_compliance_pdf(r);
  INFO(pdf.status().message());
  REQUIRE(pdf.is_ok());
  CHECK(pdf->rfind("%PDF-", 0) == 0);
  mk::testing::ScratchDir dir;
  const std::string path = dir.file("compliance.pdf");
  mk::testing::write_file(path, *pdf);
  const auto text = mk::testing::run_process({"pdftotext", "-layout", path, "-"});
  REQUIRE(text.exit_code == 0);
  for (const char* s : {"Verantwoordingsrapport gegevensverwerking", "Politie Haaglanden (AVIM)",
                        "UAVG art. 33", "29", "MISLUKT / FAILED", "1204 regels", "5fa34d0e2c4b9d81",
                        "coordinator-2", "Functionaris gegevensbescherming", "Pagina 1 van 1"}) {
    INFO(s);
    CHECK(text.output.find(s) != std::string::npos);
  }
  // The root hash is shown by its prefix only.
  CHECK(text.output.find("5fa34d0e2c4b9d81a7") == std::string::npos);
  if (const char* keep = std::getenv("MELDKLUIS_REPORT_SAMPLE_DIR")) {
    mk::testing::write_file(std::string(keep) + "/compliance.pdf", *pdf);
  }
}

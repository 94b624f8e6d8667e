// The register of processing activities as JSON (members in the documented order) and as a PDF
// (every partner, rule and measure drawn; marks and unconfirmed texts shown; page numbers).
#include "reports/processing_register.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/json.hpp"
#include "report_fixture.hpp"
#include "reports/processing_register_pdf.hpp"
#include "support/run_process.hpp"

using mk::reports::ProcessingRegister;

namespace {

// pdftotext breaks long cells over lines; compare with all white space squeezed to one space.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

ProcessingRegister sample() {
  ProcessingRegister r;
  REQUIRE(mk::parse_instant("2026-11-29T09:00:00Z", r.generated));
  r.controller = {"Gemeente Zoetermeer", "Stadhuisplein 1, 2711 EC Zoetermeer",
                  "meldpunt@zoetermeer.invalid", false};
  r.dpo = {"Functionaris gegevensbescherming", "", "fg@zoetermeer.invalid", true};
  r.activity = {"Centraal meldpunt mensenhandel", "Central reporting point for human trafficking"};
  r.description = {"Registratie en coördinatie van signalen.", "Registration and coordination."};
  r.third_countries = "Geen / None";
  r.purposes = {{"core",
                 {"Registratie en coördinatie", "Registration and coordination"},
                 "AVG art. 6(1)(e)",
                 "Bestuurlijke Aanpak Mensenhandel (2021)",
                 {"victim", "suspect"},
                 {}},
                {"shop/care_referral",
                 {"Doorverwijzing", "Referral"},
                 "AVG art. 6(1)(e), 9(2)(g)",
                 "Rijswijk 2021, Pijler 3",
                 {"victim"},
                 {"shop/care_referral"}}};
  mk::reports::SubjectCategory suspect{"suspect", {"Verdachte", "Suspect"}, {}};
  suspect.data.push_back({"identity",
                          {"Identiteitsgegevens", "Identity data"},
                          {{"name", true}, {"date_of_birth", true}},
                          {},
                          mk::reports::DataMark{"AVG art. 10", "verdachte van art. 273f Sr"}});
  mk::reports::SubjectCategory victim{"victim", {"Slachtoffer", "Victim"}, {}};
  victim.data.push_back({"signal",
                         {"Meldingsgegevens", "Signal data"},
                         {{"signal.forms", false}, {"signal.narrative", true}},
                         mk::reports::DataMark{"AVG art. 9", "seksleven en gezondheid"},
                         {}});
  r.subjects = {victim, suspect};
  mk::reports::RegisterRecipient shop;
  shop.id = "shop/care_referral";
  shop.partner = "shop";
  shop.kind = "care_coordination";
  shop.name = {"SHOP Den Haag", "SHOP The Hague"};
  shop.purpose = {"Doorverwijzing", "Referral"};
  shop.legal_basis = "AVG art. 6(1)(e), 9(2)(g)";
  shop.legal_basis_reference = "Rijswijk 2021";
  shop.minors = "refuse";
  shop.roles = {{"victim", {{"name", "include"}, {"address", "generalise"}}}};
  shop.record_fields = {"signal.forms"};
  shop.special = mk::reports::DataMark{"AVG art. 9", "slachtoffers met vormen"};
  mk::reports::RegisterRecipient police = shop;
  police.id = "police/report";
  police.partner = "police";
  police.kind = "police";
  police.name = {"Politie Haaglanden (AVIM)", "Police"};
  police.roles = {{"suspect", {{"name", "include"}}}};
  police.special.reset();
  police.criminal = mk::reports::DataMark{"AVG art. 10", "verdachten"};
  r.recipients = {shop, police};
  for (int i = 0; i < 25; ++i) {
    mk::reports::RegisterRetention rule;
    rule.id = "regel-" + std::to_string(i);
    rule.record_class = "person";
    rule.roles = {"victim"};
    rule.trigger = "closed";
    rule.period = "P" + std::to_string(i + 1) + "Y";
    rule.action = "shred";
    rule.reference = "VNG Selectielijst gemeenten 2020, 19.1";
    rule.confirmed = i % 2 == 0;
    r.retention.push_back(rule);
  }
  r.measures = {{"core_dumps_off",
                 {"Geen core dumps", "Core dumps off"},
                 "RLIMIT_CORE = 0",
                 "SECURITY.md, Rules the code keeps"}};
  r.policy_files = {{"sharing.json", std::string(64, 'a')}};
  r.vault = mk::reports::VaultMetadata{"0123456789abcdef0123456789abcdef",
                                       9,
                                       {{"coordinator", 2}, {"compliance", 1}, {"recovery", 1}}};
  return r;
}

}  // namespace

TEST_CASE("the processing register as JSON, in the documented order", "[reports][register]") {
  const std::string text = mk::reports::render_processing_register_json(sample());
  const auto parsed = mk::json::parse(text);
  REQUIRE(parsed.is_ok());
  std::vector<std::string> keys;
  for (const mk::json::Member& m : parsed->as_object())
    keys.push_back(m.first);
  CHECK(keys == std::vector<std::string>{"format", "generated", "controller", "dpo", "activity",
                                         "purposes", "data_subjects", "recipients", "retention",
                                         "security_measures", "policy_files", "vault"});
  const mk::json::Value& v = *parsed;
  CHECK(v.find("generated")->as_string() == "2026-11-29T09:00:00Z");
  CHECK(v.find("controller")->find("confirmed")->as_bool() == false);
  CHECK(v.find("dpo")->find("address") == nullptr);
  const mk::json::Value& shop = v.find("recipients")->as_array()[0];
  CHECK(shop.find("criminal")->is_null());
  CHECK(shop.find("special")->find("article")->as_string() == "AVG art. 9");
  CHECK(shop.find("roles")->as_array()[0].find("fields")->as_array()[1].find("fate")->as_string() ==
        "generalise");
  CHECK(shop.find("consent")->find("self_from_age") == nullptr);
  CHECK(v.find("retention")->as_array()[0].find("note")->is_null());
  CHECK(v.find("vault")->find("key_slots_by_role")->find("coordinator")->as_integer() == 2);
  // The same register gives the same bytes.
  CHECK(mk::reports::render_processing_register_json(sample()) == text);
}

TEST_CASE("the processing register as a PDF", "[reports][register]") {
  mk::testing::ensure_gui();
  auto pdf = mk::reports::render_processing_register_pdf(sample());
  INFO(pdf.status().message());
  REQUIRE(pdf.is_ok());
  CHECK(pdf->rfind("%PDF-", 0) == 0);
  mk::testing::ScratchDir dir;
  const std::string path = dir.file("register.pdf");
  mk::testing::write_file(path, *pdf);
  const auto text = mk::testing::run_process({"pdftotext", path, "-"});
  REQUIRE(text.exit_code == 0);
  const std::string flat = squeezed(text.output);
  for (const char* s :
       {"Register van verwerkingsactiviteiten", "Gemeente Zoetermeer", "NIET BEVESTIGD",
        "SHOP Den Haag", "Politie Haaglanden (AVIM)", "AVG art. 10", "regel-0", "regel-24", "P25Y",
        "Geen core dumps", "signal.narrative*", "address (gegeneraliseerd)", "coordinator: 2",
        "Pagina 1 van"}) {
    INFO(s);
    CHECK(flat.find(s) != std::string::npos);
  }
  // Twenty-five rules do not fit on one page with the rest.
  CHECK(text.output.find("Pagina 2 van") != std::string::npos);
  if (const char* keep = std::getenv("MELDKLUIS_REPORT_SAMPLE_DIR")) {
    mk::testing::write_file(std::string(keep) + "/processing-register.pdf", *pdf);
  }
}

TEST_CASE("the processing register in English only", "[reports][register]") {
  mk::testing::ensure_gui();
  ProcessingRegister r = sample();
  r.vault.reset();
  auto pdf =
      mk::reports::render_processing_register_pdf(r, {mk::reports::Language::kEnglish, false});
  REQUIRE(pdf.is_ok());
  mk::testing::ScratchDir dir;
  const std::string path = dir.file("register-en.pdf");
  mk::testing::write_file(path, *pdf);
  const auto text = mk::testing::run_process({"pdftotext", "-layout", path, "-"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.output.find("Record of processing activities") != std::string::npos);
  CHECK(text.output.find("Made without a vault") != std::string::npos);
  CHECK(text.output.find("Register van verwerkingsactiviteiten") == std::string::npos);
}

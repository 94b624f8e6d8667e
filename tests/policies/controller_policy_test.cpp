// The controller file (policies/controller.json): the shipped file and the documentation's
// example load; invalid files are refused with kPolicyInvalid and the documented reason
// (docs/policies/controller.md).
#include "policies/controller_policy.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "policies/policy_file.hpp"

using mk::Code;
using mk::policies::ControllerPolicy;
using mk::policies::parse_controller_policy;

namespace {

const std::string kValid = R"json({
  "format": "meldkluis-controller/1",
  "controller": {
    "name": "Gemeente Delft",
    "address": "Stadhuis, Markt 87, 2611 GS Delft",
    "contact": "meldpunt.mensenhandel@delft.invalid",
    "confirmed": true
  },
  "dpo": {"name": "FG gemeente Delft", "contact": "fg@delft.invalid", "confirmed": false},
  "activity": {
    "name_nl": "Centraal meldpunt mensenhandel",
    "name_en": "Central reporting point for human trafficking",
    "description_nl": "Registratie van signalen.",
    "description_en": "Registration of signals.",
    "core_purpose_nl": "Registratie en coördinatie van signalen",
    "core_purpose_en": "Registration and coordination of signals",
    "legal_basis": "AVG art. 6(1)(e)",
                  "legal_basis_reference" : "Bestuurlijke Aanpak Mensenhandel (2021)",
                  "third_countries" : "Geen"
}
})json";

// `kValid` with `from` replaced by `to` (which must occur once).
std::string with(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

std::string refusal(const std::string& text) {
  auto p = parse_controller_policy(text, "controller.json");
  REQUIRE_FALSE(p.is_ok());
  CHECK(p.status().code() == Code::kPolicyInvalid);
  return p.status().message();
}

}  // namespace

TEST_CASE("a controller file loads with its parties and activity", "[policies][controller]") {
  auto p = parse_controller_policy(kValid, "controller.json");
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  CHECK(p->controller().name == "Gemeente Delft");
  CHECK(p->controller().confirmed);
  CHECK(p->dpo().contact == "fg@delft.invalid");
  CHECK_FALSE(p->dpo().confirmed);
  CHECK(p->activity().core_purpose_en == "Registration and coordination of signals");
  CHECK(p->activity().third_countries == "Geen");
  CHECK(p->hash().size() == 64);
  CHECK(p->file() == "controller.json");
}

TEST_CASE("the shipped controller file is a marked placeholder", "[policies][controller]") {
  auto p = mk::policies::load_controller_policy(MELDKLUIS_SOURCE_DIR "/policies/controller.json");
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  CHECK(p->controller().name == "Gemeente Voorbeeldstad");
  CHECK_FALSE(p->controller().confirmed);
  CHECK(p->activity().name_nl == "Centraal meldpunt mensenhandel");
}

TEST_CASE("the controller documentation's example is a valid file", "[policies][controller]") {
  const auto doc =
      mk::policies::read_policy_file(MELDKLUIS_SOURCE_DIR "/docs/policies/controller.md");
  REQUIRE(doc.is_ok());
  const std::string open = "```json\n";
  const auto begin = doc->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc->find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto p =
      parse_controller_policy(doc->substr(begin + open.size(), end - begin - open.size()), "doc");
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  CHECK(p->controller().name == "Gemeente Rijswijk");
}

TEST_CASE("an invalid controller file is refused with the documented reason",
          "[policies][controller]") {
  CHECK(refusal(with("meldkluis-controller/1", "meldkluis-sharing/1")) ==
        "controller.json:2:13: unknown format \"meldkluis-sharing/1\" (expected "
        "\"meldkluis-controller/1\")");
  CHECK(refusal(with("meldkluis-controller/1", "meldkluis-controller/2")) ==
        "controller.json:2:13: unsupported format version \"meldkluis-controller/2\" (this "
        "Meldkluis reads \"meldkluis-controller/1\")");
  CHECK(refusal(with("\"format\": \"meldkluis-controller/1\",",
                     "\"format\": \"meldkluis-controller/1\", \"partners\": [],")) ==
        "controller.json:2:51: unknown key \"partners\" in policy (allowed keys: format, note, "
        "controller, dpo, activity)");
  CHECK(refusal(with("\"dpo\": {\"name\": \"FG gemeente Delft\", \"contact\": "
                     "\"fg@delft.invalid\", \"confirmed\": false},",
                     "")) == "controller.json:1:1: missing key \"dpo\" in policy");
  CHECK(
      refusal(with("\"confirmed\": true", "\"confirmed\": \"ja\"")) ==
      "controller.json:7:18: \"confirmed\" of \"controller\" must be true or false, found string");
  CHECK(refusal(with(",\n    \"confirmed\": true", "")) ==
        "controller.json:3:17: missing key \"confirmed\" in \"controller\"");
  CHECK(refusal(with("\"legal_basis\": \"AVG art. 6(1)(e)\"", "\"legal_basis\": \"\"")) ==
        "controller.json:17:20: \"legal_basis\" of \"activity\" must not be empty");
  CHECK(refusal(with("\"Geen\"", "\"Geen\", \"retention\": \"P5Y\"")) ==
        "controller.json:19:60: unknown key \"retention\" in \"activity\" (allowed keys: name_nl, "
        "name_en, description_nl, description_en, core_purpose_nl, core_purpose_en, legal_basis, "
        "legal_basis_reference, third_countries)");
}

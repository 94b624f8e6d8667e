// Loading valid catalogues: the lookups, the hash, the example in the format documentation.
#include "policies/indicator_catalogue.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policies/policy_file.hpp"

using mk::policies::Axis;
using mk::policies::IndicatorCatalogue;
using mk::policies::load_indicator_catalogue;
using mk::policies::parse_indicator_catalogue;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/indicators/";

std::string read(const std::string& path) {
  auto text = mk::policies::read_policy_file(path);
  REQUIRE(text.is_ok());
  return std::move(text).value();
}

IndicatorCatalogue parse_ok(std::string_view text) {
  auto r = parse_indicator_catalogue(text, "test.json");
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

std::vector<std::string> codes_of(const std::vector<const mk::policies::Indicator*>& v) {
  std::vector<std::string> out;
  for (const auto* i : v)
    out.push_back(i->code);
  return out;
}

}  // namespace

TEST_CASE("a minimal valid catalogue loads with every field", "[policies][indicators]") {
  const auto r = load_indicator_catalogue(kDir + "valid_minimal.json");
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  const IndicatorCatalogue& c = *r;

  REQUIRE(c.forms().size() == 1);
  CHECK(c.forms()[0].code == "labour");
  CHECK(c.forms()[0].label_nl == "Arbeidsuitbuiting");
  CHECK(c.forms()[0].label_en == "Labour exploitation");
  CHECK(c.forms()[0].reference == "Art. 273f Sr");
  CHECK(c.forms()[0].htcds == "ForcedLabour");

  REQUIRE(c.groups().size() == 1);
  CHECK(c.groups()[0].code == "coercion");
  CHECK(c.groups()[0].axis == Axis::kCoercion);
  CHECK(c.groups()[0].label_nl == "Signalen van dwang");
  CHECK(c.groups()[0].label_en == "Signs of coercion");

  REQUIRE(c.indicators().size() == 2);
  const auto* v = c.find("coercion.violence");
  REQUIRE(v != nullptr);
  CHECK(v->group == "coercion");
  CHECK(v->axis == Axis::kCoercion);
  CHECK(v->label_nl == "Het dwingen door geweld of dreigen met geweld");
  CHECK(v->label_en == "Coercion by violence or the threat of violence");
  CHECK(v->reference == "Rijswijk Bestuurlijke Aanpak Mensenhandel 2021, h. 1, Dwang");
  CHECK(v->htcds == "Threats");
  CHECK(c.find("coercion.imposed_debts")->htcds.empty());
}

TEST_CASE("lookups by code", "[policies][indicators]") {
  const auto r = load_indicator_catalogue(kDir + "valid_minimal.json");
  REQUIRE(r.is_ok());
  const IndicatorCatalogue& c = *r;
  CHECK(c.is_known("coercion.violence"));
  CHECK_FALSE(c.is_known("coercion"));           // a group, not an indicator
  CHECK_FALSE(c.is_known("Coercion.Violence"));  // codes are exact
  CHECK_FALSE(c.is_known(""));
  CHECK(c.find("coercion.nope") == nullptr);
  CHECK(c.find_group("coercion") != nullptr);
  CHECK(c.find_group("labour") == nullptr);
  CHECK(c.is_known_form("labour"));
  CHECK_FALSE(c.is_known_form("sexual"));
  CHECK(codes_of(c.indicators_of("coercion")) ==
        std::vector<std::string>{"coercion.violence", "coercion.imposed_debts"});
  CHECK(c.indicators_of("nope").empty());
  CHECK(c.groups_on(Axis::kCoercion).size() == 1);
  CHECK(c.groups_on(Axis::kControl).empty());
}

TEST_CASE("axis names", "[policies][indicators]") {
  for (Axis a : {Axis::kCoercion, Axis::kExploitation, Axis::kControl}) {
    CHECK(mk::policies::parse_axis(mk::policies::axis_name(a)) == a);
  }
  CHECK_FALSE(mk::policies::parse_axis("Coercion").has_value());
  CHECK_FALSE(mk::policies::parse_axis("").has_value());
}

TEST_CASE("the hash is the SHA-256 of the exact bytes", "[policies][indicators]") {
  // Known answer, computed independently (sha256sum / Python hashlib).
  const std::string text =
      R"({"format":"meldkluis-indicators/1","forms":[{"code":"other","label_nl":"Anders",)"
      R"("label_en":"Other","reference":"R"}],"groups":[{"code":"g","axis":"control",)"
      R"("label_nl":"G","label_en":"G","reference":"R"}],"indicators":[{"code":"g.x",)"
      R"("group":"g","label_nl":"X","label_en":"X","reference":"R"}]})";
  CHECK(parse_ok(text).hash() ==
        "0223427ad33bbca11d8bf8ac333a86ddd5152d56d14bff5090c2746721e52f47");

  const auto r = load_indicator_catalogue(kDir + "valid_minimal.json");
  REQUIRE(r.is_ok());
  CHECK(r->hash() == "746f0eab797ae694fd7c0b17da048d584ce556aaae69f809a46ea64c487e49eb");
}

TEST_CASE("the format documentation's example is a valid catalogue", "[policies][indicators]") {
  const std::string doc = read(MELDKLUIS_SOURCE_DIR "/docs/policies/indicators.md");
  const std::string open = "```json\n";
  const auto begin = doc.find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const IndicatorCatalogue c = parse_ok(doc.substr(begin + open.size(), end - begin - open.size()));
  CHECK(c.forms().size() == 2);
  CHECK(c.groups().size() == 2);
  CHECK(c.indicators().size() == 2);
  CHECK(c.find("htcds.debt_bondage")->axis == Axis::kControl);
}

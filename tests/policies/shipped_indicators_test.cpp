// The catalogue Meldkluis ships, policies/indicators.json: it loads, holds the four lists with
// their published counts, and its hash follows every byte.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "policies/htcds.hpp"
#include "policies/indicator_catalogue.hpp"
#include "policies/policy_file.hpp"

using mk::policies::Axis;
using mk::policies::IndicatorCatalogue;

namespace {

const std::string kShipped = MELDKLUIS_SOURCE_DIR "/policies/indicators.json";

IndicatorCatalogue load_shipped() {
  auto r = mk::policies::load_indicator_catalogue(kShipped);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

std::string shipped_text() {
  auto text = mk::policies::read_policy_file(kShipped);
  REQUIRE(text.is_ok());
  return std::move(text).value();
}

}  // namespace

TEST_CASE("the shipped catalogue has the four lists in order", "[policies][indicators][shipped]") {
  const IndicatorCatalogue c = load_shipped();
  REQUIRE(c.groups().size() == 4);
  CHECK(c.groups()[0].code == "coercion");
  CHECK(c.groups()[0].axis == Axis::kCoercion);
  CHECK(c.groups()[1].code == "exploitation");
  CHECK(c.groups()[1].axis == Axis::kExploitation);
  CHECK(c.groups()[2].code == "labour");
  CHECK(c.groups()[2].axis == Axis::kExploitation);
  CHECK(c.groups()[3].code == "htcds");
  CHECK(c.groups()[3].axis == Axis::kControl);

  CHECK(c.indicators_of("coercion").size() == 5);       // Rijswijk h. 1, Dwang
  CHECK(c.indicators_of("exploitation").size() == 10);  // Rijswijk h. 1, Uitbuiting
  CHECK(c.indicators_of("labour").size() == 12);        // Nederlandse Arbeidsinspectie
  CHECK(c.indicators_of("htcds").size() == 17);         // HTCDS v2.0 methods of control
  CHECK(c.indicators().size() == 44);
  CHECK(c.groups_on(Axis::kCoercion).size() == 1);
  CHECK(c.groups_on(Axis::kExploitation).size() == 2);
}

TEST_CASE("the shipped catalogue's HTCDS list is the whole standard list",
          "[policies][indicators][shipped]") {
  const IndicatorCatalogue c = load_shipped();
  std::set<std::string> named;
  for (const auto* i : c.indicators_of("htcds")) {
    INFO(i->code);
    CHECK_FALSE(i->htcds.empty());
    named.insert(i->htcds);
  }
  const auto all = mk::policies::htcds::methods_of_control();
  CHECK(named == std::set<std::string>(all.begin(), all.end()));
  REQUIRE(c.find("htcds.debt_bondage") != nullptr);
  CHECK(c.find("htcds.debt_bondage")->htcds == "DebtBondage");
}

TEST_CASE("the shipped catalogue's forms and sample entries", "[policies][indicators][shipped]") {
  const IndicatorCatalogue c = load_shipped();
  REQUIRE(c.forms().size() == 5);
  const char* forms[] = {"sexual", "labour", "criminal", "organ_removal", "other"};
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(c.forms()[i].code == forms[i]);
  CHECK(c.find_form("organ_removal")->htcds == "OrganRemoval");
  CHECK(c.find_form("criminal")->htcds.empty());  // HTCDS has no criminal exploitation type

  // Rijswijk's wording, verbatim (first letter capitalised).
  CHECK(c.find("coercion.violence")->label_nl == "Het dwingen door geweld of dreigen met geweld");
  CHECK(c.find("exploitation.passport_withheld")->label_nl ==
        "Niet beschikken over het eigen paspoort of de eigen reisdocumenten");
  CHECK(c.find("exploitation.family_blackmail")->label_nl ==
        "Het voorkomen van chantage, afpersing of bedreiging binnen de familie");
  CHECK(c.find("labour.long_hours")->label_nl == "Structureel lange werkdagen moeten maken");
  for (const auto& i : c.indicators()) {
    INFO(i.code);
    CHECK(i.code.rfind(i.group + ".", 0) == 0);  // the convention the shipped file keeps
  }
}

TEST_CASE("the shipped catalogue's hash follows every byte", "[policies][indicators][shipped]") {
  const std::string text = shipped_text();
  const IndicatorCatalogue c = load_shipped();
  CHECK(c.hash().size() == 64);
  CHECK(c.hash().find_first_not_of("0123456789abcdef") == std::string::npos);

  auto hash_of = [](const std::string& t) {
    auto r = mk::policies::parse_indicator_catalogue(t, "policies/indicators.json");
    INFO(r.status().message());
    REQUIRE(r.is_ok());
    return r->hash();
  };
  CHECK(hash_of(text) == c.hash());

  std::string edited = text;
  const auto at = edited.find("Angst voor uitzetting");
  REQUIRE(at != std::string::npos);
  edited[at] = 'a';  // one byte of one label
  CHECK(hash_of(edited) != c.hash());

  std::string no_newline = text;
  REQUIRE(no_newline.back() == '\n');
  no_newline.pop_back();  // white space only: same content, another version
  CHECK(hash_of(no_newline) != c.hash());
}

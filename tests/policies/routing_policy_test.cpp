// Routing suggestions from a valid routing policy: a rule suggests when all its conditions hold
// (any of its forms, any of its indicators, the flags), in file order, each partner/purpose once.
#include "policies/routing_policy.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policies/indicator_catalogue.hpp"
#include "policies/policy_file.hpp"
#include "policies/sharing_policy.hpp"

using mk::policies::RoutingFacts;
using mk::policies::RoutingPolicy;
using mk::policies::RoutingSuggestion;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/routing/";

RoutingPolicy load(const std::string& path) {
  const auto sharing = mk::policies::load_sharing_policy(MELDKLUIS_TEST_DATA_DIR
                                                         "/policies/sharing/valid_full.json");
  REQUIRE(sharing.is_ok());
  const auto catalogue =
      mk::policies::load_indicator_catalogue(MELDKLUIS_SOURCE_DIR "/policies/indicators.json");
  REQUIRE(catalogue.is_ok());
  std::vector<std::string> forms, indicators;
  for (const auto& f : catalogue->forms())
    forms.push_back(f.code);
  for (const auto& i : catalogue->indicators())
    indicators.push_back(i.code);
  auto r = mk::policies::load_routing_policy(path, sharing->targets(), forms, indicators);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

// "rule -> partner/purpose" for each suggestion, in order.
std::vector<std::string> routes(const RoutingPolicy& p, const RoutingFacts& facts) {
  std::vector<std::string> out;
  for (const RoutingSuggestion& s : p.suggest(facts))
    out.push_back(s.rule + " -> " + s.partner + "/" + s.purpose);
  return out;
}

using Routes = std::vector<std::string>;

}  // namespace

TEST_CASE("a valid routing policy loads", "[policies][routing]") {
  const RoutingPolicy p = load(kDir + "valid_full.json");
  CHECK(p.file() == kDir + "valid_full.json");
  CHECK(p.rule_count() == 4);
  CHECK(p.hash().size() == 64);

  RoutingFacts facts;
  facts.forms = {"sexual"};
  const auto s = p.suggest(facts);
  REQUIRE(s.size() == 2);
  CHECK(s[0].rule == "sexual.shop");
  CHECK(s[0].partner == "shop");
  CHECK(s[0].purpose == "care_referral");
  CHECK(s[0].reason_nl == "Seksuele uitbuiting: zorgcoördinatie voor het slachtoffer");
  CHECK(s[0].reason_en == "Sexual exploitation: care coordination for the victim");
  CHECK(s[0].reference == "Gemeente Rijswijk, Bestuurlijke Aanpak Mensenhandel (2021), pijler 3");
}

TEST_CASE("routing suggests by form, indicator and flag", "[policies][routing]") {
  const RoutingPolicy p = load(kDir + "valid_full.json");
  RoutingFacts facts;

  SECTION("nothing known: nothing suggested") {
    CHECK(p.suggest(facts).empty());
  }
  SECTION("any of a rule's forms") {
    facts.forms = {"labour", "criminal"};
    CHECK(routes(p, facts) == Routes{"report.police -> police/report"});
  }
  SECTION("a form no rule names") {
    facts.forms = {"organ_removal"};
    CHECK(p.suggest(facts).empty());
  }
  SECTION("a flag that must be false") {
    facts.forms = {"sexual"};
    facts.minor = true;
    CHECK(routes(p, facts) == Routes{"report.police -> police/report"});
  }
  SECTION("each partner and purpose once, with the first rule's reason") {
    facts.forms = {"criminal"};
    facts.has_victim = true;
    CHECK(routes(p, facts) == Routes{"report.police -> police/report"});
    facts.forms.clear();
    CHECK(routes(p, facts) == Routes{"victim.police -> police/report"});
  }
  SECTION("every condition of a rule must hold") {
    facts.indicators = {"exploitation.works_for_third_party"};
    CHECK(p.suggest(facts).empty());  // no suspect
    facts.has_suspect = true;
    CHECK(routes(p, facts) == Routes{"organised.zvh -> zvh/case_consultation"});
    facts.indicators = {"labour.long_hours"};  // not one of the rule's indicators
    CHECK(p.suggest(facts).empty());
  }
  SECTION("suggestions in file order") {
    facts.forms = {"sexual"};
    facts.indicators = {"exploitation.travel_arranged"};
    facts.has_suspect = true;
    facts.has_victim = true;
    CHECK(routes(p, facts) == Routes{"sexual.shop -> shop/care_referral",
                                     "report.police -> police/report",
                                     "organised.zvh -> zvh/case_consultation"});
  }
}

TEST_CASE("the routing format documentation's example is a valid policy", "[policies][routing]") {
  const auto sharing =
      mk::policies::load_sharing_policy(MELDKLUIS_SOURCE_DIR "/policies/sharing.json");
  REQUIRE(sharing.is_ok());
  const auto catalogue =
      mk::policies::load_indicator_catalogue(MELDKLUIS_SOURCE_DIR "/policies/indicators.json");
  REQUIRE(catalogue.is_ok());
  std::vector<std::string> forms, indicators;
  for (const auto& f : catalogue->forms())
    forms.push_back(f.code);
  for (const auto& i : catalogue->indicators())
    indicators.push_back(i.code);

  const auto doc = mk::policies::read_policy_file(MELDKLUIS_SOURCE_DIR "/docs/policies/routing.md");
  REQUIRE(doc.is_ok());
  const std::string open = "```json\n";
  const auto begin = doc->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc->find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto r = mk::policies::parse_routing_policy(
      doc->substr(begin + open.size(), end - begin - open.size()), "routing.md", sharing->targets(),
      forms, indicators);
  INFO(r.status().message());
  REQUIRE(r.is_ok());

  RoutingFacts facts;
  facts.forms = {"labour"};
  facts.minor = true;
  CHECK(routes(*r, facts) == Routes{"labour.arbeidsinspectie -> arbeidsinspectie/labour_signal",
                                    "minor.veilig_thuis -> veilig_thuis/report"});
  facts.has_suspect = true;
  facts.indicators = {"exploitation.works_for_third_party"};
  CHECK(routes(*r, facts).size() == 3);
}

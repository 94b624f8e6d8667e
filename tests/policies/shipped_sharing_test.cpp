// The disclosure and routing policies Meldkluis ships, policies/sharing.json and
// policies/routing.json: they load (routing against the shipped sharing policy and indicator
// catalogue), the seven partners are there with the rules their references give, and the routing
// suggestions are the documented ones.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policies/indicator_catalogue.hpp"
#include "policies/routing_policy.hpp"
#include "policies/sharing_policy.hpp"

using mk::Date;
using mk::policies::ConsentFact;
using mk::policies::ConsentSigner;
using mk::policies::FieldFate;
using mk::policies::MinorsRule;
using mk::policies::PersonFacts;
using mk::policies::RoutingFacts;
using mk::policies::RoutingPolicy;
using mk::policies::SharingPolicy;

namespace {

const std::string kPolicies = MELDKLUIS_SOURCE_DIR "/policies/";

SharingPolicy load_sharing() {
  auto r = mk::policies::load_sharing_policy(kPolicies + "sharing.json");
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

RoutingPolicy load_routing(const SharingPolicy& sharing) {
  const auto catalogue = mk::policies::load_indicator_catalogue(kPolicies + "indicators.json");
  REQUIRE(catalogue.is_ok());
  std::vector<std::string> forms, indicators;
  for (const auto& f : catalogue->forms())
    forms.push_back(f.code);
  for (const auto& i : catalogue->indicators())
    indicators.push_back(i.code);
  auto r = mk::policies::load_routing_policy(kPolicies + "routing.json", sharing.targets(), forms,
                                             indicators);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

const Date kToday{2026, 3, 14};

PersonFacts person(const char* role, const Date& born) {
  PersonFacts p;
  p.role = role;
  p.date_of_birth = born;
  return p;
}

FieldFate fate(const mk::policies::PersonVerdict& v, std::string_view field) {
  for (const auto& [name, f] : v.fields) {
    if (name == field) return f;
  }
  FAIL("no field " << field);
  return FieldFate::kWithhold;
}

std::vector<std::string> targets(const RoutingPolicy& p, const RoutingFacts& facts) {
  std::vector<std::string> out;
  for (const auto& s : p.suggest(facts))
    out.push_back(s.partner + "/" + s.purpose);
  return out;
}

using Targets = std::vector<std::string>;

}  // namespace

TEST_CASE("the shipped sharing policy names the seven partners", "[policies][sharing][shipped]") {
  const SharingPolicy p = load_sharing();
  std::vector<std::string> ids, kinds;
  for (const auto& partner : p.partners()) {
    ids.push_back(partner.id);
    kinds.push_back(partner.kind);
    CHECK_FALSE(partner.purposes.empty());
    CHECK(partner.purposes.size() <= 2);
  }
  CHECK(ids == std::vector<std::string>{"shop", "comensha", "police", "arbeidsinspectie",
                                        "veilig_thuis", "zvh", "riec"});
  CHECK(kinds == std::vector<std::string>{"care_coordination", "registration", "police",
                                          "labour_inspection", "child_protection", "safety_house",
                                          "riec"});
}

TEST_CASE("the shipped sharing policy never sends a BSN or a reporter",
          "[policies][sharing][shipped]") {
  const SharingPolicy p = load_sharing();
  for (const auto& partner : p.partners()) {
    for (const auto& purpose : partner.purposes) {
      INFO(partner.id + "/" + purpose.id);
      CHECK(purpose.find_role("reporter") == nullptr);
      CHECK(purpose.find_role("other") == nullptr);
      for (const auto& role : purpose.roles) {
        for (const auto& [field, f] : role.fields) {
          if (field == "bsn") CHECK(f == FieldFate::kWithhold);
        }
      }
    }
  }
}

TEST_CASE("shipped: CoMensha registers identities with consent, signed from 16",
          "[policies][sharing][shipped]") {
  const SharingPolicy p = load_sharing();
  const auto* reg = p.find_purpose("comensha", "registration");
  REQUIRE(reg != nullptr);
  CHECK(reg->consent.required);
  CHECK(reg->consent.self_from_age == 16);
  CHECK(reg->minors == MinorsRule::kAllow);

  PersonFacts victim = person("victim", Date(2010, 9, 1));  // 15
  CHECK(p.decide("comensha", "registration", victim, kToday).refusal ==
        "no consent recorded for comensha/registration");
  ConsentFact c;
  c.partner = "comensha";
  c.purpose = "registration";
  c.signer = ConsentSigner::kParent;
  c.given = Date(2026, 3, 2);
  victim.consents.push_back(c);
  const auto v = p.decide("comensha", "registration", victim, kToday);
  REQUIRE(v.allowed);
  CHECK(fate(v, "name") == FieldFate::kInclude);
  CHECK(fate(v, "date_of_birth") == FieldFate::kInclude);
  CHECK(fate(v, "nationality") == FieldFate::kInclude);
  CHECK(fate(v, "bsn") == FieldFate::kWithhold);
  CHECK(fate(v, "address") == FieldFate::kGeneralise);
  CHECK(fate(v, "phone") == FieldFate::kWithhold);
  // Consent is not needed for the other partners.
  for (const auto& partner : p.partners()) {
    for (const auto& purpose : partner.purposes) {
      if (partner.id != "comensha") CHECK_FALSE(purpose.consent.required);
    }
  }
}

TEST_CASE("shipped: minors go to Veilig Thuis, the police and CoMensha only",
          "[policies][sharing][shipped]") {
  const SharingPolicy p = load_sharing();
  const PersonFacts minor = person("victim", Date(2009, 4, 1));  // 16
  for (const char* target : {"shop/care_referral", "arbeidsinspectie/labour_signal",
                             "zvh/case_consultation", "riec/administrative_approach"}) {
    INFO(target);
    const std::string t = target;
    const auto v = p.decide(t.substr(0, t.find('/')), t.substr(t.find('/') + 1), minor, kToday);
    CHECK_FALSE(v.allowed);
    CHECK(v.refusal.rfind("minors are not sent to " + t + " (see ", 0) == 0);
  }
  CHECK(p.decide("veilig_thuis", "report", minor, kToday).allowed);
  CHECK(p.decide("police", "report", minor, kToday).allowed);
}

TEST_CASE("shipped: pseudonyms where the partner needs no identity",
          "[policies][sharing][shipped]") {
  const SharingPolicy p = load_sharing();
  const PersonFacts victim = person("victim", Date(1996, 8, 12));
  const PersonFacts suspect = person("suspect", Date(1984, 2, 3));

  for (const char* partner : {"zvh", "riec", "arbeidsinspectie"}) {
    INFO(partner);
    const auto* purpose = &p.find_partner(partner)->purposes.at(0);
    const auto v = p.decide(partner, purpose->id, victim, kToday);
    REQUIRE(v.allowed);
    CHECK(fate(v, "name") == FieldFate::kPseudonymise);
    CHECK(fate(v, "date_of_birth") == FieldFate::kGeneralise);
    CHECK(fate(v, "phone") == FieldFate::kWithhold);
  }
  // The Zorg- en Veiligheidshuis sees suspects pseudonymised too; the RIEC and the
  // Arbeidsinspectie identify them for their own approach.
  CHECK(fate(p.decide("zvh", "case_consultation", suspect, kToday), "name") ==
        FieldFate::kPseudonymise);
  CHECK(fate(p.decide("riec", "administrative_approach", suspect, kToday), "name") ==
        FieldFate::kInclude);
  CHECK(fate(p.decide("arbeidsinspectie", "labour_signal", suspect, kToday), "name") ==
        FieldFate::kInclude);
  // SHOP cares for victims, not suspects.
  CHECK(p.decide("shop", "care_referral", suspect, kToday).refusal ==
        "role suspect is not shared for shop/care_referral");
  CHECK(fate(p.decide("shop", "care_referral", victim, kToday), "phone") == FieldFate::kInclude);
}

TEST_CASE("the shipped routing policy suggests the documented partners",
          "[policies][routing][shipped]") {
  const SharingPolicy sharing = load_sharing();
  const RoutingPolicy p = load_routing(sharing);
  RoutingFacts facts;

  SECTION("sexual exploitation: SHOP and the police") {
    facts.forms = {"sexual"};
    CHECK(targets(p, facts) == Targets{"shop/care_referral", "police/report"});
  }
  SECTION("labour exploitation: the Arbeidsinspectie and SHOP") {
    facts.forms = {"labour"};
    CHECK(targets(p, facts) == Targets{"arbeidsinspectie/labour_signal", "shop/care_referral"});
  }
  SECTION("a minor: Veilig Thuis, not SHOP") {
    facts.forms = {"sexual"};
    facts.minor = true;
    CHECK(targets(p, facts) == Targets{"police/report", "veilig_thuis/report"});
  }
  SECTION("criminal exploitation and organ removal: the police") {
    facts.forms = {"criminal"};
    CHECK(targets(p, facts) == Targets{"police/report"});
    facts.forms = {"organ_removal"};
    CHECK(targets(p, facts) == Targets{"police/report"});
  }
  SECTION("a suspect and signs of organised crime: the RIEC") {
    facts.forms = {"other"};
    facts.indicators = {"labour.long_hours", "exploitation.works_for_third_party"};
    CHECK(targets(p, facts).empty());  // no suspect known
    facts.has_suspect = true;
    const auto s = p.suggest(facts);
    REQUIRE(s.size() == 1);
    CHECK(s[0].partner == "riec");
    CHECK(s[0].purpose == "administrative_approach");
    CHECK(s[0].rule == "organised_crime.riec");
    // Every suggestion is a partner and purpose the sharing policy defines.
    CHECK(sharing.find_purpose(s[0].partner, s[0].purpose) != nullptr);
  }
  SECTION("every shipped suggestion carries its reason and reference") {
    facts.forms = {"sexual", "labour", "criminal", "organ_removal"};
    facts.indicators = {"htcds.debt_bondage"};
    facts.has_suspect = true;
    const auto all = p.suggest(facts);
    CHECK(all.size() == 4);  // shop, police, arbeidsinspectie, riec (no minor)
    for (const auto& s : all) {
      CHECK_FALSE(s.reason_nl.empty());
      CHECK_FALSE(s.reason_en.empty());
      CHECK_FALSE(s.reference.empty());
    }
  }
}

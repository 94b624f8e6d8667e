// Loading a valid sharing policy and deciding with it: every field read, the order of the checks
// (restriction, role, minors, consent), consent by age and signer, withdrawal, and the fate of
// every person field in the fixed order.
#include "policies/sharing_policy.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policies/policy_file.hpp"

using mk::Date;
using mk::policies::ConsentFact;
using mk::policies::ConsentSigner;
using mk::policies::FieldFate;
using mk::policies::load_sharing_policy;
using mk::policies::MinorsRule;
using mk::policies::parse_sharing_policy;
using mk::policies::PersonFacts;
using mk::policies::PersonVerdict;
using mk::policies::SharingPolicy;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/sharing/";

Date d(const char* iso) {
  const auto date = Date::parse_iso(iso);
  REQUIRE(date.has_value());
  return *date;
}

SharingPolicy load(const std::string& path) {
  auto r = load_sharing_policy(path);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

SharingPolicy parse_ok(std::string_view text) {
  auto r = parse_sharing_policy(text, "test.json");
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

const Date kToday{2026, 3, 14};

// A victim born on `born` (nullptr: unknown).
PersonFacts victim(const char* born) {
  PersonFacts p;
  p.role = "victim";
  if (born != nullptr) p.date_of_birth = d(born);
  return p;
}

ConsentFact consent(ConsentSigner signer, const char* given, const char* withdrawn = nullptr,
                    const char* partner = "comensha", const char* purpose = "registration") {
  ConsentFact c;
  c.partner = partner;
  c.purpose = purpose;
  c.signer = signer;
  c.given = d(given);
  if (withdrawn != nullptr) c.withdrawn = d(withdrawn);
  return c;
}

using Fates = std::vector<std::pair<std::string, FieldFate>>;

const FieldFate I = FieldFate::kInclude;
const FieldFate P = FieldFate::kPseudonymise;
const FieldFate G = FieldFate::kGeneralise;
const FieldFate W = FieldFate::kWithhold;

Fates fates(FieldFate name, FieldFate dob, FieldFate nationality, FieldFate bsn, FieldFate document,
            FieldFate address, FieldFate phone) {
  return {{"name", name},  {"date_of_birth", dob},        {"nationality", nationality},
          {"bsn", bsn},    {"document_number", document}, {"address", address},
          {"phone", phone}};
}

PersonVerdict comensha(const SharingPolicy& p, const PersonFacts& person,
                       const Date& today = kToday) {
  return p.decide("comensha", "registration", person, today);
}

}  // namespace

TEST_CASE("a valid sharing policy loads with every field", "[policies][sharing]") {
  const SharingPolicy p = load(kDir + "valid_full.json");
  CHECK(p.file() == kDir + "valid_full.json");
  REQUIRE(p.partners().size() == 4);
  CHECK(p.targets() == std::vector<std::string>{"shop/care_referral", "comensha/registration",
                                                "police/report", "zvh/case_consultation"});

  const auto* shop = p.find_partner("shop");
  REQUIRE(shop != nullptr);
  CHECK(shop->kind == "care_coordination");
  CHECK(shop->name_nl == "SHOP Den Haag");
  CHECK(shop->name_en == "SHOP The Hague");
  CHECK(p.find_partner("politie") == nullptr);
  CHECK(p.find_purpose("shop", "registration") == nullptr);
  CHECK(p.find_purpose("nobody", "report") == nullptr);

  const auto* reg = p.find_purpose("comensha", "registration");
  REQUIRE(reg != nullptr);
  CHECK(reg->label_nl == "Registratie van een (mogelijk) slachtoffer");
  CHECK(reg->label_en == "Registration of a (possible) victim");
  CHECK(reg->legal_basis == "AVG art. 6(1)(a) and art. 9(2)(a): written consent");
  CHECK(reg->legal_basis_reference ==
        "Gemeente Rijswijk, Bestuurlijke Aanpak Mensenhandel (2021), pijler 3");
  CHECK(reg->consent.required);
  CHECK(reg->consent.self_from_age == 16);
  CHECK(reg->consent.reference == "UAVG art. 5: under 16 a parent or guardian consents");
  CHECK(reg->minors == MinorsRule::kAllow);
  CHECK(reg->minors_reference == "CoMensha registers victims of every age");
  REQUIRE(reg->roles.size() == 1);
  CHECK(reg->roles[0].role == "victim");
  // Fields in the fixed order, whatever the order of the lists in the file.
  CHECK(reg->roles[0].fields ==
        Fates{{"name", I}, {"date_of_birth", I}, {"nationality", I}, {"address", G}});
  CHECK(reg->record_fields == std::vector<std::string>{"signal.received", "signal.forms"});

  const auto* zvh = p.find_purpose("zvh", "case_consultation");
  REQUIRE(zvh != nullptr);
  CHECK_FALSE(zvh->consent.required);
  CHECK(zvh->minors == MinorsRule::kRefuse);
  REQUIRE(zvh->roles.size() == 2);
  CHECK(zvh->roles[0].role == "suspect");  // roles in file order
  CHECK(zvh->roles[0].fields ==
        Fates{{"name", P}, {"date_of_birth", G}, {"nationality", I}, {"address", G}});
  CHECK(zvh->find_role("victim") == &zvh->roles[1]);
  CHECK(zvh->find_role("reporter") == nullptr);

  // An explicit "withhold" is kept as such.
  const auto* care = p.find_purpose("shop", "care_referral");
  REQUIRE(care != nullptr);
  CHECK(care->roles[0].fields == Fates{{"name", I},
                                       {"date_of_birth", I},
                                       {"nationality", I},
                                       {"bsn", W},
                                       {"document_number", W},
                                       {"address", I},
                                       {"phone", I}});
}

TEST_CASE("the sharing policy's hash is the SHA-256 of its bytes", "[policies][sharing]") {
  const auto text = mk::policies::read_policy_file(kDir + "valid_full.json");
  REQUIRE(text.is_ok());
  const SharingPolicy a = parse_ok(*text);
  CHECK(a.hash().size() == 64);
  CHECK(a.hash() == load(kDir + "valid_full.json").hash());
  const SharingPolicy b = parse_ok(*text + "\n");
  CHECK(a.hash() != b.hash());
}

TEST_CASE("a restricted person goes nowhere", "[policies][sharing]") {
  const SharingPolicy p = load(kDir + "valid_full.json");
  PersonFacts person = victim("1994-07-02");
  person.restricted = true;
  person.consents.push_back(consent(ConsentSigner::kSelf, "2026-01-05"));
  for (const auto& partner : p.partners()) {
    for (const auto& purpose : partner.purposes) {
      INFO(partner.id + "/" + purpose.id);
      const PersonVerdict v = p.decide(partner.id, purpose.id, person, kToday);
      CHECK_FALSE(v.allowed);
      CHECK(v.refusal == "restricted (AVG art. 18)");
      CHECK(v.fields == fates(W, W, W, W, W, W, W));
    }
  }
}

TEST_CASE("a role the purpose does not list is refused", "[policies][sharing]") {
  const SharingPolicy p = load(kDir + "valid_full.json");
  PersonFacts suspect = victim("1981-11-23");
  suspect.role = "suspect";
  const PersonVerdict v = p.decide("shop", "care_referral", suspect, kToday);
  CHECK_FALSE(v.allowed);
  CHECK(v.refusal == "role suspect is not shared for shop/care_referral");
  CHECK(v.fields == fates(W, W, W, W, W, W, W));

  PersonFacts reporter = victim("1975-01-30");
  reporter.role = "reporter";
  CHECK(p.decide("police", "report", reporter, kToday).refusal ==
        "role reporter is not shared for police/report");
  // The same suspect goes to the police.
  CHECK(p.decide("police", "report", suspect, kToday).allowed);
}

TEST_CASE("CoMensha registration needs recorded consent", "[policies][sharing]") {
  const SharingPolicy p = load(kDir + "valid_full.json");
  PersonFacts adult = victim("1998-05-20");

  SECTION("none recorded") {
    const PersonVerdict v = comensha(p, adult);
    CHECK_FALSE(v.allowed);
    CHECK(v.refusal == "no consent recorded for comensha/registration");
    CHECK(v.fields == fates(W, W, W, W, W, W, W));
  }
  SECTION("consent for another partner or purpose does not count") {
    adult.consents.push_back(
        consent(ConsentSigner::kSelf, "2026-01-05", nullptr, "shop", "registration"));
    adult.consents.push_back(
        consent(ConsentSigner::kSelf, "2026-01-05", nullptr, "comensha", "care_referral"));
    CHECK(comensha(p, adult).refusal == "no consent recorded for comensha/registration");
  }
  SECTION("signed by the person themselves") {
    adult.consents.push_back(consent(ConsentSigner::kSelf, "2026-01-05"));
    const PersonVerdict v = comensha(p, adult);
    CHECK(v.allowed);
    CHECK(v.refusal.empty());
    CHECK(v.fields == fates(I, I, I, W, W, G, W));
  }
  SECTION("given on the day itself counts, given later does not") {
    adult.consents.push_back(consent(ConsentSigner::kSelf, "2026-03-14"));
    CHECK(comensha(p, adult).allowed);
    CHECK(comensha(p, adult, d("2026-03-13")).refusal ==
          "consent for comensha/registration is dated after 2026-03-13");
  }
  SECTION("withdrawn") {
    adult.consents.push_back(consent(ConsentSigner::kSelf, "2025-11-03", "2026-02-01"));
    const PersonVerdict v = comensha(p, adult);
    CHECK_FALSE(v.allowed);
    CHECK(v.refusal == "consent withdrawn on 2026-02-01");
    CHECK(v.fields == fates(W, W, W, W, W, W, W));
    // Before the withdrawal the same consent counted.
    CHECK(comensha(p, adult, d("2026-01-31")).allowed);
    // A new consent after the withdrawal counts again.
    adult.consents.push_back(consent(ConsentSigner::kSelf, "2026-03-02"));
    CHECK(comensha(p, adult).allowed);
  }
  SECTION("the latest withdrawal is named") {
    adult.consents.push_back(consent(ConsentSigner::kSelf, "2025-06-10", "2025-09-01"));
    adult.consents.push_back(consent(ConsentSigner::kSelf, "2025-10-01", "2026-02-16"));
    CHECK(comensha(p, adult).refusal == "consent withdrawn on 2026-02-16");
  }
}

TEST_CASE("who must sign depends on the age on the day of export", "[policies][sharing]") {
  const SharingPolicy p = load(kDir + "valid_full.json");
  // Turns 16 on 2026-03-14, the day of export.
  PersonFacts sixteen = victim("2010-03-14");
  // Turns 16 a day later.
  PersonFacts fifteen = victim("2010-03-15");

  SECTION("16 and over sign themselves") {
    sixteen.consents.push_back(consent(ConsentSigner::kSelf, "2026-03-14"));
    CHECK(comensha(p, sixteen).allowed);
  }
  SECTION("a parent cannot sign for a 16-year-old") {
    sixteen.consents.push_back(consent(ConsentSigner::kParent, "2026-03-01"));
    const PersonVerdict v = comensha(p, sixteen);
    CHECK_FALSE(v.allowed);
    CHECK(v.refusal == "16 and over: consent must be signed by the person themselves");
  }
  SECTION("a parent signs for a 15-year-old") {
    fifteen.consents.push_back(consent(ConsentSigner::kParent, "2026-03-01"));
    const PersonVerdict v = comensha(p, fifteen);
    CHECK(v.allowed);
    CHECK(v.fields == fates(I, I, I, W, W, G, W));
  }
  SECTION("a guardian signs for a 15-year-old") {
    fifteen.consents.push_back(consent(ConsentSigner::kGuardian, "2026-03-01"));
    CHECK(comensha(p, fifteen).allowed);
  }
  SECTION("a 15-year-old cannot sign themselves") {
    fifteen.consents.push_back(consent(ConsentSigner::kSelf, "2026-03-01"));
    const PersonVerdict v = comensha(p, fifteen);
    CHECK_FALSE(v.allowed);
    CHECK(v.refusal == "under 16: consent must be signed by a parent or guardian");
    // The next day they are 16 and their own signature counts.
    CHECK(comensha(p, fifteen, d("2026-03-15")).allowed);
  }
  SECTION("a parent's consent given when the child was 15 no longer counts at 16") {
    fifteen.consents.push_back(consent(ConsentSigner::kParent, "2026-03-01"));
    CHECK(comensha(p, fifteen, d("2026-03-15")).refusal ==
          "16 and over: consent must be signed by the person themselves");
  }
  SECTION("unknown date of birth") {
    PersonFacts unknown = victim(nullptr);
    CHECK(comensha(p, unknown).refusal == "no consent recorded for comensha/registration");
    unknown.consents.push_back(consent(ConsentSigner::kSelf, "2026-03-01"));
    unknown.consents.push_back(consent(ConsentSigner::kParent, "2026-03-01"));
    const PersonVerdict v = comensha(p, unknown);
    CHECK_FALSE(v.allowed);
    CHECK(v.refusal == "date of birth unknown: cannot tell who must consent");
  }
}

TEST_CASE("minors are refused for a purpose that refuses them", "[policies][sharing]") {
  const SharingPolicy p = load(kDir + "valid_full.json");
  const char* refusal =
      "minors are not sent to zvh/case_consultation (see Meldcode huiselijk geweld en "
      "kindermishandeling: minors go to Veilig Thuis)";

  // Turns 18 on 2026-03-15.
  const PersonFacts seventeen = victim("2008-03-15");
  const PersonVerdict v = p.decide("zvh", "case_consultation", seventeen, kToday);
  CHECK_FALSE(v.allowed);
  CHECK(v.refusal == refusal);
  CHECK(v.fields == fates(W, W, W, W, W, W, W));

  const PersonVerdict adult = p.decide("zvh", "case_consultation", seventeen, d("2026-03-15"));
  CHECK(adult.allowed);
  CHECK(adult.fields == fates(P, G, W, W, W, W, W));

  // Nobody can tell whether a person without a date of birth is a minor.
  const PersonVerdict unknown = p.decide("zvh", "case_consultation", victim(nullptr), kToday);
  CHECK_FALSE(unknown.allowed);
  CHECK(unknown.refusal ==
        "date of birth unknown: cannot tell whether the person is a minor (minors are not sent "
        "to zvh/case_consultation)");

  // A purpose that allows minors takes them, with or without a date of birth.
  CHECK(p.decide("police", "report", seventeen, kToday).allowed);
  CHECK(p.decide("police", "report", victim(nullptr), kToday).allowed);
}

TEST_CASE("decide checks restriction, then role, then minors, then consent",
          "[policies][sharing]") {
  const auto text = mk::policies::read_policy_file(kDir + "valid_full.json");
  REQUIRE(text.is_ok());
  // CoMensha's purpose, made to refuse minors: the only one with both rules.
  std::string edited = *text;
  const std::string allow = "\"minors\": \"allow\"";
  edited.replace(edited.find(allow), allow.size(), "\"minors\": \"refuse\"");
  const SharingPolicy p = parse_ok(edited);

  PersonFacts minor = victim("2011-09-09");  // 14, no consent
  CHECK(comensha(p, minor).refusal.rfind("minors are not sent to comensha/registration", 0) == 0);
  minor.role = "suspect";
  CHECK(comensha(p, minor).refusal == "role suspect is not shared for comensha/registration");
  minor.restricted = true;
  CHECK(comensha(p, minor).refusal == "restricted (AVG art. 18)");
}

TEST_CASE("every allowed person gets every field in the fixed order", "[policies][sharing]") {
  const SharingPolicy p = load(kDir + "valid_full.json");
  PersonFacts suspect = victim("1979-12-01");
  suspect.role = "suspect";
  CHECK(p.decide("police", "report", suspect, kToday).fields == fates(I, I, I, W, I, I, I));
  CHECK(p.decide("zvh", "case_consultation", suspect, kToday).fields == fates(P, G, I, W, W, G, W));
  CHECK(p.decide("shop", "care_referral", victim("1990-02-28"), kToday).fields ==
        fates(I, I, I, W, W, I, I));
}

TEST_CASE("vocabulary of the sharing policy", "[policies][sharing]") {
  using mk::policies::enum_name;
  CHECK(enum_name(FieldFate::kPseudonymise) == "pseudonymise");
  CHECK(mk::policies::parse_field_fate("generalise") == FieldFate::kGeneralise);
  CHECK_FALSE(mk::policies::parse_field_fate("generalize").has_value());
  CHECK(enum_name(ConsentSigner::kGuardian) == "guardian");
  CHECK(mk::policies::parse_consent_signer("parent") == ConsentSigner::kParent);
  CHECK_FALSE(mk::policies::parse_consent_signer("ouder").has_value());
  CHECK(enum_name(MinorsRule::kRefuse) == "refuse");
  CHECK(mk::policies::is_person_field("document_number"));
  CHECK_FALSE(mk::policies::is_person_field("naam"));
  CHECK(mk::policies::is_record_field("case.summary"));
  CHECK_FALSE(mk::policies::is_record_field("case.narrative"));
}

TEST_CASE("the sharing format documentation's example is a valid policy", "[policies][sharing]") {
  const auto doc = mk::policies::read_policy_file(MELDKLUIS_SOURCE_DIR "/docs/policies/sharing.md");
  REQUIRE(doc.is_ok());
  const std::string open = "```json\n";
  const auto begin = doc->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc->find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const SharingPolicy p = parse_ok(doc->substr(begin + open.size(), end - begin - open.size()));
  PersonFacts fifteen = victim("2010-06-01");
  fifteen.consents.push_back(consent(ConsentSigner::kParent, "2026-02-20"));
  CHECK(comensha(p, fifteen).allowed);
  CHECK(p.decide("police", "report", fifteen, kToday).allowed);
}

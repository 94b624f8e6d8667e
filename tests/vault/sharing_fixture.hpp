// What the tests of sharing with partners share: the partners a Rijswijk coordinator works with
// (their age recipients made with age-keygen for these tests; nobody holds the identities), and
// helpers to register them, record consents and disclosures.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/consent_store.hpp"
#include "vault/disclosure_register.hpp"
#include "vault/partner_store.hpp"

namespace mk::vault::test::sharing {

inline Partner shop() {
  Partner p;
  p.id = "shop";
  p.name = "Stichting SHOP Den Haag";
  p.kind = "care_coordination";
  p.contact = "Zorgcoördinatie mensenhandel, 070 - 365 12 34";
  p.age_recipient = "age1cxhu84dp9j2vnh7rqgr89amcw6t3s596qcul96t2kjkyklzf2ysqg6865j";
  p.purposes = {"care_referral"};
  return p;
}

inline Partner police() {
  Partner p;
  p.id = "police";
  p.name = "Politie Eenheid Den Haag, AVIM";
  p.kind = "police";
  p.contact = "Team AVIM, Burgemeester Patijnlaan 35, Den Haag";
  p.age_recipient = "age1r9dm0p0de07wu4r4efet66l0cv59k29jmhhz8f8sjgr36k2nyvrq5tjzkg";
  p.purposes = {"report", "information_request"};
  return p;
}

inline Partner comensha() {
  Partner p;
  p.id = "comensha";
  p.name = "CoMensha";
  p.kind = "registration";
  p.contact = "";
  p.age_recipient = "age1jq8fptc5v2crzmehnlcaqvnmwaa92zj8cmt6ylt29e9s2e2a4suqxr6lq8";
  p.purposes = {"registration"};
  return p;
}

inline Status add(Vault& v, const Partner& p) {
  return in_unit(v, [&](UnitOfWork& uow) { return add_partner(uow, p); });
}

// Registers SHOP, the police and CoMensha.
inline void add_partners(Vault& v) {
  for (const Partner& p : {shop(), police(), comensha()})
    MK_REQUIRE_OK(add(v, p));
}

inline constexpr char kPackageHash[] =
    "3b7e1c0a9d5f4e2b8a6c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a";
inline constexpr char kPolicyHash[] =
    "9f1d2c3b4a5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

// A referral of one victim to SHOP for care, name pseudonymised, as the service records it.
inline DisclosureInput care_referral(std::vector<std::string> persons,
                                     std::vector<std::string> cases = {}) {
  DisclosureInput in;
  in.partner = "shop";
  in.purpose = "care_referral";
  in.legal_basis =
      "AVG art. 6(1)(e) en 9(2)(h); Wmo 2015 art. 2.3.5 (Beleidsregel BAM Rijswijk 2021, par. 4)";
  in.fields = {"nationality", "date_of_birth", "signal.forms"};
  in.pseudonymised = {"name"};
  in.generalised = {"date_of_birth"};
  in.withheld = {"bsn", "document_number", "address", "phone", "signal.narrative"};
  in.package_sha256 = kPackageHash;
  in.policy_hash = kPolicyHash;
  in.record_count = static_cast<std::int64_t>(persons.size());
  in.person_ids = std::move(persons);
  in.case_ids = std::move(cases);
  return in;
}

// A report of a suspect to the police (AVIM).
inline DisclosureInput police_report(std::vector<std::string> persons,
                                     std::vector<std::string> signals = {}) {
  DisclosureInput in;
  in.partner = "police";
  in.purpose = "report";
  in.legal_basis = "AVG art. 6(1)(e) en 10; Wpg art. 4:1 (verstrekking aan de politie)";
  in.fields = {"name", "date_of_birth", "nationality", "signal.narrative"};
  in.withheld = {"bsn", "phone"};
  in.package_sha256 = kPackageHash;
  in.policy_hash = kPolicyHash;
  in.record_count = static_cast<std::int64_t>(persons.size() + signals.size());
  in.person_ids = std::move(persons);
  in.signal_ids = std::move(signals);
  return in;
}

inline std::string record(Vault& v, const DisclosureInput& in) {
  Result<std::string> id = in_unit(v, [&](UnitOfWork& uow) { return record_disclosure(uow, in); });
  MK_REQUIRE_OK(id);
  return *id;
}

inline std::vector<Disclosure> register_of(Vault& v) {
  Result<std::vector<Disclosure>> all =
      in_unit(v, [](UnitOfWork& uow) { return list_disclosures(uow); });
  MK_REQUIRE_OK(all);
  return std::move(*all);
}

}  // namespace mk::vault::test::sharing

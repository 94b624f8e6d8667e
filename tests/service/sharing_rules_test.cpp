// The disclosure policy as the partner experiences it: pseudonyms stable per partner and
// unlinkable across partners; nothing withheld in the package (canary scan of the decrypted
// archive); consent required, then given, then withdrawn; a restricted person goes nowhere; the
// preview shows every field's fate.
#include <algorithm>
#include <catch2/catch.hpp>

#include "service/audit.hpp"
#include "service/sharing_world.hpp"
#include "service/subject_rights.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The plaintext archive a partner gets (what `age -d` writes), as bytes.
std::string decrypted(SharingWorld& w, const std::string& partner, const std::string& purpose,
                      const ShareTarget& target, const std::string& name) {
  fs::path out = w.path(name + ".age");
  MK_REQUIRE_OK(export_share(w.s(), partner, purpose, target, out));
  return age_decrypt_tool(w.key_of(partner), out, w.path(name + ".tar"));
}

std::string pseudonym_in(SharingWorld& w, const std::string& partner, const std::string& purpose,
                         const std::string& name) {
  std::map<std::string, std::string> m =
      export_and_open(w, partner, purpose, person_target(w.victim()), name);
  std::vector<json::Value> persons = persons_in(m.at("records.json"));
  REQUIRE(persons.size() == 1);
  return persons[0].find("pseudonym")->as_string();
}

}  // namespace

TEST_CASE(
    "one person gets one pseudonym per partner: the same twice to SHOP, another for the "
    "police",
    "[sharing][pseudonym]") {
  SharingWorld w;
  std::string first = pseudonym_in(w, "shop", "care_referral", "shop-1");
  std::string again = pseudonym_in(w, "shop", "care_referral", "shop-2");
  std::string police = pseudonym_in(w, "police", "report", "police-1");
  CHECK(first.size() == 11);
  CHECK(first == again);
  CHECK(police != first);
  // Only the vault resolves them, each for its own partner.
  Result<std::string> who = resolve_pseudonym(w.s(), "shop", first);
  MK_REQUIRE_OK(who);
  CHECK(*who == w.victim());
  std::string lower = first;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return static_cast<char>(std::tolower(c)); });
  lower.erase(std::remove(lower.begin(), lower.end(), '-'), lower.end());
  Result<std::string> typed = resolve_pseudonym(w.s(), "shop", lower);
  MK_REQUIRE_OK(typed);
  CHECK(*typed == w.victim());
  CHECK(resolve_pseudonym(w.s(), "police", first).status().code() == Code::kNotFound);
  Result<std::string> by_police = resolve_pseudonym(w.s(), "police", police);
  MK_REQUIRE_OK(by_police);
  CHECK(*by_police == w.victim());
  // A mistyped check character is caught before the vault is asked.
  std::string mistyped = first;
  mistyped[0] = mistyped[0] == '7' ? '8' : '7';
  CHECK(resolve_pseudonym(w.s(), "shop", mistyped).status().code() == Code::kInvalidInput);
}

TEST_CASE("no field the policy withholds is in the decrypted package (canary scan)",
          "[sharing][canary]") {
  SharingWorld w;
  SECTION("SHOP: the victim without BSN and document number, no suspect, no narrative") {
    std::string tar = decrypted(w, "shop", "care_referral", case_target(w.case_id()), "shop");
    CHECK(contains(tar, kVictimName));  // control: what goes is there
    CHECK(contains(tar, kVictimPhone));
    CHECK_FALSE(contains(tar, kCanaryBsn));
    CHECK_FALSE(contains(tar, kCanaryDocument));
    CHECK_FALSE(contains(tar, kSuspectName));
    CHECK_FALSE(contains(tar, kSuspectBsn));
    CHECK_FALSE(contains(tar, kCanaryNarrative));
    CHECK_FALSE(contains(tar, w.victim()));  // vault ids never leave
    CHECK_FALSE(contains(tar, w.case_id()));
    CHECK_FALSE(contains(tar, w.signal()));
  }
  SECTION("police: everything but the BSN, of victim and suspect") {
    std::string tar = decrypted(w, "police", "report", case_target(w.case_id()), "police");
    CHECK(contains(tar, kSuspectName));
    CHECK(contains(tar, kCanaryDocument));
    CHECK(contains(tar, kCanaryNarrative));
    CHECK_FALSE(contains(tar, kCanaryBsn));
    CHECK_FALSE(contains(tar, kSuspectBsn));
  }
  SECTION("Arbeidsinspectie: the victim pseudonymised, birth year and place only") {
    std::string tar =
        decrypted(w, "arbeidsinspectie", "labour_signal", case_target(w.case_id()), "ai");
    CHECK(contains(tar, kSuspectName));
    CHECK(contains(tar, "\"2001\""));
    CHECK(contains(tar, "\"Rijswijk\""));
    CHECK_FALSE(contains(tar, kVictimName));
    CHECK_FALSE(contains(tar, kVictimBirth));
    CHECK_FALSE(contains(tar, kVictimStreet));
    CHECK_FALSE(contains(tar, kVictimPhone));
    CHECK_FALSE(contains(tar, kCanaryBsn));
    CHECK_FALSE(contains(tar, kCanaryDocument));
    CHECK_FALSE(contains(tar, kCanaryNarrative));
    CHECK_FALSE(contains(tar, kCanarySummary));
  }
  SECTION("Zorg- en Veiligheidshuis: nobody named") {
    std::string tar = decrypted(w, "zvh", "case_consultation", case_target(w.case_id()), "zvh");
    CHECK(contains(tar, "\"record\": \"person\""));
    for (std::string_view canary :
         {kVictimName, kSuspectName, kVictimBirth, kVictimStreet, kCanaryBsn, kCanaryDocument,
          kCanaryNarrative, kCanarySummary}) {
      INFO(canary);
      CHECK_FALSE(contains(tar, canary));
    }
  }
}

TEST_CASE("CoMensha: refused without consent, exported with it, refused again after withdrawal",
          "[sharing][consent]") {
  SharingWorld w;
  const ShareTarget victim = person_target(w.victim());
  Result<ShareReceipt> none =
      export_share(w.s(), "comensha", "registration", victim, w.path("c1.age"));
  CHECK(none.status().code() == Code::kDisclosureRefused);
  CHECK(contains(none.status().message(), "no consent recorded for comensha/registration"));
  CHECK(contains(none.status().message(), w.victim()));
  CHECK_FALSE(fs::exists(w.path("c1.age")));
  CHECK(preview_share(w.s(), "comensha", "registration", victim).status().code() ==
        Code::kDisclosureRefused);

  // A consent for another partner does not count.
  MK_REQUIRE_OK(record_consent(w.s(), w.victim(), "police", "report",
                               policies::ConsentSigner::kSelf, Date(2026, 11, 20)));
  CHECK(export_share(w.s(), "comensha", "registration", victim, w.path("c1.age")).status().code() ==
        Code::kDisclosureRefused);

  Result<std::string> consent = record_consent(w.s(), w.victim(), "comensha", "registration",
                                               policies::ConsentSigner::kSelf, Date(2026, 11, 25));
  MK_REQUIRE_OK(consent);
  Result<ShareReceipt> with =
      export_share(w.s(), "comensha", "registration", victim, w.path("c2.age"));
  MK_REQUIRE_OK(with);
  CHECK(fs::exists(w.path("c2.age")));

  MK_REQUIRE_OK(withdraw_consent(w.s(), *consent, Date(2026, 11, 28)));
  Result<ShareReceipt> after =
      export_share(w.s(), "comensha", "registration", victim, w.path("c3.age"));
  CHECK(after.status().code() == Code::kDisclosureRefused);
  CHECK(contains(after.status().message(), "consent withdrawn on 2026-11-28"));
  CHECK_FALSE(fs::exists(w.path("c3.age")));
  Result<std::vector<vault::Disclosure>> register_rows = list_disclosures(w.s());
  MK_REQUIRE_OK(register_rows);
  CHECK(register_rows->size() == 1);  // only the export with consent

  // The refusals are audited, with partner and purpose.
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(w.s(), {});
  MK_REQUIRE_OK(entries);
  auto refused = std::count_if(entries->begin(), entries->end(), [&](const vault::AuditEntry& e) {
    return e.action == "share.export" && e.result == "disclosure_refused" &&
           e.object == w.victim() && contains(e.detail, "partner=comensha;purpose=registration");
  });
  CHECK(refused == 3);
}

TEST_CASE("CoMensha and a 15-year-old: a parent signs; the child's own signature does not count",
          "[sharing][consent][minor]") {
  SharingWorld w;
  namespace syn = vault::test::synthetic;
  vault::PersonIdentity child = syn::identity_of(syn::kFatima);
  child.set(vault::PersonField::kDateOfBirth, std::string("2011-06-14"));
  Result<std::string> id = add_person(w.s(), vault::PersonRole::kVictim, child);
  MK_REQUIRE_OK(id);
  MK_REQUIRE_OK(record_consent(w.s(), *id, "comensha", "registration",
                               policies::ConsentSigner::kSelf, Date(2026, 11, 20)));
  Result<SharePreview> own = preview_share(w.s(), "comensha", "registration", person_target(*id));
  CHECK(own.status().code() == Code::kDisclosureRefused);
  CHECK(contains(own.status().message(), "under 16: consent must be signed by a parent"));
  MK_REQUIRE_OK(record_consent(w.s(), *id, "comensha", "registration",
                               policies::ConsentSigner::kParent, Date(2026, 11, 21)));
  MK_CHECK_OK(preview_share(w.s(), "comensha", "registration", person_target(*id)));
  // SHOP refuses minors (they go to Veilig Thuis), which takes them.
  Result<SharePreview> shop = preview_share(w.s(), "shop", "care_referral", person_target(*id));
  CHECK(shop.status().code() == Code::kDisclosureRefused);
  CHECK(contains(shop.status().message(), "minors are not sent to shop/care_referral"));
  MK_CHECK_OK(preview_share(w.s(), "veilig_thuis", "report", person_target(*id)));
}

TEST_CASE("a restricted person cannot be exported to any of the seven partners",
          "[sharing][restriction]") {
  SharingWorld w;
  for (const PartnerSpec& p : seven_partners()) {
    MK_REQUIRE_OK(record_consent(w.s(), w.victim(), p.id, p.purpose, policies::ConsentSigner::kSelf,
                                 Date(2026, 11, 1)));
  }
  // Control: before the restriction, each partner takes the victim.
  for (const PartnerSpec& p : seven_partners()) {
    INFO(p.id);
    MK_CHECK_OK(preview_share(w.s(), p.id, p.purpose, person_target(w.victim())));
  }
  MK_REQUIRE_OK(restrict_person(w.s(), w.victim(), true));
  for (const PartnerSpec& p : seven_partners()) {
    INFO(p.id);
    for (const ShareTarget& target : {person_target(w.victim()), case_target(w.case_id())}) {
      fs::path out = w.path(std::string(p.id) + ".age");
      Result<ShareReceipt> r = export_share(w.s(), p.id, p.purpose, target, out);
      CHECK(r.status().code() == Code::kDisclosureRefused);
      CHECK(contains(r.status().message(), "restricted (AVG art. 18)"));
      CHECK_FALSE(fs::exists(out));
      CHECK_FALSE(fs::exists(out.string() + ".minisig"));
      CHECK(preview_share(w.s(), p.id, p.purpose, target).status().code() ==
            Code::kDisclosureRefused);
    }
  }
  Result<std::vector<vault::Disclosure>> rows = list_disclosures(w.s());
  MK_REQUIRE_OK(rows);
  CHECK(rows->empty());
  // Lifted, the share works again.
  MK_REQUIRE_OK(restrict_person(w.s(), w.victim(), false));
  MK_CHECK_OK(
      export_share(w.s(), "shop", "care_referral", person_target(w.victim()), w.path("na.age")));
}

TEST_CASE("the preview shows every field's fate and the rule; a role not shared is withheld whole",
          "[sharing][preview]") {
  SharingWorld w;
  Result<SharePreview> p = preview_share(w.s(), "shop", "care_referral", case_target(w.case_id()));
  MK_REQUIRE_OK(p);
  CHECK(p->partner == "shop");
  CHECK(p->partner_name == "Stichting SHOP Den Haag");
  CHECK(p->purpose == "care_referral");
  CHECK(p->record_count == 3);
  CHECK(p->policy_hash.size() == 64);
  REQUIRE(p->record_fields.size() == policies::kRecordFieldNames.size());
  for (const FieldLine& line : p->record_fields) {
    bool sent = line.field == "signal.received" || line.field == "signal.forms" ||
                line.field == "signal.indicators" || line.field == "signal.minor" ||
                line.field == "case.summary";
    INFO(line.field);
    CHECK(line.fate == (sent ? "include" : "withhold"));
    CHECK(contains(line.why, "shop/care_referral"));
  }
  REQUIRE(p->persons.size() == 2);
  for (const PersonPreview& person : p->persons) {
    if (person.person_id == w.suspect()) {
      CHECK_FALSE(person.shared);
      CHECK(person.pseudonym.empty());
      CHECK(person.withheld_reason == "role suspect is not shared for shop/care_referral");
      CHECK(person.fields.empty());
    } else {
      CHECK(person.shared);
      CHECK(person.role == "victim");
      REQUIRE(person.fields.size() == 7);
      std::map<std::string, std::string> fate;
      for (const FieldLine& f : person.fields)
        fate[f.field] = f.fate;
      CHECK(fate["name"] == "include");
      CHECK(fate["bsn"] == "withhold");
      CHECK(fate["document_number"] == "withhold");
      CHECK(person.fields.front().why == "sharing.json shop/care_referral role victim");
    }
  }
  // A partner that pseudonymises and generalises.
  Result<SharePreview> zvh =
      preview_share(w.s(), "zvh", "case_consultation", case_target(w.case_id()));
  MK_REQUIRE_OK(zvh);
  for (const PersonPreview& person : zvh->persons) {
    REQUIRE(person.shared);
    CHECK(person.fields[0].field == "name");
    CHECK(person.fields[0].fate == "pseudonymise");
    CHECK(person.fields[1].fate == "generalise");
  }
  // A person alone whose role is not shared: nothing to send, so refused.
  Result<SharePreview> alone =
      preview_share(w.s(), "shop", "care_referral", person_target(w.suspect()));
  CHECK(alone.status().code() == Code::kDisclosureRefused);
  CHECK(contains(
      alone.status().message(),
      "nothing to send: " + w.suspect() + ": role suspect is not shared for shop/care_referral"));
  // No basis: a partner or purpose the policy does not have.
  Result<SharePreview> none =
      preview_share(w.s(), "gemeente_delft", "care_referral", case_target(w.case_id()));
  CHECK(none.status().code() == Code::kDisclosureRefused);
  CHECK(contains(none.status().message(), "no basis"));
  CHECK(preview_share(w.s(), "shop", "report", case_target(w.case_id())).status().code() ==
        Code::kDisclosureRefused);
  // A partner the policy has, but not registered in the vault.
  MK_REQUIRE_OK(remove_partner(w.s(), "riec"));
  Result<SharePreview> unregistered =
      preview_share(w.s(), "riec", "administrative_approach", case_target(w.case_id()));
  CHECK(unregistered.status().code() == Code::kDisclosureRefused);
  CHECK(contains(unregistered.status().message(), "not registered"));
  // Missing records and bad targets.
  CHECK(preview_share(w.s(), "shop", "care_referral", case_target("C-AAAAAAAA")).status().code() ==
        Code::kNotFound);
  CHECK(preview_share(w.s(), "shop", "care_referral", ShareTarget{}).status().code() ==
        Code::kInvalidInput);
}

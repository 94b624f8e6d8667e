// The disclosure register: what went to whom, on what basis; read by every role, written by the
// coordinator; what it tells retention (disclosed_to, disclosures as subjects) and what shredding
// does to it and with it.
#include "vault/disclosure_register.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "sharing_fixture.hpp"
#include "test_vault_fixture.hpp"
#include "vault/audit_log.hpp"
#include "vault/case_store.hpp"
#include "vault/legal_hold.hpp"
#include "vault/retention_subjects.hpp"
#include "vault/shredding.hpp"
#include "vault/signal_store.hpp"
#include "vault/statistical_facts.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
using Ids = std::vector<std::string>;
namespace sharing = test::sharing;
namespace synthetic = test::synthetic;

constexpr char kRetentionHash[] =
    "5d0c1b7e9a4f3e2d8c6b5a49f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d";

// Partners registered; a victim (Ioana) and a suspect (Piotr) in a labour signal and a closed case.
struct RegisterScene {
  RegisterScene() {
    vault().set_audit_sink(&log);
    sharing::add_partners(vault());
    victim = synthetic::add_person(vault(), PersonRole::kVictim, synthetic::kIoana);
    suspect = synthetic::add_person(vault(), PersonRole::kSuspect, synthetic::kPiotr);
    Result<std::string> id = in_unit(vault(), [&](UnitOfWork& uow) -> Result<std::string> {
      SignalInput in = synthetic::labour_signal();
      in.person_ids = {victim, suspect};
      MK_ASSIGN_OR_RETURN(signal, add_signal(uow, in));
      CaseInput c;
      c.opened = Date(2026, 2, 17);
      c.signal_ids = {signal};
      c.person_ids = {victim, suspect};
      MK_ASSIGN_OR_RETURN(std::string opened, open_case(uow, c));
      MK_RETURN_IF_ERROR(
          close_case(uow, opened, CaseStatus::kClosedReferred, Date(2026, 2, 27), std::nullopt));
      return opened;
    });
    MK_REQUIRE_OK(id);
    case_id = *id;
  }
  Vault& vault() { return tv.vault(); }

  Result<std::string> record(const DisclosureInput& in) {
    return in_unit(vault(), [&](UnitOfWork& uow) { return record_disclosure(uow, in); });
  }
  std::vector<RetentionSubject> subjects() {
    Result<std::vector<RetentionSubject>> all =
        in_unit(vault(), [](UnitOfWork& uow) { return list_retention_subjects(uow); });
    MK_REQUIRE_OK(all);
    return std::move(*all);
  }
  const RetentionSubject& subject(const std::vector<RetentionSubject>& all, const std::string& id) {
    auto it = std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.id == id; });
    REQUIRE(it != all.end());
    return *it;
  }
  Status shred(std::string_view id, const ShredOrder& order) {
    return in_unit(vault(), [&](UnitOfWork& uow) { return shred_disclosure(uow, id, order); });
  }
  AuditEntry last_entry() {
    Result<std::vector<AuditEntry>> all = read_audit_entries(vault(), {});
    MK_REQUIRE_OK(all);
    REQUIRE(!all->empty());
    return all->back();
  }

  TestVault tv;
  AuditLog log{"test@werkplek-12"};
  std::string victim, suspect, signal, case_id;
};

ShredOrder retention(bool keep_statistics = false) {
  return ShredOrder{"disclosure", kRetentionHash, keep_statistics};
}

}  // namespace

TEST_CASE("a disclosure is recorded with partner kind, time and actor, and audited by code") {
  RegisterScene s;
  std::string id;
  {
    UnitOfWork uow = test::begin_unit(s.vault());
    DisclosureInput in = sharing::care_referral({s.victim, s.victim}, {s.case_id});
    in.withheld.push_back("bsn");  // named twice: kept once
    Result<std::string> recorded = record_disclosure(uow, in);
    MK_REQUIRE_OK(recorded);
    id = *recorded;
    AuditEvent e = test::recorded(uow, "disclosure.record");
    CHECK(e.object == id);
    CHECK(e.detail == "partner=shop;purpose=care_referral;records=2");
    MK_REQUIRE_OK(uow.commit());
  }
  CHECK(id.size() == 10);
  CHECK(id.rfind("D-", 0) == 0);
  AuditEntry entry = s.last_entry();
  CHECK(entry.action == "disclosure.record");
  CHECK(entry.object == id);
  CHECK(entry.actor == "coordinator");

  std::vector<Disclosure> all = sharing::register_of(s.vault());
  REQUIRE(all.size() == 1);
  const Disclosure& d = all.front();
  CHECK(d.id == id);
  CHECK(d.time == test::test_now());
  CHECK(d.actor == "coordinator");
  CHECK(d.partner == "shop");
  CHECK(d.partner_kind == "care_coordination");
  CHECK(d.purpose == "care_referral");
  CHECK(d.legal_basis == sharing::care_referral({}).legal_basis);
  CHECK(d.fields == Ids{"date_of_birth", "nationality", "signal.forms"});  // sorted
  CHECK(d.pseudonymised == Ids{"name"});
  CHECK(d.generalised == Ids{"date_of_birth"});
  CHECK(d.withheld == Ids{"address", "bsn", "document_number", "phone", "signal.narrative"});
  CHECK(d.package_sha256 == sharing::kPackageHash);
  CHECK(d.policy_hash == sharing::kPolicyHash);
  CHECK(d.record_count == 2);
  CHECK(d.person_ids == Ids{s.victim});
  CHECK(d.case_ids == Ids{s.case_id});
  CHECK(d.signal_ids.empty());

  Result<Disclosure> one =
      in_unit(s.vault(), [&](UnitOfWork& uow) { return get_disclosure(uow, id); });
  MK_REQUIRE_OK(one);
  CHECK(one->person_ids == Ids{s.victim});
  CHECK(one->withheld == d.withheld);
  CHECK(code_of(in_unit(s.vault(), [](UnitOfWork& uow) {
          return get_disclosure(uow, "D-7K3M9Q2X");
        })) == Code::kNotFound);
  CHECK(code_of(in_unit(s.vault(), [](UnitOfWork& uow) { return get_disclosure(uow, "D-1"); })) ==
        Code::kInvalidInput);
}

TEST_CASE("the register lists oldest first and names each partner's kind") {
  RegisterScene s;
  std::string first = sharing::record(s.vault(), sharing::police_report({s.suspect}, {s.signal}));
  s.tv.clock().advance(std::chrono::hours(24));
  std::string second = sharing::record(s.vault(), sharing::care_referral({s.victim}));
  s.tv.clock().advance(std::chrono::hours(24));
  std::string third = sharing::record(s.vault(), sharing::care_referral({}, {s.case_id}));
  std::vector<Disclosure> all = sharing::register_of(s.vault());
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == first);
  CHECK(all[0].partner_kind == "police");
  CHECK(all[0].signal_ids == Ids{s.signal});
  CHECK(all[0].record_count == 2);
  CHECK(all[1].id == second);
  CHECK(all[2].id == third);
  CHECK(all[2].person_ids.empty());
  CHECK(all[2].time == test::test_now() + std::chrono::hours(48));

  Result<std::map<std::string, Ids>> kinds =
      in_unit(s.vault(), [](UnitOfWork& uow) { return disclosed_partner_kinds(uow); });
  MK_REQUIRE_OK(kinds);
  CHECK(*kinds ==
        std::map<std::string, Ids>{{s.suspect, {"police"}}, {s.victim, {"care_coordination"}}});
  // The victim referred to the police too: both kinds, sorted, each once.
  sharing::record(s.vault(), sharing::police_report({s.victim}));
  sharing::record(s.vault(), sharing::police_report({s.victim}));
  kinds = in_unit(s.vault(), [](UnitOfWork& uow) { return disclosed_partner_kinds(uow); });
  MK_REQUIRE_OK(kinds);
  CHECK(kinds->at(s.victim) == Ids{"care_coordination", "police"});
}

TEST_CASE("bad disclosures are refused naming the field, and nothing is recorded") {
  RegisterScene s;
  std::uint64_t audit_before = *audit_size(s.vault());
  struct Bad {
    const char* field;
    Code code;
    void (*spoil)(DisclosureInput&);
  };
  const Bad bad[] = {
      {"partner", Code::kInvalidInput, [](DisclosureInput& in) { in.partner = "SHOP"; }},
      {"partner", Code::kNotFound, [](DisclosureInput& in) { in.partner = "veilig_thuis"; }},
      {"purpose", Code::kInvalidInput, [](DisclosureInput& in) { in.purpose = "care referral"; }},
      {"purpose", Code::kInvalidInput, [](DisclosureInput& in) { in.purpose = "registration"; }},
      {"legal_basis", Code::kInvalidInput, [](DisclosureInput& in) { in.legal_basis = " "; }},
      {"legal_basis", Code::kInvalidInput,
       [](DisclosureInput& in) { in.legal_basis = "AVG art. 6(1)(e)\nWmo 2015"; }},
      {"legal_basis", Code::kInvalidInput,
       [](DisclosureInput& in) { in.legal_basis = std::string(kMaxLegalBasisChars + 1, 'a'); }},
      {"fields", Code::kInvalidInput, [](DisclosureInput& in) { in.fields.push_back("Name"); }},
      {"fields", Code::kInvalidInput, [](DisclosureInput& in) { in.fields.push_back("a,b"); }},
      {"pseudonymised", Code::kInvalidInput,
       [](DisclosureInput& in) { in.pseudonymised.push_back(""); }},
      {"generalised", Code::kInvalidInput,
       [](DisclosureInput& in) { in.generalised.push_back("date of birth"); }},
      {"withheld", Code::kInvalidInput, [](DisclosureInput& in) { in.withheld.push_back("bsn;"); }},
      {"package_sha256", Code::kInvalidInput, [](DisclosureInput& in) { in.package_sha256 = ""; }},
      {"package_sha256", Code::kInvalidInput,
       [](DisclosureInput& in) {
         in.package_sha256 = "3B7E1C0A9D5F4E2B8A6C1D0E9F8A7B6C5D4E3F2A1B0C9D8E7F6A5B4C3D2E1F0A";
       }},
      {"policy_hash", Code::kInvalidInput,
       [](DisclosureInput& in) { in.policy_hash = std::string(63, 'a'); }},
      {"record_count", Code::kInvalidInput, [](DisclosureInput& in) { in.record_count = -1; }},
      {"record_count", Code::kInvalidInput,
       [](DisclosureInput& in) { in.record_count = kMaxDisclosureRecords + 1; }},
      {"person_ids", Code::kInvalidInput,
       [](DisclosureInput& in) { in.person_ids.push_back("C-7K3M9Q2X"); }},
      {"person_ids", Code::kNotFound,
       [](DisclosureInput& in) { in.person_ids.push_back("P-7K3M9Q2X"); }},
      {"case_ids", Code::kNotFound, [](DisclosureInput& in) { in.case_ids = {"C-7K3M9Q2X"}; }},
      {"signal_ids", Code::kInvalidInput, [](DisclosureInput& in) { in.signal_ids = {"S-1"}; }},
      {"signal_ids", Code::kNotFound, [](DisclosureInput& in) { in.signal_ids = {"S-7K3M9Q2X"}; }},
  };
  for (const Bad& b : bad) {
    DisclosureInput in = sharing::care_referral({s.victim}, {s.case_id});
    b.spoil(in);
    Result<std::string> got = s.record(in);
    INFO(b.field << ": " << got.status().to_string());
    CHECK(code_of(got) == b.code);
    CHECK(got.status().message().rfind(std::string(b.field) + ":", 0) == 0);
  }
  CHECK(sharing::register_of(s.vault()).empty());
  CHECK(s.tv.count_rows("disclosures") == 0);
  CHECK(s.tv.count_rows("disclosure_subjects") == 0);
  CHECK(*audit_size(s.vault()) == audit_before);
}

TEST_CASE("the compliance role reads the register but cannot write it") {
  RegisterScene s;
  std::string id = sharing::record(s.vault(), sharing::police_report({s.suspect}));
  s.tv.reopen_as_compliance();
  s.vault().set_audit_sink(&s.log);
  std::vector<Disclosure> all = sharing::register_of(s.vault());
  REQUIRE(all.size() == 1);
  CHECK(all.front().id == id);
  CHECK(all.front().person_ids == Ids{s.suspect});
  CHECK(all.front().legal_basis == sharing::police_report({}).legal_basis);
  CHECK(code_of(s.record(sharing::police_report({s.suspect}))) == Code::kForbidden);
  CHECK(code_of(s.shred(id, retention())) == Code::kForbidden);
  CHECK(sharing::register_of(s.vault()).size() == 1);
}

TEST_CASE("the register keeps its rows when the partner is removed") {
  RegisterScene s;
  std::string id = sharing::record(s.vault(), sharing::care_referral({s.victim}));
  MK_REQUIRE_OK(in_unit(s.vault(), [](UnitOfWork& uow) { return remove_partner(uow, "shop"); }));
  std::vector<Disclosure> all = sharing::register_of(s.vault());
  REQUIRE(all.size() == 1);
  CHECK(all.front().partner == "shop");
  CHECK(all.front().partner_kind == "care_coordination");
  // Nothing more goes to a partner that is no longer registered.
  CHECK(code_of(s.record(sharing::care_referral({s.victim}))) == Code::kNotFound);
}

TEST_CASE("retention sees the partner kinds a person was disclosed to") {
  RegisterScene s;
  std::vector<RetentionSubject> before = s.subjects();
  CHECK(s.subject(before, s.suspect).disclosed_to.empty());

  sharing::record(s.vault(), sharing::police_report({s.suspect}, {s.signal}));
  std::vector<RetentionSubject> all = s.subjects();
  // A rule "not_disclosed_to: [police]" no longer matches the suspect.
  CHECK(s.subject(all, s.suspect).disclosed_to == Ids{"police"});
  CHECK(s.subject(all, s.victim).disclosed_to.empty());  // in the signal, but not named

  sharing::record(s.vault(), sharing::care_referral({s.victim, s.suspect}));
  all = s.subjects();
  CHECK(s.subject(all, s.suspect).disclosed_to == Ids{"care_coordination", "police"});
  CHECK(s.subject(all, s.victim).disclosed_to == Ids{"care_coordination"});
  for (const RetentionSubject& subject : all) {
    if (subject.kind != SubjectKind::kPerson) CHECK(subject.disclosed_to.empty());
  }
}

TEST_CASE("shredding a person removes their consents and register links, not the register row") {
  RegisterScene s;
  MK_REQUIRE_OK(in_unit(s.vault(), [&](UnitOfWork& uow) {
    return record_consent(uow, {s.victim, "shop", "care_referral", "self", Date(2026, 2, 20)});
  }));
  std::string referral = sharing::record(s.vault(), sharing::care_referral({s.victim, s.suspect}));
  std::string report = sharing::record(s.vault(), sharing::police_report({s.suspect}));
  REQUIRE(s.tv.count_rows("disclosure_subjects") == 3);

  // The case holds the victim; it goes first, as a sweep would have it.
  MK_REQUIRE_OK(in_unit(s.vault(), [&](UnitOfWork& uow) {
    return shred_case(uow, s.case_id, ShredOrder{"case-closed", kRetentionHash, false});
  }));
  MK_REQUIRE_OK(in_unit(s.vault(), [&](UnitOfWork& uow) {
    return shred_person(uow, s.victim, ShredOrder{"erasure_request", "", false});
  }));

  CHECK(s.tv.count_rows("consents") == 0);
  std::vector<Disclosure> all = sharing::register_of(s.vault());
  REQUIRE(all.size() == 2);
  const Disclosure& kept = all[0].id == referral ? all[0] : all[1];
  CHECK(kept.id == referral);
  CHECK(kept.person_ids == Ids{s.suspect});  // the victim's link is gone
  CHECK(kept.record_count == 2);             // what was sent is still told
  CHECK(kept.partner == "shop");
  CHECK(kept.pseudonymised == Ids{"name"});
  Result<std::map<std::string, Ids>> kinds =
      in_unit(s.vault(), [](UnitOfWork& uow) { return disclosed_partner_kinds(uow); });
  MK_REQUIRE_OK(kinds);
  CHECK(kinds->count(s.victim) == 0);

  // The suspect, shredded too: rows stay without any person.
  MK_REQUIRE_OK(in_unit(s.vault(), [&](UnitOfWork& uow) {
    return shred_person(uow, s.suspect, ShredOrder{"person-suspect", kRetentionHash, false});
  }));
  all = sharing::register_of(s.vault());
  REQUIRE(all.size() == 2);
  for (const Disclosure& d : all) {
    CHECK(d.person_ids.empty());
    CHECK(d.signal_ids.empty());  // the signal went with the case
  }
  CHECK(s.tv.count_rows("disclosure_subjects") == 0);
  CHECK(std::any_of(all.begin(), all.end(), [&](const auto& d) { return d.id == report; }));
}

TEST_CASE("disclosures are retention subjects, after cases and before persons, dated by UTC") {
  RegisterScene s;
  // 23:30 UTC is already 3 March in Rijswijk; the register counts in UTC, as the audit log does.
  s.tv.clock().set(std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + std::chrono::hours(23) +
                   std::chrono::minutes(30));
  std::string report = sharing::record(s.vault(), sharing::police_report({s.suspect}));
  std::vector<RetentionSubject> all = s.subjects();
  REQUIRE(all.size() == 4);  // the case, the disclosure, two persons
  CHECK(all[0].kind == SubjectKind::kCase);
  CHECK(all[1].kind == SubjectKind::kDisclosure);
  CHECK(all[2].kind == SubjectKind::kPerson);
  CHECK(all[3].kind == SubjectKind::kPerson);
  const RetentionSubject& d = all[1];
  CHECK(d.id == report);
  CHECK(enum_name(d.kind) == "disclosure");
  CHECK(d.received == Date(2026, 3, 2));
  CHECK(d.closed == Date(2026, 3, 2));
  CHECK(d.last_activity == Date(2026, 3, 2));
  CHECK_FALSE(d.role.has_value());
  CHECK_FALSE(d.outcome.has_value());
  CHECK(d.held_by.empty());

  Result<Ids> persons = in_unit(s.vault(), [&](UnitOfWork& uow) {
    return persons_linked_to(uow, SubjectKind::kDisclosure, report);
  });
  MK_REQUIRE_OK(persons);
  CHECK(*persons == Ids{s.suspect});
}

TEST_CASE("a hold on a case a disclosure names, directly or through a signal, blocks it") {
  RegisterScene s;
  std::string via_case =
      sharing::record(s.vault(), sharing::care_referral({s.victim}, {s.case_id}));
  std::string via_signal = sharing::record(s.vault(), sharing::police_report({}, {s.signal}));
  std::string unheld = sharing::record(s.vault(), sharing::police_report({s.suspect}));
  MK_REQUIRE_OK(in_unit(s.vault(), [&](UnitOfWork& uow) {
    return place_hold(uow, s.case_id, "Strafrechtelijk onderzoek, verzoek OM 2026-02");
  }));
  std::vector<RetentionSubject> all = s.subjects();
  CHECK(s.subject(all, via_case).held_by == Ids{s.case_id});
  CHECK(s.subject(all, via_signal).held_by == Ids{s.case_id});
  CHECK(s.subject(all, unheld).held_by.empty());

  Status refused = s.shred(via_signal, retention());
  CHECK(code_of(refused) == Code::kConflict);
  CHECK(refused.message().find(s.case_id) != std::string::npos);
  CHECK(sharing::register_of(s.vault()).size() == 3);
  MK_CHECK_OK(s.shred(unheld, retention()));

  MK_REQUIRE_OK(in_unit(s.vault(), [&](UnitOfWork& uow) { return release_hold(uow, s.case_id); }));
  MK_CHECK_OK(s.shred(via_case, retention()));
  MK_CHECK_OK(s.shred(via_signal, retention()));
  CHECK(sharing::register_of(s.vault()).empty());
}

TEST_CASE("shredding a disclosure deletes its row and links, keeps its records, and is audited") {
  RegisterScene s;
  std::string id = sharing::record(s.vault(), sharing::care_referral({s.victim}, {s.case_id}));
  std::string other = sharing::record(s.vault(), sharing::police_report({s.suspect}));
  MK_REQUIRE_OK(s.shred(id, retention()));
  AuditEntry e = s.last_entry();
  CHECK(e.action == "retention.shred");
  CHECK(e.object == id);
  CHECK(e.detail == "rule=disclosure;policy=" + std::string(kRetentionHash) + ";action=shred");

  std::vector<Disclosure> all = sharing::register_of(s.vault());
  REQUIRE(all.size() == 1);
  CHECK(all.front().id == other);
  CHECK(s.tv.count_rows("disclosure_subjects") == 1);
  CHECK(s.tv.count_rows("persons") == 2);
  CHECK(s.tv.count_rows("cases") == 1);
  CHECK(s.tv.count_rows("statistical_facts") == 0);
  CHECK(code_of(s.shred(id, retention())) == Code::kNotFound);
}

TEST_CASE("a de-identified disclosure leaves a fact: month, partner kind, purpose, roles") {
  RegisterScene s;
  std::string id = sharing::record(s.vault(), sharing::care_referral({s.victim, s.suspect}));
  std::string again = sharing::record(s.vault(), sharing::care_referral({s.victim}));
  s.tv.clock().advance(std::chrono::hours(24 * 30));
  MK_REQUIRE_OK(s.shred(id, retention(true)));
  MK_REQUIRE_OK(s.shred(again, retention(true)));
  CHECK(s.last_entry().detail ==
        "rule=disclosure;policy=" + std::string(kRetentionHash) + ";action=deidentify");
  Result<std::vector<StatisticalFact>> facts =
      in_unit(s.vault(), [](UnitOfWork& uow) { return list_statistical_facts(uow); });
  MK_REQUIRE_OK(facts);
  REQUIRE(facts->size() == 2);
  std::sort(facts->begin(), facts->end(),
            [](const auto& a, const auto& b) { return a.suspects < b.suspects; });
  const StatisticalFact& f = facts->back();
  CHECK(f.kind == "disclosure");
  CHECK(f.period == "2026-03");
  CHECK_FALSE(f.closed_period.has_value());
  CHECK(f.partner_kind == "care_coordination");
  CHECK(f.purpose == "care_referral");
  CHECK(f.victims == 1);
  CHECK(f.suspects == 1);
  CHECK(f.source_kind.empty());
  CHECK(f.outcome.empty());
  CHECK(f.forms.empty());
  CHECK(f.minor.empty());
  CHECK(f.rule == "disclosure");
  CHECK(f.shredded_period == "2026-04");
  CHECK(facts->front().victims == 1);
  CHECK(facts->front().suspects == 0);
  CHECK(sharing::register_of(s.vault()).empty());
}

TEST_CASE("bad orders to shred a disclosure are refused") {
  RegisterScene s;
  std::string id = sharing::record(s.vault(), sharing::care_referral({s.victim}));
  CHECK(code_of(s.shred(id, ShredOrder{"erasure_request", "", false})) == Code::kInvalidInput);
  CHECK(code_of(s.shred(id, ShredOrder{"disclosure", "", false})) == Code::kInvalidInput);
  CHECK(code_of(s.shred(id, ShredOrder{"dis closure", kRetentionHash, false})) ==
        Code::kInvalidInput);
  CHECK(code_of(s.shred("D-1", retention())) == Code::kInvalidInput);
  CHECK(code_of(s.shred(s.case_id, retention())) == Code::kInvalidInput);
  CHECK(code_of(s.shred("D-7K3M9Q2X", retention())) == Code::kNotFound);
  CHECK(sharing::register_of(s.vault()).size() == 1);
}

TEST_CASE("a disclosure fact is checked like every other") {
  TestVault tv;
  StatisticalFact f;
  f.kind = "disclosure";
  f.period = "2026-03";
  f.partner_kind = "police";
  f.purpose = "report";
  f.rule = "disclosure";
  f.shredded_period = "2031-03";
  auto add = [&](const StatisticalFact& fact) {
    return in_unit(tv.vault(), [&](UnitOfWork& uow) { return add_statistical_fact(uow, fact); });
  };
  StatisticalFact no_kind = f;
  no_kind.partner_kind = "";
  CHECK(code_of(add(no_kind)) == Code::kInvalidInput);
  StatisticalFact no_purpose = f;
  no_purpose.purpose = "";
  CHECK(code_of(add(no_purpose)) == Code::kInvalidInput);
  StatisticalFact with_outcome = f;
  with_outcome.outcome = "referred";
  CHECK(code_of(add(with_outcome)) == Code::kInvalidInput);
  StatisticalFact case_with_kind = f;
  case_with_kind.kind = "case";
  CHECK(code_of(add(case_with_kind)) == Code::kInvalidInput);
  StatisticalFact bad_kind = f;
  bad_kind.kind = "consent";
  CHECK(code_of(add(bad_kind)) == Code::kInvalidInput);
  CHECK(tv.count_rows("statistical_facts") == 0);
  MK_CHECK_OK(add(f));
  MK_CHECK_OK(add(f));
  CHECK(tv.count_rows("statistical_facts") == 1);
  // Facts alike but for the partner kind are two rows, not one.
  StatisticalFact shop = f;
  shop.partner_kind = "care_coordination";
  MK_CHECK_OK(add(shop));
  CHECK(tv.count_rows("statistical_facts") == 2);
}

}  // namespace mk::vault

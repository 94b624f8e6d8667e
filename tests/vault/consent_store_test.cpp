// Consents: recorded and withdrawn by the coordinator for a person, partner and purpose, read by
// every role, gone with the person.
#include "vault/consent_store.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "sharing_fixture.hpp"
#include "test_vault_fixture.hpp"
#include "vault/shredding.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
namespace sharing = test::sharing;
namespace synthetic = test::synthetic;

// Fatima (born 2009, so 16 on test_today()) and her registration with CoMensha.
struct ConsentScene {
  ConsentScene() {
    sharing::add_partners(vault());
    fatima = synthetic::add_person(vault(), PersonRole::kVictim, synthetic::kFatima);
  }
  Vault& vault() { return tv.vault(); }

  ConsentInput registration(std::string signer = "self", Date given = Date(2026, 2, 20)) const {
    return {fatima, "comensha", "registration", std::move(signer), given};
  }
  Result<std::string> record(const ConsentInput& in) {
    return in_unit(vault(), [&](UnitOfWork& uow) { return record_consent(uow, in); });
  }
  Status withdraw(std::string_view id, Date on) {
    return in_unit(vault(), [&](UnitOfWork& uow) { return withdraw_consent(uow, id, on); });
  }
  std::vector<Consent> list(std::string_view person) {
    Result<std::vector<Consent>> all =
        in_unit(vault(), [&](UnitOfWork& uow) { return list_consents(uow, person); });
    MK_REQUIRE_OK(all);
    return std::move(*all);
  }

  TestVault tv;
  std::string fatima;
};

}  // namespace

TEST_CASE("a consent is recorded, listed and withdrawn; both steps are audited by code only") {
  ConsentScene s;
  std::string id;
  {
    UnitOfWork uow = test::begin_unit(s.vault());
    Result<std::string> recorded = record_consent(uow, s.registration("self"));
    MK_REQUIRE_OK(recorded);
    id = *recorded;
    AuditEvent e = test::recorded(uow, "consent.record");
    CHECK(e.object == s.fatima);
    CHECK(e.detail == "partner=comensha;purpose=registration;signer=self");
    MK_REQUIRE_OK(uow.commit());
  }
  CHECK(looks_like_consent_id(id));
  CHECK(id.rfind("CN-", 0) == 0);

  std::vector<Consent> all = s.list(s.fatima);
  REQUIRE(all.size() == 1);
  const Consent& c = all.front();
  CHECK(c.id == id);
  CHECK(c.person_id == s.fatima);
  CHECK(c.partner == "comensha");
  CHECK(c.purpose == "registration");
  CHECK(c.signer == "self");
  CHECK(c.given == Date(2026, 2, 20));
  CHECK_FALSE(c.withdrawn.has_value());
  CHECK(c.recorded == test::test_now());

  s.tv.clock().advance(std::chrono::hours(24 * 10));
  {
    UnitOfWork uow = test::begin_unit(s.vault());
    MK_REQUIRE_OK(withdraw_consent(uow, id, Date(2026, 3, 10)));
    AuditEvent e = test::recorded(uow, "consent.withdraw");
    CHECK(e.object == s.fatima);
    CHECK(e.detail == "consent=" + id + ";partner=comensha;purpose=registration");
    MK_REQUIRE_OK(uow.commit());
  }
  all = s.list(s.fatima);
  REQUIRE(all.size() == 1);
  CHECK(all.front().withdrawn == Date(2026, 3, 10));

  Status again = s.withdraw(id, Date(2026, 3, 11));
  CHECK(code_of(again) == Code::kConflict);
  CHECK(again.message().find("2026-03-10") != std::string::npos);
  CHECK(s.list(s.fatima).front().withdrawn == Date(2026, 3, 10));

  // A new consent after the withdrawal is a new record; the withdrawn one stays listed, first.
  Result<std::string> renewed = s.record(s.registration("self", Date(2026, 3, 12)));
  MK_REQUIRE_OK(renewed);
  all = s.list(s.fatima);
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == id);
  CHECK(all[1].id == *renewed);
  CHECK_FALSE(all[1].withdrawn.has_value());
}

TEST_CASE("a parent or guardian signs; consents are listed per person in the order given") {
  ConsentScene s;
  std::string ioana = synthetic::add_person(s.vault(), PersonRole::kVictim, synthetic::kIoana);
  MK_REQUIRE_OK(s.record(s.registration("parent", Date(2025, 11, 3))));
  MK_REQUIRE_OK(s.record({s.fatima, "shop", "care_referral", "guardian", Date(2025, 10, 1)}));
  MK_REQUIRE_OK(s.record({ioana, "shop", "care_referral", "self", Date(2026, 3, 2)}));
  std::vector<Consent> fatima = s.list(s.fatima);
  REQUIRE(fatima.size() == 2);
  CHECK(fatima[0].partner == "shop");
  CHECK(fatima[0].signer == "guardian");
  CHECK(fatima[1].partner == "comensha");
  CHECK(fatima[1].signer == "parent");
  std::vector<Consent> of_ioana = s.list(ioana);
  REQUIRE(of_ioana.size() == 1);
  CHECK(of_ioana.front().given == Date(2026, 3, 2));  // today is allowed
  CHECK(s.list(synthetic::add_person(s.vault(), PersonRole::kOther, synthetic::kDaan)).empty());
}

TEST_CASE("bad consents and withdrawals are refused and change nothing") {
  ConsentScene s;
  Result<std::string> kept = s.record(s.registration());
  MK_REQUIRE_OK(kept);
  std::int64_t rows = s.tv.count_rows("consents");

  auto with = [&](auto spoil) {
    ConsentInput in = s.registration();
    spoil(in);
    return s.record(in);
  };
  struct Case {
    Result<std::string> got;
    Code code;
    const char* field;
  };
  const Case cases[] = {
      {with([](ConsentInput& in) { in.person_id = "P-123"; }), Code::kInvalidInput, "person_id"},
      {with([](ConsentInput& in) { in.person_id = "S-7K3M9Q2X"; }), Code::kInvalidInput,
       "person_id"},
      {with([](ConsentInput& in) { in.person_id = "P-7K3M9Q2X"; }), Code::kNotFound, "person_id"},
      {with([](ConsentInput& in) { in.signer = "mother"; }), Code::kInvalidInput, "signer"},
      {with([](ConsentInput& in) { in.signer = "Self"; }), Code::kInvalidInput, "signer"},
      {with([](ConsentInput& in) { in.given = Date(2026, 3, 3); }), Code::kInvalidInput, "given"},
      {with([](ConsentInput& in) { in.given = Date(1899, 12, 31); }), Code::kInvalidInput, "given"},
      {with([](ConsentInput& in) { in.partner = "CoMensha"; }), Code::kInvalidInput, "partner"},
      {with([](ConsentInput& in) { in.partner = "veilig_thuis"; }), Code::kNotFound, "partner"},
      {with([](ConsentInput& in) { in.purpose = ""; }), Code::kInvalidInput, "purpose"},
      // CoMensha registers; it gives no care.
      {with([](ConsentInput& in) { in.purpose = "care_referral"; }), Code::kInvalidInput,
       "purpose"},
  };
  for (const Case& c : cases) {
    INFO(c.field << ": " << c.got.status().to_string());
    CHECK(code_of(c.got) == c.code);
    CHECK(c.got.status().message().rfind(std::string(c.field) + ":", 0) == 0);
  }
  CHECK(s.tv.count_rows("consents") == rows);

  for (const char* bad :
       {"", "CN-123", "C-7K3M9Q2X", "cn-7K3M9Q2X", "CN-7K3M9Q2U", "CNX7K3M9Q2X"}) {
    INFO(bad);
    CHECK(code_of(s.withdraw(bad, Date(2026, 3, 1))) == Code::kInvalidInput);
  }
  CHECK(code_of(s.withdraw("CN-7K3M9Q2X", Date(2026, 3, 1))) == Code::kNotFound);
  Status before_given = s.withdraw(*kept, Date(2026, 2, 19));
  CHECK(code_of(before_given) == Code::kInvalidInput);
  CHECK(before_given.message().rfind("withdrawn:", 0) == 0);
  CHECK(code_of(s.withdraw(*kept, Date(2026, 3, 3))) == Code::kInvalidInput);  // the future
  MK_CHECK_OK(s.withdraw(*kept, Date(2026, 2, 20)));  // the day it was given
  CHECK(s.list(s.fatima).front().withdrawn == Date(2026, 2, 20));

  CHECK(code_of(in_unit(s.vault(), [](UnitOfWork& uow) {
          return list_consents(uow, "P-7K3M9Q2X");
        })) == Code::kNotFound);
  CHECK(code_of(in_unit(s.vault(), [](UnitOfWork& uow) { return list_consents(uow, "P-1"); })) ==
        Code::kInvalidInput);
}

TEST_CASE("a consent outlives its partner's removal") {
  ConsentScene s;
  MK_REQUIRE_OK(s.record(s.registration()));
  MK_REQUIRE_OK(
      in_unit(s.vault(), [](UnitOfWork& uow) { return remove_partner(uow, "comensha"); }));
  std::vector<Consent> all = s.list(s.fatima);
  REQUIRE(all.size() == 1);
  CHECK(all.front().partner == "comensha");
  // But no new one is recorded for a partner the vault does not know.
  CHECK(code_of(s.record(s.registration())) == Code::kNotFound);
}

TEST_CASE("the compliance role reads consents but cannot record or withdraw them") {
  ConsentScene s;
  Result<std::string> id = s.record(s.registration());
  MK_REQUIRE_OK(id);
  s.tv.reopen_as_compliance();
  std::vector<Consent> all = s.list(s.fatima);
  REQUIRE(all.size() == 1);
  CHECK(all.front().signer == "self");
  CHECK(code_of(s.record(s.registration("self", Date(2026, 3, 1)))) == Code::kForbidden);
  CHECK(code_of(s.withdraw(*id, Date(2026, 3, 1))) == Code::kForbidden);
  CHECK_FALSE(s.list(s.fatima).front().withdrawn.has_value());
}

TEST_CASE("shredding a person removes their consents, not those of others") {
  ConsentScene s;
  std::string ioana = synthetic::add_person(s.vault(), PersonRole::kVictim, synthetic::kIoana);
  MK_REQUIRE_OK(s.record(s.registration()));
  MK_REQUIRE_OK(s.record({s.fatima, "shop", "care_referral", "parent", Date(2026, 1, 8)}));
  MK_REQUIRE_OK(s.record({ioana, "shop", "care_referral", "self", Date(2026, 1, 9)}));
  REQUIRE(s.tv.count_rows("consents") == 3);
  MK_REQUIRE_OK(in_unit(s.vault(), [&](UnitOfWork& uow) {
    return shred_person(uow, s.fatima, ShredOrder{"erasure_request", "", false});
  }));
  CHECK(s.tv.count_rows("consents") == 1);
  CHECK(s.list(ioana).size() == 1);
  CHECK(code_of(in_unit(s.vault(), [&](UnitOfWork& uow) {
          return list_consents(uow, s.fatima);
        })) == Code::kNotFound);
}

}  // namespace mk::vault

// Partners: registered and removed by the coordinator, read by every role; bad values are refused
// with the field named and change nothing.
#include "vault/partner_store.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "sharing_fixture.hpp"
#include "test_vault_fixture.hpp"
#include "vault/field_rules.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
namespace sharing = test::sharing;

std::vector<Partner> partners_of(Vault& v) {
  Result<std::vector<Partner>> all = in_unit(v, [](UnitOfWork& uow) { return list_partners(uow); });
  MK_REQUIRE_OK(all);
  return std::move(*all);
}

Result<Partner> partner(Vault& v, std::string_view id) {
  return in_unit(v, [&](UnitOfWork& uow) { return get_partner(uow, id); });
}

}  // namespace

TEST_CASE("partners are added, listed by id, read back and removed, each change audited") {
  TestVault tv;
  Vault& v = tv.vault();
  {
    UnitOfWork uow = test::begin_unit(v);
    Partner p = sharing::police();
    p.name = "  Politie Eenheid Den Haag, AVIM ";
    p.purposes = {"report", "information_request", "report"};
    MK_REQUIRE_OK(add_partner(uow, p));
    AuditEvent e = test::recorded(uow, "partner.add");
    CHECK(e.object == "police");
    CHECK(e.detail == "kind=police");
    MK_REQUIRE_OK(uow.commit());
  }
  tv.clock().advance(std::chrono::hours(2));
  MK_REQUIRE_OK(sharing::add(v, sharing::shop()));
  MK_REQUIRE_OK(sharing::add(v, sharing::comensha()));

  std::vector<Partner> all = partners_of(v);
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == "comensha");
  CHECK(all[1].id == "police");
  CHECK(all[2].id == "shop");
  const Partner& police = all[1];
  CHECK(police.name == "Politie Eenheid Den Haag, AVIM");  // trimmed
  CHECK(police.kind == "police");
  CHECK(police.contact == sharing::police().contact);
  CHECK(police.age_recipient == sharing::police().age_recipient);
  CHECK(police.purposes == std::vector<std::string>{"information_request", "report"});
  CHECK(police.added == test::test_now());
  CHECK(all[2].added == test::test_now() + std::chrono::hours(2));
  CHECK(all[0].contact.empty());

  Result<Partner> shop = partner(v, "shop");
  MK_REQUIRE_OK(shop);
  CHECK(shop->name == "Stichting SHOP Den Haag");
  CHECK(shop->contact == "Zorgcoördinatie mensenhandel, 070 - 365 12 34");
  CHECK(shop->purposes == std::vector<std::string>{"care_referral"});

  {
    UnitOfWork uow = test::begin_unit(v);
    MK_REQUIRE_OK(remove_partner(uow, "comensha"));
    CHECK(test::recorded(uow, "partner.remove").object == "comensha");
    MK_REQUIRE_OK(uow.commit());
  }
  CHECK(partners_of(v).size() == 2);
  CHECK(code_of(partner(v, "comensha")) == Code::kNotFound);
  CHECK(code_of(in_unit(v, [](UnitOfWork& uow) { return remove_partner(uow, "comensha"); })) ==
        Code::kNotFound);
  // Removed, it may be registered again (a new key, say).
  MK_CHECK_OK(sharing::add(v, sharing::comensha()));
}

TEST_CASE("a partner id is registered once") {
  TestVault tv;
  MK_REQUIRE_OK(sharing::add(tv.vault(), sharing::shop()));
  Partner again = sharing::police();
  again.id = "shop";
  Status s = sharing::add(tv.vault(), again);
  CHECK(code_of(s) == Code::kConflict);
  CHECK(s.message().find("shop") != std::string::npos);
  Result<Partner> kept = partner(tv.vault(), "shop");
  MK_REQUIRE_OK(kept);
  CHECK(kept->kind == "care_coordination");
}

TEST_CASE("bad partner values are refused naming the field, and nothing is stored") {
  TestVault tv;
  Vault& v = tv.vault();
  struct Bad {
    const char* field;
    void (*spoil)(Partner&);
  };
  const Bad bad[] = {
      {"id", [](Partner& p) { p.id = ""; }},
      {"id", [](Partner& p) { p.id = "SHOP"; }},
      {"id", [](Partner& p) { p.id = "shop den haag"; }},
      {"id", [](Partner& p) { p.id = "shop,police"; }},
      {"id", [](Partner& p) { p.id = std::string(65, 's'); }},
      {"name", [](Partner& p) { p.name = ""; }},
      {"name", [](Partner& p) { p.name = "   "; }},
      {"name", [](Partner& p) { p.name = "Stichting SHOP\nDen Haag"; }},
      {"name", [](Partner& p) { p.name = std::string(kMaxShortTextChars + 1, 'x'); }},
      {"name", [](Partner& p) { p.name = "SHOP \xC3\x28"; }},
      {"kind", [](Partner& p) { p.kind = ""; }},
      {"kind", [](Partner& p) { p.kind = "Care coordination"; }},
      {"contact", [](Partner& p) { p.contact = "  "; }},
      {"contact", [](Partner& p) { p.contact = "070\x07"; }},
      {"age_recipient", [](Partner& p) { p.age_recipient = ""; }},
      {"age_recipient", [](Partner& p) { p.age_recipient = "age1"; }},
      // Upper case, as Bech32 allows but age does not write.
      {"age_recipient",
       [](Partner& p) {
         p.age_recipient = "AGE1CXHU84DP9J2VNH7RQGR89AMCW6T3S596QCUL96T2KJKYKLZF2YSQG6865J";
       }},
      // 'b' is not in the Bech32 alphabet.
      {"age_recipient",
       [](Partner& p) {
         p.age_recipient = "age1bxhu84dp9j2vnh7rqgr89amcw6t3s596qcul96t2kjkyklzf2ysqg6865j";
       }},
      // One character short, one too many.
      {"age_recipient",
       [](Partner& p) {
         p.age_recipient = "age1cxhu84dp9j2vnh7rqgr89amcw6t3s596qcul96t2kjkyklzf2ysqg6865";
       }},
      {"age_recipient",
       [](Partner& p) {
         p.age_recipient = "age1cxhu84dp9j2vnh7rqgr89amcw6t3s596qcul96t2kjkyklzf2ysqg6865jq";
       }},
      // A secret key, pasted by mistake.
      {"age_recipient",
       [](Partner& p) {
         p.age_recipient = "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZ";
       }},
      {"purposes", [](Partner& p) { p.purposes = {}; }},
      {"purposes", [](Partner& p) { p.purposes = {"care referral"}; }},
      {"purposes",
       [](Partner& p) {
         p.purposes = {"care_referral", ""};
       }},
  };
  for (const Bad& b : bad) {
    Partner p = sharing::shop();
    b.spoil(p);
    INFO(b.field << ": " << p.id << " / " << p.age_recipient);
    Status s = sharing::add(v, p);
    CHECK(code_of(s) == Code::kInvalidInput);
    CHECK(s.message().rfind(std::string(b.field) + ":", 0) == 0);
  }
  Partner many = sharing::shop();
  many.purposes.clear();
  for (std::size_t i = 0; i <= kMaxPartnerPurposes; ++i)
    many.purposes.push_back("purpose_" + std::to_string(i));
  CHECK(code_of(sharing::add(v, many)) == Code::kInvalidInput);
  CHECK(partners_of(v).empty());
  CHECK(tv.count_rows("partners") == 0);

  for (const char* id : {"", "Shop", "shop;x", "sh op"}) {
    INFO(id);
    CHECK(code_of(partner(v, id)) == Code::kInvalidInput);
    CHECK(code_of(in_unit(v, [&](UnitOfWork& uow) { return remove_partner(uow, id); })) ==
          Code::kInvalidInput);
  }
}

TEST_CASE("an age recipient is recognised by its shape") {
  CHECK(looks_like_age_recipient(sharing::shop().age_recipient));
  CHECK(looks_like_age_recipient(sharing::police().age_recipient));
  std::string r = sharing::shop().age_recipient;
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::string spoilt = r;
    spoilt[i] = 'B';
    CHECK_FALSE(looks_like_age_recipient(spoilt));
  }
  CHECK_FALSE(looks_like_age_recipient("age2" + r.substr(4)));
  CHECK_FALSE(looks_like_age_recipient(" " + r.substr(1)));
}

TEST_CASE("the compliance role reads partners but cannot add or remove them") {
  TestVault tv;
  sharing::add_partners(tv.vault());
  tv.reopen_as_compliance();
  Vault& v = tv.vault();
  std::vector<Partner> all = partners_of(v);
  CHECK(all.size() == 3);
  Result<Partner> police = partner(v, "police");
  MK_REQUIRE_OK(police);
  CHECK(police->age_recipient == sharing::police().age_recipient);

  Partner riec;
  riec = sharing::police();
  riec.id = "riec";
  riec.kind = "riec";
  CHECK(code_of(sharing::add(v, riec)) == Code::kForbidden);
  CHECK(code_of(in_unit(v, [](UnitOfWork& uow) { return remove_partner(uow, "shop"); })) ==
        Code::kForbidden);
  CHECK(partners_of(v).size() == 3);
}

}  // namespace mk::vault

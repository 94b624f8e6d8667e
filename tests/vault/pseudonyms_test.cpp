// Per-partner pseudonyms: stable for one partner, different across partners, typed forgivingly,
// mistypes caught by the check character, resolvable (and audited) only inside the vault.
#include "vault/pseudonyms.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "sharing_fixture.hpp"
#include "test_vault_fixture.hpp"
#include "vault/disclosure_register.hpp"
#include "vault/shredding.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
namespace sharing = test::sharing;
namespace synthetic = test::synthetic;

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kCheckSymbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

std::string code_for(Vault& v, std::string_view partner, std::string_view person) {
  Result<std::string> code = pseudonym_for(v, partner, person);
  MK_REQUIRE_OK(code);
  return *code;
}

Result<std::optional<std::string>> resolve(Vault& v, std::string_view partner,
                                           std::string_view code) {
  return in_unit(v, [&](UnitOfWork& uow) { return resolve_pseudonym(uow, partner, code); });
}

bool is_shaped(const std::string& code) {
  if (code.size() != kPseudonymChars || code[4] != '-' || code[9] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 7, 8}) {
    if (kCrockford.find(code[i]) == std::string_view::npos) return false;
  }
  return kCheckSymbols.find(code[10]) != std::string_view::npos;
}

}  // namespace

TEST_CASE("a person has one code per partner, the same in every session, different per partner") {
  TestVault tv;
  sharing::add_partners(tv.vault());
  std::string ioana = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
  std::string piotr = synthetic::add_person(tv.vault(), PersonRole::kSuspect, synthetic::kPiotr);
  std::string to_shop = code_for(tv.vault(), "shop", ioana);
  std::string to_police = code_for(tv.vault(), "police", ioana);
  CHECK(is_shaped(to_shop));
  CHECK(is_shaped(to_police));
  CHECK(to_shop != to_police);
  CHECK(code_for(tv.vault(), "shop", piotr) != to_shop);
  CHECK(code_for(tv.vault(), "shop", ioana) == to_shop);

  // Another session, and the recovery key's session: the same codes.
  MK_REQUIRE_OK(tv.reopen(test::kCoordinatorPassphrase));
  CHECK(code_for(tv.vault(), "shop", ioana) == to_shop);
  CHECK(code_for(tv.vault(), "police", ioana) == to_police);

  // A different vault (a different root key) gives the same person id another code.
  TestVault other;
  CHECK(code_for(other.vault(), "shop", ioana) != to_shop);
}

TEST_CASE("codes of many persons for two partners are spread and unlinkable by equality") {
  TestVault tv;
  std::set<std::string> shop, police;
  for (int i = 0; i < 200; ++i) {
    std::string id = "P-" + std::string(8 - std::to_string(i).size(), '0') + std::to_string(i);
    shop.insert(code_for(tv.vault(), "shop", id));
    police.insert(code_for(tv.vault(), "police", id));
  }
  CHECK(shop.size() == 200);
  CHECK(police.size() == 200);
  std::vector<std::string> common;
  std::set_intersection(shop.begin(), shop.end(), police.begin(), police.end(),
                        std::back_inserter(common));
  CHECK(common.empty());
}

TEST_CASE("a code resolves to its person for its partner only, and every attempt is audited") {
  TestVault tv;
  sharing::add_partners(tv.vault());
  std::string ioana = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
  synthetic::add_person(tv.vault(), PersonRole::kSuspect, synthetic::kPiotr);
  synthetic::add_person(tv.vault(), PersonRole::kOther, synthetic::kDaan);
  std::string code = code_for(tv.vault(), "shop", ioana);
  {
    UnitOfWork uow = test::begin_unit(tv.vault());
    Result<std::optional<std::string>> found = resolve_pseudonym(uow, "shop", code);
    MK_REQUIRE_OK(found);
    CHECK(*found == ioana);
    AuditEvent e = test::recorded(uow, "pseudonym.resolve");
    CHECK(e.object == ioana);
    CHECK(e.detail == "partner=shop;found=yes");
    MK_REQUIRE_OK(uow.commit());
  }
  {
    // The same code from the police names nobody (or, once in 2^40, somebody else).
    UnitOfWork uow = test::begin_unit(tv.vault());
    Result<std::optional<std::string>> found = resolve_pseudonym(uow, "police", code);
    MK_REQUIRE_OK(found);
    CHECK_FALSE(found->has_value());
    AuditEvent e = test::recorded(uow, "pseudonym.resolve");
    CHECK(e.object.empty());
    CHECK(e.detail == "partner=police;found=no");
  }
  // Typed as read over the phone.
  std::string typed;
  for (char c : code) {
    if (c == '-') continue;
    typed.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  Result<std::optional<std::string>> found = resolve(tv.vault(), "shop", typed);
  MK_REQUIRE_OK(found);
  CHECK(*found == ioana);

  // After the person is shredded, the code names nobody.
  MK_REQUIRE_OK(in_unit(tv.vault(), [&](UnitOfWork& uow) {
    return shred_person(uow, ioana, ShredOrder{"erasure_request", "", false});
  }));
  found = resolve(tv.vault(), "shop", code);
  MK_REQUIRE_OK(found);
  CHECK_FALSE(found->has_value());
}

TEST_CASE("a removed partner's codes still resolve while the register names it") {
  TestVault tv;
  sharing::add_partners(tv.vault());
  std::string ioana = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
  std::string code = code_for(tv.vault(), "comensha", ioana);
  DisclosureInput in = sharing::care_referral({ioana});
  in.partner = "comensha";
  in.purpose = "registration";
  sharing::record(tv.vault(), in);
  MK_REQUIRE_OK(
      in_unit(tv.vault(), [](UnitOfWork& uow) { return remove_partner(uow, "comensha"); }));
  Result<std::optional<std::string>> found = resolve(tv.vault(), "comensha", code);
  MK_REQUIRE_OK(found);
  CHECK(*found == ioana);
  // A partner the vault never knew is an error, not "nobody": likely a typo.
  CHECK(code_of(resolve(tv.vault(), "comnesha", code)) == Code::kNotFound);
  CHECK(code_of(resolve(tv.vault(), "Comensha", code)) == Code::kInvalidInput);
}

TEST_CASE("every single mistyped character of a code is caught by the check character") {
  TestVault tv;
  const std::string code = code_for(tv.vault(), "shop", "P-7K3M9Q2X");
  Result<std::string> canonical = normalise_pseudonym(code);
  MK_REQUIRE_OK(canonical);
  CHECK(*canonical == code);
  int tried = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '-') continue;
    std::string_view alphabet = i == 10 ? kCheckSymbols : kCrockford;
    for (char c : alphabet) {
      if (c == code[i]) continue;
      std::string typo = code;
      typo[i] = c;
      Result<std::string> got = normalise_pseudonym(typo);
      INFO(typo);
      REQUIRE(code_of(got) == Code::kInvalidInput);
      CHECK(got.status().message().rfind("mistyped", 0) == 0);
      ++tried;
    }
  }
  CHECK(tried == 8 * 31 + 36);
  // Neighbouring characters swapped.
  const std::size_t data[] = {0, 1, 2, 3, 5, 6, 7, 8};
  for (std::size_t k = 0; k + 1 < std::size(data); ++k) {
    std::string swapped = code;
    std::swap(swapped[data[k]], swapped[data[k + 1]]);
    if (swapped == code) continue;
    INFO(swapped);
    CHECK(code_of(normalise_pseudonym(swapped)) == Code::kInvalidInput);
  }
}

TEST_CASE("codes are read forgivingly: case, dashes, spaces, I, L and O") {
  for (std::uint64_t value :
       {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{36}, std::uint64_t{37},
        (std::uint64_t{1} << 40) - 1, std::uint64_t{0x0084210842}}) {
    std::string c = format_pseudonym(value);
    INFO(c);
    Result<std::string> back = normalise_pseudonym(c);
    MK_REQUIRE_OK(back);
    CHECK(*back == c);
  }
  CHECK(format_pseudonym(0) == "0000-0000-0");
  CHECK(format_pseudonym(36) == "0000-0014-U");
  CHECK(format_pseudonym(32) == "0000-0010-*");
  CHECK(format_pseudonym((std::uint64_t{1} << 40) - 1) == "ZZZZ-ZZZZ-F");  // 2^40 - 1 = 15 mod 37

  struct Typed {
    const char* input;
    const char* canonical;
  };
  const Typed accepted[] = {
      {"0000-0014-U", "0000-0014-U"},       {"0000-0014-u", "0000-0014-U"},
      {"00000014U", "0000-0014-U"},         {" 0000 0014 u ", "0000-0014-U"},
      {"OOOO-OOI4-U", "0000-0014-U"},       {"oooo-ool4-u", "0000-0014-U"},
      {"0-0-0-0-0-0-1-4-U", "0000-0014-U"}, {"0000-0001-1", "0000-0001-1"},
      {"0000-0001-l", "0000-0001-1"},       {"0000-0001-i", "0000-0001-1"},
      {"0000-0000-o", "0000-0000-0"},
  };
  for (const Typed& t : accepted) {
    INFO(t.input);
    Result<std::string> got = normalise_pseudonym(t.input);
    MK_REQUIRE_OK(got);
    CHECK(*got == t.canonical);
  }
  const char* rejected[] = {
      "",
      "0000-0014",       // no check character
      "0000-0014-U-1",   // one too many
      "0000-001-U",      // one too few
      "U000-0014-U",     // U is a check symbol only
      "0000-0014-#",     // not a check symbol
      "0000_0014_U",     // underscores are not dashes
      "0000-0014-Ü",     // not ASCII
      "P-7K3M-9Q2X-12",  // a person id is not a code
  };
  for (const char* r : rejected) {
    INFO(r);
    Result<std::string> got = normalise_pseudonym(r);
    CHECK(code_of(got) == Code::kInvalidInput);
    CHECK(got.status().message().rfind("not a pseudonym", 0) == 0);
  }
  CHECK(normalise_pseudonym("0000-0014-V").status().message().rfind("mistyped", 0) == 0);
}

TEST_CASE("bad partner ids and person ids are refused before anything is computed") {
  TestVault tv;
  sharing::add_partners(tv.vault());
  for (const char* partner : {"", "SHOP", "shop;found=yes", "shop den haag"}) {
    INFO(partner);
    CHECK(code_of(pseudonym_for(tv.vault(), partner, "P-7K3M9Q2X")) == Code::kInvalidInput);
    CHECK(code_of(resolve(tv.vault(), partner, "0000-0014-U")) == Code::kInvalidInput);
  }
  for (const char* person : {"", "P-123", "S-7K3M9Q2X", "p-7k3m9q2x"}) {
    INFO(person);
    CHECK(code_of(pseudonym_for(tv.vault(), "shop", person)) == Code::kInvalidInput);
  }
  CHECK(code_of(resolve(tv.vault(), "shop", "0000-0014-V")) == Code::kInvalidInput);
}

TEST_CASE("the compliance role can neither compute nor resolve a pseudonym") {
  TestVault tv;
  sharing::add_partners(tv.vault());
  std::string ioana = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
  std::string code = code_for(tv.vault(), "shop", ioana);
  tv.reopen_as_compliance();
  CHECK_FALSE(tv.vault().keys().has(KeyName::kPseudonym));
  CHECK(code_of(pseudonym_for(tv.vault(), "shop", ioana)) == Code::kForbidden);
  CHECK(code_of(resolve(tv.vault(), "shop", code)) == Code::kForbidden);
}

}  // namespace mk::vault

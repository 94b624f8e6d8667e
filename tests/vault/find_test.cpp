// Finding a person by name and date of birth, BSN or document number among many, through the
// blind indexes: only the few candidates that share an index value are decrypted.
#include <catch2/catch.hpp>

#include "vault/field_rules.hpp"
#include "vault/person_store.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {

constexpr std::string_view kFirstNames[] = {"Anouk",  "Daan",   "Sanne",  "Mehmet",  "Ioana",
                                            "Piotr",  "Fatima", "Kees",   "Lotte",   "Bram",
                                            "Sevda",  "Ruben",  "Iris",   "Mohamed", "Agnieszka",
                                            "Jeroen", "Noor",   "Tomasz", "Elif",    "Joost"};
constexpr std::string_view kSurnames[] = {
    "de Vries", "Jansen",     "Bakker",   "Visser",   "Smit",        "Yılmaz", "Popescu",
    "Nowak",    "el Amrani",  "van Dijk", "Mulder",   "de Boer",     "Kaya",   "Kowalski",
    "Bos",      "Vos",        "Peters",   "Hendriks", "van Leeuwen", "Dekker", "Ionescu",
    "Öztürk",   "Wiśniewska", "Brouwer",  "de Graaf"};

// The n-th valid BSN above a fixed start: deterministic, all distinct.
std::string nth_bsn(int n) {
  static std::vector<std::string> cache;
  long long candidate = cache.empty() ? 100000000 : std::stoll(cache.back()) + 1;
  while (static_cast<int>(cache.size()) <= n) {
    std::string digits = std::to_string(candidate);
    if (bsn_passes_11_proef(digits)) cache.push_back(digits);
    ++candidate;
  }
  return cache[static_cast<std::size_t>(n)];
}

PersonIdentity synthetic_person(int n) {
  PersonIdentity id;
  std::size_t f = static_cast<std::size_t>(n) % std::size(kFirstNames);
  std::size_t s = (static_cast<std::size_t>(n) / std::size(kFirstNames)) % std::size(kSurnames);
  id.set(PersonField::kName, std::string(kFirstNames[f]) + " " + std::string(kSurnames[s]));
  Date dob = Date::from_sys_days(std::chrono::sys_days{std::chrono::year{1960} / 1 / 1} +
                                 std::chrono::days{(n * 37) % 18000});
  id.set(PersonField::kDateOfBirth, dob.to_iso());
  id.set(PersonField::kBsn, nth_bsn(n));
  id.set(PersonField::kDocumentNumber, "NL" + std::to_string(4000000 + n * 7));
  id.set(PersonField::kAddress,
         "Herenstraat " + std::to_string(1 + n % 180) + ", 2282 BX Rijswijk");
  return id;
}

// The candidate count the find recorded in its audit detail ("... candidates=N ...").
int candidates_of(const UnitOfWork& uow) {
  AuditEvent e = recorded(uow, "person.find");
  std::size_t at = e.detail.find("candidates=");
  REQUIRE(at != std::string::npos);
  return std::stoi(e.detail.substr(at + 11));
}

}  // namespace

TEST_CASE("person find returns the right person among 10,000 without decrypting them all") {
  TestVault tv;
  constexpr int kPersons = 10000;
  {
    UnitOfWork uow = begin_unit(tv.vault());
    for (int n = 0; n < kPersons; ++n) {
      MK_REQUIRE_OK(add_person(uow, n % 3 == 0 ? PersonRole::kSuspect : PersonRole::kVictim,
                               synthetic_person(n)));
    }
    MK_REQUIRE_OK(uow.commit());
  }
  // The one we look for, plus near misses: same name other birth date, same birth date other name.
  std::string ioana = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
  PersonIdentity twin = synthetic::identity_of(synthetic::kIoana);
  twin.set(PersonField::kDateOfBirth, "2001-11-24");
  twin.set(PersonField::kBsn, std::nullopt);
  twin.set(PersonField::kDocumentNumber, std::nullopt);
  MK_REQUIRE_OK(
      in_unit(tv.vault(), [&](UnitOfWork& u) { return add_person(u, PersonRole::kVictim, twin); }));
  CHECK(tv.count_rows("persons") == kPersons + 2);

  // One vault of 10,000 serves every check below (sections would rebuild it each time).
  {
    for (std::string_view written : {"Ioana Popescu", "POPESCU, Ioana", "  ioana   popescu "}) {
      PersonIdentity q;
      q.set(PersonField::kName, std::string(written));
      q.set(PersonField::kDateOfBirth, "2001-11-23");
      UnitOfWork uow = begin_unit(tv.vault());
      Result<std::vector<Person>> found = find_persons(uow, PersonIndexKind::kNameDob, q);
      MK_REQUIRE_OK(found);
      INFO(written);
      REQUIRE(found->size() == 1);
      CHECK((*found)[0].summary.id == ioana);
      CHECK((*found)[0].identity.get(PersonField::kAddress) == synthetic::kIoana.address);
      CHECK(candidates_of(uow) < 10);
    }
  }
  {  // by BSN, in any common notation
    for (std::string_view written : {"390996038", "3909.96.038", "390 996 038"}) {
      PersonIdentity q;
      q.set(PersonField::kBsn, std::string(written));
      UnitOfWork uow = begin_unit(tv.vault());
      Result<std::vector<Person>> found = find_persons(uow, PersonIndexKind::kBsn, q);
      MK_REQUIRE_OK(found);
      REQUIRE(found->size() == 1);
      CHECK((*found)[0].summary.id == ioana);
      CHECK(candidates_of(uow) < 10);
    }
  }
  {  // by document number
    PersonIdentity q;
    q.set(PersonField::kDocumentNumber, "nl 4006993");  // person 999
    UnitOfWork uow = begin_unit(tv.vault());
    Result<std::vector<Person>> found = find_persons(uow, PersonIndexKind::kDocument, q);
    MK_REQUIRE_OK(found);
    REQUIRE(found->size() == 1);
    CHECK((*found)[0].identity.get(PersonField::kBsn) == nth_bsn(999));
  }
  {  // a person not in the vault is not found
    PersonIdentity q;
    q.set(PersonField::kName, "Ioana Popescu");
    q.set(PersonField::kDateOfBirth, "2001-11-25");
    UnitOfWork uow = begin_unit(tv.vault());
    Result<std::vector<Person>> found = find_persons(uow, PersonIndexKind::kNameDob, q);
    MK_REQUIRE_OK(found);
    CHECK(found->empty());
  }
  {  // a search by name alone is refused
    PersonIdentity q;
    q.set(PersonField::kName, "Ioana Popescu");
    UnitOfWork uow = begin_unit(tv.vault());
    CHECK(find_persons(uow, PersonIndexKind::kNameDob, q).status().code() == Code::kInvalidInput);
  }
}

TEST_CASE("an updated name is found under the new name only") {
  TestVault tv;
  std::string id = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kAnouk);
  PersonPatch patch;
  patch.fields.push_back({PersonField::kName, "Anouk de Vries-Bakker"});
  MK_REQUIRE_OK(in_unit(tv.vault(), [&](UnitOfWork& u) { return update_person(u, id, patch); }));
  auto find = [&](std::string name) {
    PersonIdentity q;
    q.set(PersonField::kName, name);
    q.set(PersonField::kDateOfBirth, std::string(synthetic::kAnouk.date_of_birth));
    Result<std::vector<Person>> r = in_unit(
        tv.vault(), [&](UnitOfWork& u) { return find_persons(u, PersonIndexKind::kNameDob, q); });
    REQUIRE(r.is_ok());
    return r->size();
  };
  CHECK(find("Anouk de Vries-Bakker") == 1);
  CHECK(find("Anouk de Vries") == 0);
}

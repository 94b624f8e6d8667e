// Shared fixture of the vault tests: a vault in a fresh temporary folder with a clock the test
// controls, helpers to run units of work and check outcomes, and synthetic Dutch records that
// look real (names, addresses, BSNs passing the 11-proef) but describe no one.
//
//   mk::vault::test::TestVault tv;
//   std::string victim = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
//   auto id = in_unit(tv.vault(), [&](UnitOfWork& uow) { return add_signal(uow, input); });
//   MK_REQUIRE_OK(id);
#pragma once

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

#include "base/clock.hpp"
#include "base/date.hpp"
#include "base/result.hpp"
#include "crypto/password_kdf.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/person.hpp"
#include "vault/person_store.hpp"
#include "vault/signal.hpp"
#include "vault/unit_of_work.hpp"
#include "vault/vault.hpp"

namespace Catch {
template <>
struct StringMaker<mk::Code> {
  static std::string convert(mk::Code code) { return std::string(mk::code_name(code)); }
};
}  // namespace Catch

namespace mk::vault::test {

// "ok", or the code and message, so a failed check shows why.
inline std::string outcome(const Status& s) {
  return s.to_string();
}
template <typename T>
std::string outcome(const Result<T>& r) {
  return r.status().to_string();
}
inline Code code_of(const Status& s) {
  return s.code();
}
template <typename T>
Code code_of(const Result<T>& r) {
  return r.status().code();
}

}  // namespace mk::vault::test

// Requires a Status or Result to be ok, printing its message otherwise. Evaluates `x` once.
#define MK_REQUIRE_OK(x) REQUIRE(::mk::vault::test::outcome(x) == "ok")
#define MK_CHECK_OK(x) CHECK(::mk::vault::test::outcome(x) == "ok")

namespace mk::vault::test {

inline constexpr std::string_view kCoordinatorPassphrase = "Rijswijk meldpunt 2026!";
inline constexpr std::string_view kCompliancePassphrase = "Functionaris Gegevensbescherming";
inline constexpr char kComplianceSlot[] = "fg";

// Monday 2 March 2026, 09:30 UTC: "now" in every vault test until a test moves the clock.
inline Instant test_now() {
  using namespace std::chrono;
  return sys_days{year{2026} / 3 / 2} + hours{9} + minutes{30};
}
inline Date test_today() {
  return Date(2026, 3, 2);
}

inline crypto::SecretBuffer secret(std::string_view text) {
  return crypto::SecretBuffer::copy_of(text);
}

// A new, empty folder under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "meldkluis-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A vault created in a fresh temporary folder with the fast test KDF, open as the coordinator
// (slot "coordinator", kCoordinatorPassphrase). Not movable: the vault keeps a pointer to clock().
class TestVault {
 public:
  TestVault() : dir_(temp_.path() / "vault"), clock_(test_now()) {
    CreateOptions options;
    options.coordinator_kdf = crypto::pwhash_params_for_tests();
    Result<Vault::Created> created =
        Vault::create(dir_, secret(kCoordinatorPassphrase), options, clock_);
    MK_REQUIRE_OK(created);
    vault_.emplace(std::move(created->vault));
  }
  TestVault(const TestVault&) = delete;
  TestVault& operator=(const TestVault&) = delete;

  Vault& vault() {
    REQUIRE(vault_.has_value());
    return *vault_;
  }
  FixedClock& clock() { return clock_; }
  const std::filesystem::path& dir() const { return dir_; }

  // Closes the vault, releasing its lock.
  void close() { vault_.reset(); }

  // Closes and opens again with `passphrase`, trying only `slot` when given.
  Status reopen(std::string_view passphrase, const std::optional<std::string>& slot = {}) {
    close();
    Result<Vault> opened = Vault::open(dir_, secret(passphrase), slot, clock_);
    if (!opened) return opened.status();
    vault_.emplace(std::move(*opened));
    return Status::ok();
  }

  // Adds a compliance slot (kComplianceSlot, kCompliancePassphrase) and reopens with it.
  void reopen_as_compliance() {
    MK_REQUIRE_OK(vault().add_slot(kComplianceSlot, Role::kCompliance,
                                   secret(kCompliancePassphrase),
                                   crypto::pwhash_params_for_tests()));
    MK_REQUIRE_OK(reopen(kCompliancePassphrase, kComplianceSlot));
    REQUIRE(vault().role() == Role::kCompliance);
  }

  // Rows in `table` as this connection sees them: inside an open unit of work, that includes its
  // uncommitted writes. `table` comes from the test, never from input.
  std::int64_t count_rows(std::string_view table) {
    Result<Statement> st = vault().db().prepare("SELECT count(*) FROM " + std::string(table));
    MK_REQUIRE_OK(st);
    Result<bool> row = st->step();
    REQUIRE((row && *row));
    return st->column_int(0);
  }

 private:
  TempDir temp_;
  std::filesystem::path dir_;
  FixedClock clock_;
  std::optional<Vault> vault_;
};

// A unit of work the test keeps open (to look at its audit events, or at the store before it is
// rolled back).
inline UnitOfWork begin_unit(Vault& vault) {
  Result<UnitOfWork> uow = UnitOfWork::begin(vault);
  MK_REQUIRE_OK(uow);
  return std::move(*uow);
}

// Runs `work(uow)` in one unit of work and commits it when `work` succeeds; otherwise it is rolled
// back, as the service layer does. Returns what `work` returned, or the commit's error.
template <typename Work>
auto in_unit(Vault& vault, Work&& work) -> std::invoke_result_t<Work&, UnitOfWork&> {
  UnitOfWork uow = begin_unit(vault);
  auto out = work(uow);
  if (out.is_ok()) {
    Status committed = uow.commit();
    if (!committed.is_ok()) return committed;
  }
  return out;
}

// The audit event of `action` recorded in `uow`; fails the test when there is none.
inline AuditEvent recorded(const UnitOfWork& uow, std::string_view action) {
  for (const AuditEvent& e : uow.events()) {
    if (e.action == action) return e;
  }
  FAIL("no audit event " << action);
  return {};
}

namespace synthetic {

// Invented people. The BSNs pass the 11-proef; the addresses are real streets and postcode areas
// of Rijswijk (ZH) with invented house numbers.
struct DutchPerson {
  std::string_view name;
  std::string_view date_of_birth;
  std::string_view nationality;
  std::string_view bsn;
  std::string_view document_number;
  std::string_view address;
  std::string_view phone;
};

inline constexpr DutchPerson kAnouk{
    .name = "Anouk de Vries",
    .date_of_birth = "1994-07-12",
    .nationality = "Nederlandse",
    .bsn = "908301662",
    .document_number = "NW8R4K2P1",
    .address = "Herenstraat 12, 2282 BX Rijswijk",
    .phone = "06-41 27 38 95",
};
inline constexpr DutchPerson kMehmet{
    .name = "Mehmet Yılmaz",
    .date_of_birth = "1987-02-03",
    .nationality = "Turkse",
    .bsn = "131860914",
    .document_number = "U09274581",
    .address = "Generaal Spoorlaan 405, 2285 TM Rijswijk",
    .phone = "+31 6 1850 2297",
};
inline constexpr DutchPerson kIoana{
    .name = "Ioana Popescu",
    .date_of_birth = "2001-11-23",
    .nationality = "Roemeense",
    .bsn = "390996038",
    .document_number = "054127893",
    .address = "Steenvoordelaan 88, 2284 CZ Rijswijk",
    .phone = "+40 723 418 552",
};
inline constexpr DutchPerson kPiotr{
    .name = "Piotr Nowak",
    .date_of_birth = "1979-05-30",
    .nationality = "Poolse",
    .bsn = "948219932",
    .document_number = "EK4418207",
    .address = "Laan van Hoornwijck 31, 2289 DG Rijswijk",
    .phone = "+48 512 090 331",
};
inline constexpr DutchPerson kDaan{
    .name = "Daan Jansen",
    .date_of_birth = "1968-09-14",
    .nationality = "Nederlandse",
    .bsn = "518190936",
    .document_number = "IR7T9L3M5",
    .address = "Prinses Irenelaan 7, 2285 HA Rijswijk",
    .phone = "070 390 1122",
};
inline constexpr DutchPerson kFatima{
    .name = "Fatima el Amrani",
    .date_of_birth = "2009-04-01",
    .nationality = "Nederlandse",
    .bsn = "786579754",
    .document_number = "NV3H8D6F2",
    .address = "Burgemeester Elsenlaan 140, 2282 MZ Rijswijk",
    .phone = "06-18 44 02 73",
};

inline PersonIdentity identity_of(const DutchPerson& p) {
  PersonIdentity id;
  id.set(PersonField::kName, std::string(p.name));
  id.set(PersonField::kDateOfBirth, std::string(p.date_of_birth));
  id.set(PersonField::kNationality, std::string(p.nationality));
  id.set(PersonField::kBsn, std::string(p.bsn));
  id.set(PersonField::kDocumentNumber, std::string(p.document_number));
  id.set(PersonField::kAddress, std::string(p.address));
  id.set(PersonField::kPhone, std::string(p.phone));
  return id;
}

// Stores `person` with `role` in its own unit of work and returns the new id.
inline std::string add_person(Vault& vault, PersonRole role, const DutchPerson& person) {
  Result<std::string> id = in_unit(vault, [&](UnitOfWork& uow) {
    return mk::vault::add_person(uow, role, identity_of(person));
  });
  MK_REQUIRE_OK(id);
  return *id;
}

inline constexpr std::string_view kLabourNarrative =
    "Wijkteam Oost meldt dat in een bovenwoning aan de Herenstraat ten minste zes Roemeense\n"
    "mannen verblijven. Zij werken via een uitzendbureau in de kassen in het Westland, leveren\n"
    "hun loon in bij een 'teamleider' en mogen hun paspoort niet zelf bewaren.\n"
    "\tEén van hen vertelde de wijkcoach dat hij €1.800 schuld heeft voor reis en huisvesting.";
inline constexpr std::string_view kLabourNature =
    "Vermoedelijk arbeidsuitbuiting: schuldbinding, ingehouden documenten, huisvesting gekoppeld "
    "aan het werk.";

// A complete intake as the coordinator types it after a call from Wijkteam Oost: received two
// weeks before test_today(). Links no persons; the test adds those it made.
inline SignalInput labour_signal() {
  SignalInput in;
  in.received = Date(2026, 2, 16);
  in.source_kind = SourceKind::kInternalTeam;
  in.source_team = "Wijkteam Oost";
  in.narrative = std::string(kLabourNarrative);
  in.nature = std::string(kLabourNature);
  in.scale = Scale::kMultiple;
  in.severity = Severity::kHigh;
  in.minor = MinorInvolved::kNo;
  in.forms = {"labour"};
  in.indicators = {"labour.housing_dependent", "exploitation.passport_withheld",
                   "exploitation.earnings_surrendered"};
  return in;
}

// A bare anonymous tip, as it comes in through Meld Misdaad Anoniem.
inline SignalInput anonymous_tip(Date received) {
  SignalInput in;
  in.received = received;
  in.source_kind = SourceKind::kAnonymous;
  in.narrative =
      "Anonieme tip: in een massagesalon aan de Haagweg werken 's nachts jonge vrouwen "
      "die geen Nederlands of Engels spreken.";
  in.forms = {"sexual"};
  return in;
}

}  // namespace synthetic
}  // namespace mk::vault::test

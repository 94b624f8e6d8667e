// Legal holds: placed and released by the coordinator on a case, one in force at a time, listed
// for every role.
#include "vault/legal_hold.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/case_store.hpp"
#include "vault/signal_store.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::test_now;
using test::TestVault;
namespace synthetic = test::synthetic;

constexpr char kReason[] = "Strafrechtelijk onderzoek, verzoek OM 2026-02 (parketnummer bekend)";

// A closed case about one labour signal and its victim.
struct HoldScene {
  HoldScene() {
    victim = synthetic::add_person(vault(), PersonRole::kVictim, synthetic::kIoana);
    Result<std::string> id = in_unit(vault(), [&](UnitOfWork& uow) -> Result<std::string> {
      SignalInput in = synthetic::labour_signal();
      in.person_ids = {victim};
      MK_ASSIGN_OR_RETURN(std::string signal, add_signal(uow, in));
      CaseInput c;
      c.opened = Date(2026, 2, 17);
      c.signal_ids = {signal};
      c.person_ids = {victim};
      MK_ASSIGN_OR_RETURN(std::string opened, open_case(uow, c));
      MK_RETURN_IF_ERROR(
          close_case(uow, opened, CaseStatus::kClosedReferred, Date(2026, 2, 27), std::nullopt));
      return opened;
    });
    MK_REQUIRE_OK(id);
    case_id = *id;
  }

  Vault& vault() { return tv.vault(); }

  Status place(std::string_view id, std::string_view reason = kReason) {
    return in_unit(vault(), [&](UnitOfWork& uow) { return place_hold(uow, id, reason); });
  }
  Status release(std::string_view id) {
    return in_unit(vault(), [&](UnitOfWork& uow) { return release_hold(uow, id); });
  }
  std::vector<LegalHold> list(bool include_released) {
    Result<std::vector<LegalHold>> holds =
        in_unit(vault(), [&](UnitOfWork& uow) { return list_holds(uow, include_released); });
    MK_REQUIRE_OK(holds);
    return std::move(*holds);
  }

  TestVault tv;
  std::string victim;
  std::string case_id;
};

}  // namespace

TEST_CASE("a hold is placed on a closed case with its reason and slot, then released") {
  HoldScene h;
  {
    UnitOfWork uow = test::begin_unit(h.vault());
    MK_REQUIRE_OK(place_hold(uow, h.case_id, std::string("  ") + kReason + " "));
    AuditEvent e = test::recorded(uow, "case.hold");
    CHECK(e.object == h.case_id);
    CHECK(e.detail.find("OM") == std::string::npos);  // the reason is in the hold, not the log
    MK_REQUIRE_OK(uow.commit());
  }
  std::vector<LegalHold> in_force = h.list(false);
  REQUIRE(in_force.size() == 1);
  const LegalHold& hold = in_force.front();
  CHECK(hold.case_id == h.case_id);
  CHECK(hold.reason == kReason);  // trimmed
  CHECK(hold.placed == test_now());
  CHECK(hold.placed_by == "coordinator");
  CHECK_FALSE(hold.released.has_value());
  CHECK(hold.released_by.empty());
  Result<std::optional<LegalHold>> found =
      in_unit(h.vault(), [&](UnitOfWork& uow) { return hold_in_force(uow, h.case_id); });
  MK_REQUIRE_OK(found);
  REQUIRE(found->has_value());
  CHECK((*found)->reason == kReason);

  // One hold in force at a time.
  CHECK(code_of(h.place(h.case_id, "Civiele procedure")) == Code::kConflict);
  CHECK(h.list(true).size() == 1);

  h.tv.clock().advance(std::chrono::hours(24 * 30));
  {
    UnitOfWork uow = test::begin_unit(h.vault());
    MK_REQUIRE_OK(release_hold(uow, h.case_id));
    CHECK(test::recorded(uow, "case.release").object == h.case_id);
    MK_REQUIRE_OK(uow.commit());
  }
  CHECK(h.list(false).empty());
  std::vector<LegalHold> all = h.list(true);
  REQUIRE(all.size() == 1);
  CHECK(all.front().released == test_now() + std::chrono::hours(24 * 30));
  CHECK(all.front().released_by == "coordinator");
  CHECK(all.front().reason == kReason);
  found = in_unit(h.vault(), [&](UnitOfWork& uow) { return hold_in_force(uow, h.case_id); });
  MK_REQUIRE_OK(found);
  CHECK_FALSE(found->has_value());
  CHECK(code_of(h.release(h.case_id)) == Code::kConflict);

  // A new hold after the release; the released one stays listed, in order of placement.
  h.tv.clock().advance(std::chrono::hours(1));
  MK_REQUIRE_OK(h.place(h.case_id, "Verzoek Arbeidsinspectie, onderzoek loopt"));
  all = h.list(true);
  REQUIRE(all.size() == 2);
  CHECK(all[0].reason == kReason);
  CHECK(all[0].released.has_value());
  CHECK(all[1].reason == "Verzoek Arbeidsinspectie, onderzoek loopt");
  CHECK_FALSE(all[1].released.has_value());
  CHECK(h.list(false).size() == 1);
}

TEST_CASE("holds on bad or missing cases, or with a bad reason, are refused and change nothing") {
  HoldScene h;
  for (const char* bad : {"", "C-123", "c-7K3M9Q2X", "C-7K3M9Q2U", "P-7K3M9Q2X"}) {
    INFO(bad);
    CHECK(code_of(h.place(bad)) == Code::kInvalidInput);
    CHECK(code_of(h.release(bad)) == Code::kInvalidInput);
    CHECK(code_of(in_unit(h.vault(), [&](UnitOfWork& uow) { return hold_in_force(uow, bad); })) ==
          Code::kInvalidInput);
  }
  CHECK(code_of(h.place(h.victim)) == Code::kInvalidInput);
  CHECK(code_of(h.place("C-7K3M9Q2X")) == Code::kNotFound);
  CHECK(code_of(h.release("C-7K3M9Q2X")) == Code::kNotFound);
  CHECK(code_of(in_unit(h.vault(), [](UnitOfWork& uow) {
          return hold_in_force(uow, "C-7K3M9Q2X");
        })) == Code::kNotFound);

  const std::string bad_reasons[] = {
      "",
      "   ",
      "Onderzoek OM\nparketnummer volgt",  // one line
      "Onderzoek OM\x07",
      std::string(kMaxHoldReasonChars + 1, 'x'),
      "Onderzoek \xC3\x28",  // not UTF-8
  };
  for (const std::string& reason : bad_reasons) {
    CHECK(code_of(h.place(h.case_id, reason)) == Code::kInvalidInput);
  }
  CHECK(h.list(true).empty());
  CHECK(h.tv.count_rows("legal_holds") == 0);
  // The longest reason allowed, in characters, not bytes.
  std::string longest;
  for (std::size_t i = 0; i < kMaxHoldReasonChars; ++i)
    longest += "é";
  MK_CHECK_OK(h.place(h.case_id, longest));
}

TEST_CASE("the compliance role lists holds but cannot place or release them") {
  HoldScene h;
  MK_REQUIRE_OK(h.place(h.case_id));
  h.tv.reopen_as_compliance();
  CHECK(code_of(h.release(h.case_id)) == Code::kForbidden);
  CHECK(code_of(h.place(h.case_id)) == Code::kForbidden);
  std::vector<LegalHold> holds = h.list(true);
  REQUIRE(holds.size() == 1);
  CHECK(holds.front().reason == kReason);
  CHECK_FALSE(holds.front().released.has_value());
  Result<std::optional<LegalHold>> found =
      in_unit(h.vault(), [&](UnitOfWork& uow) { return hold_in_force(uow, h.case_id); });
  MK_REQUIRE_OK(found);
  CHECK(found->has_value());
}

}  // namespace mk::vault

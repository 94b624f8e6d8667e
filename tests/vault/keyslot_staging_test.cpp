// Key-slot changes are two-phase (vault/vault.hpp, "Key slots"): the new file is staged as
// `keyslots.next` inside the unit of work that records it, and put in place only after that unit
// of work committed. These tests leave the folder as a process killed between the two phases
// would (the vault is closed without settling) and check what the next open makes of it: a
// recorded change is finished, an unrecorded one is discarded, and a recorded file that is gone
// is refused as corrupt without writing anything.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/folder_snapshot.hpp"
#include "test_vault_fixture.hpp"
#include "vault/keyslot_state.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kNewPassphrase = "Nieuwe zin meldpunt Rijswijk 2027";
constexpr std::string_view kDeputyPassphrase = "Plaatsvervanger Sanne de Wit, kamer 3.14";

std::string keyslots_of(const TestVault& tv) {
  return mk::testing::read_file_bytes(tv.dir() / "keyslots");
}
bool staged_exists(const TestVault& tv) {
  return fs::exists(tv.dir() / "keyslots.next");
}

// Runs `stage(uow)` in a unit of work, commits it when `commit`, and closes the vault without
// settling: the folder a process leaves when it is killed after the commit and before the rename
// (commit), or before the commit (!commit). Returns the staged file's bytes.
template <typename Stage>
std::string die_between_phases(TestVault& tv, bool commit, Stage&& stage) {
  {
    UnitOfWork uow = begin_unit(tv.vault());
    MK_REQUIRE_OK(stage(uow));
    if (commit) MK_REQUIRE_OK(uow.commit());
  }  // not committed: rolled back here
  tv.close();
  REQUIRE(staged_exists(tv));
  return mk::testing::read_file_bytes(tv.dir() / "keyslots.next");
}

Status change_coordinator_passphrase(UnitOfWork& uow) {
  return uow.vault().change_passphrase(uow, "coordinator", secret(kNewPassphrase),
                                       crypto::pwhash_params_for_tests());
}

}  // namespace

TEST_CASE("a staged key-slot change takes effect only when it is settled after its commit") {
  TestVault tv;
  const std::string before = keyslots_of(tv);
  {
    UnitOfWork uow = begin_unit(tv.vault());
    MK_REQUIRE_OK(uow.vault().add_slot(uow, "plaatsvervanger", Role::kCoordinator,
                                       secret(kDeputyPassphrase),
                                       crypto::pwhash_params_for_tests()));
    // Staged, not in force: the file in place and the slot list are as before.
    CHECK(keyslots_of(tv) == before);
    CHECK(staged_exists(tv));
    CHECK(tv.vault().list_slots().size() == 2);
    // One change at a time.
    CHECK(uow.vault().remove_slot(uow, "recovery").code() == Code::kConflict);
    MK_REQUIRE_OK(uow.commit());
  }
  MK_REQUIRE_OK(tv.vault().settle_staged_slots(true));
  CHECK_FALSE(staged_exists(tv));
  CHECK(keyslots_of(tv) != before);
  CHECK(tv.vault().list_slots().size() == 3);
  MK_REQUIRE_OK(tv.reopen(kDeputyPassphrase));
  CHECK(tv.vault().slot_name() == "plaatsvervanger");
}

TEST_CASE("a staged key-slot change whose unit of work rolled back is deleted when settled") {
  TestVault tv;
  const std::string before = keyslots_of(tv);
  {
    UnitOfWork uow = begin_unit(tv.vault());
    MK_REQUIRE_OK(change_coordinator_passphrase(uow));
  }  // rolled back
  MK_REQUIRE_OK(tv.vault().settle_staged_slots(false));
  CHECK_FALSE(staged_exists(tv));
  CHECK(keyslots_of(tv) == before);
  CHECK(tv.reopen(kNewPassphrase).code() == Code::kWrongPassphrase);
  MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
}

TEST_CASE(
    "a staged change whose commit reached the disk is installed even if it reported an error") {
  TestVault tv;
  {
    UnitOfWork uow = begin_unit(tv.vault());
    MK_REQUIRE_OK(change_coordinator_passphrase(uow));
    MK_REQUIRE_OK(uow.commit());
  }
  // Settled as after a failed commit: the database's record shows that it committed.
  MK_REQUIRE_OK(tv.vault().settle_staged_slots(false));
  CHECK_FALSE(staged_exists(tv));
  CHECK(tv.reopen(kCoordinatorPassphrase).code() == Code::kWrongPassphrase);
  MK_REQUIRE_OK(tv.reopen(kNewPassphrase));
}

TEST_CASE("killed after the commit of a passphrase change: the next open finishes the change") {
  TestVault tv;
  const std::string staged = die_between_phases(tv, true, change_coordinator_passphrase);

  SECTION("the new passphrase opens the vault, and the staged file is put in place") {
    MK_REQUIRE_OK(tv.reopen(kNewPassphrase));
    CHECK(tv.vault().slot_name() == "coordinator");
    CHECK_FALSE(staged_exists(tv));
    CHECK(keyslots_of(tv) == staged);
    Result<std::optional<std::string>> recorded = recorded_key_slot_file(tv.vault().db());
    MK_REQUIRE_OK(recorded);
    CHECK(*recorded == key_slot_file_digest(staged));
  }
  SECTION("the old passphrase is refused, and the change is finished all the same") {
    CHECK(tv.reopen(kCoordinatorPassphrase).code() == Code::kWrongPassphrase);
    CHECK_FALSE(staged_exists(tv));
    CHECK(keyslots_of(tv) == staged);
    CHECK(tv.reopen(kCoordinatorPassphrase).code() == Code::kWrongPassphrase);
    MK_REQUIRE_OK(tv.reopen(kNewPassphrase));
  }
  SECTION("a passphrase that opens neither file settles nothing and writes nothing") {
    const mk::testing::FolderSnapshot crashed = mk::testing::snapshot(tv.dir());
    CHECK(tv.reopen("Meldpunt Delft, verkeerde zin").code() == Code::kWrongPassphrase);
    CHECK(mk::testing::snapshot(tv.dir()) == crashed);
  }
}

TEST_CASE("killed before the commit of a passphrase change: the next open discards it") {
  TestVault tv;
  // An earlier, settled change: the database records the file in force.
  MK_REQUIRE_OK(tv.vault().add_slot("plaatsvervanger", Role::kCoordinator,
                                    secret(kDeputyPassphrase), crypto::pwhash_params_for_tests()));
  REQUIRE(tv.reopen(kCoordinatorPassphrase).is_ok());
  const std::string in_force = keyslots_of(tv);
  die_between_phases(tv, false, change_coordinator_passphrase);

  SECTION("the new passphrase is refused as wrong, and the staged file is deleted") {
    CHECK(tv.reopen(kNewPassphrase).code() == Code::kWrongPassphrase);
    CHECK_FALSE(staged_exists(tv));
    CHECK(keyslots_of(tv) == in_force);
    CHECK(tv.reopen(kNewPassphrase).code() == Code::kWrongPassphrase);
  }
  SECTION("the old passphrase opens it, and the staged file is deleted") {
    MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
    CHECK_FALSE(staged_exists(tv));
    CHECK(keyslots_of(tv) == in_force);
    CHECK(tv.vault().list_slots().size() == 3);
  }
}

TEST_CASE("a vault never changed before discards an unrecorded staged file") {
  // No record at all yet: the file that is there is in force.
  TestVault tv;
  const std::string before = keyslots_of(tv);
  die_between_phases(tv, false, change_coordinator_passphrase);
  MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
  CHECK_FALSE(staged_exists(tv));
  CHECK(keyslots_of(tv) == before);
}

TEST_CASE("killed after the commit of a slot added or removed: any slot of the new file opens it") {
  TestVault tv;
  tv.reopen_as_compliance();
  MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));

  SECTION("an added slot, named with --slot, though only the staged file holds it") {
    die_between_phases(tv, true, [](UnitOfWork& uow) {
      return uow.vault().add_slot(uow, "plaatsvervanger", Role::kCoordinator,
                                  secret(kDeputyPassphrase), crypto::pwhash_params_for_tests());
    });
    MK_REQUIRE_OK(tv.reopen(kDeputyPassphrase, std::string("plaatsvervanger")));
    CHECK_FALSE(staged_exists(tv));
    CHECK(tv.vault().list_slots().size() == 4);
  }
  SECTION("the compliance officer's slot finishes it too (it holds the slot-file key)") {
    die_between_phases(tv, true, [](UnitOfWork& uow) {
      return uow.vault().add_slot(uow, "plaatsvervanger", Role::kCoordinator,
                                  secret(kDeputyPassphrase), crypto::pwhash_params_for_tests());
    });
    MK_REQUIRE_OK(tv.reopen(kCompliancePassphrase, std::string(kComplianceSlot)));
    CHECK(tv.vault().role() == Role::kCompliance);
    CHECK_FALSE(staged_exists(tv));
    CHECK(tv.vault().list_slots().size() == 4);
  }
  SECTION("a removed slot no longer opens it, and the removal is finished") {
    die_between_phases(
        tv, true, [](UnitOfWork& uow) { return uow.vault().remove_slot(uow, kComplianceSlot); });
    CHECK(tv.reopen(kCompliancePassphrase).code() == Code::kWrongPassphrase);
    CHECK_FALSE(staged_exists(tv));
    MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
    CHECK(tv.vault().list_slots().size() == 2);
  }
}

TEST_CASE("a damaged staged file: discarded when its change never committed, else corrupt") {
  TestVault tv;
  MK_REQUIRE_OK(tv.vault().add_slot("plaatsvervanger", Role::kCoordinator,
                                    secret(kDeputyPassphrase), crypto::pwhash_params_for_tests()));
  REQUIRE(tv.reopen(kCoordinatorPassphrase).is_ok());
  const std::string in_force = keyslots_of(tv);

  SECTION("never committed: whatever it holds means nothing, and it is deleted") {
    std::string staged = die_between_phases(tv, false, change_coordinator_passphrase);
    mk::testing::write_file_bytes(tv.dir() / "keyslots.next", staged.substr(0, staged.size() / 2));
    MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
    CHECK_FALSE(staged_exists(tv));
    CHECK(keyslots_of(tv) == in_force);
  }
  SECTION("committed: the file in force is lost, so the vault is corrupt and nothing is written") {
    std::string staged = die_between_phases(tv, true, change_coordinator_passphrase);
    staged[staged.size() / 2] = static_cast<char>(staged[staged.size() / 2] ^ 0x01);
    mk::testing::write_file_bytes(tv.dir() / "keyslots.next", staged);
    const mk::testing::FolderSnapshot damaged = mk::testing::snapshot(tv.dir());
    CHECK(tv.reopen(kCoordinatorPassphrase).code() == Code::kVaultCorrupt);
    CHECK(tv.reopen(kNewPassphrase).code() == Code::kWrongPassphrase);  // the damaged file
    CHECK(mk::testing::snapshot(tv.dir()) == damaged);
  }
}

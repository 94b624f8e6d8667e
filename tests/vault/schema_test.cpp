// Schema versions: a vault records its schema version and this build refuses one it does not know.
#include "vault/schema.hpp"

#include <catch2/catch.hpp>

#include "support/folder_snapshot.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {
std::int64_t user_version(Vault& vault) {
  Result<Statement> st = vault.db().prepare("PRAGMA user_version");
  MK_REQUIRE_OK(st);
  REQUIRE(*st->step());
  return st->column_int(0);
}
}  // namespace

TEST_CASE("a new vault is at the current schema version, and migrating again changes nothing") {
  TestVault tv;
  CHECK(user_version(tv.vault()) == current_schema_version());
  tv.close();
  testing::FolderSnapshot before = testing::snapshot(tv.dir());
  MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
  MK_REQUIRE_OK(migrate(tv.vault().db()));
  tv.close();
  CHECK(testing::snapshot(tv.dir()) == before);
}

TEST_CASE("a vault from a newer Meldkluis is refused, not touched") {
  TestVault tv;
  MK_REQUIRE_OK(tv.vault().db().exec("PRAGMA user_version = " +
                                     std::to_string(current_schema_version() + 1)));
  tv.close();
  testing::FolderSnapshot before = testing::snapshot(tv.dir());
  Status s = tv.reopen(kCoordinatorPassphrase);
  CHECK(s.code() == Code::kConflict);
  CHECK(s.message().find("newer Meldkluis") != std::string::npos);
  CHECK(testing::snapshot(tv.dir()) == before);
}

TEST_CASE("a migration that fails rolls back whole and leaves the version where it was") {
  TestVault tv;
  MK_REQUIRE_OK(tv.vault().db().exec("PRAGMA user_version = 0"));
  MK_REQUIRE_OK(tv.vault().db().exec("DROP TABLE case_persons"));
  // Migration 1 now meets tables that already exist: it fails part-way and must leave nothing.
  Status s = migrate(tv.vault().db());
  CHECK(s.code() != Code::kOk);
  CHECK(user_version(tv.vault()) == 0);
  CHECK(tv.count_rows("persons") == 0);  // the rest of the schema is still there, untouched
}

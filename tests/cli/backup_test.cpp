// meldkluis backup create|verify|restore|list|forget through the real binary: a round trip, a
// damaged file, a restore that would overwrite, and the destroy list after a sweep.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_harness.hpp"

using namespace mk::cli_test;
using mk::json::Value;

namespace {

std::string person(const VaultFixture& v, const std::string& name, const std::string& dob) {
  return first_line(v.ok({"person", "add", "--role", "victim", "--name", name, "--dob", dob}));
}

}  // namespace

TEST_CASE("cli: backup create, verify, restore; the restored vault opens and its log verifies",
          "[backup]") {
  VaultFixture v;
  std::string id = person(v, "Ioana Popescu", "1996-02-11");
  std::string file = (v.temp() / "kluis.mkbackup").string();
  Value made = parse_json(v.ok({"--json", "backup", "create", "--out", file}));
  REQUIRE(made.find("result")->as_string() == "written and verified");
  std::string backup_id = made.find("backup_id")->as_string();
  REQUIRE(backup_id.rfind("B-", 0) == 0);

  Value checked = parse_json(v.ok({"--json", "backup", "verify", file}));
  REQUIRE(checked.find("backup_id")->as_string() == backup_id);
  REQUIRE(checked.find("audit_root")->as_string() == made.find("audit_root")->as_string());
  REQUIRE(checked.find("records")->find("persons")->as_integer() == 1);
  // The manifest summary holds no personal data.
  REQUIRE(v.ok({"backup", "verify", file}).find("Popescu") == std::string::npos);

  // Restore with the recovery key (any slot of the time of the backup opens it).
  std::string key_file = v.file("herstelsleutel", v.recovery_key() + "\n");
  std::string restored = (v.temp() / "hersteld").string();
  RunResult r = run_cli(
      {"--vault", restored, "--passphrase-file", key_file, "--json", "backup", "restore", file});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(parse_json(r.out).find("backup_id")->as_string() == backup_id);

  RunResult shown = run_cli({"--vault", restored, "--passphrase-file", v.passphrase_file().string(),
                             "--json", "person", "show", id});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  REQUIRE(shown.out.find("Popescu") != std::string::npos);
  RunResult audit = run_cli(
      {"--vault", restored, "--passphrase-file", v.passphrase_file().string(), "audit", "verify"});
  REQUIRE(audit.exit_code == 0);
  RunResult log = run_cli({"--vault", restored, "--passphrase-file", v.passphrase_file().string(),
                           "--json", "audit", "log", "--object", backup_id});
  REQUIRE(log.out.find("backup.restore") != std::string::npos);
}

TEST_CASE("cli: a damaged backup is exit 6, an existing vault is never overwritten", "[backup]") {
  VaultFixture v;
  person(v, "Anouk de Graaf", "2001-06-30");
  std::string file = (v.temp() / "kluis.mkbackup").string();
  v.ok({"backup", "create", "--out", file});
  std::string bytes = read_file(file);
  bytes[bytes.size() / 3] = static_cast<char>(bytes[bytes.size() / 3] ^ 0x10);
  std::string damaged = (v.temp() / "beschadigd.mkbackup").string();
  write_file(damaged, bytes);
  REQUIRE(v.run({"backup", "verify", damaged}).exit_code == 6);

  Snapshot before = snapshot(v.dir());
  RunResult over = v.run({"backup", "restore", file});  // --vault is the live vault
  REQUIRE(over.exit_code == 11);
  REQUIRE(snapshot(v.dir()) == before);
  // create never overwrites either.
  REQUIRE(v.run({"backup", "create", "--out", file}).exit_code == 11);
  REQUIRE(v.run({"backup", "forget", "B-7K3M9Q2X"}).exit_code == 2);  // --destroyed is required
}

TEST_CASE("cli: after a sweep, backup list marks the older backup for destruction", "[backup]") {
  VaultFixture v;
  std::string r1 = first_line(v.ok(
      {"person", "add", "--role", "reporter", "--name", "Daan Visser", "--dob", "1971-08-02"}));
  std::string s1 = first_line(v.ok({"signal", "add", "--received", "2019-03-04", "--source",
                                    "resident", "--reporter", r1, "--form", "sexual"}));
  v.ok({"signal", "close", s1, "--outcome", "no_suspicion", "--date", "2019-04-01"});
  v.ok({"backup", "create", "--out", (v.temp() / "voor.mkbackup").string()});

  RunResult sweep = v.run({"retention", "sweep", "--yes"});
  INFO(sweep.err);
  REQUIRE(sweep.exit_code == 0);
  REQUIRE(sweep.err.find("1 back-up(s) te vernietigen") != std::string::npos);
  v.ok({"backup", "create", "--out", (v.temp() / "na.mkbackup").string()});

  Value list = parse_json(v.ok({"--json", "backup", "list"}));
  REQUIRE(list.as_array().size() == 2);
  const Value& older = list.as_array()[0];
  REQUIRE(older.find("file_name")->as_string() == "voor.mkbackup");
  REQUIRE(older.find("must_be_destroyed")->as_bool());
  REQUIRE(!list.as_array()[1].find("must_be_destroyed")->as_bool());
  REQUIRE(v.ok({"backup", "list"}).find("MUST BE DESTROYED") != std::string::npos);

  std::string older_id = older.find("id")->as_string();
  v.ok({"backup", "forget", older_id, "--destroyed"});
  Value after = parse_json(v.ok({"--json", "backup", "list"}));
  REQUIRE(!after.as_array()[0].find("must_be_destroyed")->as_bool());
  REQUIRE(after.as_array()[0].find("destroyed")->is_string());
  REQUIRE(v.ok({"--json", "audit", "log", "--object", older_id}).find("backup.destroyed") !=
          std::string::npos);
}

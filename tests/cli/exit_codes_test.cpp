// Every exit code the CLI can be made to return, from the real binary.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "vault/vault_lock.hpp"

using namespace mk::cli_test;

TEST_CASE("cli: not found exits 4") {
  VaultFixture v;
  RunResult r = v.run({"signal", "show", "S-AAAAAAAA"});
  CHECK(r.exit_code == 4);
  CHECK(v.run({"person", "show", "P-AAAAAAAA"}).exit_code == 4);
  CHECK(v.run({"case", "close", "C-AAAAAAAA"}).exit_code == 4);
  CHECK(v.run({"keyslot", "remove", "nobody"}).exit_code == 4);
  CHECK(v.run({"--slot", "nobody", "signal", "list"}).exit_code == 4);
  // No vault in that folder; a narrative file that is not there.
  RunResult none = run_cli({"--vault", (v.temp() / "elsewhere").string(), "--passphrase-file",
                            v.passphrase_file().string(), "signal", "list"});
  CHECK(none.exit_code == 4);
  RunResult missing = v.run({"signal", "add", "--received", "2026-03-01", "--source", "partner",
                             "--narrative-file", (v.temp() / "geen-bestand.txt").string()});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("geen-bestand") == std::string::npos);  // paths are not repeated
}

TEST_CASE("cli: a wrong passphrase exits 5 and changes nothing but the failure record") {
  VaultFixture v;
  v.ok({"person", "add", "--role", "victim", "--name", "Fatima el Amrani"});
  Snapshot before = snapshot(v.dir());
  const std::string wrong_passphrase = "Herfst in Rijswijk 2026!";
  std::string wrong = v.file("wrong", wrong_passphrase + "\n");
  auto expect_refused = [&](const std::vector<std::string>& args, std::size_t failures) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file", wrong};
    full.insert(full.end(), args.begin(), args.end());
    RunResult r = run_cli(full);
    CHECK(r.exit_code == 5);
    CHECK(r.out.empty());
    Snapshot after = snapshot(v.dir());
    // The database, the key-slot file and the lock file are byte-identical ...
    for (const auto& [name, bytes] : before)
      CHECK(after.at(name) == bytes);
    // ... and the only new thing is one line per failure in unlock-failures (vault/
    // unlock_failures.hpp): time, slot tried, origin; never the passphrase or the arguments.
    REQUIRE(after.size() == before.size() + 1);
    const std::string& log = after.at("unlock-failures");
    CHECK(static_cast<std::size_t>(std::count(log.begin(), log.end(), '\n')) == failures);
    CHECK(log.find("Herfst") == std::string::npos);
    CHECK(log.find("Jan") == std::string::npos);
    CHECK(log.find("cli@") != std::string::npos);
  };
  expect_refused({"person", "list"}, 1);
  expect_refused({"person", "add", "--role", "victim", "--name", "Jan de Vries"}, 2);
  // The next good unlock takes the failures into the audit log; the person list is unchanged.
  CHECK(parse_json(v.ok({"--json", "person", "list"})).as_array().size() == 1);
}

TEST_CASE("cli: a flipped byte in the key-slot file exits 6") {
  VaultFixture v;
  std::filesystem::path slots = v.dir() / "keyslots";
  std::string bytes = read_file(slots);
  REQUIRE(bytes.size() > 40);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
  ::chmod(slots.c_str(), 0600);
  write_file(slots, bytes);
  RunResult r = v.run({"signal", "list"});
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("corrupt") != std::string::npos);
}

TEST_CASE("cli: a vault held by another process exits 7") {
  VaultFixture v;
  {
    auto held = mk::vault::VaultLock::acquire(v.dir() / "vault.lock");
    REQUIRE(held.is_ok());
    Snapshot before = snapshot(v.dir());
    RunResult r = v.run({"signal", "list"});
    CHECK(r.exit_code == 7);
    CHECK(r.err.find("in use") != std::string::npos);
    CHECK(snapshot(v.dir()) == before);
  }
  CHECK(v.run({"signal", "list"}).exit_code == 0);  // released with the lock
}

TEST_CASE("cli: an invalid policy file exits 8 before the vault is touched") {
  VaultFixture v;
  std::filesystem::path policies = v.temp() / "policies";
  std::filesystem::create_directory(policies);
  write_file(policies / "indicators.json",
             "{\"format\": \"meldkluis-indicators/1\", \"forms\": [}");
  Snapshot before = snapshot(v.dir());
  RunResult r = v.run({"--policy-dir", policies.string(), "signal", "list"});
  CHECK(r.exit_code == 8);
  CHECK(r.err.find("indicators.json") != std::string::npos);
  CHECK(run_cli({"indicators", "list", "--policy-dir", policies.string()}).exit_code == 8);
  CHECK(snapshot(v.dir()) == before);
}

TEST_CASE("cli: a compliance slot is forbidden to read identities (exit 10)") {
  VaultFixture v;
  std::string person = first_line(v.ok(
      {"person", "add", "--role", "victim", "--name", "Fatima el Amrani", "--bsn", "192285142"}));
  std::string narrative = v.file("n.txt", "Slachtoffer meldt zich bij het Wijkteam Oost.");
  std::string signal =
      first_line(v.ok({"signal", "add", "--received", "2026-03-03", "--source", "internal_team",
                       "--narrative-file", narrative, "--person", person}));
  std::string fg_pass = v.file("fg-pass", "Privacy officer Rijswijk 7\n");
  v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", fg_pass,
        "--kdf-ms", "1"});
  auto as_fg = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file",
                                     fg_pass,   "--slot",         "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };
  RunResult shown = as_fg({"person", "show", person});
  CHECK(shown.exit_code == 10);
  CHECK(shown.out.empty());
  CHECK(as_fg({"person", "find", "--bsn", "192285142"}).exit_code == 10);
  CHECK(as_fg({"person", "add", "--role", "other", "--name", "Jan de Vries"}).exit_code == 10);
  CHECK(as_fg({"keyslot", "add", "fg2", "--role", "compliance", "--new-passphrase-file", fg_pass})
            .exit_code == 10);
  // Metadata is allowed: the signal without its narrative.
  RunResult meta = as_fg({"--json", "signal", "show", signal});
  REQUIRE(meta.exit_code == 0);
  mk::json::Value s = parse_json(meta.out);
  CHECK(s.find("narrative")->is_null());
  CHECK(s.find("has_narrative")->as_bool());
  CHECK(as_fg({"--json", "person", "list"}).exit_code == 0);
}

TEST_CASE("cli: conflicts exit 11") {
  VaultFixture v;
  std::string signal =
      first_line(v.ok({"signal", "add", "--received", "2026-03-01", "--source", "resident"}));
  v.ok({"signal", "close", signal, "--outcome", "no_suspicion", "--date", "2026-03-04"});
  CHECK(v.run({"signal", "close", signal, "--outcome", "other"}).exit_code == 11);
  CHECK(v.run({"signal", "update", signal, "--severity", "low"}).exit_code == 11);
  CHECK(v.run({"keyslot", "remove", "coordinator"}).exit_code == 11);
  // init into a folder that holds a vault already.
  RunResult again = run_cli({"init", "--vault", v.dir().string(), "--passphrase-file",
                             v.passphrase_file().string(), "--kdf-ms", "1"});
  CHECK(again.exit_code == 11);
}

TEST_CASE("cli: a read error exits 12") {
  VaultFixture v;
  Snapshot before = snapshot(v.dir());
  RunResult r = v.run({"signal", "add", "--received", "2026-03-01", "--source", "partner",
                       "--narrative-file", v.temp().path().string()});  // a folder
  CHECK(r.exit_code == 12);
  CHECK(snapshot(v.dir()) == before);
}

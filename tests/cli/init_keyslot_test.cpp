// init and keyslot: the recovery key shown once, written to a private file, passphrase changes.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "cli_harness.hpp"

using namespace mk::cli_test;

namespace {

bool looks_like_recovery_key(const std::string& key) {
  if (key.size() != 14 * 4 + 13) return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if ((i % 5 == 4) != (key[i] == '-')) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("cli: init prints the recovery key once, with a warning in Dutch and English") {
  TempDir t;
  write_file(t / "pass", "Lente in Rijswijk 2026!\n");
  RunResult r = run_cli({"init", "--vault", (t / "kluis").string(), "--passphrase-file",
                         (t / "pass").string(), "--kdf-ms", "1"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("LET OP") != std::string::npos);
  CHECK(r.out.find("WARNING") != std::string::npos);
  std::string key;
  for (std::size_t pos = 0; pos < r.out.size();) {
    std::size_t nl = r.out.find('\n', pos);
    std::string line = r.out.substr(pos, nl - pos);
    if (line.rfind("    ", 0) == 0) key = line.substr(4);
    pos = nl == std::string::npos ? r.out.size() : nl + 1;
  }
  CHECK(looks_like_recovery_key(key));
  CHECK(r.err.find("Vault created") != std::string::npos);

  RunResult j = run_cli({"init", "--json", "--vault", (t / "kluis2").string(), "--passphrase-file",
                         (t / "pass").string(), "--kdf-ms", "1"});
  REQUIRE(j.exit_code == 0);
  mk::json::Value v = parse_json(j.out);
  CHECK(looks_like_recovery_key(v.find("recovery_key")->as_string()));
  CHECK(v.find("slot")->as_string() == "coordinator");
}

TEST_CASE("cli: init --recovery-key-out writes a new 0600 file and prints no key") {
  TempDir t;
  write_file(t / "pass", "Lente in Rijswijk 2026!\n");
  std::string out = (t / "herstelsleutel.txt").string();
  RunResult r = run_cli({"init", "--vault", (t / "kluis").string(), "--passphrase-file",
                         (t / "pass").string(), "--kdf-ms", "1", "--recovery-key-out", out});
  REQUIRE(r.exit_code == 0);
  struct stat st {};
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::string key = first_line(read_file(out));
  CHECK(looks_like_recovery_key(key));
  CHECK(r.out.find(key) == std::string::npos);
  CHECK(r.err.find(key) == std::string::npos);

  // An existing file is refused before any vault is made.
  RunResult again = run_cli({"init", "--vault", (t / "kluis2").string(), "--passphrase-file",
                             (t / "pass").string(), "--kdf-ms", "1", "--recovery-key-out", out});
  CHECK(again.exit_code == 11);
  CHECK(!std::filesystem::exists(t / "kluis2"));
  CHECK(first_line(read_file(out)) == key);
}

TEST_CASE("cli: a failed init leaves no recovery-key file behind") {
  TempDir t;
  write_file(t / "short", "kort\n");  // under 10 characters
  std::string out = (t / "key.txt").string();
  RunResult r = run_cli({"init", "--vault", (t / "kluis").string(), "--passphrase-file",
                         (t / "short").string(), "--kdf-ms", "1", "--recovery-key-out", out});
  CHECK(r.exit_code == 3);
  CHECK(!std::filesystem::exists(out));
  CHECK(!std::filesystem::exists(t / "kluis"));
}

TEST_CASE("cli: passphrase files: first line only, CRLF tolerated") {
  TempDir t;
  write_file(t / "pass", "Lente in Rijswijk 2026!\r\nsecond line is ignored\n");
  REQUIRE(run_cli({"init", "--vault", (t / "kluis").string(), "--passphrase-file",
                   (t / "pass").string(), "--kdf-ms", "1"})
              .exit_code == 0);
  write_file(t / "plain", "Lente in Rijswijk 2026!");  // no newline at all
  RunResult r = run_cli({"--vault", (t / "kluis").string(), "--passphrase-file",
                         (t / "plain").string(), "keyslot", "list"});
  CHECK(r.exit_code == 0);
}

TEST_CASE("cli: keyslot passwd and remove") {
  VaultFixture v;
  std::string deputy = v.file("deputy", "Plaatsvervanger aandachtsfunctionaris\n");
  v.ok({"keyslot", "add", "deputy", "--role", "coordinator", "--new-passphrase-file", deputy,
        "--kdf-ms", "1"});
  CHECK(v.run({"keyslot", "add", "deputy", "--role", "coordinator", "--new-passphrase-file", deputy,
               "--kdf-ms", "1"})
            .exit_code == 11);
  auto as = [&](const std::string& pass, std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file", pass};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };
  CHECK(as(deputy, {"signal", "list"}).exit_code == 0);

  // The deputy changes their own passphrase; the old one stops working.
  std::string renewed = v.file("renewed", "Nieuw wachtwoord voor de zomer\n");
  RunResult changed =
      as(deputy, {"keyslot", "passwd", "--new-passphrase-file", renewed, "--kdf-ms", "1"});
  INFO(changed.err);
  CHECK(changed.exit_code == 0);
  CHECK(as(deputy, {"signal", "list"}).exit_code == 5);
  CHECK(as(renewed, {"signal", "list"}).exit_code == 0);

  v.ok({"keyslot", "remove", "deputy"});
  CHECK(as(renewed, {"signal", "list"}).exit_code == 5);
  mk::json::Value slots = parse_json(v.ok({"--json", "keyslot", "list"}));
  CHECK(slots.as_array().size() == 2);
}

// Bad input exits 3 and writes nothing: the vault folder is byte-identical afterwards.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"

using namespace mk::cli_test;

namespace {

// Runs `args` against the vault, requires exit 3 and an unchanged vault folder, and returns stderr.
std::string expect_invalid(VaultFixture& v, const std::vector<std::string>& args,
                           const RunOptions& options = {}) {
  Snapshot before = snapshot(v.dir());
  RunResult r = v.run(args, options);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("meldkluis: ", 0) == 0);
  CHECK(snapshot(v.dir()) == before);
  return r.err;
}

}  // namespace

TEST_CASE("cli: bad input exits 3 and writes nothing") {
  VaultFixture v;
  // Something in the vault, so "nothing written" is about a non-empty store.
  std::string victim = first_line(v.ok(
      {"person", "add", "--role", "victim", "--name", "Fatima el Amrani", "--dob", "1988-07-21"}));

  SECTION("an impossible date") {
    std::string err =
        expect_invalid(v, {"signal", "add", "--received", "2026-02-30", "--source", "resident"});
    CHECK(err.find("--received") != std::string::npos);
    expect_invalid(v, {"person", "add", "--role", "victim", "--dob", "1994-02-30"});
    expect_invalid(v, {"signal", "list", "--from", "2026-13-01"});
  }
  SECTION("an unknown indicator or form code") {
    std::string err = expect_invalid(v, {"signal", "add", "--received", "2026-03-01", "--source",
                                         "partner", "--indicator", "coercion.telepathy"});
    CHECK(err.find("unknown indicator code") != std::string::npos);
    expect_invalid(v, {"signal", "add", "--received", "2026-03-01", "--source", "partner", "--form",
                       "piracy"});
  }
  SECTION("an unknown role or enum value") {
    std::string err = expect_invalid(v, {"person", "add", "--role", "witness", "--name", "Jan"});
    CHECK(err.find("victim, suspect, reporter, other") != std::string::npos);
    expect_invalid(v, {"keyslot", "add", "fg", "--role", "auditor", "--new-passphrase-file",
                       v.passphrase_file().string()});
    expect_invalid(v, {"signal", "add", "--received", "2026-03-01", "--source", "police"});
    expect_invalid(v, {"signal", "add", "--received", "2026-03-01", "--source", "partner",
                       "--severity", "extreme"});
    expect_invalid(v, {"signal", "list", "--status", "open"});
  }
  SECTION("an invalid BSN, and the message does not repeat it") {
    std::string err =
        expect_invalid(v, {"person", "add", "--role", "victim", "--bsn", "123456789"});
    CHECK(err.find("123456789") == std::string::npos);
    expect_invalid(v, {"person", "find", "--bsn", "123456789"});
    expect_invalid(v, {"person", "update", victim, "--bsn", "123456789"});
  }
  SECTION("a name of 201 characters") {
    std::string name(201, 'a');
    std::string err = expect_invalid(v, {"person", "add", "--role", "victim", "--name", name});
    CHECK(err.find("aaaa") == std::string::npos);
    RunOptions json;
    json.stdin_text = "{\"name\": \"" + std::string(201, 'e') + "\"}";
    expect_invalid(v, {"person", "add", "--role", "victim", "--fields-json", "-"}, json);
  }
  SECTION("invalid UTF-8 in --fields-json") {
    std::string file = v.file("bad.json",
                              "{\"name\": \"Jos\xe9 Garc\xed"
                              "a\"}");  // Latin-1
    expect_invalid(v, {"person", "add", "--role", "victim", "--fields-json", file});
  }
  SECTION("--fields-json that is not an object of strings") {
    RunOptions o;
    o.stdin_text = R"(["Fatima"])";
    expect_invalid(v, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
    o.stdin_text = R"({"name": 42})";
    expect_invalid(v, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
    o.stdin_text = R"({"shoe_size": "43"})";
    expect_invalid(v, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
    o.stdin_text = R"({"name": "Fatima", "name": "Fatima"})";
    expect_invalid(v, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
  }
  SECTION("a date of birth or received date in the future") {
    expect_invalid(v, {"person", "add", "--role", "victim", "--dob", "2999-01-01"});
    expect_invalid(v, {"signal", "add", "--received", "2999-01-01", "--source", "partner"});
  }
  SECTION("a bad --kdf-ms") {
    expect_invalid(v, {"keyslot", "passwd", "--kdf-ms", "soon", "--new-passphrase-file",
                       v.passphrase_file().string()});
  }
  SECTION("an empty narrative") {
    std::string empty = v.file("empty.txt", "  \n");
    expect_invalid(v, {"signal", "add", "--received", "2026-03-01", "--source", "partner",
                       "--narrative-file", empty});
  }
}

TEST_CASE("cli: a field given twice is a usage error and writes nothing") {
  VaultFixture v;
  Snapshot before = snapshot(v.dir());
  RunOptions o;
  o.stdin_text = R"({"name": "Fatima el Amrani"})";
  RunResult r = v.run(
      {"person", "add", "--role", "victim", "--name", "Fatima el Amrani", "--fields-json", "-"}, o);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("Fatima") == std::string::npos);
  CHECK(snapshot(v.dir()) == before);
}

// Bad input exits 3 and writes nothing: the vault folder is byte-identical afterwards.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"

using namespace mk::cli_test;

namespace {

// Where the input is refused. The CLI refuses malformed values (dates, enum names, JSON) before it
// opens the vault; the service refuses values against the vault's rules (codes, BSN, lengths)
// after the unlock. Either way the vault folder stays byte-identical (opening writes nothing; the
// refused unit of work is rolled back) and, for the service, every record reads as before.
enum class RefusedBy { kCli, kService };

// Everything a command can show about the records, as JSON.
std::string records(const VaultFixture& v) {
  std::string all;
  for (std::vector<std::string> list :
       {std::vector<std::string>{"signal", "list"}, {"person", "list"}, {"case", "list"}}) {
    list.insert(list.begin(), "--json");
    all += v.ok(list);
  }
  mk::json::Value persons = parse_json(v.ok({"--json", "person", "list"}));
  for (const mk::json::Value& p : persons.as_array())
    all += v.ok({"--json", "person", "show", p.find("id")->as_string()});
  mk::json::Value signals = parse_json(v.ok({"--json", "signal", "list"}));
  for (const mk::json::Value& s : signals.as_array())
    all += v.ok({"--json", "signal", "show", s.find("id")->as_string()});
  return all;
}

// Runs `args` against the vault, requires exit 3 and nothing written, and returns stderr.
std::string expect_invalid(VaultFixture& v, RefusedBy by, const std::vector<std::string>& args,
                           const RunOptions& options = {}) {
  Snapshot before = snapshot(v.dir());
  std::string records_before = by == RefusedBy::kService ? records(v) : "";
  if (by == RefusedBy::kService) before = snapshot(v.dir());
  RunResult r = v.run(args, options);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("meldkluis: ", 0) == 0);
  Snapshot after = snapshot(v.dir());
  CHECK(after == before);
  if (by == RefusedBy::kService) CHECK(records(v) == records_before);
  return r.err;
}

constexpr RefusedBy kCli = RefusedBy::kCli;
constexpr RefusedBy kService = RefusedBy::kService;

}  // namespace

TEST_CASE("cli: bad input exits 3 and writes nothing") {
  VaultFixture v;
  // Something in the vault, so "nothing written" is about a non-empty store.
  std::string victim = first_line(v.ok(
      {"person", "add", "--role", "victim", "--name", "Fatima el Amrani", "--dob", "1988-07-21"}));

  SECTION("an impossible date") {
    std::string err = expect_invalid(
        v, kCli, {"signal", "add", "--received", "2026-02-30", "--source", "resident"});
    CHECK(err.find("--received") != std::string::npos);
    expect_invalid(v, kService, {"person", "add", "--role", "victim", "--dob", "1994-02-30"});
    expect_invalid(v, kCli, {"signal", "list", "--from", "2026-13-01"});
  }
  SECTION("an unknown indicator or form code") {
    std::string err = expect_invalid(v, kService,
                                     {"signal", "add", "--received", "2026-03-01", "--source",
                                      "partner", "--indicator", "coercion.telepathy"});
    CHECK(err.find("unknown indicator code") != std::string::npos);
    expect_invalid(
        v, kService,
        {"signal", "add", "--received", "2026-03-01", "--source", "partner", "--form", "piracy"});
  }
  SECTION("an unknown role or enum value") {
    std::string err =
        expect_invalid(v, kCli, {"person", "add", "--role", "witness", "--name", "Jan"});
    CHECK(err.find("victim, suspect, reporter, other") != std::string::npos);
    expect_invalid(v, kCli,
                   {"keyslot", "add", "fg", "--role", "auditor", "--new-passphrase-file",
                    v.passphrase_file().string()});
    expect_invalid(v, kCli, {"signal", "add", "--received", "2026-03-01", "--source", "police"});
    expect_invalid(v, kCli,
                   {"signal", "add", "--received", "2026-03-01", "--source", "partner",
                    "--severity", "extreme"});
    expect_invalid(v, kCli, {"signal", "list", "--status", "open"});
  }
  SECTION("an invalid BSN, and the message does not repeat it") {
    std::string err =
        expect_invalid(v, kService, {"person", "add", "--role", "victim", "--bsn", "123456789"});
    CHECK(err.find("123456789") == std::string::npos);
    expect_invalid(v, kService, {"person", "find", "--bsn", "123456789"});
    expect_invalid(v, kService, {"person", "update", victim, "--bsn", "123456789"});
  }
  SECTION("a name of 201 characters") {
    std::string name(201, 'a');
    std::string err =
        expect_invalid(v, kService, {"person", "add", "--role", "victim", "--name", name});
    CHECK(err.find("aaaa") == std::string::npos);
    RunOptions json;
    json.stdin_text = "{\"name\": \"" + std::string(201, 'e') + "\"}";
    expect_invalid(v, kService, {"person", "add", "--role", "victim", "--fields-json", "-"}, json);
  }
  SECTION("invalid UTF-8 in --fields-json") {
    std::string file = v.file("bad.json",
                              "{\"name\": \"Jos\xe9 Garc\xed"
                              "a\"}");  // Latin-1
    expect_invalid(v, kCli, {"person", "add", "--role", "victim", "--fields-json", file});
  }
  SECTION("--fields-json that is not an object of strings") {
    RunOptions o;
    o.stdin_text = R"(["Fatima"])";
    expect_invalid(v, kCli, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
    o.stdin_text = R"({"name": 42})";
    expect_invalid(v, kCli, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
    o.stdin_text = R"({"shoe_size": "43"})";
    expect_invalid(v, kCli, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
    o.stdin_text = R"({"name": "Fatima", "name": "Fatima"})";
    expect_invalid(v, kCli, {"person", "add", "--role", "victim", "--fields-json", "-"}, o);
  }
  SECTION("a date of birth or received date in the future") {
    expect_invalid(v, kService, {"person", "add", "--role", "victim", "--dob", "2999-01-01"});
    expect_invalid(v, kService,
                   {"signal", "add", "--received", "2999-01-01", "--source", "partner"});
  }
  SECTION("a bad --kdf-ms") {
    expect_invalid(v, kCli,
                   {"keyslot", "passwd", "--kdf-ms", "soon", "--new-passphrase-file",
                    v.passphrase_file().string()});
  }
  SECTION("an empty narrative") {
    std::string empty = v.file("empty.txt", "  \n");
    expect_invalid(v, kService,
                   {"signal", "add", "--received", "2026-03-01", "--source", "partner",
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

TEST_CASE("cli: --reason goes with the session; a bad one is invalid input") {
  VaultFixture v;
  CHECK(v.run({"--reason", "Verzoek SHOP 12-03: stand van zaken", "signal", "list"}).exit_code ==
        0);
  RunResult long_reason = v.run({"signal", "list", "--reason", std::string(201, 'x')});
  CHECK(long_reason.exit_code == 3);
  CHECK(long_reason.err.find("reason") != std::string::npos);
}

TEST_CASE("cli: listing signals by an unknown form is an error, not an empty list") {
  VaultFixture v;
  RunResult r = v.run({"signal", "list", "--form", "telepathy"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("unknown form code") != std::string::npos);
  CHECK(v.run({"signal", "list", "--form", "labour"}).exit_code == 0);
}

// The data subject's rights through the real binary: person access (to an age file opened with
// the real `age`, or to the terminal after a warning), erase (with a reason), restrict and
// unrestrict, and rectification through person update, whose audit trail holds field names only.
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>

#include "cli_harness.hpp"
#include "support/folder_snapshot.hpp"
#include "support/run_process.hpp"

using namespace mk::cli_test;
using mk::json::Value;

namespace {

const std::string kName = "Fatima el Amrani";
const std::string kBsn = "192285142";
const std::string kAddress = "Herenstraat 12, 2282 BX Rijswijk";
const std::string kErasureReason = "AVG-verzoek 2026-031";

std::string add_victim(VaultFixture& v) {
  return first_line(v.ok({"person", "add", "--role", "victim", "--name", kName, "--dob",
                          "1994-03-12", "--bsn", kBsn, "--address", kAddress}));
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The audit entries about `object`.
Value audit_of(VaultFixture& v, const std::string& object) {
  return parse_json(v.ok({"--json", "audit", "log", "--object", object}));
}

const Value* entry(const Value& entries, const std::string& action, const std::string& result) {
  for (const Value& e : entries.as_array()) {
    if (e.find("action")->as_string() == action && e.find("result")->as_string() == result) {
      return &e;
    }
  }
  return nullptr;
}

struct TerminalRun {
  int exit_code = -1;
  std::string transcript;  // everything the terminal showed
  int answered = 0;
};

// Runs `argv` (argv[0] a full path) on a new pseudo-terminal and types the next of `answers`
// (the last one again when they run out) each time the terminal shows `trigger`.
TerminalRun run_on_terminal(std::vector<std::string> argv_storage, const std::string& trigger,
                            const std::vector<std::string>& answers) {
  std::vector<char*> argv;
  for (std::string& a : argv_storage)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  TerminalRun run;
  std::size_t searched = 0;
  for (;;) {
    pollfd p{master, POLLIN, 0};
    int ready = ::poll(&p, 1, 30000);
    if (ready < 0 && errno == EINTR) continue;
    INFO(run.transcript);
    REQUIRE(ready > 0);  // no hang
    char buf[512];
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has gone
    run.transcript.append(buf, static_cast<std::size_t>(n));
    std::size_t at = run.transcript.find(trigger, searched);
    if (at != std::string::npos) {
      searched = at + trigger.size();
      std::size_t i = std::min(static_cast<std::size_t>(run.answered), answers.size() - 1);
      std::string line = answers[i] + "\n";
      REQUIRE(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
      ++run.answered;
    }
  }
  ::close(master);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::vector<std::string> meldkluis_on(const VaultFixture& v, std::vector<std::string> args) {
  std::vector<std::string> full = {MELDKLUIS_CLI, "--vault", v.dir().string(), "--passphrase-file",
                                   v.passphrase_file().string()};
  full.insert(full.end(), args.begin(), args.end());
  return full;
}

// Opens an age file sealed with a passphrase with the real age, which asks for it on a terminal.
std::string open_with_passphrase(VaultFixture& v, const std::filesystem::path& sealed,
                                 const std::string& passphrase) {
  static int n = 0;
  std::filesystem::path plain = v.temp() / ("geopend-" + std::to_string(++n) + ".json");
  TerminalRun age = run_on_terminal({"/usr/bin/age", "-d", "-o", plain.string(), sealed.string()},
                                    "passphrase", {passphrase});
  INFO(age.transcript);
  CHECK(age.exit_code == 0);
  return read_file(plain);
}

// Checks a decrypted subject-access document about `person`.
void check_document(const std::string& text, const std::string& person) {
  Value doc = parse_json(text);
  CHECK(doc.find("format")->as_string() == "meldkluis-subject-access/1");
  CHECK(doc.find("person")->as_string() == person);
  CHECK(doc.find("role")->as_string() == "victim");
  const Value* identity = doc.find("identity");
  REQUIRE(identity != nullptr);
  CHECK(identity->find("name")->as_string() == kName);
  CHECK(identity->find("bsn")->as_string() == kBsn);
}

}  // namespace

TEST_CASE("cli person access --out: an age file the real age opens") {
  VaultFixture v;
  std::string person = add_victim(v);
  std::filesystem::path key = v.temp() / "raadsvrouw.key";
  mk::testing::ProcessResult keygen = mk::testing::run_process({"age-keygen", "-o", key.string()});
  INFO(keygen.output);
  REQUIRE(keygen.exit_code == 0);
  mk::testing::ProcessResult pub = mk::testing::run_process({"age-keygen", "-y", key.string()});
  REQUIRE(pub.exit_code == 0);
  std::string recipient = first_line(pub.output);
  REQUIRE(recipient.rfind("age1", 0) == 0);

  // To a recipient's key.
  std::filesystem::path out = v.temp() / "inzage.age";
  Value exported = parse_json(
      v.ok({"--json", "person", "access", person, "--out", out.string(), "--to", recipient}));
  CHECK(exported.find("id")->as_string() == person);
  CHECK(exported.find("result")->as_string() == "exported");
  std::string sealed = read_file(out);
  CHECK(sealed.rfind("age-encryption.org/v1\n", 0) == 0);
  CHECK_FALSE(contains(sealed, kName));
  CHECK_FALSE(contains(sealed, kBsn));
  struct stat st {};
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  mk::testing::ProcessResult opened =
      mk::testing::run_process({"age", "-d", "-i", key.string(), out.string()});
  INFO(opened.output);
  REQUIRE(opened.exit_code == 0);
  check_document(opened.output, person);

  // The file is never overwritten.
  CHECK(v.run({"person", "access", person, "--out", out.string(), "--to", recipient}).exit_code ==
        11);
  CHECK(read_file(out) == sealed);

  // Under a passphrase from a file; the real age asks for it on the terminal.
  const std::string secret = "Inzage Rijswijk november 2026";
  std::string file_pass = v.file("inzage-pass", secret + "\n");
  std::filesystem::path locked = v.temp() / "inzage-wachtwoord.age";
  v.ok({"person", "access", person, "--out", locked.string(), "--passphrase-out-file", file_pass});
  check_document(open_with_passphrase(v, locked, secret), person);

  // Without --to or a passphrase file, the passphrase is asked twice on the terminal, unechoed.
  std::filesystem::path prompted = v.temp() / "inzage-gevraagd.age";
  TerminalRun asked =
      run_on_terminal(meldkluis_on(v, {"person", "access", person, "--out", prompted.string()}),
                      "assphrase: ", {secret});
  INFO(asked.transcript);
  CHECK(asked.exit_code == 0);
  CHECK(asked.answered == 2);
  CHECK_FALSE(contains(asked.transcript, secret));
  check_document(open_with_passphrase(v, prompted, secret), person);
  std::filesystem::path mismatch = v.temp() / "inzage-anders.age";
  TerminalRun differ =
      run_on_terminal(meldkluis_on(v, {"person", "access", person, "--out", mismatch.string()}),
                      "assphrase: ", {secret, "Inzage Rijswijk december 2026"});
  CHECK(differ.exit_code == 3);
  CHECK_FALSE(std::filesystem::exists(mismatch));

  // Both exports are audited, destination only.
  Value trail = audit_of(v, person);
  const Value* access = entry(trail, "person.access", "ok");
  REQUIRE(access != nullptr);
  CHECK(access->find("detail")->as_string() == "to=file");
}

TEST_CASE("cli person access: wrong combinations and bad recipients change nothing") {
  VaultFixture v;
  std::string person = add_victim(v);
  std::string out = (v.temp() / "x.age").string();
  std::string pass = v.file("p", "Inzage Rijswijk november 2026\n");
  const std::string recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
  mk::testing::FolderSnapshot before = mk::testing::snapshot(v.dir());
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"person", "access", person},
           {"person", "access", person, "--out", out, "--terminal"},
           {"person", "access", person, "--terminal", "--to", recipient},
           {"person", "access", person, "--out", out, "--to", recipient, "--yes"},
           {"person", "access", person, "--out", out, "--to", recipient, "--passphrase-out-file",
            pass},
           {"person", "access", person, "--out", out},  // no terminal to ask a passphrase
           {"person", "access", person, "--terminal"},  // no terminal to confirm, no --yes
       }) {
    RunResult r = v.run(args);
    INFO(args.size());
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
  CHECK(v.run({"person", "access", person, "--out", out, "--to", "age1nietgeldig"}).exit_code == 3);
  CHECK(v.run({"person", "access", "P-AAAAAAAA", "--out", out, "--to", recipient}).exit_code == 4);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(mk::testing::snapshot(v.dir()) == before);
  CHECK(v.run({"person", "access", "--help"}).out.find("age -d") != std::string::npos);
}

TEST_CASE("cli person access --terminal: a warning first, then the document") {
  VaultFixture v;
  std::string person = add_victim(v);

  // Scripted, with --yes.
  RunResult shown = v.run({"person", "access", person, "--terminal", "--yes"});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  check_document(shown.out, person);
  CHECK(contains(shown.err, "Warning"));
  CHECK_FALSE(contains(shown.err, kName));
  Value trail = audit_of(v, person);
  const Value* access = entry(trail, "person.access", "ok");
  REQUIRE(access != nullptr);
  CHECK(access->find("detail")->as_string() == "to=terminal");

  // On a terminal: the warning and the question come before any identifying data; "nee" shows
  // nothing and audits no access.
  mk::testing::FolderSnapshot before = mk::testing::snapshot(v.dir());
  TerminalRun no = run_on_terminal(meldkluis_on(v, {"person", "access", person, "--terminal"}),
                                   "[j/N]", {"nee"});
  INFO(no.transcript);
  CHECK(no.exit_code == 0);
  CHECK(no.answered == 1);
  CHECK(contains(no.transcript, "identifying data"));
  CHECK_FALSE(contains(no.transcript, kName));
  CHECK(mk::testing::snapshot(v.dir()) == before);

  TerminalRun yes =
      run_on_terminal(meldkluis_on(v, {"person", "access", person, "--terminal"}), "[j/N]", {"j"});
  INFO(yes.transcript);
  CHECK(yes.exit_code == 0);
  std::size_t warned = yes.transcript.find("identifying data");
  std::size_t name = yes.transcript.find(kName);
  REQUIRE(warned != std::string::npos);
  REQUIRE(name != std::string::npos);
  CHECK(warned < name);
}

TEST_CASE("cli person erase: needs a reason, asks, shreds, audits the reason without the name") {
  VaultFixture v;
  std::string person = add_victim(v);
  mk::testing::FolderSnapshot before = mk::testing::snapshot(v.dir());

  RunResult no_reason = v.run({"person", "erase", person, "--yes"});
  CHECK(no_reason.exit_code == 2);
  CHECK(contains(no_reason.err, "--reason"));
  CHECK(v.run({"person", "erase", person, "--yes", "--reason", ""}).exit_code == 3);
  CHECK(v.run({"person", "erase", person, "--yes", "--reason", std::string(201, 'x')}).exit_code ==
        3);
  RunResult no_terminal = v.run({"person", "erase", person, "--reason", kErasureReason});
  CHECK(no_terminal.exit_code == 2);
  CHECK(contains(no_terminal.err, "--yes"));
  CHECK(mk::testing::snapshot(v.dir()) == before);

  // On a terminal, "nee" keeps the person.
  TerminalRun no = run_on_terminal(
      meldkluis_on(v, {"person", "erase", person, "--reason", kErasureReason}), "[j/N]", {"nee"});
  CHECK(no.exit_code == 0);
  CHECK(no.answered == 1);
  CHECK(mk::testing::snapshot(v.dir()) == before);
  CHECK(v.run({"person", "show", person}).exit_code == 0);

  Value erased =
      parse_json(v.ok({"--json", "person", "erase", person, "--reason", kErasureReason, "--yes"}));
  CHECK(erased.find("id")->as_string() == person);
  CHECK(erased.find("result")->as_string() == "erased");
  CHECK(v.run({"person", "show", person}).exit_code == 4);
  CHECK(v.run({"person", "find", "--bsn", kBsn}).out.find(person) == std::string::npos);
  CHECK(v.run({"person", "erase", person, "--reason", kErasureReason, "--yes"}).exit_code == 4);

  Value trail = audit_of(v, person);
  const Value* erase = entry(trail, "person.erase", "ok");
  REQUIRE(erase != nullptr);
  CHECK(erase->find("reason")->as_string() == kErasureReason);
  std::string log = v.ok({"--json", "audit", "log"});
  CHECK_FALSE(contains(log, kName));
  CHECK_FALSE(contains(log, kBsn));
}

TEST_CASE("cli person erase: a legal hold on a linked case blocks it") {
  VaultFixture v;
  std::string person = add_victim(v);
  std::string c = first_line(v.ok({"case", "open", "--opened", "2025-09-01", "--person", person}));
  v.ok({"case", "hold", c, "--reason", "Civiele procedure, verzoek advocaat 2026-07"});
  mk::testing::FolderSnapshot before = mk::testing::snapshot(v.dir());
  RunResult held = v.run({"person", "erase", person, "--reason", kErasureReason, "--yes"});
  CHECK(held.exit_code == 11);
  CHECK(mk::testing::snapshot(v.dir()) == before);
  CHECK(v.run({"person", "show", person}).exit_code == 0);
  v.ok({"case", "release", c});
  v.ok({"person", "erase", person, "--reason", kErasureReason, "--yes"});
  CHECK(v.run({"person", "show", person}).exit_code == 4);
}

TEST_CASE("cli person restrict and unrestrict show in person show") {
  VaultFixture v;
  std::string person = add_victim(v);
  CHECK(parse_json(v.ok({"--json", "person", "show", person})).find("restricted")->as_bool() ==
        false);

  Value restricted = parse_json(v.ok({"--json", "person", "restrict", person}));
  CHECK(restricted.find("result")->as_string() == "restricted");
  CHECK(parse_json(v.ok({"--json", "person", "show", person})).find("restricted")->as_bool());
  CHECK(contains(v.ok({"person", "show", person}), "ja / yes"));
  CHECK(parse_json(v.ok({"--json", "person", "list"}))
            .as_array()
            .front()
            .find("restricted")
            ->as_bool());

  Value lifted = parse_json(v.ok({"--json", "person", "unrestrict", person}));
  CHECK(lifted.find("result")->as_string() == "unrestricted");
  CHECK(parse_json(v.ok({"--json", "person", "show", person})).find("restricted")->as_bool() ==
        false);
  CHECK(contains(v.ok({"person", "show", person}), "nee / no"));

  Value trail = audit_of(v, person);
  CHECK(entry(trail, "person.restrict", "ok") != nullptr);
  CHECK(entry(trail, "person.unrestrict", "ok") != nullptr);
  CHECK(v.run({"person", "restrict", "P-AAAAAAAA"}).exit_code == 4);
}

TEST_CASE("cli rectification: person update audits field names, never a value") {
  VaultFixture v;
  std::string person = add_victim(v);
  const std::string new_name = "Fatima Bakker-el Amrani";
  const std::string new_address = "Laan van Zuid 44, 2282 AA Rijswijk";
  v.ok({"person", "update", person, "--name", new_name, "--address", new_address});
  Value shown = parse_json(v.ok({"--json", "person", "show", person}));
  CHECK(shown.find("identity")->find("name")->as_string() == new_name);
  CHECK(shown.find("identity")->find("address")->as_string() == new_address);

  Value trail = audit_of(v, person);
  const Value* update = entry(trail, "person.update", "ok");
  REQUIRE(update != nullptr);
  std::string detail = update->find("detail")->as_string();
  CHECK(contains(detail, "name"));
  CHECK(contains(detail, "address"));

  // Neither the old nor the new values appear anywhere in an audit export.
  std::filesystem::path exported = v.temp() / "audit-export";
  v.ok({"audit", "export", "--out", exported.string()});
  std::size_t files = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(exported)) {
    if (!f.is_regular_file()) continue;
    ++files;
    std::string bytes = read_file(f.path());
    INFO(f.path().filename().string());
    for (const std::string& value :
         {kName, kAddress, new_name, new_address, std::string("Herenstraat"), kBsn})
      CHECK_FALSE(contains(bytes, value));
    if (f.path().filename() == "entries.jsonl") CHECK(contains(bytes, "person.update"));
  }
  CHECK(files >= 3);
}

TEST_CASE("cli subject rights: a compliance slot may exercise none of them") {
  VaultFixture v;
  std::string person = add_victim(v);
  std::string fg_pass = v.file("fg-pass", "Functionaris Gegevensbescherming 9\n");
  v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", fg_pass,
        "--kdf-ms", "1"});
  auto as_fg = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file",
                                     fg_pass,   "--slot",         "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };
  std::string out = (v.temp() / "fg.age").string();
  std::string pass = v.file("p", "Inzage Rijswijk november 2026\n");
  RunResult terminal = as_fg({"person", "access", person, "--terminal", "--yes"});
  CHECK(terminal.exit_code == 10);
  CHECK(terminal.out.empty());
  CHECK(
      as_fg({"person", "access", person, "--out", out, "--passphrase-out-file", pass}).exit_code ==
      10);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(as_fg({"person", "erase", person, "--reason", kErasureReason, "--yes"}).exit_code == 10);
  CHECK(v.run({"person", "show", person}).exit_code == 0);
  Value trail = audit_of(v, person);
  CHECK(entry(trail, "person.access", "forbidden") != nullptr);
  CHECK(entry(trail, "person.erase", "forbidden") != nullptr);
}

TEST_CASE("cli subject rights: --help for every new verb") {
  for (const char* verb : {"access", "erase", "restrict", "unrestrict"}) {
    RunResult r = run_cli({"person", verb, "--help"});
    INFO(verb);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, std::string("Usage: meldkluis person ") + verb));
  }
  CHECK(contains(run_cli({"person", "update", "--help"}).out, "never a value"));
}

// The real binary on a real full disk and a real read-only folder: the vault is put on a small
// tmpfs filled up to leave 0, 4 KiB, 64 KiB or 256 KiB free, or its folder is bind-mounted
// read-only, inside a user and mount namespace (`unshare -rm`, no real root needed). Every
// writing command must either succeed or fail with exit 12 (kIo) and a message that says what is
// wrong; afterwards the vault opens, its audit log verifies, the earlier data is there and no
// partial export or backup file is left. A read-only folder changes not one byte.
//
// When `unshare -rm` is not permitted on a machine these tests FAIL saying so: they never pass
// without having run.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.hpp"
#include "support/run_process.hpp"

using namespace mk::cli_test;
namespace fs = std::filesystem;

namespace {

constexpr int kExitIo = 12;
constexpr const char kCanaryName[] = "Kanarie Zeeanemoon";
constexpr const char kCanaryNarrative[] = "KANARIE-SCHIJF: slaapplaatsen in de loods aan de Kade";

// Single-quotes `s` for sh.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs `script` with sh in a new user and mount namespace. Fails the test when the machine does
// not allow one.
mk::testing::ProcessResult in_namespace(const std::string& script) {
  mk::testing::ProcessResult probe = mk::testing::run_process({"unshare", "-rm", "true"});
  if (probe.exit_code != 0) {
    FAIL("`unshare -rm` is not permitted on this machine (exit "
         << probe.exit_code << ": " << probe.output
         << "): the full-disk and read-only folder tests need a user and mount namespace");
  }
  return mk::testing::run_process({"unshare", "-rm", "sh", "-c", script});
}

// The shell function `run NAME ARGS...`: runs meldkluis on $V with the passphrase file, leaving
// NAME.out, NAME.err and NAME.rc in $R.
std::string script_prelude(const VaultFixture& v, const fs::path& vault, const fs::path& results) {
  return "set -u\n"
         "CLI=" +
         quoted(MELDKLUIS_CLI) + "\nV=" + quoted(vault.string()) +
         "\nP=" + quoted(v.passphrase_file().string()) + "\nR=" + quoted(results.string()) +
         "\n"
         "run() { n=$1; shift; \"$CLI\" --vault \"$V\" --passphrase-file \"$P\" \"$@\" "
         ">\"$R/$n.out\" 2>\"$R/$n.err\" </dev/null; echo $? >\"$R/$n.rc\"; }\n";
}

struct Outcome {
  int rc = -1;
  std::string err;
};

Outcome outcome_of(const fs::path& results, const std::string& name) {
  Outcome o;
  std::string rc = read_file(results / (name + ".rc"));
  REQUIRE(!rc.empty());
  o.rc = std::stoi(rc);
  o.err = read_file(results / (name + ".err"));
  return o;
}

std::set<std::string> lines_of(const std::string& text) {
  std::set<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.insert(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// A vault with a victim (canary name), a signal, a case and the police as partner.
struct Casework {
  std::string person, signal, kase;
};

Casework build(VaultFixture& v) {
  Casework c;
  c.person = first_line(
      v.ok({"person", "add", "--role", "victim", "--name", kCanaryName, "--dob", "1999-04-17"}));
  RunOptions narrative;
  narrative.stdin_text = kCanaryNarrative;
  c.signal =
      first_line(v.ok({"signal", "add", "--received", "2026-11-20", "--source", "internal_team",
                       "--narrative-file", "-", "--form", "labour", "--person", c.person},
                      narrative));
  c.kase = first_line(
      v.ok({"case", "open", "--opened", "2026-11-23", "--signal", c.signal, "--person", c.person}));
  fs::path key = v.temp() / "politie-sleutel.txt";
  RunResult kg = run_cli({"partner", "keygen", "--out", key.string()});
  REQUIRE(kg.exit_code == 0);
  v.ok({"partner", "add", "police", "--name", "Politie Eenheid Den Haag, AVIM", "--kind", "police",
        "--recipient", first_line(kg.out), "--purpose", "report"});
  return c;
}

// The writing commands run on a full disk or a read-only folder, as `run` lines. $OUT is a
// folder for the files they write.
std::string writing_commands(const Casework& c, const std::string& fg_file) {
  return "run person_add person add --role victim --name 'Kanarie Zeeanemoon Twee' --dob "
         "2001-08-09\n"
         "run signal_add signal add --received 2026-11-28 --source resident --form labour "
         "--person " +
         c.person +
         "\n"
         "run share_export share export --partner police --purpose report --case " +
         c.kase +
         " --out \"$OUT/pakket.age\"\n"
         "run backup_create backup create --out \"$OUT/kluis.mkbackup\"\n"
         "run keyslot_add keyslot add fg --role compliance --kdf-ms 1 --new-passphrase-file " +
         quoted(fg_file) + "\n";
}

const std::vector<std::string> kWritingCommands = {"person_add", "signal_add", "share_export",
                                                   "backup_create", "keyslot_add"};

// Files a failed command must not leave in $OUT.
const std::map<std::string, std::vector<std::string>> kOutputs = {
    {"share_export", {"pakket.age", "pakket.age.minisig"}},
    {"backup_create", {"kluis.mkbackup"}},
};

bool says_disk_full(const std::string& err) {
  return err.find("disk is full") != std::string::npos ||
         err.find("No space left on device") != std::string::npos;
}

bool says_read_only(const std::string& err) {
  return err.find("read-only") != std::string::npos || err.find("Read-only") != std::string::npos;
}

// The vault opens, its log verifies and the case's person is there.
void require_vault_whole(const VaultFixture& v, const fs::path& vault, const Casework& c) {
  auto run = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", vault.string(), "--passphrase-file",
                                     v.passphrase_file().string()};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };
  RunResult verified = run({"audit", "verify"});
  INFO(verified.out << verified.err);
  REQUIRE(verified.exit_code == 0);
  RunResult shown = run({"person", "show", c.person});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  REQUIRE(shown.out.find("Zeeanemoon") != std::string::npos);
  RunResult kase = run({"case", "show", c.kase});
  REQUIRE(kase.exit_code == 0);
}

}  // namespace

TEST_CASE("cli faults: a full disk fails writing commands with exit 12 and loses nothing",
          "[faults]") {
  VaultFixture v;
  Casework c = build(v);
  std::string fg = v.file("fg-zin", "Functionaris Gegevensbescherming 2026\n");
  int failures = 0, successes = 0;
  std::set<std::string> messages;
  std::ostringstream per_size;
  for (int free_kib : {0, 4, 64, 256}) {
    INFO("free on the tmpfs: " << free_kib << " KiB");
    fs::path mnt = v.temp() / ("schijf-" + std::to_string(free_kib));
    fs::path results = v.temp() / ("uitkomst-" + std::to_string(free_kib));
    fs::create_directories(mnt);
    fs::create_directories(results);
    std::string script = script_prelude(v, mnt / "vault", results) + "M=" + quoted(mnt.string()) +
                         "\nOUT=\"$M\"\n"
                         "mount -t tmpfs -o size=8m,mode=0700 tmpfs \"$M\" || exit 90\n"
                         "cp -a " +
                         quoted(v.dir().string()) +
                         " \"$V\" || exit 91\n"
                         "dd if=/dev/zero of=\"$M/filler\" bs=4096 2>/dev/null\n"
                         "truncate -s -" +
                         std::to_string(free_kib) +
                         "K \"$M/filler\" || exit 92\n"
                         "df -k \"$M\" | tail -1 >\"$R/df\"\n" +
                         writing_commands(c, fg) +
                         "rm -f \"$M/filler\"\n"
                         "ls -A \"$M\" >\"$R/listing\"\n"
                         "ls -A \"$V\" >\"$R/vault-listing\"\n"
                         "cp -a \"$V\" \"$R/vault\" || exit 93\n"
                         "for f in pakket.age pakket.age.minisig kluis.mkbackup; do\n"
                         "  [ -e \"$M/$f\" ] && cp \"$M/$f\" \"$R/$f\"\n"
                         "done\n"
                         "exit 0\n";
    mk::testing::ProcessResult ran = in_namespace(script);
    INFO("script output: " << ran.output);
    REQUIRE(ran.exit_code == 0);
    INFO("df: " << read_file(results / "df"));

    std::set<std::string> listing = lines_of(read_file(results / "listing"));
    std::set<std::string> vault_listing = lines_of(read_file(results / "vault-listing"));
    INFO("vault folder afterwards: " << read_file(results / "vault-listing"));
    for (const std::string& name : vault_listing) {
      CHECK((name == "vault.db" || name == "keyslots" || name == "vault.lock"));
    }
    for (const std::string& cmd : kWritingCommands) {
      Outcome o = outcome_of(results, cmd);
      INFO(cmd << ": exit " << o.rc << ", " << o.err);
      CHECK((o.rc == 0 || o.rc == kExitIo));
      CHECK(o.err.find("Kanarie") == std::string::npos);
      per_size << (cmd == kWritingCommands.front()
                       ? "\n  " + std::to_string(free_kib) + " KiB free:"
                       : std::string())
               << ' ' << cmd << '=' << o.rc;
      if (o.rc == 0) {
        ++successes;
      } else {
        ++failures;
        CHECK(says_disk_full(o.err));
        messages.insert(cmd + ": " + first_line(o.err));
      }
      auto outputs = kOutputs.find(cmd);
      if (outputs == kOutputs.end()) continue;
      for (const std::string& f : outputs->second) {
        // A failed export or backup leaves no file; a successful one leaves it whole.
        CHECK(listing.count(f) == (o.rc == 0 ? 1u : 0u));
      }
      if (o.rc == 0 && cmd == "backup_create") {
        RunResult checked = run_cli({"--vault", (results / "vault").string(), "--passphrase-file",
                                     v.passphrase_file().string(), "backup", "verify",
                                     (results / "kluis.mkbackup").string()});
        CHECK(checked.exit_code == 0);
      }
    }
    require_vault_whole(v, results / "vault", c);

    // With space again, each command that failed now succeeds (on the copy taken afterwards).
    VaultFixture& fx = v;
    for (const std::string& cmd : {std::string("person_add"), std::string("keyslot_add")}) {
      if (outcome_of(results, cmd).rc == 0) continue;
      std::vector<std::string> args =
          cmd == "person_add"
              ? std::vector<std::string>{"person", "add",       "--role",
                                         "victim", "--name",    "Kanarie Zeeanemoon Twee",
                                         "--dob",  "2001-08-09"}
              : std::vector<std::string>{"keyslot",
                                         "add",
                                         "fg",
                                         "--role",
                                         "compliance",
                                         "--kdf-ms",
                                         "1",
                                         "--new-passphrase-file",
                                         fg};
      std::vector<std::string> full = {"--vault", (results / "vault").string(), "--passphrase-file",
                                       fx.passphrase_file().string()};
      full.insert(full.end(), args.begin(), args.end());
      RunResult retried = run_cli(full);
      INFO("retry of " << cmd << ": " << retried.err);
      CHECK(retried.exit_code == 0);
    }
  }
  WARN("cli faults: full disk (0, 4, 64, 256 KiB free): "
       << failures << " writing commands failed with exit 12, " << successes
       << " succeeded; every vault verified afterwards (exit codes:" << per_size.str()
       << ")\nmessages:\n"
       << [&] {
            std::string all;
            for (const std::string& m : messages)
              all += "  " + m + "\n";
            return all;
          }());
  CHECK(failures > 0);
}

TEST_CASE("cli faults: a read-only vault folder refuses writes with exit 12 and changes nothing",
          "[faults]") {
  VaultFixture v;
  Casework c = build(v);
  std::string fg = v.file("fg-zin", "Functionaris Gegevensbescherming 2026\n");
  fs::path results = v.temp() / "uitkomst";
  fs::path out = v.temp() / "uitvoer";
  fs::create_directories(results);
  fs::create_directories(out);
  Snapshot before = snapshot(v.dir());
  std::string script = script_prelude(v, v.dir(), results) + "OUT=" + quoted(out.string()) +
                       "\n"
                       "mount --bind \"$V\" \"$V\" || exit 90\n"
                       "mount -o remount,bind,ro \"$V\" || exit 91\n"
                       "touch \"$V/probe\" 2>/dev/null && exit 92\n"
                       "run person_list person list\n"
                       "run signal_list signal list\n"
                       "run audit_verify audit verify\n" +
                       writing_commands(c, fg) + "exit 0\n";
  mk::testing::ProcessResult ran = in_namespace(script);
  INFO("script output: " << ran.output);
  REQUIRE(ran.exit_code == 0);

  int refused = 0;
  std::ostringstream reads;
  std::set<std::string> messages;
  for (std::string cmd : {"person_list", "signal_list", "audit_verify"}) {
    Outcome o = outcome_of(results, cmd);
    INFO(cmd << ": exit " << o.rc << ", " << o.err);
    // A read works, or fails clearly as a file-system error.
    CHECK((o.rc == 0 || (o.rc == kExitIo && says_read_only(o.err))));
    reads << ' ' << cmd << "=" << o.rc;
  }
  for (const std::string& cmd : kWritingCommands) {
    Outcome o = outcome_of(results, cmd);
    INFO(cmd << ": exit " << o.rc << ", " << o.err);
    CHECK(o.rc == kExitIo);
    CHECK(says_read_only(o.err));
    CHECK(o.err.find("Kanarie") == std::string::npos);
    if (o.rc == kExitIo) ++refused;
    messages.insert(first_line(o.err));
  }
  // Nothing was written: not in the vault folder, not beside it.
  CHECK(snapshot(v.dir()) == before);
  CHECK(fs::is_empty(out));
  require_vault_whole(v, v.dir(), c);
  WARN("cli faults: read-only vault folder: " << refused << " of " << kWritingCommands.size()
                                              << " writing commands refused with exit 12; reads:"
                                              << reads.str() << "; the folder is byte-identical; "
                                              << *messages.begin());
}

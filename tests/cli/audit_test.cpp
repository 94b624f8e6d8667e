// meldkluis audit ...: the compliance officer's view of the log through the real binary, and the
// export checked by the independent verifier (tests/audit/verify_export.py, Debian's python3 with
// PyNaCl), which must also reject a tampered export.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_harness.hpp"
#include "support/run_process.hpp"

using namespace mk::cli_test;
using mk::json::Value;

namespace {

// Personal data that must never reach the audit log.
const std::string kCanaryName = "Kanarie Vogelzang-Testpersoon";
const std::string kCanaryBsn = "725763863";
const std::string kCanaryNarrative = "Kanarieverhaal: zij werkt zeven dagen per week in de kas.";

const std::string kFgPassphrase = "Functionaris Gegevensbescherming\n";

// Runs the independent verifier on an export folder (and kept checkpoints).
mk::testing::ProcessResult verify_export(const std::filesystem::path& dir,
                                         const std::vector<std::string>& kept = {}) {
  std::vector<std::string> argv = {
      "/usr/bin/python3", MELDKLUIS_SOURCE_DIR "/tests/audit/verify_export.py", dir.string()};
  for (const std::string& k : kept) {
    argv.push_back("--checkpoint");
    argv.push_back(k);
  }
  return mk::testing::run_process(argv);
}

bool has_entry(const Value& entries, const std::string& action, const std::string& object) {
  for (const Value& e : entries.as_array()) {
    if (e.find("action")->as_string() == action && e.find("object")->as_string() == object) {
      return true;
    }
  }
  return false;
}

const Value* find_entry(const Value& entries, const std::string& action,
                        const std::string& result) {
  for (const Value& e : entries.as_array()) {
    if (e.find("action")->as_string() == action && e.find("result")->as_string() == result) {
      return &e;
    }
  }
  return nullptr;
}

// The coordinator's day that the log must show: a person, a signal about them, a read.
struct Day {
  std::string person;
  std::string signal;
};

Day coordinator_day(VaultFixture& v) {
  Day d;
  d.person = first_line(v.ok({"person", "add", "--role", "victim", "--name", kCanaryName, "--dob",
                              "1990-05-17", "--bsn", kCanaryBsn}));
  RunOptions narrative;
  narrative.stdin_text = kCanaryNarrative;
  d.signal =
      first_line(v.ok({"signal", "add", "--received", "2026-02-27", "--source", "internal_team",
                       "--narrative-file", "-", "--form", "labour", "--person", d.person},
                      narrative));
  v.ok({"--reason", "Casusoverleg 12-03", "person", "show", d.person});
  return d;
}

}  // namespace

TEST_CASE("cli audit: log, checkpoint, verify, prove, export, independent check") {
  VaultFixture v;
  Day day = coordinator_day(v);

  // The log shows what happened, with ids and no personal data.
  std::string log_json = v.ok({"--json", "audit", "log"});
  Value entries = parse_json(log_json);
  REQUIRE(entries.is_array());
  CHECK(has_entry(entries, "vault.create", ""));
  CHECK(has_entry(entries, "person.add", day.person));
  CHECK(has_entry(entries, "signal.add", day.signal));
  CHECK(has_entry(entries, "person.read", day.person));
  CHECK(log_json.find("Kanarie") == std::string::npos);
  CHECK(log_json.find(kCanaryBsn) == std::string::npos);
  CHECK(log_json.find("zeven dagen") == std::string::npos);
  for (std::size_t i = 0; i < entries.as_array().size(); ++i) {
    CHECK(entries.as_array()[i].find("seq")->as_integer() == static_cast<std::int64_t>(i));
  }
  const Value* read = find_entry(entries, "person.read", "ok");
  REQUIRE(read != nullptr);
  CHECK(read->find("reason")->as_string() == "Casusoverleg 12-03");
  CHECK(read->find("actor")->as_string() == "coordinator");
  CHECK(read->find("origin")->as_string().rfind("cli", 0) == 0);

  // The table, and the filters.
  std::string table = v.ok({"audit", "log"});
  CHECK(table.find("ACTIE/ACTION") != std::string::npos);
  CHECK(table.find("person.add") != std::string::npos);
  CHECK(table.find("Kanarie") == std::string::npos);
  Value about_person = parse_json(v.ok({"--json", "audit", "log", "--object", day.person}));
  REQUIRE(about_person.as_array().size() >= 2);
  for (const Value& e : about_person.as_array())
    CHECK(e.find("object")->as_string() == day.person);
  CHECK(parse_json(v.ok({"--json", "audit", "log", "--limit", "2"})).as_array().size() == 2);
  CHECK(parse_json(v.ok({"--json", "audit", "log", "--actor", "nobody"})).as_array().empty());
  CHECK(parse_json(v.ok({"--json", "audit", "log", "--since", "2999-01-01"})).as_array().empty());
  CHECK(parse_json(v.ok({"--json", "audit", "log", "--since", "2000-01-01T00:00:00Z"}))
            .as_array()
            .size() >= 4);
  CHECK(v.run({"audit", "log", "--since", "gisteren"}).exit_code == 3);
  CHECK(v.run({"audit", "log", "--limit", "0"}).exit_code == 3);

  // A checkpoint to keep outside the vault; it must be a new file.
  std::filesystem::path kept = v.temp() / "checkpoint-kept.txt";
  RunResult cp = v.run({"audit", "checkpoint", "--out", kept.string()});
  INFO(cp.err);
  REQUIRE(cp.exit_code == 0);
  std::string note = read_file(kept);
  CHECK(note.rfind("meldkluis/", 0) == 0);
  CHECK(note.find("\n\n\xe2\x80\x94 meldkluis/") != std::string::npos);
  CHECK(v.run({"audit", "checkpoint", "--out", kept.string()}).exit_code == 11);
  CHECK(read_file(kept) == note);
  CHECK(v.run({"audit", "checkpoint"}).exit_code == 2);

  // More work after the checkpoint; the log still verifies against it.
  v.ok({"person", "list"});
  RunResult verified = v.run({"audit", "verify", "--checkpoint", kept.string()});
  INFO(verified.err);
  REQUIRE(verified.exit_code == 0);
  CHECK(verified.out.find("OK") != std::string::npos);
  Value report = parse_json(v.ok({"--json", "audit", "verify", "--checkpoint", kept.string()}));
  CHECK(report.find("ok")->as_bool());
  CHECK(report.find("problem")->is_null());
  CHECK(report.find("entries")->as_integer() >= 5);
  CHECK(report.find("checkpoints_checked")->as_integer() >= 5);
  std::string garbage = v.file("not-a-checkpoint.txt", "hallo\n");
  CHECK(v.run({"audit", "verify", "--checkpoint", garbage}).exit_code == 3);

  // An inclusion proof of the person.add entry against the kept checkpoint.
  std::int64_t seq = -1;
  for (const Value& e : entries.as_array()) {
    if (e.find("action")->as_string() == "person.add") seq = e.find("seq")->as_integer();
  }
  REQUIRE(seq >= 0);
  Value proof = parse_json(
      v.ok({"--json", "audit", "prove", std::to_string(seq), "--checkpoint", kept.string()}));
  CHECK(proof.find("entry")->find("object")->as_string() == day.person);
  CHECK(proof.find("leaf")->as_string().rfind("{\"seq\":" + std::to_string(seq) + ",", 0) == 0);
  CHECK(proof.find("checkpoint")->find("root")->as_string().size() == 64);
  CHECK_FALSE(proof.find("path")->as_array().empty());
  std::string human = v.ok({"audit", "prove", std::to_string(seq)});
  CHECK(human.find("Pad / Path") != std::string::npos);
  CHECK(v.run({"audit", "prove", "999999"}).exit_code == 4);
  CHECK(v.run({"audit", "prove", "vijf"}).exit_code == 3);

  // The export, checked by the independent verifier.
  std::filesystem::path out = v.temp() / "export";
  Value exported = parse_json(v.ok({"--json", "audit", "export", "--out", out.string()}));
  CHECK(exported.find("entries")->as_integer() ==
        exported.find("latest_checkpoint_size")->as_integer());
  CHECK(v.run({"audit", "export", "--out", out.string()}).exit_code == 11);
  std::string jsonl = read_file(out / "entries.jsonl");
  CHECK(jsonl.find("Kanarie") == std::string::npos);
  CHECK(jsonl.find(kCanaryBsn) == std::string::npos);
  mk::testing::ProcessResult independent = verify_export(out, {kept.string()});
  INFO(independent.output);
  CHECK(independent.exit_code == 0);
  CHECK(independent.output.find(" 0 failed") != std::string::npos);
  // The export itself is in the log now.
  CHECK(has_entry(parse_json(v.ok({"--json", "audit", "log"})), "audit.export", ""));

  // The independent verifier rejects a tampered export.
  auto tampered_copy = [&](const std::string& name, const std::string& entries_jsonl) {
    std::filesystem::path copy = v.temp() / name;
    std::filesystem::copy(out, copy, std::filesystem::copy_options::recursive);
    write_file(copy / "entries.jsonl", entries_jsonl);
    return copy;
  };
  {
    std::string flipped = jsonl;
    std::size_t at = flipped.find("person.add");
    REQUIRE(at != std::string::npos);
    flipped[at + 7] = 'b';  // "person.bdd": still valid, canonical JSON
    mk::testing::ProcessResult r = verify_export(tampered_copy("flipped", flipped));
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find(" 0 failed") == std::string::npos);
    CHECK(r.output.find("an entry was changed") != std::string::npos);
  }
  {
    std::string cut = jsonl.substr(0, jsonl.rfind('\n', jsonl.size() - 2) + 1);
    mk::testing::ProcessResult r = verify_export(tampered_copy("cut", cut));
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("entries were cut") != std::string::npos);
  }
  {
    // A checkpoint kept after the export shows the export is older than the log.
    std::filesystem::path later = v.temp() / "later.txt";
    v.ok({"person", "list"});
    v.ok({"audit", "checkpoint", "--out", later.string()});
    mk::testing::ProcessResult r = verify_export(out, {later.string()});
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("rolled back") != std::string::npos);
  }
}

TEST_CASE("cli audit: a compliance slot reads and verifies the log, not identities") {
  VaultFixture v;
  Day day = coordinator_day(v);
  std::string fg_pass = v.file("fg-passphrase", kFgPassphrase);
  v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", fg_pass,
        "--kdf-ms", "1"});
  auto as_fg = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file",
                                     fg_pass,   "--slot",         "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };
  RunResult log = as_fg({"audit", "log"});
  INFO(log.err);
  CHECK(log.exit_code == 0);
  CHECK(log.out.find("person.add") != std::string::npos);
  RunResult verified = as_fg({"audit", "verify"});
  INFO(verified.err);
  CHECK(verified.exit_code == 0);
  CHECK(verified.out.find("OK") != std::string::npos);

  // Reading an identity is refused, and the refusal is in the log.
  RunResult refused = as_fg({"--reason", "Steekproef FG", "person", "show", day.person});
  CHECK(refused.exit_code == 10);
  RunResult after = as_fg({"--json", "audit", "log", "--actor", "fg"});
  REQUIRE(after.exit_code == 0);
  Value entries = parse_json(after.out);
  const Value* refusal = find_entry(entries, "person.read", "forbidden");
  REQUIRE(refusal != nullptr);
  CHECK(refusal->find("actor")->as_string() == "fg");
  CHECK(refusal->find("role")->as_string() == "compliance");
  CHECK(refusal->find("reason")->as_string() == "Steekproef FG");
  CHECK(refusal->find("object")->as_string() == day.person);  // which person was asked for
  CHECK(after.out.find("Kanarie") == std::string::npos);

  // Key-slot changes are in the log too, with the slot's name and role, never a passphrase.
  RunResult slots = as_fg({"--json", "audit", "log", "--actor", "coordinator"});
  REQUIRE(slots.exit_code == 0);
  Value coordinator_entries = parse_json(slots.out);
  CHECK(has_entry(coordinator_entries, "keyslot.add", "fg"));
  CHECK(slots.out.find("Functionaris") == std::string::npos);

  // The compliance officer can keep a checkpoint and export, too.
  std::filesystem::path kept = v.temp() / "fg-checkpoint.txt";
  CHECK(as_fg({"audit", "checkpoint", "--out", kept.string()}).exit_code == 0);
  std::filesystem::path out = v.temp() / "fg-export";
  CHECK(as_fg({"audit", "export", "--out", out.string()}).exit_code == 0);
  mk::testing::ProcessResult independent = verify_export(out, {kept.string()});
  INFO(independent.output);
  CHECK(independent.exit_code == 0);
}

TEST_CASE("cli audit: a wrong passphrase shows up as vault.unlock_failed after a good unlock") {
  VaultFixture v;
  std::string wrong = v.file("wrong", "dit is niet het wachtwoord\n");
  RunResult bad =
      run_cli({"--vault", v.dir().string(), "--passphrase-file", wrong, "audit", "log"});
  CHECK(bad.exit_code == 5);
  Value entries = parse_json(v.ok({"--json", "audit", "log"}));
  const Value* failed = find_entry(entries, "vault.unlock_failed", "wrong_passphrase");
  REQUIRE(failed != nullptr);
  CHECK(failed->find("role")->as_string() == "-");
  CHECK(failed->find("actor")->as_string() == "*");
  CHECK(failed->find("object")->as_string().empty());
  // Counted once: a second look finds the same single entry.
  Value again = parse_json(v.ok({"--json", "audit", "log"}));
  int count = 0;
  for (const Value& e : again.as_array())
    count += e.find("action")->as_string() == "vault.unlock_failed" ? 1 : 0;
  CHECK(count == 1);
  CHECK(v.run({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("cli audit: help in both languages, --reason documented") {
  RunResult noun = run_cli({"audit", "--help"});
  CHECK(noun.exit_code == 0);
  for (const char* verb : {"log", "verify", "checkpoint", "prove", "export"})
    CHECK(noun.out.find(verb) != std::string::npos);
  RunResult verify = run_cli({"help", "audit", "verify"});
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find("--checkpoint") != std::string::npos);
  CHECK(verify.out.find("doel of reden, zonder persoonsgegevens") != std::string::npos);
}

TEST_CASE("cli audit: the independent verifier accepts audit-log.md's example, canonical only") {
  const std::filesystem::path example =
      std::filesystem::path(MELDKLUIS_TEST_DATA_DIR) / "audit" / "example-export";
  mk::testing::ProcessResult ok =
      verify_export(example, {(example / "checkpoints" / "3.txt").string()});
  INFO(ok.output);
  CHECK(ok.exit_code == 0);
  CHECK(ok.output.find("3 entries, 1 checkpoints (latest 3), 1 kept checkpoints") !=
        std::string::npos);

  // The same JSON with one space more is another leaf: not canonical, and another root.
  TempDir t;
  std::filesystem::copy(example, t / "spaced", std::filesystem::copy_options::recursive);
  std::string jsonl = read_file(example / "entries.jsonl");
  jsonl.replace(jsonl.find("\"seq\":1,"), 8, "\"seq\": 1,");
  write_file(t / "spaced" / "entries.jsonl", jsonl);
  mk::testing::ProcessResult spaced = verify_export(t / "spaced");
  INFO(spaced.output);
  CHECK(spaced.exit_code == 1);
  CHECK(spaced.output.find("line 2 (seq 1): not in canonical form") != std::string::npos);

  // A log key that does not match the checkpoints' signatures.
  std::filesystem::copy(example, t / "rekeyed", std::filesystem::copy_options::recursive);
  std::string key = read_file(example / "log-key.txt");
  key.replace(key.find("+909ac2f3+"), 10, "+909ac2f4+");
  write_file(t / "rekeyed" / "log-key.txt", key);
  mk::testing::ProcessResult rekeyed = verify_export(t / "rekeyed");
  INFO(rekeyed.output);
  CHECK(rekeyed.exit_code == 1);
  CHECK(rekeyed.output.find("log-key.txt: key id does not match") != std::string::npos);
}

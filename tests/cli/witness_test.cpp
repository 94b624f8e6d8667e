// meldkluis witness keygen|cosign through the real binary, as the compliance officer: cosigning
// twice as the log grows, `audit verify` reporting how far the log is witnessed, the cosigned
// checkpoint checked by the independent verifier (tests/audit/verify_cosigned.py, PyNaCl) against
// the vault's log key and the witness key, and the refusals: a rolled-back checkpoint, a copy of
// the vault folder that grew a history of its own (a fork), another key under the witness's name;
// a refusal leaves the witness's state as it was.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_harness.hpp"
#include "support/run_process.hpp"

using namespace mk::cli_test;
using mk::json::Value;

namespace {

const std::string kFgPassphrase = "Functionaris Gegevensbescherming\n";
const std::string kWitness = "fg.gemeente-zaanstad.nl/witness";

mk::testing::ProcessResult verify_cosigned(const std::filesystem::path& note,
                                           const std::filesystem::path& log_key,
                                           const std::filesystem::path& witness_key) {
  return mk::testing::run_process(
      {"/usr/bin/python3", MELDKLUIS_SOURCE_DIR "/tests/audit/verify_cosigned.py", note.string(),
       "--log-key", log_key.string(), "--witness-key", witness_key.string()});
}

// A little of the coordinator's day, for the log to grow.
void casework(VaultFixture& v, const std::string& name) {
  v.ok({"person", "add", "--role", "victim", "--name", name, "--dob", "1994-03-08"});
  v.ok({"person", "list"});
}

}  // namespace

TEST_CASE("cli witness: keygen, cosign as the log grows, verify, independent check, rollback") {
  VaultFixture v;
  std::string fg_pass = v.file("fg-passphrase", kFgPassphrase);
  v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", fg_pass,
        "--kdf-ms", "1"});
  auto as_fg = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file",
                                     fg_pass,   "--slot",         "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };

  // The witness key: outside the vault, mode 0600, never overwritten; stdout is the verifier key.
  std::filesystem::path key = v.temp() / "getuige.key";
  RunResult keygen = run_cli({"witness", "keygen", "--out", key.string(), "--name", kWitness});
  INFO(keygen.err);
  REQUIRE(keygen.exit_code == 0);
  const std::string witness_vkey = first_line(keygen.out);
  CHECK(witness_vkey.rfind(kWitness + "+", 0) == 0);
  CHECK((std::filesystem::status(key).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  const std::string key_text = read_file(key);
  CHECK(run_cli({"witness", "keygen", "--out", key.string()}).exit_code == 11);
  CHECK(read_file(key) == key_text);
  std::string witness_vkey_file = v.file("getuige.vkey", witness_vkey + "\n");

  // Nothing witnessed yet.
  RunResult before = as_fg({"audit", "verify"});
  INFO(before.err);
  REQUIRE(before.exit_code == 0);
  CHECK(before.out.find("not witnessed") != std::string::npos);

  // First cosignature.
  casework(v, "Marieke de Vries");
  std::filesystem::path kept1 = v.temp() / "kept-1.txt";
  REQUIRE(as_fg({"audit", "checkpoint", "--out", kept1.string()}).exit_code == 0);
  RunResult c1 =
      as_fg({"--json", "witness", "cosign", "--checkpoint", kept1.string(), "--key", key.string()});
  INFO(c1.err);
  REQUIRE(c1.exit_code == 0);
  Value j1 = parse_json(c1.out);
  CHECK(j1.find("previous_size")->as_integer() == 0);
  CHECK(j1.find("witness_key")->as_string() == witness_vkey);
  std::filesystem::path cosigned1 = v.temp() / "kept-1.cosigned.txt";
  REQUIRE(std::filesystem::exists(cosigned1));
  CHECK(read_file(cosigned1).rfind(read_file(kept1), 0) == 0);  // the note, one line more
  std::filesystem::path state = key.string() + ".state";
  REQUIRE(std::filesystem::exists(state));
  // A copy of the vault folder as it is now: later it will grow a history of its own (a fork).
  std::filesystem::path fork = v.temp() / "kopie-van-de-kluis";
  std::filesystem::copy(v.dir(), fork, std::filesystem::copy_options::recursive);

  // The log grows; the second cosignature is consistent with the first.
  casework(v, "Jan-Willem Bakker");
  std::filesystem::path kept2 = v.temp() / "kept-2.txt";
  REQUIRE(as_fg({"audit", "checkpoint", "--out", kept2.string()}).exit_code == 0);
  RunResult c2 =
      as_fg({"--json", "witness", "cosign", "--checkpoint", kept2.string(), "--key", key.string()});
  INFO(c2.err);
  REQUIRE(c2.exit_code == 0);
  Value j2 = parse_json(c2.out);
  const std::int64_t size2 = j2.find("size")->as_integer();
  CHECK(j2.find("previous_size")->as_integer() == j1.find("size")->as_integer());
  CHECK(size2 > j1.find("size")->as_integer());

  // audit verify: witnessed up to the last entry of the second checkpoint, today.
  RunResult verified = as_fg({"audit", "verify"});
  INFO(verified.err);
  REQUIRE(verified.exit_code == 0);
  CHECK(verified.out.find("witnessed up to entry " + std::to_string(size2 - 1) + " by " + kWitness +
                          " on ") != std::string::npos);
  CHECK(verified.err.find("WARNING") == std::string::npos);
  Value report = parse_json(as_fg({"--json", "audit", "verify"}).out);
  const Value* witness = report.find("witness");
  REQUIRE(witness != nullptr);
  CHECK(witness->find("ok")->as_bool());
  CHECK(witness->find("witnessed_size")->as_integer() == size2);
  CHECK(witness->find("max_unwitnessed_days")->as_integer() == 31);
  CHECK_FALSE(witness->find("overdue")->as_bool());

  // The independent verifier accepts the cosigned checkpoint under both keys...
  std::filesystem::path out = v.temp() / "export";
  REQUIRE(as_fg({"audit", "export", "--out", out.string()}).exit_code == 0);
  std::filesystem::path cosigned2 = v.temp() / "kept-2.cosigned.txt";
  mk::testing::ProcessResult independent =
      verify_cosigned(cosigned2, out / "log-key.txt", witness_vkey_file);
  INFO(independent.output);
  CHECK(independent.exit_code == 0);
  CHECK(independent.output.find(" 0 failed") != std::string::npos);
  // ... and refuses it with one cosignature byte changed, or under another witness key.
  std::string tampered = read_file(cosigned2);
  std::size_t last_line = tampered.rfind("\xe2\x80\x94 " + kWitness + " ");
  REQUIRE(last_line != std::string::npos);
  std::size_t at = tampered.size() - 10;
  tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
  std::string tampered_file = v.file("kept-2.tampered.txt", tampered);
  CHECK(verify_cosigned(tampered_file, out / "log-key.txt", witness_vkey_file).exit_code == 1);
  std::filesystem::path other_key = v.temp() / "ander.key";
  RunResult other = run_cli({"witness", "keygen", "--out", other_key.string(), "--name", kWitness});
  REQUIRE(other.exit_code == 0);
  std::string other_vkey_file = v.file("ander.vkey", first_line(other.out) + "\n");
  CHECK(verify_cosigned(cosigned2, out / "log-key.txt", other_vkey_file).exit_code == 1);

  // A rolled-back checkpoint: the older one offered again is refused; nothing changes.
  const std::string state_before = read_file(state);
  std::filesystem::path refused_out = v.temp() / "refused.txt";
  RunResult rollback = as_fg({"witness", "cosign", "--checkpoint", kept1.string(), "--key",
                              key.string(), "--out", refused_out.string()});
  CHECK(rollback.exit_code == 11);
  CHECK(rollback.err.find("shrank from " + std::to_string(size2)) != std::string::npos);
  CHECK(read_file(state) == state_before);
  CHECK_FALSE(std::filesystem::exists(refused_out));

  // The copy grows a different history past the cosigned size: a fork, refused.
  auto in_fork = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", fork.string(), "--passphrase-file",
                                     fg_pass,   "--slot",      "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };
  // Person adds until the copy's log is longer than the cosigned one (each adds entries).
  std::filesystem::path forked;
  for (int i = 0; i < 20 && forked.empty(); ++i) {
    REQUIRE(run_cli({"--vault", fork.string(), "--passphrase-file", v.passphrase_file().string(),
                     "person", "add", "--role", "suspect", "--name", "Pieter Smit", "--dob",
                     "1979-06-30"})
                .exit_code == 0);
    std::filesystem::path out_i = v.temp() / ("kept-fork-" + std::to_string(i) + ".txt");
    RunResult cp = in_fork({"--json", "audit", "checkpoint", "--out", out_i.string()});
    REQUIRE(cp.exit_code == 0);
    if (parse_json(cp.out).find("size")->as_integer() > size2) forked = out_i;
  }
  REQUIRE_FALSE(forked.empty());
  RunResult fork_refused =
      in_fork({"witness", "cosign", "--checkpoint", forked.string(), "--key", key.string()});
  CHECK(fork_refused.exit_code == 11);
  CHECK(fork_refused.err.find("is not consistent with the one cosigned at size " +
                              std::to_string(size2)) != std::string::npos);
  CHECK(read_file(state) == state_before);

  // Another key under the same witness name is refused by the vault.
  casework(v, "Fatima El Amrani");
  std::filesystem::path kept3 = v.temp() / "kept-3.txt";
  REQUIRE(as_fg({"audit", "checkpoint", "--out", kept3.string()}).exit_code == 0);
  CHECK(as_fg({"witness", "cosign", "--checkpoint", kept3.string(), "--key", other_key.string()})
            .exit_code == 11);
  CHECK(as_fg({"witness", "cosign", "--checkpoint", kept3.string(), "--key", key.string()})
            .exit_code == 0);
}

TEST_CASE("cli witness: audit verify --witness-state catches a vault folder put back from a copy") {
  VaultFixture v;
  std::filesystem::path key = v.temp() / "getuige.key";
  REQUIRE(run_cli({"witness", "keygen", "--out", key.string(), "--name", kWitness}).exit_code == 0);
  const std::string state = key.string() + ".state";
  auto cosign_now = [&](const std::string& name) {
    std::filesystem::path kept = v.temp() / (name + ".txt");
    REQUIRE(v.run({"audit", "checkpoint", "--out", kept.string()}).exit_code == 0);
    RunResult c = v.run(
        {"--json", "witness", "cosign", "--checkpoint", kept.string(), "--key", key.string()});
    INFO(c.err);
    REQUIRE(c.exit_code == 0);
    return parse_json(c.out).find("size")->as_integer();
  };
  casework(v, "Marieke de Vries");
  const std::int64_t first = cosign_now("kept-1");
  // The vault folder as it is now, kept aside (a backup, a USB stick) before the next cosignature.
  std::filesystem::path copy = v.temp() / "kopie-van-de-kluis";
  std::filesystem::copy(v.dir(), copy, std::filesystem::copy_options::recursive);
  casework(v, "Jan-Willem Bakker");
  const std::int64_t last = cosign_now("kept-2");
  REQUIRE(last > first);

  // The live vault holds what the witness cosigned.
  RunResult live = v.run({"audit", "verify", "--witness-state", state});
  INFO(live.err);
  CHECK(live.exit_code == 0);
  CHECK(live.out.find("consistent, " + std::to_string(last) + " entries witnessed") !=
        std::string::npos);
  Value json = parse_json(v.run({"--json", "audit", "verify", "--witness-state", state}).out);
  const Value* checked = json.find("witness_state");
  REQUIRE(checked != nullptr);
  CHECK(checked->find("ok")->as_bool());
  CHECK(checked->find("witnessed_size")->as_integer() == last);

  // The copy put back in its place verifies on its own, but not against the witness's state.
  RunResult alone = run_cli({"--vault", copy.string(), "--passphrase-file",
                             v.passphrase_file().string(), "audit", "verify"});
  INFO(alone.err);
  CHECK(alone.exit_code == 0);
  RunResult rolled_back =
      run_cli({"--vault", copy.string(), "--passphrase-file", v.passphrase_file().string(), "audit",
               "verify", "--witness-state", state});
  INFO(rolled_back.err);
  CHECK(rolled_back.exit_code == 6);
  CHECK(rolled_back.err.find("the witness cosigned " + std::to_string(last) +
                             " entries with root ") != std::string::npos);
  CHECK(rolled_back.err.find("this vault holds only ") != std::string::npos);
  CHECK(rolled_back.out.find("FAILED: the witness cosigned " + std::to_string(last)) !=
        std::string::npos);

  // A file that is no witness state is the user's mistake, not evidence about the vault.
  std::string letter = v.file("brief.txt", "Beste Marieke,\n");
  CHECK(v.run({"audit", "verify", "--witness-state", letter}).exit_code == 3);
}

TEST_CASE(
    "cli witness: audit export carries the cosigned checkpoints, verify_export.py checks them") {
  VaultFixture v;
  std::filesystem::path key = v.temp() / "getuige.key";
  RunResult keygen = run_cli({"witness", "keygen", "--out", key.string(), "--name", kWitness});
  REQUIRE(keygen.exit_code == 0);
  const std::string witness_vkey = first_line(keygen.out);
  casework(v, "Marieke de Vries");
  std::filesystem::path kept = v.temp() / "kept.txt";
  REQUIRE(v.run({"audit", "checkpoint", "--out", kept.string()}).exit_code == 0);
  RunResult c =
      v.run({"--json", "witness", "cosign", "--checkpoint", kept.string(), "--key", key.string()});
  REQUIRE(c.exit_code == 0);
  const std::int64_t size = parse_json(c.out).find("size")->as_integer();
  casework(v, "Jan-Willem Bakker");  // entries after the cosigned checkpoint: not witnessed

  std::filesystem::path out = v.temp() / "export";
  RunResult exported = v.run({"--json", "audit", "export", "--out", out.string()});
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  CHECK(parse_json(exported.out).find("cosigned")->as_integer() == 1);
  const std::filesystem::path note = out / "cosigned" / (std::to_string(size) + ".txt");
  REQUIRE(std::filesystem::exists(note));
  CHECK(read_file(note) == read_file(v.temp() / "kept.cosigned.txt"));
  CHECK(read_file(out / "witness-keys.txt") == witness_vkey + "\n");

  auto verify_export = [&](const std::filesystem::path& dir, const std::string& witness) {
    return mk::testing::run_process({"/usr/bin/python3",
                                     MELDKLUIS_SOURCE_DIR "/tests/audit/verify_export.py",
                                     dir.string(), "--witness-key", witness});
  };
  // The witness's key as text, or as the file it was kept in.
  mk::testing::ProcessResult ok = verify_export(out, witness_vkey);
  INFO(ok.output);
  CHECK(ok.exit_code == 0);
  CHECK(ok.output.find("witnessed up to entry " + std::to_string(size - 1) + " by " + kWitness) !=
        std::string::npos);
  CHECK(ok.output.find("1 cosigned checkpoints") != std::string::npos);
  CHECK(verify_export(out, v.file("getuige.vkey", witness_vkey + "\n")).exit_code == 0);

  // One byte of the cosignature changed: refused, naming the witness.
  std::filesystem::path tampered = v.temp() / "export-tampered";
  std::filesystem::copy(out, tampered, std::filesystem::copy_options::recursive);
  std::string text = read_file(note);
  std::size_t at = text.size() - 10;
  text[at] = text[at] == 'A' ? 'B' : 'A';
  v.file("export-tampered/cosigned/" + std::to_string(size) + ".txt", text);
  mk::testing::ProcessResult bad = verify_export(tampered, witness_vkey);
  INFO(bad.output);
  CHECK(bad.exit_code == 1);
  CHECK(bad.output.find("the cosignature of witness " + kWitness + " does not verify") !=
        std::string::npos);

  // Another key under the witness's name: the vault's record disagrees, nothing is witnessed.
  std::filesystem::path other_key = v.temp() / "ander.key";
  RunResult other = run_cli({"witness", "keygen", "--out", other_key.string(), "--name", kWitness});
  REQUIRE(other.exit_code == 0);
  mk::testing::ProcessResult impostor = verify_export(out, first_line(other.out));
  INFO(impostor.output);
  CHECK(impostor.exit_code == 1);
  CHECK(impostor.output.find("records witness " + kWitness + " with another key") !=
        std::string::npos);
  CHECK(impostor.output.find("not witnessed by " + kWitness) != std::string::npos);
}

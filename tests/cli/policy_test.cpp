// meldkluis policy diff|history through the real binary: a privacy officer compares an edited copy
// of the policy folder with the one in force, and sees in the vault's audit log and history which
// policy versions the vault ran under.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "cli_harness.hpp"

using namespace mk::cli_test;
using mk::json::Value;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = MELDKLUIS_SOURCE_DIR "/policies";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A copy of the shipped policies in `dir`, with `from` replaced by `to` in `file`.
fs::path edited_copy(const fs::path& dir, const std::string& file, const std::string& from,
                     const std::string& to) {
  fs::copy(kShipped, dir, fs::copy_options::recursive);
  std::string text = read_file(dir / file);
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  write_file(dir / file, text);
  return dir;
}

const std::string kShopVictimWithhold = "\"withhold\": [\"bsn\", \"document_number\"]";

// The audit entries of `action`, read in a session under the policies of `policy_dir` (a session
// under other policies would itself record a change).
std::vector<Value> policy_entries(const VaultFixture& v, const std::string& action,
                                  const fs::path& policy_dir = kShipped) {
  Value log = parse_json(v.ok({"--policy-dir", policy_dir.string(), "--json", "audit", "log"}));
  std::vector<Value> out;
  for (const Value& e : log.as_array()) {
    if (e.find("action")->as_string() == action) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("cli policy diff: two folders, two files, no changes, an invalid file") {
  TempDir t;
  fs::path same = t / "same";
  fs::copy(kShipped, same, fs::copy_options::recursive);
  RunResult none = run_cli({"policy", "diff", kShipped.string(), same.string()});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "Geen wijzigingen / No changes\n");

  // SHOP may now receive the victim's document number.
  fs::path edited = edited_copy(
      t / "edited", "sharing.json",
      "\"include\": [\"name\", \"date_of_birth\", \"nationality\", \"address\", \"phone\"]",
      "\"include\": [\"name\", \"date_of_birth\", \"nationality\", \"address\", \"phone\", "
      "\"document_number\"]");
  {
    std::string text = read_file(edited / "sharing.json");
    std::size_t at = text.find(kShopVictimWithhold);
    REQUIRE(at != std::string::npos);
    text.replace(at, kShopVictimWithhold.size(), "\"withhold\": [\"bsn\"]");
    write_file(edited / "sharing.json", text);
  }
  RunResult folders = run_cli({"policy", "diff", kShipped.string(), edited.string()});
  INFO(folders.err);
  CHECK(folders.exit_code == 0);
  CHECK(contains(folders.out, "sharing.json\n"));
  CHECK(contains(folders.out,
                 "shop may now receive field 'document_number' of victims (in full) for purpose "
                 "'care_referral' on basis 'AVG art. 6(1)(e)"));
  CHECK(contains(folders.out, "shop mag nu veld 'document_number' van slachtoffers"));

  // Two files of one kind, whatever their names; --json for scripts.
  fs::path draft = t / "sharing-2027.json";
  fs::copy_file(edited / "sharing.json", draft);
  RunResult files =
      run_cli({"--json", "policy", "diff", (kShipped / "sharing.json").string(), draft.string()});
  CHECK(files.exit_code == 0);
  Value changes = parse_json(files.out);
  REQUIRE(changes.as_array().size() == 1);
  CHECK(changes.as_array()[0].find("file")->as_string() == "sharing.json");
  CHECK(contains(changes.as_array()[0].find("en")->as_string(), "'document_number'"));

  // Files of different kinds, and an invalid file with its place.
  CHECK(run_cli({"policy", "diff", (kShipped / "sharing.json").string(),
                 (kShipped / "retention.json").string()})
            .exit_code == 3);
  write_file(edited / "retention.json", "{\n  \"format\": \"meldkluis-retention/1\",\n  \"x\": }");
  RunResult bad = run_cli({"policy", "diff", kShipped.string(), edited.string()});
  CHECK(bad.exit_code == 8);
  CHECK(contains(bad.err, "retention.json:3:"));
  CHECK(bad.out.empty());
}

TEST_CASE("cli policy: an edited policy folder is recorded once, audited, and in the history") {
  VaultFixture v;
  // The vault adopted the shipped policies when it was made; opening again records nothing.
  CHECK(policy_entries(v, "policy.adopt").size() >= 7);
  CHECK(policy_entries(v, "policy.change").empty());

  fs::path edited = edited_copy(v.temp() / "beleid", "retention.json", "\"period\": \"P1Y\"",
                                "\"period\": \"P2Y\"");
  v.ok({"--policy-dir", edited.string(), "signal", "list"});
  std::vector<Value> changes = policy_entries(v, "policy.change", edited);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].find("object")->as_string() == "retention.json");
  const std::string detail = changes[0].find("detail")->as_string();
  CHECK(std::regex_search(detail, std::regex("^old=[0-9a-f]{64} new=[0-9a-f]{64}$")));
  // A second open with the same edited folder adds nothing.
  v.ok({"--policy-dir", edited.string(), "signal", "list"});
  CHECK(policy_entries(v, "policy.change", edited).size() == 1);

  // The history lists it; with --diff in words.
  Value history =
      parse_json(v.ok({"--policy-dir", edited.string(), "--json", "policy", "history", "--diff"}));
  const Value& last = history.as_array().back();
  CHECK(last.find("file")->as_string() == "retention.json");
  CHECK(detail ==
        "old=" + last.find("old_hash")->as_string() + " new=" + last.find("new_hash")->as_string());
  REQUIRE(last.find("changes")->as_array().size() == 1);
  CHECK(last.find("changes")->as_array()[0].find("en")->as_string() ==
        "retention rule 'signal-no-suspicion' (signal): period P1Y -> P2Y");
  std::string table = v.ok({"--policy-dir", edited.string(), "policy", "history", "--diff"});
  CHECK(contains(table, "retention.json"));
  CHECK(contains(table, "bewaarregel 'signal-no-suspicion' (signal): termijn P1Y -> P2Y"));

  // The compliance officer reads the history too, and a session of theirs under other policies
  // (here: the shipped ones again) records that change in their name.
  std::string fg_pass = v.file("fg-passphrase", "Functionaris Gegevensbescherming Rijswijk\n");
  v.ok({"--policy-dir", edited.string(), "keyslot", "add", "fg", "--role", "compliance",
        "--new-passphrase-file", fg_pass, "--kdf-ms", "1"});
  RunResult fg = run_cli({"--vault", v.dir().string(), "--passphrase-file", fg_pass, "--slot", "fg",
                          "--json", "policy", "history"});
  INFO(fg.err);
  REQUIRE(fg.exit_code == 0);
  Value fg_history = parse_json(fg.out);
  const Value& back = fg_history.as_array().back();
  CHECK(back.find("file")->as_string() == "retention.json");
  CHECK(back.find("actor")->as_string() == "fg");
  CHECK(back.find("old_hash")->as_string() == last.find("new_hash")->as_string());
  CHECK(back.find("new_hash")->as_string() == last.find("old_hash")->as_string());
}

TEST_CASE("cli policy: an invalid edited policy is not recorded and the vault stays as it was") {
  VaultFixture v;
  fs::path edited = edited_copy(v.temp() / "beleid", "retention.json", "\"period\": \"P1Y\"",
                                "\"period\": \"P1X\"");
  Snapshot before = snapshot(v.dir());
  RunResult plan = v.run({"--policy-dir", edited.string(), "retention", "plan"});
  CHECK(plan.exit_code == 8);
  CHECK(snapshot(v.dir()) == before);
}

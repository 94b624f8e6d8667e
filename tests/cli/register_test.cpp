// meldkluis register through the real binary: the register of processing activities as JSON and
// as a PDF naming every partner, made without a vault (no passphrase asked) or with one (its
// metadata added), never replacing a file, and a bad --format refused clearly.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_harness.hpp"
#include "policies/sharing_policy.hpp"
#include "support/run_process.hpp"

using namespace mk::cli_test;

namespace {

const std::string kPolicyDir = std::string(MELDKLUIS_SOURCE_DIR) + "/policies";

std::string text_of_pdf(const std::filesystem::path& pdf) {
  mk::testing::ProcessResult r = mk::testing::run_process({"pdftotext", pdf.string(), "-"});
  REQUIRE(r.exit_code == 0);
  return r.output;
}

// pdftotext breaks long names over lines, and where it broke after a hyphen it joins the halves
// without it; compare with white space squeezed to one space, and hyphens and the white space after
// them left out (the needle is squeezed alike).
std::string squeezed(const std::string& text) {
  std::string out;
  bool after_hyphen = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (c == '-' || (space && after_hyphen)) {
      after_hyphen = true;
      continue;
    }
    after_hyphen = false;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

mk::policies::SharingPolicy shipped_sharing() {
  auto sharing = mk::policies::load_sharing_policy(kPolicyDir + "/sharing.json");
  REQUIRE(sharing.is_ok());
  return std::move(*sharing);
}

RunResult run_register(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"--policy-dir", kPolicyDir, "register"};
  all.insert(all.end(), args.begin(), args.end());
  return run_cli(all);
}

}  // namespace

TEST_CASE("cli register: JSON without a vault, every partner and rule listed") {
  TempDir temp;
  const auto out = temp / "verwerkingsregister.json";
  RunResult r = run_register({"--out", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Gemeente Voorbeeldstad") != std::string::npos);
  const mk::json::Value v = parse_json(read_file(out));
  CHECK(v.find("format")->as_string() == "meldkluis-processing-register/1");
  CHECK(v.find("vault")->is_null());
  CHECK(v.find("controller")->find("confirmed")->as_bool() == false);
  const mk::json::Array& recipients = v.find("recipients")->as_array();
  const mk::policies::SharingPolicy sharing = shipped_sharing();
  for (const mk::policies::SharingPartner& p : sharing.partners()) {
    bool found = false;
    for (const mk::json::Value& x : recipients)
      found |= x.find("partner")->as_string() == p.id;
    CHECK(found);
  }
}

TEST_CASE("cli register: a PDF naming every partner; never replacing a file") {
  TempDir temp;
  const auto out = temp / "verwerkingsregister.pdf";
  RunResult r = run_register({"--out", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = squeezed(text_of_pdf(out));
  CHECK(text.find("Register van verwerkingsactiviteiten") != std::string::npos);
  const mk::policies::SharingPolicy sharing = shipped_sharing();
  for (const mk::policies::SharingPartner& p : sharing.partners()) {
    INFO(p.name_nl);
    CHECK(text.find(squeezed(p.name_nl)) != std::string::npos);
  }
  CHECK(text.find("Centraal meldpunt mensenhandel") != std::string::npos);
  CHECK(text.find(squeezed("person-reporter")) != std::string::npos);

  // The file exists now: exit 11, and it is left as it was.
  const std::string first = read_file(out);
  RunResult again = run_register({"--out", out.string(), "--format", "json"});
  CHECK(again.exit_code == 11);
  CHECK(read_file(out) == first);
}

TEST_CASE("cli register: --format decides over the file name; a bad format is a clear error") {
  TempDir temp;
  const auto out = temp / "register.txt";
  RunResult none = run_register({"--out", out.string()});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("--format") != std::string::npos);
  RunResult bad = run_register({"--out", out.string(), "--format", "docx"});
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("--format: must be one of pdf, json") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(run_register({"--format", "json"}).exit_code == 2);  // no --out

  RunResult json = run_register({"--out", out.string(), "--format", "json"});
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  CHECK(parse_json(read_file(out)).find("format")->as_string() ==
        "meldkluis-processing-register/1");
}

TEST_CASE("cli register: with --vault the vault's metadata is added and the writing audited") {
  VaultFixture v;
  const auto out = v.temp() / "register.json";
  v.ok({"--policy-dir", kPolicyDir, "register", "--out", out.string()});
  const mk::json::Value j = parse_json(read_file(out));
  const mk::json::Value* vault = j.find("vault");
  REQUIRE(vault != nullptr);
  REQUIRE(vault->is_object());
  CHECK(vault->find("vault_id")->as_string().size() >= 32);
  CHECK(vault->find("key_slots_by_role")->find("coordinator")->as_integer() == 1);
  CHECK(vault->find("key_slots_by_role")->find("recovery")->as_integer() == 1);
  CHECK(v.ok({"audit", "log"}).find("report.register") != std::string::npos);

  // A wrong passphrase: the vault is not opened and nothing is written.
  const std::string wrong = v.file("wrong", "Verkeerde Wachtzin 2026\n");
  const auto other = v.temp() / "other.json";
  RunResult r = run_cli({"--vault", v.dir().string(), "--passphrase-file", wrong, "register",
                         "--out", other.string()});
  CHECK(r.exit_code == 5);
  CHECK_FALSE(std::filesystem::exists(other));
}

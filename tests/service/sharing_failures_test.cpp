// When sharing must not happen, nothing leaves: an invalid sharing.json stops preview and export
// with file, place and reason; the compliance role lists the register but cannot export or sign;
// an export that cannot be recorded, or whose file exists, leaves no files and no register row.
#include <catch2/catch.hpp>
#include <regex>

#include "service/audit.hpp"
#include "service/sharing_world.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// A copy of the shipped policies whose sharing.json has `from` (first occurrence) replaced by
// `to`; returns the folder and the 1-based line of the change.
std::pair<fs::path, int> policies_with(const fs::path& root, const std::string& from,
                                       const std::string& to) {
  fs::path dir = root / "policies";
  fs::remove_all(dir);
  fs::copy(default_policy_dir(), dir, fs::copy_options::recursive);
  std::string text = testing::read_file_bytes(dir / "sharing.json");
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  testing::write_file_bytes(dir / "sharing.json", text);
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  return {dir, line};
}

std::size_t register_size(Session& s) {
  Result<std::vector<vault::Disclosure>> rows = list_disclosures(s);
  MK_REQUIRE_OK(rows);
  return rows->size();
}

}  // namespace

TEST_CASE("an invalid sharing.json stops preview and export with file, place and reason",
          "[sharing][policy]") {
  struct Mutation {
    const char* what;
    std::string from, to, reason;
  };
  const std::vector<Mutation> mutations = {
      {"unknown partner kind", "\"kind\": \"police\"", "\"kind\": \"politie\"",
       "unknown partner kind \"politie\""},
      {"unknown field", "\"withhold\": [\"bsn\", \"document_number\"]",
       "\"withhold\": [\"bsn\", \"paspoortnummer\"]", "unknown person field \"paspoortnummer\""},
      {"unknown role", "\"role\": \"suspect\"", "\"role\": \"verdachte\"",
       "unknown person role \"verdachte\""},
      {"unknown record field", "\"signal.forms\"", "\"signal.vormen\"",
       "unknown record field \"signal.vormen\""},
  };
  SharingWorld w;
  for (const Mutation& m : mutations) {
    INFO(m.what);
    auto [dir, line] = policies_with(w.temp(), m.from, m.to);
    w.ts().set_policy_dir(dir);
    w.ts().reopen(Date(2026, 11, 29));
    const std::regex place("sharing\\.json:" + std::to_string(line) + ":[0-9]+: ");
    Result<SharePreview> preview =
        preview_share(w.s(), "police", "report", case_target(w.case_id()));
    CHECK(preview.status().code() == Code::kPolicyInvalid);
    CHECK(std::regex_search(preview.status().message(), place));
    CHECK(contains(preview.status().message(), m.reason));
    fs::path out = w.path("p.age");
    Result<ShareReceipt> exported =
        export_share(w.s(), "police", "report", case_target(w.case_id()), out);
    CHECK(exported.status().code() == Code::kPolicyInvalid);
    CHECK(std::regex_search(exported.status().message(), place));
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(out.string() + ".minisig"));
    // Routing names sharing.json's partners, so it stops too.
    CHECK(routing_for_case(w.s(), w.case_id()).status().code() == Code::kPolicyInvalid);
    // So does registering a partner.
    vault::Partner again;
    again.id = "shop";
    CHECK(add_partner(w.s(), again).code() == Code::kPolicyInvalid);
  }
  CHECK(register_size(w.s()) == 0);
  // Back on the shipped policy, the same export works.
  w.ts().set_policy_dir(default_policy_dir());
  w.ts().reopen(Date(2026, 11, 29));
  MK_CHECK_OK(export_share(w.s(), "police", "report", case_target(w.case_id()), w.path("p.age")));
}

TEST_CASE("the compliance role lists disclosures but may not export or export the signing key",
          "[sharing][compliance]") {
  SharingWorld w;
  Result<ShareReceipt> sent =
      export_share(w.s(), "police", "report", case_target(w.case_id()), w.path("p.age"));
  MK_REQUIRE_OK(sent);
  MK_REQUIRE_OK(w.s().vault().add_slot(vault::test::kComplianceSlot, vault::Role::kCompliance,
                                       secret(vault::test::kCompliancePassphrase),
                                       crypto::pwhash_params_for_tests()));
  w.ts().close();
  Result<Session> officer =
      Session::open(w.ts().dir(), secret(vault::test::kCompliancePassphrase), std::nullopt,
                    w.ts().clock(), "test", default_policy_dir());
  MK_REQUIRE_OK(officer);
  REQUIRE(officer->vault().role() == vault::Role::kCompliance);

  Result<std::vector<vault::Disclosure>> rows = list_disclosures(*officer);
  MK_REQUIRE_OK(rows);
  REQUIRE(rows->size() == 1);
  CHECK(rows->front().id == sent->disclosure_id);
  CHECK(rows->front().package_sha256 == sent->sha256);

  fs::path out = w.path("fg.age");
  CHECK(export_share(*officer, "police", "report", case_target(w.case_id()), out).status().code() ==
        Code::kForbidden);
  CHECK_FALSE(fs::exists(out));
  CHECK(preview_share(*officer, "police", "report", case_target(w.case_id())).status().code() ==
        Code::kForbidden);
  fs::path pub = w.path("fg.pub");
  CHECK(export_signing_key(*officer, pub).code() == Code::kForbidden);
  CHECK_FALSE(fs::exists(pub));
  CHECK(resolve_pseudonym(*officer, "police", "AAAA-AAAA-A").status().code() != Code::kOk);
  // Routing reads metadata only: every role.
  MK_CHECK_OK(routing_for_case(*officer, w.case_id()));

  // Each refusal is in the audit log.
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(*officer, {});
  MK_REQUIRE_OK(entries);
  auto refused = [&](const std::string& action) {
    return std::any_of(entries->begin(), entries->end(), [&](const vault::AuditEntry& e) {
      return e.action == action && e.result == "forbidden" && e.actor == "fg";
    });
  };
  CHECK(refused("share.export"));
  CHECK(refused("share.preview"));
  CHECK(refused("signing_key.export"));
}

TEST_CASE("an export whose file exists, or that cannot be recorded, leaves no files",
          "[sharing][atomic]") {
  SharingWorld w;
  const ShareTarget target = case_target(w.case_id());
  SECTION("the package file exists: kept as it was, no signature written") {
    fs::path out = w.path("bestaat.age");
    testing::write_file_bytes(out, "iets anders");
    Result<ShareReceipt> r = export_share(w.s(), "shop", "care_referral", target, out);
    CHECK(r.status().code() == Code::kConflict);
    CHECK(testing::read_file_bytes(out) == "iets anders");
    CHECK_FALSE(fs::exists(out.string() + ".minisig"));
  }
  SECTION("its .minisig exists: no package written") {
    fs::path out = w.path("half.age");
    testing::write_file_bytes(out.string() + ".minisig", "oud");
    Result<ShareReceipt> r = export_share(w.s(), "shop", "care_referral", target, out);
    CHECK(r.status().code() == Code::kConflict);
    CHECK_FALSE(fs::exists(out));
    CHECK(testing::read_file_bytes(out.string() + ".minisig") == "oud");
  }
  SECTION("the folder does not exist") {
    fs::path out = w.path("nergens") / "p.age";
    CHECK(export_share(w.s(), "shop", "care_referral", target, out).status().code() ==
          Code::kNotFound);
    CHECK_FALSE(fs::exists(w.path("nergens")));
  }
  SECTION("the register refuses the entry (a legal basis over 2000 characters)") {
    const std::string basis_key = "\"legal_basis\": \"";
    std::string text = testing::read_file_bytes(default_policy_dir() / "sharing.json");
    std::size_t at = text.find(basis_key);
    REQUIRE(at != std::string::npos);
    auto [dir, line] = policies_with(w.temp(), basis_key, basis_key + std::string(2100, 'x') + " ");
    (void)line;
    w.ts().set_policy_dir(dir);
    w.ts().reopen(Date(2026, 11, 29));
    fs::path out = w.path("lang.age");
    Result<ShareReceipt> r = export_share(w.s(), "shop", "care_referral", target, out);
    CHECK(r.status().code() == Code::kInvalidInput);
    CHECK(contains(r.status().message(), "legal_basis"));
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(out.string() + ".minisig"));
    MK_CHECK_OK(preview_share(w.s(), "shop", "care_referral", target));  // the policy is valid
  }
  CHECK(register_size(w.s()) == 0);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(w.temp())) {
    if (entry.path().extension() == ".age") ++files;
  }
  CHECK(files <= 1);  // only the file the first section put there itself
}

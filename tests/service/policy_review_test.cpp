// Policy review: diff_policies says in words what changed between two versions of the policy files
// (from the parsed policies, so the words name partner, field, basis, rule and period), and a
// session records every changed policy file once, audited, when it opens.
#include "service/policy_review.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "base/json.hpp"
#include "service/service_fixture.hpp"
#include "vault/audit_log.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;
namespace fs = std::filesystem;

namespace {

PolicyTexts shipped() {
  Result<PolicyTexts> texts = read_policy_folder(default_policy_dir());
  MK_REQUIRE_OK(texts);
  return *texts;
}

// `texts` with `from` replaced by `to` (once) in `file`.
PolicyTexts edited(PolicyTexts texts, const std::string& file, const std::string& from,
                   const std::string& to) {
  std::string& text = texts.at(file).text;
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return texts;
}

std::vector<PolicyChange> diff(const PolicyTexts& a, const PolicyTexts& b) {
  Result<std::vector<PolicyChange>> changes = diff_policies(a, b);
  MK_REQUIRE_OK(changes);
  return *changes;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kShopVictimFields =
    "\"include\": [\"name\", \"date_of_birth\", \"nationality\", \"address\", \"phone\"],\n"
    "              \"withhold\": [\"bsn\", \"document_number\"]";

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<vault::AuditEntry> entries_of(Session& s, const std::string& action) {
  Result<std::vector<vault::AuditEntry>> all = vault::read_audit_entries(s.vault(), {});
  MK_REQUIRE_OK(all);
  std::vector<vault::AuditEntry> out;
  for (const vault::AuditEntry& e : *all) {
    if (e.action == action) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("policy review: adding a field to a partner's allowed set names field, partner, basis",
          "[policy]") {
  PolicyTexts before = shipped();
  PolicyTexts after =
      edited(before, "sharing.json", kShopVictimFields,
             "\"include\": [\"name\", \"date_of_birth\", \"nationality\", \"address\", \"phone\", "
             "\"document_number\"],\n              \"withhold\": [\"bsn\"]");
  std::vector<PolicyChange> changes = diff(before, after);
  REQUIRE(changes.size() == 1);
  const PolicyChange& c = changes.front();
  CHECK(c.file == "sharing.json");
  INFO(c.en);
  CHECK(has(c.en, "shop may now receive field 'document_number' of victims (in full)"));
  CHECK(has(c.en, "for purpose 'care_referral'"));
  CHECK(has(c.en, "on basis 'AVG art. 6(1)(e) (public task: support and shelter of victims"));
  CHECK(has(c.nl, "shop mag nu veld 'document_number' van slachtoffers (volledig) ontvangen"));
  CHECK(has(c.nl, "op grondslag 'AVG art. 6(1)(e)"));

  // The other way round: the partner no longer receives it.
  std::vector<PolicyChange> back = diff(after, before);
  REQUIRE(back.size() == 1);
  CHECK(has(back.front().en,
            "shop no longer receives field 'document_number' of victims for purpose "
            "'care_referral' (was: in full)"));
}

TEST_CASE("policy review: a generalised field and a record field, with the basis", "[policy]") {
  PolicyTexts before = shipped();
  PolicyTexts after = edited(before, "sharing.json", kShopVictimFields,
                             "\"include\": [\"name\", \"nationality\", \"address\", \"phone\"],\n"
                             "              \"generalise\": [\"date_of_birth\"],\n"
                             "              \"withhold\": [\"bsn\", \"document_number\"]");
  after = edited(after, "sharing.json", "\"signal.minor\", \"case.summary\"]",
                 "\"signal.minor\", \"signal.severity\", \"case.summary\"]");
  std::vector<PolicyChange> changes = diff(before, after);
  REQUIRE(changes.size() == 2);
  CHECK(has(changes[0].en,
            "shop now receives field 'date_of_birth' of victims generalised instead of in full "
            "for purpose 'care_referral' on basis 'AVG art. 6(1)(e)"));
  CHECK(has(changes[1].en,
            "shop may now receive record field 'signal.severity' for purpose "
            "'care_referral' on basis 'AVG art. 6(1)(e)"));
}

TEST_CASE("policy review: a retention period change names the rule and both periods", "[policy]") {
  PolicyTexts before = shipped();
  PolicyTexts after =
      edited(before, "retention.json", "\"period\": \"P1Y\"", "\"period\": \"P2Y\"");
  std::vector<PolicyChange> changes = diff(before, after);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].file == "retention.json");
  CHECK(changes[0].en == "retention rule 'signal-no-suspicion' (signal): period P1Y -> P2Y");
  CHECK(changes[0].nl == "bewaarregel 'signal-no-suspicion' (signal): termijn P1Y -> P2Y");

  PolicyTexts confirmed =
      edited(before, "retention.json", "\"confirmed\": false", "\"confirmed\": true");
  changes = diff(before, confirmed);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].en ==
        "retention rule 'signal-no-suspicion' (signal): now confirmed by the archivist");
}

TEST_CASE("policy review: removing a partner says it no longer receives anything", "[policy]") {
  PolicyTexts before = shipped();
  // Only the sharing policy: routing.json names the partner and would no longer be valid.
  PolicyTexts a{{"sharing.json", before.at("sharing.json")}};
  Result<json::Value> tree = json::parse(a.at("sharing.json").text);
  MK_REQUIRE_OK(tree);
  json::Array& partners = tree->as_object()[2].second.as_array();
  REQUIRE(tree->as_object()[2].first == "partners");
  std::size_t n = partners.size();
  std::erase_if(partners, [](const json::Value& p) { return p.find("id")->as_string() == "riec"; });
  REQUIRE(partners.size() == n - 1);
  PolicyTexts b = a;
  b.at("sharing.json").text = json::serialize(*tree, true);
  std::vector<PolicyChange> changes = diff(a, b);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].en == "partner 'riec' removed: it no longer receives anything");
  CHECK(changes[0].nl == "partner 'riec' verwijderd: ontvangt niets meer");
}

TEST_CASE("policy review: equal policies give no changes, also when reformatted", "[policy]") {
  PolicyTexts before = shipped();
  CHECK(diff(before, before).empty());
  PolicyTexts compacted = before;
  for (auto& [file, text] : compacted) {
    Result<json::Value> tree = json::parse(text.text);
    MK_REQUIRE_OK(tree);
    text.text = json::serialize(*tree);
  }
  CHECK(diff(before, compacted).empty());
}

TEST_CASE("policy review: other files are compared member by member", "[policy]") {
  PolicyTexts before = shipped();
  PolicyTexts after = edited(before, "reporting.json", "\"threshold\": 5", "\"threshold\": 11");
  after = edited(after, "normtimes.json", "\"days\": 14", "\"days\": 10");
  std::vector<PolicyChange> changes = diff(before, after);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].file == "normtimes.json");
  CHECK(changes[0].en == "norms[legal_aid].days: 14 -> 10");
  CHECK(changes[1].file == "reporting.json");
  CHECK(changes[1].en == "suppression.threshold: 5 -> 11");
}

TEST_CASE("policy review: an invalid file is the loader's FILE:LINE:COL error", "[policy]") {
  PolicyTexts before = shipped();
  PolicyTexts after =
      edited(before, "retention.json", "\"period\": \"P1Y\"", "\"period\": \"P1X\"");
  Result<std::vector<PolicyChange>> r = diff_policies(before, after);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kPolicyInvalid);
  INFO(r.status().message());
  CHECK(has(r.status().message(), "retention.json:"));
}

TEST_CASE("policy review: a session records a changed policy file once, audited", "[policy]") {
  TestSession ts(Date(2026, 11, 2));
  CHECK(entries_of(ts.s(), "policy.adopt").size() == shipped().size());
  Result<std::vector<PolicyHistoryEntry>> adopted = policy_history(ts.s());
  MK_REQUIRE_OK(adopted);
  CHECK(adopted->size() == shipped().size());

  // Reopening with the same folder writes nothing.
  ts.reopen(Date(2026, 11, 3));
  CHECK(entries_of(ts.s(), "policy.change").empty());

  fs::path edited_dir = ts.temp() / "beleid";
  fs::copy(default_policy_dir(), edited_dir, fs::copy_options::recursive);
  PolicyTexts changed =
      edited(shipped(), "retention.json", "\"period\": \"P1Y\"", "\"period\": \"P2Y\"");
  write_text(edited_dir / "retention.json", changed.at("retention.json").text);
  ts.set_policy_dir(edited_dir);
  ts.reopen(Date(2026, 11, 4));
  ts.reopen(Date(2026, 11, 5));
  std::vector<vault::AuditEntry> changes = entries_of(ts.s(), "policy.change");
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].object == "retention.json");
  Result<std::vector<PolicyHistoryEntry>> history = policy_history(ts.s());
  MK_REQUIRE_OK(history);
  const PolicyHistoryEntry& last = history->back();
  CHECK(last.file == "retention.json");
  CHECK(changes[0].detail == "old=" + last.old_hash + " new=" + last.new_hash);
  CHECK(last.old_hash.size() == 64);
  CHECK(last.new_hash.size() == 64);
  CHECK(last.old_hash != last.new_hash);
  Result<std::vector<PolicyChange>> words = diff_policies(last.before, last.after);
  MK_REQUIRE_OK(words);
  REQUIRE(words->size() == 1);
  CHECK(words->front().en == "retention rule 'signal-no-suspicion' (signal): period P1Y -> P2Y");

  // An invalid version is not in force, so it is not recorded; its fix is.
  write_text(edited_dir / "retention.json", "{\"format\": \"meldkluis-retention/1\"");
  ts.reopen(Date(2026, 11, 6));
  CHECK(entries_of(ts.s(), "policy.change").size() == 1);
  fs::remove(edited_dir / "reporting.json");
  ts.reopen(Date(2026, 11, 7));
  std::vector<vault::AuditEntry> removed = entries_of(ts.s(), "policy.change");
  REQUIRE(removed.size() == 2);
  CHECK(removed[1].object == "reporting.json");
  CHECK(removed[1].detail.ends_with(" new=-"));
}

TEST_CASE("policy review: audit.json is read by its loader and its change said in words",
          "[policy]") {
  PolicyTexts before = shipped();
  CHECK(policy_kind("audit.json", before.at("audit.json").text) == PolicyKind::kAudit);
  PolicyTexts after =
      edited(before, "audit.json", "\"max_unwitnessed_days\": 31", "\"max_unwitnessed_days\": 14");
  std::vector<PolicyChange> changes = diff(before, after);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].file == "audit.json");
  CHECK(changes[0].en == "witness: max unwitnessed days 31 -> 14");
  CHECK(changes[0].nl == "getuige: hoogstens dagen niet getuigd 31 -> 14");

  // Valid JSON that the audit loader refuses: 0 days is out of range.
  PolicyTexts zero =
      edited(before, "audit.json", "\"max_unwitnessed_days\": 31", "\"max_unwitnessed_days\": 0");
  Result<std::vector<PolicyChange>> refused = diff_policies(before, zero);
  REQUIRE_FALSE(refused);
  CHECK(refused.status().code() == Code::kPolicyInvalid);
  INFO(refused.status().message());
  CHECK(has(refused.status().message(), "audit.json:"));
}

TEST_CASE("policy review: controller.json changes name the setting with old and new value",
          "[policy]") {
  PolicyTexts before = shipped();
  CHECK(policy_kind("controller.json", before.at("controller.json").text) ==
        PolicyKind::kController);
  PolicyTexts after = edited(before, "controller.json", "\"name\": \"Gemeente Voorbeeldstad\"",
                             "\"name\": \"Gemeente Zaanstad\"");
  after = edited(after, "controller.json",
                 "\"contact\": \"fg@voorbeeldstad.invalid\",\n    \"confirmed\": false",
                 "\"contact\": \"fg@zaanstad.invalid\",\n    \"confirmed\": true");
  std::vector<PolicyChange> changes = diff(before, after);
  REQUIRE(changes.size() == 3);
  for (const PolicyChange& c : changes)
    CHECK(c.file == "controller.json");
  CHECK(changes[0].en ==
        "controller name changed from 'Gemeente Voorbeeldstad' to 'Gemeente Zaanstad'");
  CHECK(changes[0].nl ==
        "naam van de verwerkingsverantwoordelijke gewijzigd van 'Gemeente "
        "Voorbeeldstad' in 'Gemeente Zaanstad'");
  CHECK(changes[1].en ==
        "data protection officer contact changed from "
        "'fg@voorbeeldstad.invalid' to 'fg@zaanstad.invalid'");
  CHECK(changes[2].en == "data protection officer: details now confirmed");

  // A member the controller loader does not know is refused, though it is valid JSON.
  PolicyTexts unknown = edited(before, "controller.json", "\"confirmed\": false",
                               "\"confirmed\": false, \"website\": \"https://zaanstad.nl\"");
  Result<std::vector<PolicyChange>> refused = diff_policies(before, unknown);
  REQUIRE_FALSE(refused);
  CHECK(refused.status().code() == Code::kPolicyInvalid);
  CHECK(has(refused.status().message(), "controller.json:"));

  // The note is free text: changing it is one "note changed", without quoting it.
  PolicyTexts noted = edited(before, "controller.json", "Defaults shipped with Meldkluis.",
                             "Vastgesteld door het college op 3 november 2026.");
  changes = diff(before, noted);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].en == "note changed");
}

// Retention through the service layer, on records dated years in the past: what plan lists is
// exactly what a sweep shreds, on any day; shredded subjects are gone from every place they were;
// holds block; statistics still add up; an invalid policy stops everything.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/bytes.hpp"
#include "service/audit.hpp"
#include "service/retention_world.hpp"
#include "support/folder_snapshot.hpp"
#include "support/run_process.hpp"
#include "vault/key_ring.hpp"
#include "vault/statistical_facts.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> unheld_ids(const RetentionPlan& plan) {
  std::vector<std::string> ids;
  for (const PlanItem& item : plan.due) {
    if (item.held_by.empty()) ids.push_back(item.id);
  }
  return ids;
}

std::vector<std::string> all_ids(const RetentionPlan& plan) {
  std::vector<std::string> ids;
  for (const PlanItem& item : plan.due)
    ids.push_back(item.id);
  return ids;
}

const PlanItem* item_for(const RetentionPlan& plan, const std::string& id) {
  for (const PlanItem& item : plan.due) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

// Runs SQL through Debian's sqlcipher shell with the raw database key.
testing::ProcessResult sqlcipher(const fs::path& db, const std::string& key_hex,
                                 const std::string& sql) {
  std::string script = "PRAGMA key = \"x'" + key_hex + "'\";\nPRAGMA cipher_page_size = 4096;\n" +
                       ".mode list\n" + sql + "\n";
  return testing::run_process({"sqlcipher", db.string()}, script);
}

}  // namespace

TEST_CASE("retention plan lists each due subject with its rule, dates and holds") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  Result<RetentionPlan> plan = plan_retention(ts.s(), world_today());
  MK_REQUIRE_OK(plan);
  CHECK(plan->policy_hash.size() == 64);
  // Order: signals, cases, persons; within each, by id.
  std::vector<std::string> persons = {w.r1, w.v1, w.x1, w.v2};
  std::sort(persons.begin(), persons.end());
  std::vector<std::string> cases = {w.c1, w.c2};
  std::sort(cases.begin(), cases.end());
  std::vector<std::string> expected = {w.s1};
  expected.insert(expected.end(), cases.begin(), cases.end());
  expected.insert(expected.end(), persons.begin(), persons.end());
  CHECK(all_ids(*plan) == expected);

  const PlanItem* x1 = item_for(*plan, w.x1);
  REQUIRE(x1);
  CHECK(x1->role == "suspect");
  CHECK(x1->trigger == "closed");
  CHECK(x1->trigger_date == Date(2019, 6, 30));
  CHECK(x1->due == Date(2019, 12, 30));
  CHECK(x1->action == "shred");
  CHECK_FALSE(x1->rule_confirmed);

  const PlanItem* s1 = item_for(*plan, w.s1);
  REQUIRE(s1);
  CHECK(s1->due == Date(2020, 4, 1));
  CHECK(s1->action == "deidentify");
  const PlanItem* r1 = item_for(*plan, w.r1);
  REQUIRE(r1);
  CHECK(r1->trigger_date == Date(2019, 4, 1));  // the signal they reported closed then

  const PlanItem* v2 = item_for(*plan, w.v2);
  REQUIRE(v2);
  CHECK(v2->held_by == std::vector<std::string>{w.c2});
  CHECK(item_for(*plan, w.c2)->held_by == std::vector<std::string>{w.c2});
  CHECK(plan->shreddable() == plan->due.size() - 2);

  // Nothing open, nothing recent.
  CHECK_FALSE(item_for(*plan, w.s3));
  CHECK_FALSE(item_for(*plan, w.v3));
  // Signals inside a case are not subjects of their own.
  CHECK_FALSE(item_for(*plan, w.s2));
  CHECK_FALSE(item_for(*plan, w.s4));
}

TEST_CASE("plan --as-of D lists exactly what a sweep on day D shreds") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  ts.close();
  fs::path policy_dir = default_policy_dir();
  for (Date day : {Date(2019, 12, 29), Date(2019, 12, 30), Date(2020, 4, 1), Date(2023, 6, 1),
                   Date(2024, 6, 29), Date(2024, 6, 30), world_today()}) {
    INFO("day " << day.to_iso());
    // Each day sweeps its own copy of the vault.
    fs::path copy = ts.temp() / ("copy-" + day.to_iso());
    fs::copy(ts.dir(), copy, fs::copy_options::recursive);
    FixedClock clock(instant_of(day));
    Result<Session> s = Session::open(copy, secret(vault::test::kCoordinatorPassphrase),
                                      std::nullopt, clock, "test", policy_dir);
    MK_REQUIRE_OK(s);
    Result<RetentionPlan> plan = plan_retention(*s, day);
    MK_REQUIRE_OK(plan);
    Result<SweepReport> swept = sweep_retention(*s);
    MK_REQUIRE_OK(swept);
    CHECK(swept->shredded == unheld_ids(*plan));
    // Afterwards only what a hold blocks is still due.
    Result<RetentionPlan> after = plan_retention(*s, day);
    MK_REQUIRE_OK(after);
    CHECK(unheld_ids(*after).empty());
    CHECK(after->due.size() == swept->held.size());
  }
  // The days were chosen around due dates: the suspect goes on 2019-12-30, not a day earlier.
  FixedClock clock(instant_of(Date(2019, 12, 29)));
  Result<Session> s = Session::open(ts.dir(), secret(vault::test::kCoordinatorPassphrase),
                                    std::nullopt, clock, "test", policy_dir);
  MK_REQUIRE_OK(s);
  CHECK(unheld_ids(*plan_retention(*s, Date(2019, 12, 29))).empty());
  CHECK(unheld_ids(*plan_retention(*s, Date(2019, 12, 30))) == std::vector<std::string>{w.x1});
}

TEST_CASE("a sweep removes the shredded subjects everywhere and keeps held and live ones") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  Session& s = ts.s();
  std::string key_hex = to_hex(s.vault().keys().get(vault::KeyName::kDatabase).view());
  fs::path db = ts.dir() / "vault.db";

  // What the shredded victim left in the database before: a sealed name, a wrapped key.
  ts.close();
  testing::ProcessResult before = sqlcipher(db, key_hex,
                                            "SELECT hex(name) FROM persons WHERE id = '" + w.v1 +
                                                "';\n"
                                                "SELECT hex(wrapped) FROM subject_keys WHERE id = "
                                                "(SELECT key_id FROM persons WHERE id = '" +
                                                w.v1 +
                                                "');\n"
                                                "SELECT hex(narrative) FROM signals WHERE id = '" +
                                                w.s1 + "';");
  REQUIRE(before.exit_code == 0);
  std::vector<std::string> traces;
  std::string rest = before.output;
  for (std::size_t nl; (nl = rest.find('\n')) != std::string::npos; rest = rest.substr(nl + 1)) {
    if (nl > 0) traces.push_back(rest.substr(0, nl));
  }
  REQUIRE(traces.size() == 3);
  testing::ProcessResult dump_before = sqlcipher(db, key_hex, ".dump");
  for (const std::string& t : traces) {
    REQUIRE(t.size() > 80);
    CHECK(dump_before.output.find(t) != std::string::npos);  // the check below can fail
  }

  ts.reopen(world_today());
  Result<SweepReport> swept = sweep_retention(ts.s());
  MK_REQUIRE_OK(swept);
  std::set<std::string> gone(swept->shredded.begin(), swept->shredded.end());
  CHECK(gone == std::set<std::string>{w.s1, w.r1, w.c1, w.v1, w.x1});
  CHECK(swept->held == std::vector<std::string>{w.c2, w.v2});

  // Blind-index lookups and reads find nothing of the shredded.
  namespace syn = vault::test::synthetic;
  vault::PersonIdentity by_bsn;
  by_bsn.set(vault::PersonField::kBsn, std::string(syn::kIoana.bsn));
  Result<std::vector<vault::Person>> found =
      find_persons(ts.s(), vault::PersonIndexKind::kBsn, by_bsn);
  MK_REQUIRE_OK(found);
  CHECK(found->empty());
  vault::PersonIdentity by_name;
  by_name.set(vault::PersonField::kName, std::string(kCanaryVictim));
  by_name.set(vault::PersonField::kDateOfBirth, std::string(syn::kIoana.date_of_birth));
  found = find_persons(ts.s(), vault::PersonIndexKind::kNameDob, by_name);
  MK_REQUIRE_OK(found);
  CHECK(found->empty());
  for (const std::string& id : {w.v1, w.x1, w.r1}) {
    CHECK(show_person(ts.s(), id).status().code() == Code::kNotFound);
  }
  CHECK(show_signal(ts.s(), w.s1).status().code() == Code::kNotFound);
  CHECK(show_signal(ts.s(), w.s2).status().code() == Code::kNotFound);  // went with its case
  CHECK(show_case(ts.s(), w.c1).status().code() == Code::kNotFound);

  // Held and live subjects are whole and readable.
  MK_CHECK_OK(show_case(ts.s(), w.c2));
  MK_CHECK_OK(show_signal(ts.s(), w.s4));
  Result<vault::Person> v2 = show_person(ts.s(), w.v2);
  MK_REQUIRE_OK(v2);
  CHECK(v2->identity.get(vault::PersonField::kName) == std::string(syn::kAnouk.name));
  MK_CHECK_OK(show_person(ts.s(), w.v3));
  MK_CHECK_OK(show_signal(ts.s(), w.s3));

  // Statistics still count the shredded: two signals (one went with its case) and one case.
  Result<std::vector<vault::StatisticalFact>> facts = ts.s().transact(
      "test", [](vault::UnitOfWork& uow) { return vault::list_statistical_facts(uow); });
  MK_REQUIRE_OK(facts);
  int signal_facts = 0, case_facts = 0;
  for (const vault::StatisticalFact& f : *facts) {
    if (f.kind == "signal") ++signal_facts;
    if (f.kind == "case") ++case_facts;
  }
  CHECK(signal_facts == 2);
  CHECK(case_facts == 1);
  Result<std::vector<vault::SignalSummary>> live = list_signals(ts.s(), {});
  MK_REQUIRE_OK(live);
  CHECK(live->size() + static_cast<std::size_t>(signal_facts) == 4);

  // Every shred has one audit entry naming the rule and the policy version; the log verifies.
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(ts.s(), {});
  MK_REQUIRE_OK(entries);
  std::multiset<std::string> shred_objects;
  for (const vault::AuditEntry& e : *entries) {
    if (e.action != "retention.shred") continue;
    shred_objects.insert(e.object);
    CHECK(e.detail.find("rule=") != std::string::npos);
    CHECK(e.detail.find("policy=" + swept->plan.policy_hash) != std::string::npos);
  }
  // One entry per subject, and one for the signal that went with its case.
  std::multiset<std::string> expected_objects(gone.begin(), gone.end());
  expected_objects.insert(w.s2);
  CHECK(shred_objects == expected_objects);
  Result<vault::AuditVerification> verified = verify_audit(ts.s(), std::nullopt);
  MK_REQUIRE_OK(verified);
  CHECK(verified->ok);

  // No file of the vault holds a trace: no canary in any file, no journal or WAL left behind,
  // and even with the database key the sealed fields and the wrapped key are gone.
  ts.close();
  testing::FolderSnapshot files = testing::snapshot(ts.dir());
  for (const auto& [name, bytes] : files) {
    INFO(name);
    CHECK(name.find("-journal") == std::string::npos);
    CHECK(name.find("-wal") == std::string::npos);
    for (std::string_view canary : {kCanaryVictim, kCanaryReporter, kCanaryNarrative}) {
      CHECK_FALSE(testing::contains_bytes(bytes, std::string(canary)));
    }
  }
  testing::ProcessResult dump_after = sqlcipher(db, key_hex, ".dump");
  REQUIRE(dump_after.exit_code == 0);
  REQUIRE(dump_after.output.find("CREATE TABLE persons") != std::string::npos);
  for (const std::string& t : traces)
    CHECK(dump_after.output.find(t) == std::string::npos);
}

TEST_CASE("an invalid retention policy stops the sweep and nothing is swept") {
  TestSession ts(world_today());
  build_world(ts.s());
  ts.close();
  fs::path policies = ts.temp() / "policies";
  fs::copy(default_policy_dir(), policies, fs::copy_options::recursive);
  {
    std::ifstream in(policies / "retention.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t at = text.find("\"P5Y\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 5, "\"P5J\"");
    std::ofstream(policies / "retention.json", std::ios::trunc) << text;
  }
  testing::FolderSnapshot untouched = testing::snapshot(ts.dir());
  ts.set_policy_dir(policies);
  ts.reopen(world_today());
  Result<SweepReport> swept = sweep_retention(ts.s());
  CHECK(swept.status().code() == Code::kPolicyInvalid);
  std::string message = swept.status().message();
  INFO(message);
  CHECK(message.find("retention.json:") != std::string::npos);
  CHECK(message.find("\"period\"") != std::string::npos);
  CHECK(plan_retention(ts.s(), world_today()).status().code() == Code::kPolicyInvalid);
  ts.close();
  CHECK(testing::snapshot(ts.dir()) == untouched);
}

TEST_CASE("a released hold lets the next sweep shred the case and its victim") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  MK_REQUIRE_OK(sweep_retention(ts.s()));
  Result<std::vector<vault::LegalHold>> holds = list_holds(ts.s(), false);
  MK_REQUIRE_OK(holds);
  REQUIRE(holds->size() == 1);
  CHECK(holds->front().case_id == w.c2);
  MK_REQUIRE_OK(release_case(ts.s(), w.c2));
  CHECK(list_holds(ts.s(), false)->empty());
  CHECK(list_holds(ts.s(), true)->size() == 1);
  Result<SweepReport> second = sweep_retention(ts.s());
  MK_REQUIRE_OK(second);
  CHECK(second->held.empty());
  CHECK(std::set<std::string>(second->shredded.begin(), second->shredded.end()) ==
        std::set<std::string>{w.c2, w.v2});
  // A third sweep finds nothing: sweeping is idempotent.
  Result<SweepReport> third = sweep_retention(ts.s());
  MK_REQUIRE_OK(third);
  CHECK(third->shredded.empty());
}

TEST_CASE("the compliance role plans retention but cannot sweep, and the refusal is audited") {
  TestSession ts(world_today());
  build_world(ts.s());
  MK_REQUIRE_OK(ts.s().vault().add_slot(vault::test::kComplianceSlot, vault::Role::kCompliance,
                                        secret(vault::test::kCompliancePassphrase),
                                        crypto::pwhash_params_for_tests()));
  ts.close();
  Result<Session> officer = Session::open(ts.dir(), secret(vault::test::kCompliancePassphrase),
                                          std::nullopt, ts.clock(), "test", default_policy_dir());
  MK_REQUIRE_OK(officer);
  Result<RetentionPlan> plan = plan_retention(*officer, world_today());
  MK_REQUIRE_OK(plan);
  CHECK(plan->due.size() == 7);
  CHECK(sweep_retention(*officer).status().code() == Code::kForbidden);
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(*officer, {});
  MK_REQUIRE_OK(entries);
  REQUIRE_FALSE(entries->empty());
  CHECK(entries->back().action == "retention.sweep");
  CHECK(entries->back().result == "forbidden");
}

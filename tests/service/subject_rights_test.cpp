// The data subject's rights on one person: access (every datum, audited), rectification (the
// trail says what changed and when, never the old value), erasure on request, restriction.
#include "service/subject_rights.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "base/json.hpp"
#include "exchange/age.hpp"
#include "service/audit.hpp"
#include "service/retention_world.hpp"
#include "support/folder_snapshot.hpp"
#include "support/run_process.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

namespace {

std::vector<vault::AuditEntry> entries_on(Session& s, const std::string& object) {
  vault::AuditQuery q;
  q.object = object;
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(s, q);
  MK_REQUIRE_OK(entries);
  return *entries;
}

}  // namespace

TEST_CASE("access gives every datum on one person, and is audited") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  Result<crypto::SecretBuffer> doc = subject_access(ts.s(), w.v1, AccessDestination::kFile);
  MK_REQUIRE_OK(doc);
  Result<json::Value> parsed = json::parse(doc->as_text());
  MK_REQUIRE_OK(parsed);
  const json::Value& d = *parsed;
  CHECK(d.find("format")->as_string() == "meldkluis-subject-access/1");
  CHECK(d.find("person")->as_string() == w.v1);
  CHECK(d.find("role")->as_string() == "victim");
  const json::Value* identity = d.find("identity");
  REQUIRE(identity);
  CHECK(identity->find("name")->as_string() == kCanaryVictim);
  CHECK(identity->find("bsn")->as_string() == vault::test::synthetic::kIoana.bsn);
  REQUIRE(d.find("signals")->as_array().size() == 1);
  CHECK(d.find("signals")->as_array()[0].find("id")->as_string() == w.s2);
  REQUIRE(d.find("cases")->as_array().size() == 1);
  CHECK(d.find("cases")->as_array()[0].find("id")->as_string() == w.c1);
  // The narrative of the signal describes others too: it is left out, and the document says so.
  CHECK(doc->as_text().find("Westland") == std::string::npos);
  CHECK(d.find("not_included"));
  // The person's own trail: at least their registration.
  bool added = false;
  for (const json::Value& e : d.find("audit_trail")->as_array()) {
    if (e.find("action")->as_string() == "person.add") added = true;
  }
  CHECK(added);

  std::vector<vault::AuditEntry> trail = entries_on(ts.s(), w.v1);
  REQUIRE_FALSE(trail.empty());
  CHECK(trail.back().action == "person.access");
  CHECK(trail.back().detail == "to=file");

  // The reporter's access lists the signal they reported.
  Result<crypto::SecretBuffer> reporter =
      subject_access(ts.s(), w.r1, AccessDestination::kTerminal);
  MK_REQUIRE_OK(reporter);
  Result<json::Value> rj = json::parse(reporter->as_text());
  MK_REQUIRE_OK(rj);
  REQUIRE(rj->find("signals")->as_array().size() == 1);
  CHECK(rj->find("signals")->as_array()[0].find("as_reporter")->as_bool());
  CHECK(entries_on(ts.s(), w.r1).back().detail == "to=terminal");
}

TEST_CASE("rectification records which fields changed and when, never the old value") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  vault::PersonPatch patch;
  patch.fields.push_back(
      {vault::PersonField::kAddress, std::string("Cromvlietplein 3, 2282 TT Rijswijk")});
  MK_REQUIRE_OK(update_person(ts.s(), w.v1, patch));
  std::vector<vault::AuditEntry> trail = entries_on(ts.s(), w.v1);
  const vault::AuditEntry& last = trail.back();
  CHECK(last.action == "person.update");
  CHECK(last.detail.find("address") != std::string::npos);
  for (const vault::AuditEntry& e : trail) {
    std::string all = e.detail + e.reason + e.object;
    CHECK(all.find("Steenvoordelaan") == std::string::npos);  // the old address
    CHECK(all.find("Cromvlietplein") == std::string::npos);   // nor the new one
  }
}

TEST_CASE("erasure on request shreds now, needs a reason, and yields to a legal hold") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  CHECK(erase_person(ts.s(), w.v3, "").code() == Code::kInvalidInput);
  CHECK(erase_person(ts.s(), w.v2, "Verzoek betrokkene 2026-11-20").code() == Code::kConflict);
  MK_CHECK_OK(show_person(ts.s(), w.v2));

  MK_REQUIRE_OK(ts.s().set_reason("Sessie-reden"));
  MK_REQUIRE_OK(erase_person(ts.s(), w.v3, "Verzoek betrokkene 2026-11-20"));
  CHECK(show_person(ts.s(), w.v3).status().code() == Code::kNotFound);
  CHECK(ts.s().reason() == "Sessie-reden");  // the erasure's reason was for its entry only
  std::vector<vault::AuditEntry> trail = entries_on(ts.s(), w.v3);
  CHECK(trail.back().action == "person.erase");
  CHECK(trail.back().reason == "Verzoek betrokkene 2026-11-20");
  // The signal stays, without the person.
  Result<vault::Signal> s3 = show_signal(ts.s(), w.s3);
  MK_REQUIRE_OK(s3);
  CHECK(s3->summary.person_ids.empty());
}

TEST_CASE("restriction is a flag on the person, set and lifted with an audit entry each") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  MK_REQUIRE_OK(restrict_person(ts.s(), w.v3, true));
  CHECK(show_person(ts.s(), w.v3)->summary.restricted);
  MK_REQUIRE_OK(restrict_person(ts.s(), w.v3, false));
  CHECK_FALSE(show_person(ts.s(), w.v3)->summary.restricted);
  std::vector<std::string> flags;
  for (const vault::AuditEntry& e : entries_on(ts.s(), w.v3)) {
    if (e.action.find("restrict") != std::string::npos) flags.push_back(e.action);
  }
  CHECK(flags == std::vector<std::string>{"person.restrict", "person.unrestrict"});
}

TEST_CASE("an access export is an age file the standard age tool opens, and is audited") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  std::filesystem::path key = ts.temp() / "key.txt";
  testing::ProcessResult keygen = testing::run_process({"age-keygen", "-o", key.string()});
  INFO(keygen.output);
  REQUIRE(keygen.exit_code == 0);
  std::size_t at = keygen.output.find("age1");
  REQUIRE(at != std::string::npos);
  std::string recipient = keygen.output.substr(at, keygen.output.find_first_of("\r\n", at) - at);

  std::filesystem::path out = ts.temp() / "inzage.age";
  AccessRecipient to;
  to.age_recipient = recipient;
  MK_REQUIRE_OK(export_subject_access(ts.s(), w.v1, out, to));
  CHECK((std::filesystem::status(out).permissions() & std::filesystem::perms::group_read) ==
        std::filesystem::perms::none);
  CHECK_FALSE(testing::contains_bytes(testing::read_file_bytes(out), std::string(kCanaryVictim)));
  testing::ProcessResult opened =
      testing::run_process({"age", "-d", "-i", key.string(), out.string()});
  REQUIRE(opened.exit_code == 0);
  CHECK(opened.output.find(std::string(kCanaryVictim)) != std::string::npos);
  CHECK(opened.output.find("meldkluis-subject-access/1") != std::string::npos);
  CHECK(entries_on(ts.s(), w.v1).back().detail == "to=file");

  // An existing file is never replaced, and a refused export leaves no audit entry.
  std::size_t before = entries_on(ts.s(), w.v1).size();
  CHECK(export_subject_access(ts.s(), w.v1, out, to).code() == Code::kConflict);
  to.age_recipient = "age1notarecipient";
  CHECK(export_subject_access(ts.s(), w.v1, ts.temp() / "b.age", to).code() == Code::kInvalidInput);
  CHECK_FALSE(std::filesystem::exists(ts.temp() / "b.age"));
  CHECK(entries_on(ts.s(), w.v1).size() == before);

  // With a passphrase instead (handed to the person separately).
  AccessRecipient by_passphrase;
  by_passphrase.passphrase = secret("paarse-olifant-zwemt-in-de-Vliet");
  std::filesystem::path second = ts.temp() / "inzage-2.age";
  MK_REQUIRE_OK(export_subject_access(ts.s(), w.v1, second, by_passphrase));
  std::string bytes = testing::read_file_bytes(second);
  Result<crypto::SecretBuffer> plain = exchange::age_decrypt_with_passphrase(
      as_bytes(bytes), exchange::AgePassphraseIdentity{secret("paarse-olifant-zwemt-in-de-Vliet")});
  MK_REQUIRE_OK(plain);
  CHECK(plain->as_text().find(std::string(kCanaryVictim)) != std::string::npos);
}

TEST_CASE("the compliance role cannot set or lift a restriction") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  MK_REQUIRE_OK(ts.s().vault().add_slot(vault::test::kComplianceSlot, vault::Role::kCompliance,
                                        secret(vault::test::kCompliancePassphrase),
                                        crypto::pwhash_params_for_tests()));
  ts.close();
  Result<Session> officer = Session::open(ts.dir(), secret(vault::test::kCompliancePassphrase),
                                          std::nullopt, ts.clock(), "test", default_policy_dir());
  MK_REQUIRE_OK(officer);
  CHECK(restrict_person(*officer, w.v3, true).code() == Code::kForbidden);
  CHECK(erase_person(*officer, w.v3, "Verzoek betrokkene").code() == Code::kForbidden);
  CHECK(subject_access(*officer, w.v3, AccessDestination::kTerminal).status().code() ==
        Code::kForbidden);
}

// A package as the partner receives it, checked with the partner's own tools only: `minisign -Vm`
// against the key `signing-key export` wrote, `age -d -i` with the partner's identity, GNU tar;
// one changed byte fails both tools; the members follow docs/formats/package.md; the register
// records what went, with the package's SHA-256 and the policy's hash.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "service/audit.hpp"
#include "service/sharing_world.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

namespace {

std::string sha256_hex(const std::string& bytes) {
  return to_hex(crypto::sha256(as_bytes(bytes)));
}

const json::Value& at(const json::Value& v, std::string_view key) {
  const json::Value* found = v.find(key);
  INFO("key " << key);
  REQUIRE(found != nullptr);
  return *found;
}

std::vector<std::string> strings_of(const json::Value& array) {
  std::vector<std::string> out;
  for (const json::Value& v : array.as_array())
    out.push_back(v.as_string());
  return out;
}

std::vector<std::string> keys_of(const json::Value& object) {
  std::vector<std::string> out;
  for (const json::Member& m : object.as_object())
    out.push_back(m.first);
  return out;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

TEST_CASE(
    "a package verifies with minisign -Vm and decrypts with age -d -i; a changed byte fails "
    "both",
    "[sharing][interop]") {
  SharingWorld w;
  fs::path pub = w.path("gemeente.pub");
  MK_REQUIRE_OK(export_signing_key(w.s(), pub));
  CHECK(mode_of(pub) == 0644);
  CHECK(export_signing_key(w.s(), pub).code() == Code::kConflict);  // never replaced

  fs::path out = w.path("pakket-shop-2026-11-29.age");
  Result<ShareReceipt> receipt =
      export_share(w.s(), "shop", "care_referral", case_target(w.case_id()), out);
  MK_REQUIRE_OK(receipt);
  CHECK(receipt->package == out);
  CHECK(receipt->signature == fs::path(out.string() + ".minisig"));
  CHECK(mode_of(out) == 0600);
  CHECK(mode_of(receipt->signature) == 0600);
  const std::string file = testing::read_file_bytes(out);
  CHECK(receipt->sha256 == sha256_hex(file));

  const std::string minisign = require_tool("minisign");
  testing::ProcessResult verified =
      testing::run_process({minisign, "-Vm", out.string(), "-p", pub.string()});
  INFO(verified.output);
  REQUIRE(verified.exit_code == 0);
  CHECK(contains(verified.output, "timestamp:1795946400\tfile:pakket-shop-2026-11-29.age\thashed"));

  age_decrypt_tool(w.key_of("shop"), out, w.path("a.tar"));
  std::map<std::string, std::string> members = untar(w.path("a.tar"), w.path("uit"));
  REQUIRE(members.size() == 3);
  CHECK(members.count("LEESMIJ.txt") == 1);
  json::Value manifest = parse_json_text(members.at("manifest.json"));
  json::Value records = parse_json_text(members.at("records.json"));
  CHECK(records.as_array().size() == 3);  // the case, its signal, the victim
  CHECK(at(manifest, "record_count").as_integer() == 3);
  CHECK(receipt->record_count == 3);

  // Another partner's key does not open it.
  CHECK(testing::run_process({require_tool("age"), "-d", "-i", w.key_of("police").string(), "-o",
                              w.path("police-try").string(), out.string()})
            .exit_code != 0);

  // One changed byte anywhere: neither tool accepts the file.
  fs::path bad = w.path("pakket-shop-2026-11-29-kopie.age");
  fs::copy_file(receipt->signature, fs::path(bad.string() + ".minisig"));
  for (std::size_t at_byte : {std::size_t{5}, std::size_t{60}, file.size() / 2, file.size() - 1}) {
    INFO("byte " << at_byte << " of " << file.size());
    std::string altered = file;
    altered[at_byte] = static_cast<char>(altered[at_byte] ^ 0x01);
    testing::write_file_bytes(bad, altered);
    CHECK(testing::run_process({minisign, "-Vm", bad.string(), "-x", receipt->signature.string(),
                                "-p", pub.string()})
              .exit_code != 0);
    CHECK(testing::run_process({require_tool("age"), "-d", "-i", w.key_of("shop").string(), "-o",
                                w.path("bad-" + std::to_string(at_byte)).string(), bad.string()})
              .exit_code != 0);
  }
  // Control: the unaltered copy passes both under the same commands.
  testing::write_file_bytes(bad, file);
  CHECK(testing::run_process(
            {minisign, "-Vm", bad.string(), "-x", receipt->signature.string(), "-p", pub.string()})
            .exit_code == 0);
}

TEST_CASE("the members follow docs/formats/package.md", "[sharing][package]") {
  SharingWorld w;
  std::map<std::string, std::string> m =
      export_and_open(w, "shop", "care_referral", case_target(w.case_id()), "shop");
  json::Value manifest = parse_json_text(m.at("manifest.json"));
  CHECK(keys_of(manifest) == std::vector<std::string>{"format", "sender", "recipient", "purpose",
                                                      "legal_basis", "policy", "created",
                                                      "record_count", "withheld", "pseudonymised",
                                                      "generalised"});
  CHECK(at(manifest, "format").as_string() == "meldkluis-package/1");
  CHECK(at(at(manifest, "sender"), "municipality").as_string() == "Gemeente Rijswijk");
  const std::string key_id = at(at(manifest, "sender"), "signing_key_id").as_string();
  CHECK(key_id.size() == 16);
  fs::path pub = w.path("gemeente.pub");
  MK_REQUIRE_OK(export_signing_key(w.s(), pub));
  CHECK(contains(testing::read_file_bytes(pub), "minisign public key " + key_id));
  const json::Value& recipient = at(manifest, "recipient");
  CHECK(at(recipient, "partner_id").as_string() == "shop");
  CHECK(at(recipient, "kind").as_string() == "care_coordination");
  CHECK(at(recipient, "name").as_string() == "Stichting SHOP Den Haag");
  Result<vault::Partner> shop = show_partner(w.s(), "shop");
  MK_REQUIRE_OK(shop);
  CHECK(at(recipient, "age_recipient").as_string() == shop->age_recipient);
  CHECK(at(at(manifest, "purpose"), "id").as_string() == "care_referral");
  Result<policies::SharingPolicy> policy = load_sharing(w.s());
  MK_REQUIRE_OK(policy);
  const policies::SharingPurpose* purpose = policy->find_purpose("shop", "care_referral");
  CHECK(at(at(manifest, "purpose"), "label").as_string() == purpose->label_nl);
  CHECK(at(at(manifest, "legal_basis"), "text").as_string() == purpose->legal_basis);
  CHECK(at(at(manifest, "legal_basis"), "reference").as_string() == purpose->legal_basis_reference);
  CHECK(at(at(manifest, "policy"), "file").as_string() == "sharing.json");
  std::string policy_bytes = testing::read_file_bytes(default_policy_dir() / "sharing.json");
  CHECK(at(at(manifest, "policy"), "sha256").as_string() == sha256_hex(policy_bytes));
  CHECK(at(manifest, "created").as_string() == "2026-11-29T10:00:00Z");
  CHECK(strings_of(at(manifest, "pseudonymised")).empty());
  CHECK(strings_of(at(manifest, "generalised")).empty());

  // Withheld: the victim's BSN and document number, the suspect whole, the record fields SHOP
  // does not get; each with a reason naming the rule.
  std::vector<std::string> withheld;
  for (const json::Value& item : at(manifest, "withheld").as_array()) {
    const json::Value& role = at(item, "role");
    withheld.push_back(at(item, "field").as_string() + "@" +
                       (role.is_null() ? std::string("-") : role.as_string()));
    CHECK(contains(at(item, "reason").as_string(), "shop/care_referral"));
  }
  std::sort(withheld.begin(), withheld.end());
  CHECK(withheld == std::vector<std::string>{"*@suspect", "bsn@victim", "case.closed@-",
                                             "case.opened@-", "case.status@-",
                                             "document_number@victim", "signal.narrative@-",
                                             "signal.nature@-", "signal.scale@-",
                                             "signal.severity@-", "signal.source_kind@-"});

  // Records: the case and signal with package-local refs and only the sent fields; the victim
  // under SHOP's pseudonym.
  json::Value records = parse_json_text(m.at("records.json"));
  const json::Array& r = records.as_array();
  REQUIRE(r.size() == 3);
  CHECK(keys_of(r[0]) ==
        std::vector<std::string>{"record", "ref", "summary", "signals", "persons"});
  CHECK(at(r[0], "ref").as_string() == "case-1");
  CHECK(at(r[0], "summary").as_string() == kCanarySummary);
  CHECK(strings_of(at(r[0], "signals")) == std::vector<std::string>{"signal-1"});
  CHECK(keys_of(r[1]) == std::vector<std::string>{"record", "ref", "received", "forms",
                                                  "indicators", "minor", "persons"});
  CHECK(at(r[1], "received").as_string() == "2026-10-28");
  CHECK(at(r[1], "minor").as_string() == "no");
  CHECK(strings_of(at(r[1], "forms")) == std::vector<std::string>{"labour"});
  Result<SharePreview> preview =
      preview_share(w.s(), "shop", "care_referral", case_target(w.case_id()));
  MK_REQUIRE_OK(preview);
  std::string pseudonym;
  for (const PersonPreview& p : preview->persons) {
    if (p.person_id == w.victim()) pseudonym = p.pseudonym;
  }
  REQUIRE(pseudonym.size() == 11);
  CHECK(strings_of(at(r[0], "persons")) == std::vector<std::string>{pseudonym});
  CHECK(strings_of(at(r[1], "persons")) == std::vector<std::string>{pseudonym});
  CHECK(keys_of(r[2]) == std::vector<std::string>{"record", "pseudonym", "role", "name",
                                                  "date_of_birth", "nationality", "address",
                                                  "phone"});
  CHECK(at(r[2], "pseudonym").as_string() == pseudonym);
  CHECK(at(r[2], "name").as_string() == kVictimName);
  CHECK(at(r[2], "date_of_birth").as_string() == kVictimBirth);

  // The summary: Dutch then English, from whom, to whom, basis, count, how to verify.
  const std::string& leesmij = m.at("LEESMIJ.txt");
  std::size_t english = leesmij.find("Confidential package");
  REQUIRE(english != std::string::npos);
  CHECK(leesmij.find("Vertrouwelijk pakket") < english);
  CHECK(contains(leesmij, "Gemeente Rijswijk"));
  CHECK(contains(leesmij, "Stichting SHOP Den Haag"));
  CHECK(contains(leesmij, purpose->legal_basis));
  CHECK(contains(leesmij, "3 records (1 casus, 1 melding, 1 persoon)"));
  CHECK(contains(leesmij, "3 records (1 case, 1 signal, 1 person)"));
  CHECK(contains(leesmij, "minisign -Vm shop.age -p gemeente.pub"));
  CHECK(contains(leesmij, key_id));
  CHECK_FALSE(contains(leesmij, kVictimName));
}

TEST_CASE("the register records the export: fields, pseudonymised, generalised, withheld, hashes",
          "[sharing][register]") {
  SharingWorld w;
  fs::path out = w.path("ai.age");
  Result<ShareReceipt> receipt =
      export_share(w.s(), "arbeidsinspectie", "labour_signal", case_target(w.case_id()), out);
  MK_REQUIRE_OK(receipt);
  Result<std::vector<vault::Disclosure>> all = list_disclosures(w.s());
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  const vault::Disclosure& d = all->front();
  CHECK(d.id == receipt->disclosure_id);
  CHECK(d.partner == "arbeidsinspectie");
  CHECK(d.partner_kind == "labour_inspection");
  CHECK(d.purpose == "labour_signal");
  CHECK(d.package_sha256 == receipt->sha256);
  CHECK(d.package_sha256 == sha256_hex(testing::read_file_bytes(out)));
  CHECK(d.policy_hash ==
        sha256_hex(testing::read_file_bytes(default_policy_dir() / "sharing.json")));
  CHECK(d.record_count == 4);  // case, signal, victim, suspect
  CHECK(d.person_ids == std::vector<std::string>{std::min(w.victim(), w.suspect()),
                                                 std::max(w.victim(), w.suspect())});
  CHECK(d.case_ids == std::vector<std::string>{w.case_id()});
  CHECK(d.signal_ids == std::vector<std::string>{w.signal()});
  // Victims pseudonymised with birth date and address generalised; suspects named.
  CHECK(d.pseudonymised == std::vector<std::string>{"name"});
  CHECK(d.generalised == std::vector<std::string>{"address", "date_of_birth"});
  auto has = [](const std::vector<std::string>& v, const char* s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  CHECK(has(d.fields, "name"));  // the suspect's
  CHECK(has(d.fields, "signal.indicators"));
  CHECK_FALSE(has(d.fields, "bsn"));
  CHECK(has(d.withheld, "bsn"));
  CHECK(has(d.withheld, "signal.narrative"));
  CHECK(has(d.withheld, "case.summary"));
  CHECK(d.actor == "coordinator");
}

TEST_CASE("an export is audited with the reads it made, and the register entry", "[sharing]") {
  SharingWorld w;
  Result<ShareReceipt> receipt =
      export_share(w.s(), "police", "report", case_target(w.case_id()), w.path("p.age"));
  MK_REQUIRE_OK(receipt);
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(w.s(), {});
  MK_REQUIRE_OK(entries);
  auto count = [&](const std::string& action, const std::string& object) {
    return std::count_if(entries->begin(), entries->end(), [&](const vault::AuditEntry& e) {
      return e.action == action && (object.empty() || e.object == object);
    });
  };
  CHECK(count("disclosure.record", receipt->disclosure_id) == 1);
  CHECK(count("person.read", w.victim()) == 1);
  CHECK(count("person.read", w.suspect()) == 1);
  CHECK(count("signal.read", w.signal()) == 1);  // the police get the narrative
  CHECK(count("case.read", w.case_id()) == 1);   // and the summary
}

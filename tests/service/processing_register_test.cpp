// The register of processing activities (AVG art. 30) is generated from the policy files in force:
// every partner and every retention rule appears as the loaded policies say, special and criminal
// data are marked on the right categories, and editing a policy file changes the register there
// and nowhere else.
#include "service/processing_register.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "base/bytes.hpp"
#include "base/json.hpp"
#include "policies/retention_policy.hpp"
#include "policies/sharing_policy.hpp"
#include "service/audit.hpp"
#include "service_fixture.hpp"
#include "vault/schema.hpp"

namespace mk::service::test {
namespace {

namespace fs = std::filesystem;

const Instant kGenerated = instant_of(Date{2026, 11, 29}, 9);

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
}

// Replaces the one occurrence of `from` in the file with `to`.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = slurp(file);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  spit(file, text);
}

// A copy of the shipped policy folder, for editing.
fs::path copy_policies(const fs::path& temp) {
  const fs::path dir = temp / "policies";
  fs::create_directories(dir);
  for (const fs::directory_entry& e : fs::directory_iterator(default_policy_dir())) {
    if (e.path().extension() == ".json") fs::copy_file(e.path(), dir / e.path().filename());
  }
  return dir;
}

reports::ProcessingRegister build(const fs::path& dir, Session* session = nullptr) {
  Result<reports::ProcessingRegister> r = build_processing_register(dir, kGenerated, session);
  MK_REQUIRE_OK(r);
  return std::move(*r);
}

const reports::RegisterRecipient* find_recipient(const reports::ProcessingRegister& r,
                                                 const std::string& id) {
  for (const reports::RegisterRecipient& x : r.recipients)
    if (x.id == id) return &x;
  return nullptr;
}

const reports::SubjectCategory& subject(const reports::ProcessingRegister& r,
                                        const std::string& id) {
  for (const reports::SubjectCategory& s : r.subjects)
    if (s.id == id) return s;
  FAIL("no data subject category " << id);
  return r.subjects.front();
}

const reports::DataCategory* category(const reports::SubjectCategory& s, const std::string& id) {
  for (const reports::DataCategory& d : s.data)
    if (d.id == id) return &d;
  return nullptr;
}

json::Value parsed(const reports::ProcessingRegister& r) {
  Result<json::Value> v = json::parse(reports::render_processing_register_json(r));
  MK_REQUIRE_OK(v);
  return std::move(*v);
}

}  // namespace

TEST_CASE("the register lists every partner and purpose of the shipped sharing.json",
          "[service][register]") {
  Result<policies::SharingPolicy> sharing =
      policies::load_sharing_policy((default_policy_dir() / "sharing.json").string());
  MK_REQUIRE_OK(sharing);
  const reports::ProcessingRegister r = build(default_policy_dir());
  std::size_t purposes = 0;
  for (const policies::SharingPartner& p : sharing->partners()) {
    for (const policies::SharingPurpose& u : p.purposes) {
      ++purposes;
      const std::string id = p.id + "/" + u.id;
      INFO(id);
      const reports::RegisterRecipient* x = find_recipient(r, id);
      REQUIRE(x != nullptr);
      CHECK(x->name.nl == p.name_nl);
      CHECK(x->name.en == p.name_en);
      CHECK(x->kind == p.kind);
      CHECK(x->legal_basis == u.legal_basis);
      CHECK(x->legal_basis_reference == u.legal_basis_reference);
      CHECK(x->consent_required == u.consent.required);
      CHECK(x->record_fields == u.record_fields);
      REQUIRE(x->roles.size() == u.roles.size());
      for (std::size_t i = 0; i < u.roles.size(); ++i) {
        CHECK(x->roles[i].role == u.roles[i].role);
        std::vector<std::pair<std::string, std::string>> sent, listed;
        for (const auto& [field, fate] : u.roles[i].fields)
          if (fate != policies::FieldFate::kWithhold)
            sent.emplace_back(field, std::string(policies::enum_name(fate)));
        for (const reports::RecipientField& f : x->roles[i].fields)
          listed.emplace_back(f.name, f.fate);
        CHECK(listed == sent);
      }
      // Each sharing purpose is a purpose of the register, with that recipient.
      bool purpose_found = false;
      for (const reports::RegisterPurpose& q : r.purposes)
        purpose_found |= q.id == id && q.legal_basis == u.legal_basis && q.recipients.size() == 1 &&
                         q.recipients[0] == id;
      CHECK(purpose_found);
    }
  }
  CHECK(r.recipients.size() == purposes);
  REQUIRE(r.purposes.size() == purposes + 1);
  CHECK(r.purposes.front().id == "core");
  CHECK(r.purposes.front().recipients.empty());

  // The JSON names every partner too.
  const json::Value v = parsed(r);
  const json::Array& recipients = v.find("recipients")->as_array();
  for (const policies::SharingPartner& p : sharing->partners()) {
    bool found = false;
    for (const json::Value& x : recipients)
      found |= x.find("partner")->as_string() == p.id &&
               x.find("name")->find("nl")->as_string() == p.name_nl;
    CHECK(found);
  }
}

TEST_CASE("the register lists every rule of the shipped retention.json", "[service][register]") {
  Result<policies::RetentionPolicy> retention =
      policies::load_retention_policy((default_policy_dir() / "retention.json").string());
  MK_REQUIRE_OK(retention);
  const reports::ProcessingRegister r = build(default_policy_dir());
  REQUIRE(r.retention.size() == retention->rules().size());
  for (std::size_t i = 0; i < r.retention.size(); ++i) {
    const policies::RetentionRule& rule = retention->rules()[i];
    const reports::RegisterRetention& x = r.retention[i];
    INFO(rule.id);
    CHECK(x.id == rule.id);
    CHECK(x.record_class == policies::enum_name(rule.record_class));
    CHECK(x.roles == rule.roles);
    CHECK(x.outcomes == rule.outcomes);
    CHECK(x.not_disclosed_to == rule.not_disclosed_to);
    CHECK(x.trigger == policies::enum_name(rule.trigger));
    CHECK(x.period == policies::format_iso_period(rule.period));
    CHECK(x.action == policies::enum_name(rule.action));
    CHECK(x.reference == rule.reference);
    CHECK(x.confirmed == rule.confirmed);
  }
  // The policy files it was made from, by their SHA-256.
  REQUIRE(r.policy_files.size() == 3);
  CHECK(r.policy_files[0].file == "controller.json");
  CHECK(r.policy_files[1].file == "sharing.json");
  CHECK(r.policy_files[2].sha256 == retention->hash());
  CHECK_FALSE(r.vault.has_value());
  CHECK(parsed(r).find("vault")->is_null());
}

TEST_CASE("the register marks special and criminal data on the right categories",
          "[service][register]") {
  const reports::ProcessingRegister r = build(default_policy_dir());
  // Every category of a suspect's data is criminal data (art. 10), none special.
  const reports::SubjectCategory& suspect = subject(r, "suspect");
  REQUIRE_FALSE(suspect.data.empty());
  for (const reports::DataCategory& d : suspect.data) {
    INFO(d.id);
    REQUIRE(d.criminal.has_value());
    CHECK(d.criminal->article == "AVG art. 10");
    CHECK_FALSE(d.special.has_value());
  }
  // A victim's signal, case and help requests are special (art. 9); their identity is not, and
  // nothing about a victim is criminal data.
  const reports::SubjectCategory& victim = subject(r, "victim");
  for (const char* id : {"signal", "case", "help_request"}) {
    INFO(id);
    const reports::DataCategory* d = category(victim, id);
    REQUIRE(d != nullptr);
    REQUIRE(d->special.has_value());
    CHECK(d->special->article == "AVG art. 9");
  }
  CHECK_FALSE(category(victim, "identity")->special.has_value());
  for (const reports::DataCategory& d : victim.data)
    CHECK_FALSE(d.criminal.has_value());
  // Reporters and other persons carry no marks; the BSN and names are encrypted per field.
  for (const char* id : {"reporter", "other", "staff"}) {
    for (const reports::DataCategory& d : subject(r, id).data) {
      CHECK_FALSE(d.special.has_value());
      CHECK_FALSE(d.criminal.has_value());
    }
  }
  const reports::DataCategory* bsn = category(subject(r, "reporter"), "bsn");
  REQUIRE(bsn != nullptr);
  CHECK(bsn->fields.at(0).encrypted);
  // Only roles some purpose may send have disclosures; only those needing consent have consents.
  CHECK(category(victim, "consent") != nullptr);
  CHECK(category(suspect, "consent") == nullptr);
  CHECK(category(subject(r, "reporter"), "disclosure") == nullptr);

  // Recipients: the police receive criminal data (suspects); SHOP receives victims with their
  // forms and indicators (special) and no suspects.
  const reports::RegisterRecipient* police = find_recipient(r, "police/report");
  REQUIRE(police != nullptr);
  CHECK(police->criminal.has_value());
  const reports::RegisterRecipient* shop = find_recipient(r, "shop/care_referral");
  REQUIRE(shop != nullptr);
  CHECK(shop->special.has_value());
  CHECK_FALSE(shop->criminal.has_value());
  // In the JSON, marks are objects or null.
  const json::Value v = parsed(r);
  for (const json::Value& s : v.find("data_subjects")->as_array()) {
    if (s.find("id")->as_string() != "suspect") continue;
    for (const json::Value& d : s.find("data")->as_array())
      CHECK(d.find("criminal")->find("article")->as_string() == "AVG art. 10");
  }
}

TEST_CASE("editing a retention period and a partner's fields changes the register there only",
          "[service][register]") {
  TempDir temp;
  const fs::path dir = copy_policies(temp.path());
  const reports::ProcessingRegister before = build(dir);

  // The reporter's rule goes from one year to two; SHOP no longer receives a victim's phone.
  edit(dir / "retention.json",
       "\"roles\": [\"reporter\"],\n      \"trigger\": \"closed\",\n      \"period\": \"P1Y\"",
       "\"roles\": [\"reporter\"],\n      \"trigger\": \"closed\",\n      \"period\": \"P2Y\"");
  edit(dir / "sharing.json",
       "\"role\": \"victim\",\n              \"include\": [\"name\", \"date_of_birth\", "
       "\"nationality\", \"address\", \"phone\"],\n              \"withhold\": [\"bsn\", "
       "\"document_number\"]\n            }\n          ],\n          \"record_fields\": "
       "[\"signal.received\", \"signal.forms\", \"signal.indicators\", \"signal.minor\", "
       "\"case.summary\"]",
       "\"role\": \"victim\",\n              \"include\": [\"name\", \"date_of_birth\", "
       "\"nationality\", \"address\"],\n              \"withhold\": [\"bsn\", "
       "\"document_number\", \"phone\"]\n            }\n          ],\n          \"record_fields\": "
       "[\"signal.received\", \"signal.forms\", \"signal.indicators\", \"signal.minor\", "
       "\"case.summary\"]");
  const reports::ProcessingRegister after = build(dir);

  const json::Value a = parsed(before), b = parsed(after);
  // Nothing else changed: every other part of the register is the same, byte for byte.
  for (const char* key : {"format", "generated", "controller", "dpo", "activity", "purposes",
                          "data_subjects", "security_measures", "vault"}) {
    INFO(key);
    CHECK(json::serialize(*a.find(key)) == json::serialize(*b.find(key)));
  }
  // The hashes of the two edited files changed, the controller file's did not.
  const json::Array& files_a = a.find("policy_files")->as_array();
  const json::Array& files_b = b.find("policy_files")->as_array();
  REQUIRE(files_a.size() == files_b.size());
  for (std::size_t i = 0; i < files_a.size(); ++i) {
    const std::string file = files_a[i].find("file")->as_string();
    const bool edited = file == "sharing.json" || file == "retention.json";
    CHECK((files_a[i].find("sha256")->as_string() != files_b[i].find("sha256")->as_string()) ==
          edited);
  }
  // Exactly one retention rule differs, in its period only.
  const json::Array& rules_a = a.find("retention")->as_array();
  const json::Array& rules_b = b.find("retention")->as_array();
  REQUIRE(rules_a.size() == rules_b.size());
  std::vector<std::string> changed;
  for (std::size_t i = 0; i < rules_a.size(); ++i) {
    if (json::serialize(rules_a[i]) == json::serialize(rules_b[i])) continue;
    changed.push_back(rules_b[i].find("id")->as_string());
    CHECK(rules_a[i].find("period")->as_string() == "P1Y");
    CHECK(rules_b[i].find("period")->as_string() == "P2Y");
  }
  CHECK(changed == std::vector<std::string>{"person-reporter"});
  // Exactly one recipient differs: SHOP, whose victim field list lost the phone.
  const json::Array& rec_a = a.find("recipients")->as_array();
  const json::Array& rec_b = b.find("recipients")->as_array();
  REQUIRE(rec_a.size() == rec_b.size());
  changed.clear();
  for (std::size_t i = 0; i < rec_a.size(); ++i) {
    if (json::serialize(rec_a[i]) != json::serialize(rec_b[i]))
      changed.push_back(rec_b[i].find("id")->as_string());
  }
  CHECK(changed == std::vector<std::string>{"shop/care_referral"});
  const reports::RegisterRecipient* shop_a = find_recipient(before, "shop/care_referral");
  const reports::RegisterRecipient* shop_b = find_recipient(after, "shop/care_referral");
  REQUIRE(shop_a != nullptr);
  REQUIRE(shop_b != nullptr);
  REQUIRE(shop_a->roles.size() == 1);
  REQUIRE(shop_b->roles.size() == 1);
  CHECK(shop_a->roles[0].fields.size() == shop_b->roles[0].fields.size() + 1);
  CHECK(shop_a->roles[0].fields.back().name == "phone");
  for (const reports::RecipientField& f : shop_b->roles[0].fields)
    CHECK(f.name != "phone");
}

TEST_CASE("a missing or invalid controller.json stops the register", "[service][register]") {
  TempDir temp;
  const fs::path dir = copy_policies(temp.path());
  fs::remove(dir / "controller.json");
  Result<reports::ProcessingRegister> r = build_processing_register(dir, kGenerated);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == Code::kNotFound);

  spit(dir / "controller.json", "{\"format\": \"meldkluis-controller/1\", \"controler\": {}}");
  r = build_processing_register(dir, kGenerated);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == Code::kPolicyInvalid);
  CHECK(r.status().message().find("unknown key \"controler\"") != std::string::npos);
}

TEST_CASE("with a vault the register adds its metadata and the writing is audited",
          "[service][register]") {
  TestSession t(Date{2026, 11, 29});
  const reports::ProcessingRegister r = build(default_policy_dir(), &t.s());
  REQUIRE(r.vault.has_value());
  const Bytes& id = t.s().vault().vault_id();
  CHECK(r.vault->vault_id == to_hex(ByteView(id.data(), id.size())));
  CHECK(r.vault->schema_version == vault::current_schema_version());
  using Slots = std::vector<std::pair<std::string, int>>;
  CHECK(r.vault->slots_by_role == Slots{{"coordinator", 1}, {"compliance", 0}, {"recovery", 1}});

  const fs::path out = t.temp() / "verwerkingsregister.json";
  MK_REQUIRE_OK(write_processing_register(default_policy_dir(), kGenerated, &t.s(), out,
                                          RegisterFormat::kJson));
  const std::string written = slurp(out);
  CHECK(written == reports::render_processing_register_json(r));
  Result<std::vector<vault::AuditEntry>> log = list_audit_entries(t.s(), vault::AuditQuery{});
  MK_REQUIRE_OK(log);
  CHECK(log->back().action == "report.register");

  // An existing file is never replaced.
  Result<reports::ProcessingRegister> again = write_processing_register(
      default_policy_dir(), kGenerated, nullptr, out, RegisterFormat::kJson);
  REQUIRE_FALSE(again.is_ok());
  CHECK(again.status().code() == Code::kConflict);
  CHECK(slurp(out) == written);
}

TEST_CASE("the register's format follows --format or the file name", "[service][register]") {
  CHECK(parse_register_format("pdf") == RegisterFormat::kPdf);
  CHECK(parse_register_format("json") == RegisterFormat::kJson);
  CHECK_FALSE(parse_register_format("PDF ").has_value());
  CHECK(register_format_for("register.PDF") == RegisterFormat::kPdf);
  CHECK(register_format_for("/tmp/x/register.json") == RegisterFormat::kJson);
  CHECK_FALSE(register_format_for("register.txt").has_value());
  CHECK_FALSE(register_format_for("register").has_value());
}

}  // namespace mk::service::test

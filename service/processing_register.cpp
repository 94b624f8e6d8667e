#include "service/processing_register.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "base/bytes.hpp"
#include "policies/controller_policy.hpp"
#include "policies/retention_policy.hpp"
#include "policies/sharing_policy.hpp"
#include "reports/processing_register_pdf.hpp"
#include "service/new_file.hpp"
#include "service/security_measures.hpp"
#include "vault/help_request_store.hpp"
#include "vault/person.hpp"
#include "vault/role.hpp"
#include "vault/schema.hpp"

namespace mk::service {

namespace {

using reports::DataCategory;
using reports::DataMark;
using reports::Label;
using reports::RegisterField;

constexpr std::string_view kCorePurpose = "core";
constexpr std::string_view kStaff = "staff";

const DataMark kSuspectCriminal{"AVG art. 10",
                                "suspected of human trafficking (art. 273f Sr); UAVG art. 33"};
const DataMark kVictimSignalSpecial{
    "AVG art. 9",
    "forms of exploitation, indicators (physical and sexual abuse) and narratives can reveal sex "
    "life and health"};
const DataMark kVictimCaseSpecial{
    "AVG art. 9", "the case summary and closure note can reveal sex life and health"};
const DataMark kHelpSpecial{"AVG art. 9", "a help request of kind medical reveals a health need"};
const DataMark kRecipientSuspects{"AVG art. 10", "receives data on suspects"};
const DataMark kRecipientInvestigates{"AVG art. 10",
                                      "receives reports of a suspected offence (art. 273f Sr)"};
const DataMark kRecipientSpecial{
    "AVG art. 9",
    "receives victims with forms, indicators, assessments, narratives or case summaries"};

// Partner kinds that investigate offences: whatever they receive reports a suspected offence.
constexpr std::array<std::string_view, 2> kInvestigatingKinds = {"police", "labour_inspection"};
// Record fields that carry art. 9 data about a victim (see kVictimSignalSpecial).
constexpr std::array<std::string_view, 5> kSpecialRecordFields = {
    "signal.forms", "signal.indicators", "signal.nature", "signal.narrative", "case.summary"};
// Record fields the vault seals field by field (vault/signal.hpp, vault/case.hpp).
constexpr std::array<std::string_view, 3> kEncryptedRecordFields = {
    "signal.nature", "signal.narrative", "case.summary"};

template <typename Array>
bool contains(const Array& items, std::string_view s) {
  return std::find(items.begin(), items.end(), s) != items.end();
}

Label role_label(std::string_view role) {
  if (role == "victim") return {"Slachtoffer (mogelijk)", "Victim (possible)"};
  if (role == "suspect") return {"Verdachte", "Suspect"};
  if (role == "reporter") return {"Melder", "Reporter"};
  if (role == "other") return {"Overige betrokkene", "Other person"};
  if (role == kStaff) return {"Medewerkers (sleutelsloten)", "Staff (key slots)"};
  return {std::string(role), std::string(role)};
}

DataCategory identity() {
  DataCategory d{"identity", {"Identiteitsgegevens", "Identity data"}, {}, {}, {}};
  for (vault::PersonField f : vault::kPersonFields) {
    if (f == vault::PersonField::kBsn) continue;
    d.fields.push_back({std::string(vault::person_field_name(f)), true});
  }
  return d;
}

DataCategory bsn() {
  return {"bsn",
          {"Burgerservicenummer (UAVG art. 46)", "Citizen service number (UAVG art. 46)"},
          {{std::string(vault::person_field_name(vault::PersonField::kBsn)), true}},
          {},
          {}};
}

// The signal's or the case's record fields (prefix "signal." or "case."), as the policy names them.
DataCategory record(std::string_view prefix, std::string id, Label label) {
  DataCategory d{std::move(id), std::move(label), {}, {}, {}};
  for (std::string_view f : policies::kRecordFieldNames) {
    if (f.starts_with(prefix))
      d.fields.push_back({std::string(f), contains(kEncryptedRecordFields, f)});
  }
  return d;
}

DataCategory signal() {
  return record("signal.", "signal", {"Meldingsgegevens", "Signal data"});
}

DataCategory case_data() {
  DataCategory d = record("case.", "case", {"Casusgegevens", "Case data"});
  d.fields.push_back({"case.closure_note", true});
  return d;
}

DataCategory help_request() {
  std::string kinds;
  bool medical = false;
  for (vault::HelpKind k : vault::kHelpKinds) {
    kinds += (kinds.empty() ? "" : "|") + std::string(vault::enum_name(k));
    medical = medical || k == vault::HelpKind::kMedical;
  }
  DataCategory d{"help_request",
                 {"Hulpverzoeken", "Help requests"},
                 {{"help_request.kind (" + kinds + ")", false},
                  {"help_request.team", false},
                  {"help_request.due", false},
                  {"help_request.status", false}},
                 {},
                 {}};
  if (medical) d.special = kHelpSpecial;
  return d;
}

DataCategory consent() {
  return {"consent",
          {"Toestemmingen", "Consents"},
          {{"consent.partner", false},
           {"consent.purpose", false},
           {"consent.signer", false},
           {"consent.given", false},
           {"consent.withdrawn", false}},
          {},
          {}};
}

DataCategory disclosure() {
  return {"disclosure",
          {"Verstrekkingen", "Disclosures"},
          {{"disclosure.partner", false},
           {"disclosure.purpose", false},
           {"disclosure.legal_basis", false},
           {"disclosure.fields", false},
           {"disclosure.date", false},
           {"pseudonym", false}},
          {},
          {}};
}

DataCategory audit() {
  return {"audit",
          {"Auditlog", "Audit log"},
          {{"audit.actor (slot name)", false},
           {"audit.role", false},
           {"audit.time", false},
           {"audit.origin (host)", false},
           {"audit.action", false},
           {"audit.reason", false}},
          {},
          {}};
}

// Per person role, the categories the vault holds, marked; consents and disclosures for the roles
// the sharing policy can send (with consent, respectively at all).
std::vector<reports::SubjectCategory> subjects(const policies::SharingPolicy& sharing) {
  std::set<std::string> sent, consented;
  for (const policies::SharingPartner& p : sharing.partners()) {
    for (const policies::SharingPurpose& u : p.purposes) {
      for (const auto& r : u.roles) {
        sent.insert(r.role);
        if (u.consent.required) consented.insert(r.role);
      }
    }
  }
  std::vector<reports::SubjectCategory> out;
  for (std::string_view role : policies::kPersonRoles) {
    reports::SubjectCategory s{std::string(role), role_label(role), {}};
    s.data = {identity(), bsn(), signal(), case_data()};
    if (role == "victim") {
      s.data[2].special = kVictimSignalSpecial;
      s.data[3].special = kVictimCaseSpecial;
      s.data.push_back(help_request());
    }
    if (consented.count(s.id)) s.data.push_back(consent());
    if (sent.count(s.id)) s.data.push_back(disclosure());
    if (role == "suspect") {
      for (DataCategory& d : s.data)
        d.criminal = kSuspectCriminal;
    }
    out.push_back(std::move(s));
  }
  out.push_back({std::string(kStaff), role_label(kStaff), {audit()}});
  return out;
}

reports::RegisterRecipient recipient(const policies::SharingPartner& p,
                                     const policies::SharingPurpose& u) {
  reports::RegisterRecipient r;
  r.id = p.id + "/" + u.id;
  r.partner = p.id;
  r.kind = p.kind;
  r.name = {p.name_nl, p.name_en};
  r.purpose = {u.label_nl, u.label_en};
  r.legal_basis = u.legal_basis;
  r.legal_basis_reference = u.legal_basis_reference;
  r.consent_required = u.consent.required;
  r.consent_self_from_age = u.consent.self_from_age;
  r.consent_reference = u.consent.reference;
  r.minors = std::string(policies::enum_name(u.minors));
  r.minors_reference = u.minors_reference;
  bool victims = false, suspects = false;
  for (const auto& role : u.roles) {
    reports::RecipientRole out{role.role, {}};
    for (const auto& [field, fate] : role.fields) {
      if (fate == policies::FieldFate::kWithhold) continue;
      out.fields.push_back({field, std::string(policies::enum_name(fate))});
    }
    victims = victims || role.role == "victim";
    suspects = suspects || role.role == "suspect";
    r.roles.push_back(std::move(out));
  }
  r.record_fields = u.record_fields;
  bool special_fields = false;
  for (const std::string& f : u.record_fields)
    special_fields = special_fields || contains(kSpecialRecordFields, f);
  if (victims && special_fields) r.special = kRecipientSpecial;
  if (suspects) {
    r.criminal = kRecipientSuspects;
  } else if (contains(kInvestigatingKinds, p.kind)) {
    r.criminal = kRecipientInvestigates;
  }
  return r;
}

reports::RegisterRetention retention_rule(const policies::RetentionRule& rule) {
  reports::RegisterRetention r;
  r.id = rule.id;
  r.record_class = std::string(policies::enum_name(rule.record_class));
  r.roles = rule.roles;
  r.outcomes = rule.outcomes;
  r.disclosed_to = rule.disclosed_to;
  r.not_disclosed_to = rule.not_disclosed_to;
  r.trigger = std::string(policies::enum_name(rule.trigger));
  r.period = policies::format_iso_period(rule.period);
  r.action = std::string(policies::enum_name(rule.action));
  r.reference = rule.reference;
  r.note = rule.note;
  r.confirmed = rule.confirmed;
  return r;
}

reports::VaultMetadata vault_metadata(Session& s) {
  reports::VaultMetadata v;
  const Bytes& id = s.vault().vault_id();
  v.vault_id = to_hex(ByteView(id.data(), id.size()));
  // Opening a vault migrates it, so an open vault is at this build's schema version.
  v.schema_version = vault::current_schema_version();
  const std::vector<vault::SlotInfo> slots = s.vault().list_slots();
  for (vault::Role role :
       {vault::Role::kCoordinator, vault::Role::kCompliance, vault::Role::kRecovery}) {
    const auto n = std::count_if(slots.begin(), slots.end(),
                                 [&](const vault::SlotInfo& slot) { return slot.role == role; });
    v.slots_by_role.emplace_back(std::string(vault::role_name(role)), static_cast<int>(n));
  }
  return v;
}

}  // namespace

Result<reports::ProcessingRegister> build_processing_register(
    const std::filesystem::path& policy_dir, Instant generated, Session* session) {
  MK_ASSIGN_OR_RETURN(
      policies::ControllerPolicy controller,
      policies::load_controller_policy((policy_dir / std::string(kControllerFile)).string()));
  MK_ASSIGN_OR_RETURN(policies::SharingPolicy sharing,
                      policies::load_sharing_policy((policy_dir / "sharing.json").string()));
  MK_ASSIGN_OR_RETURN(policies::RetentionPolicy retention,
                      policies::load_retention_policy((policy_dir / "retention.json").string()));

  reports::ProcessingRegister r;
  r.generated = generated;
  const policies::ControllerParty& c = controller.controller();
  r.controller = {c.name, c.address, c.contact, c.confirmed};
  r.dpo = {controller.dpo().name, "", controller.dpo().contact, controller.dpo().confirmed};
  const policies::ProcessingActivity& a = controller.activity();
  r.activity = {a.name_nl, a.name_en};
  r.description = {a.description_nl, a.description_en};
  r.third_countries = a.third_countries;
  r.subjects = subjects(sharing);

  reports::RegisterPurpose core{std::string(kCorePurpose),
                                {a.core_purpose_nl, a.core_purpose_en},
                                a.legal_basis,
                                a.legal_basis_reference,
                                {},
                                {}};
  for (const reports::SubjectCategory& s : r.subjects)
    core.subjects.push_back(s.id);
  r.purposes.push_back(std::move(core));
  for (const policies::SharingPartner& p : sharing.partners()) {
    for (const policies::SharingPurpose& u : p.purposes) {
      r.recipients.push_back(recipient(p, u));
      reports::RegisterPurpose purpose{r.recipients.back().id,
                                       {u.label_nl, u.label_en},
                                       u.legal_basis,
                                       u.legal_basis_reference,
                                       {},
                                       {r.recipients.back().id}};
      for (const auto& role : u.roles)
        purpose.subjects.push_back(role.role);
      r.purposes.push_back(std::move(purpose));
    }
  }
  for (const policies::RetentionRule& rule : retention.rules())
    r.retention.push_back(retention_rule(rule));
  r.measures = security_measures();
  r.policy_files = {{std::string(kControllerFile), controller.hash()},
                    {"sharing.json", sharing.hash()},
                    {"retention.json", retention.hash()}};
  if (session != nullptr) r.vault = vault_metadata(*session);
  return r;
}

std::optional<RegisterFormat> parse_register_format(std::string_view name) {
  if (name == "pdf") return RegisterFormat::kPdf;
  if (name == "json") return RegisterFormat::kJson;
  return std::nullopt;
}

std::optional<RegisterFormat> register_format_for(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  if (ext.empty()) return std::nullopt;
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return parse_register_format(std::string_view(ext).substr(1));
}

Result<reports::ProcessingRegister> write_processing_register(
    const std::filesystem::path& policy_dir, Instant generated, Session* session,
    const std::filesystem::path& out, RegisterFormat format) {
  std::error_code ec;
  if (std::filesystem::symlink_status(out, ec).type() != std::filesystem::file_type::not_found) {
    return conflict("a file exists at the register's path; nothing was written");
  }
  MK_ASSIGN_OR_RETURN(reports::ProcessingRegister r,
                      build_processing_register(policy_dir, generated, session));
  std::string bytes;
  if (format == RegisterFormat::kPdf) {
    MK_ASSIGN_OR_RETURN(bytes, reports::render_processing_register_pdf(r));
  } else {
    bytes = reports::render_processing_register_json(r);
  }
  if (session == nullptr) {
    MK_RETURN_IF_ERROR(write_new_file(out, as_bytes(bytes)));
    return r;
  }
  bool written = false;
  Status st = session->transact("report.register", [&](vault::UnitOfWork& uow) -> Status {
    uow.record({"report.register", "", ""});
    MK_RETURN_IF_ERROR(write_new_file(out, as_bytes(bytes)));
    written = true;
    return Status();
  });
  if (!st.is_ok()) {
    if (written) std::filesystem::remove(out, ec);  // the audit entry did not commit
    return st;
  }
  return r;
}

}  // namespace mk::service

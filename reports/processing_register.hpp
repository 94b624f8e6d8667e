// The register of processing activities (AVG art. 30) as plain data: the controller and its data
// protection officer, the purposes with their legal bases, the categories of data subjects and of
// data (special categories, art. 9, and criminal data, art. 10, marked), the recipients with the
// fields each receives and their fate, the retention rules, the security measures, the policy
// files it was made from (by SHA-256) and, when made with a vault, that vault's metadata. The
// service layer fills it from the loaded policy objects (service/processing_register.hpp); it
// holds no personal data of any data subject. Rendered as JSON
// (docs/formats/processing-register.md) and as a PDF (processing_register_pdf.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "reports/label.hpp"

namespace mk::reports {

// The `format` member of the JSON.
inline constexpr std::string_view kProcessingRegisterFormat = "meldkluis-processing-register/1";

// A marking of special (AVG art. 9) or criminal (art. 10) data: the article and why it applies.
struct DataMark {
  std::string article;  // "AVG art. 9", "AVG art. 10"
  std::string reason;   // "forms of exploitation and indicators can reveal sex life and health"
};

struct RegisterField {
  std::string name;        // as the policy files name it: "date_of_birth", "signal.narrative"
  bool encrypted = false;  // sealed field by field under the subject's key (not only the page)
};

// One category of data held about a category of data subjects.
struct DataCategory {
  std::string id;  // "identity", "bsn", "signal", "case", "help_request", "consent", "audit"
  Label label;
  std::vector<RegisterField> fields;
  std::optional<DataMark> special;   // art. 9
  std::optional<DataMark> criminal;  // art. 10
};

// A category of data subjects: a person role the vault knows, or the staff who use the vault.
struct SubjectCategory {
  std::string id;  // "victim", "suspect", "reporter", "other", "staff"
  Label label;
  std::vector<DataCategory> data;
};

// A purpose of the processing: the core purpose, or one partner's sharing purpose.
struct RegisterPurpose {
  std::string id;  // "core", or "partner/purpose" ("shop/care_referral")
  Label label;
  std::string legal_basis;
  std::string legal_basis_reference;
  std::vector<std::string> subjects;    // subject category ids the purpose concerns
  std::vector<std::string> recipients;  // "partner/purpose" ids of recipients; none for "core"
};

struct RecipientField {
  std::string name;
  std::string fate;  // "include", "pseudonymise", "generalise"
};

struct RecipientRole {
  std::string role;
  std::vector<RecipientField> fields;  // what the partner receives; every other field is withheld
};

// One partner for one purpose, as the disclosure policy allows it.
struct RegisterRecipient {
  std::string id;  // "partner/purpose"
  std::string partner;
  std::string kind;  // the partner kind: "police", "care_coordination" ...
  Label name;
  Label purpose;
  std::string legal_basis;
  std::string legal_basis_reference;
  bool consent_required = false;
  int consent_self_from_age = 16;  // meaningful when consent_required
  std::string consent_reference;
  std::string minors;  // "allow" or "refuse"
  std::string minors_reference;
  std::vector<RecipientRole> roles;
  std::vector<std::string> record_fields;
  std::optional<DataMark> special;   // art. 9 data goes to this recipient
  std::optional<DataMark> criminal;  // art. 10 data goes to this recipient
};

struct RegisterRetention {
  std::string id;
  std::string record_class;  // "signal", "case", "person", "disclosure", "audit_entry"
  std::vector<std::string> roles;
  std::vector<std::string> outcomes;
  std::vector<std::string> disclosed_to;
  std::vector<std::string> not_disclosed_to;
  std::string trigger;  // "closed", "last_activity", "received"
  std::string period;   // ISO 8601, canonical: "P5Y"
  std::string action;   // "shred", "deidentify"
  std::string reference;
  std::string note;  // "" when none
  bool confirmed = false;
};

struct SecurityMeasure {
  std::string id;  // "argon2id_key_slots"
  Label label;
  std::string description;  // what the code does, in English
  std::string reference;    // "SECURITY.md, Key hierarchy"
};

struct PolicyFileHash {
  std::string file;    // the file name within the policy folder: "sharing.json"
  std::string sha256;  // of its exact bytes, lowercase hex
};

// Facts about the vault the register was made with: no personal data.
struct VaultMetadata {
  std::string vault_id;  // lowercase hex
  int schema_version = 0;
  std::vector<std::pair<std::string, int>> slots_by_role;  // role name -> number of key slots
};

struct ControllerInfo {
  std::string name;
  std::string address;
  std::string contact;
  bool confirmed = false;
};

struct ProcessingRegister {
  Instant generated;
  ControllerInfo controller;
  ControllerInfo dpo;  // address unused ("")
  Label activity;
  Label description;
  std::string third_countries;
  std::vector<RegisterPurpose> purposes;
  std::vector<SubjectCategory> subjects;
  std::vector<RegisterRecipient> recipients;
  std::vector<RegisterRetention> retention;
  std::vector<SecurityMeasure> measures;
  std::vector<PolicyFileHash> policy_files;
  std::optional<VaultMetadata> vault;
};

// The register as pretty-printed JSON, members in a fixed order
// (docs/formats/processing-register.md):
//   {"format", "generated", "controller", "dpo", "activity", "purposes", "data_subjects",
//    "recipients", "retention", "security_measures", "policy_files", "vault" (null without one)}
std::string render_processing_register_json(const ProcessingRegister& r);

}  // namespace mk::reports

// The disclosure policy (policies/sharing.json): which partner may receive what, for which purpose,
// on which legal basis, with which consent. Nothing leaves the vault except through a rule here
// (DESIGN.md §2.4, §6). See docs/policies/sharing.md.
//
// The file declares the partners (id, kind, names) and, per partner, its purposes. A purpose
// carries its legal basis (AVG article and national basis, as text with reference), its consent
// requirement, its rule for minors, and the fate of every field: per person role for identity
// fields, and for the signal and case fields that travel with a referral. A field or role a
// purpose does not name is withheld: the file lists what goes, never what stays.
//
// This file knows nothing of the vault: persons, consents and dates come in as plain facts.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kSharingPolicyFormat = "meldkluis-sharing/1";

// What happens to one field in a package.
//   kInclude      the value as stored;
//   kPseudonymise the person appears under the partner's pseudonym instead (allowed for "name"
//                 only: the partner can refer back without learning who it is);
//   kGeneralise   date_of_birth -> year of birth; address -> the place (municipality) only;
//                 allowed for those two fields only;
//   kWithhold     left out, and the manifest says so and why.
enum class FieldFate { kInclude, kPseudonymise, kGeneralise, kWithhold };
std::string_view enum_name(FieldFate f);  // "include", "pseudonymise", "generalise", "withhold"
std::optional<FieldFate> parse_field_fate(std::string_view s);

// Person identity fields, as policy files name them (vault::person_field_name spells them alike):
// name, date_of_birth, nationality, bsn, document_number, address, phone.
bool is_person_field(std::string_view s);
// The same names, in this order: the fixed order of PersonVerdict::fields.
inline constexpr std::array<std::string_view, 7> kPersonFieldNames = {
    "name", "date_of_birth", "nationality", "bsn", "document_number", "address", "phone"};
// Record fields: the signal and case fields that travel with a referral, in this order.
bool is_record_field(std::string_view s);
inline constexpr std::array<std::string_view, 13> kRecordFieldNames = {
    "signal.received", "signal.source_kind", "signal.forms",  "signal.indicators", "signal.minor",
    "signal.scale",    "signal.severity",    "signal.nature", "signal.narrative",  "case.opened",
    "case.closed",     "case.status",        "case.summary"};

enum class ConsentSigner { kSelf, kParent, kGuardian };
std::string_view enum_name(ConsentSigner s);  // "self", "parent", "guardian"
std::optional<ConsentSigner> parse_consent_signer(std::string_view s);

// Minors (under 18 on the day of export): kAllow as adults; kRefuse: no export of a minor for this
// purpose (the reference says where minors go instead, e.g. Veilig Thuis). With kRefuse, a person
// whose date of birth is unknown is refused too: nobody can tell whether they are a minor.
enum class MinorsRule { kAllow, kRefuse };
std::string_view enum_name(MinorsRule r);  // "allow", "refuse"

struct ConsentRequirement {
  bool required = false;
  // From this age (on the day of export) the person signs themselves, and only they; younger, a
  // parent or guardian signs. CoMensha: 16 (REFERENCE.md §1). 12..18 in a valid file.
  int self_from_age = 16;
  std::string reference;
};

struct SharingPurpose {
  std::string id;  // a code: "care_referral", "registration", "report" ...
  std::string label_nl;
  std::string label_en;
  std::string legal_basis;            // "AVG art. 6(1)(e), 9(2)(g); Wmo 2015 art. 5.2.1 ..."
  std::string legal_basis_reference;  // where it is written down
  ConsentRequirement consent;
  MinorsRule minors = MinorsRule::kAllow;
  std::string minors_reference;
  // Person roles whose persons may travel in this purpose's packages; others are withheld whole.
  // Per role, the fate of each identity field (fields not named: withheld). Roles in file order,
  // each at most once; fields in the order of kPersonFieldNames, each at most once.
  struct RoleFields {
    std::string role;
    std::vector<std::pair<std::string, FieldFate>> fields;
  };
  std::vector<RoleFields> roles;
  std::vector<std::string> record_fields;  // included as they are; others withheld

  const RoleFields* find_role(std::string_view role) const;
};

struct SharingPartner {
  std::string id;    // a code: "shop", "comensha", "police" ...
  std::string kind;  // a partner kind (retention_policy.hpp's is_partner_kind)
  std::string name_nl;
  std::string name_en;
  std::vector<SharingPurpose> purposes;
};

// A consent as recorded in the vault, reduced to what the rule needs. A consent counts on a day
// when it was given on or before that day and not withdrawn on or before it.
struct ConsentFact {
  std::string partner;
  std::string purpose;
  ConsentSigner signer = ConsentSigner::kSelf;
  Date given{2000, 1, 1};
  std::optional<Date> withdrawn;
};

// One person as the evaluation sees them.
struct PersonFacts {
  std::string role;
  std::optional<Date> date_of_birth;  // absent when unknown
  bool restricted = false;            // AVG art. 18
  std::vector<ConsentFact> consents;
};

// The verdict on one person for one partner and purpose, on one day.
struct PersonVerdict {
  bool allowed = false;
  // When refused: why, in words a coordinator understands, naming the rule (never personal data):
  // "restricted (AVG art. 18)", "no consent recorded for comensha/registration",
  // "consent withdrawn on 2026-10-01", "under 16: consent must be signed by a parent or guardian",
  // "16 and over: consent must be signed by the person themselves", "date of birth unknown: cannot
  // tell who must consent", "minors are not sent to zvh/case_consultation (see ...)", "date of
  // birth unknown: cannot tell whether the person is a minor (minors are not sent to
  // zvh/case_consultation)", "role suspect is not shared for shop/care_referral".
  std::string refusal;
  // Every person field (kPersonFieldNames), in that order; all kWithhold when refused.
  std::vector<std::pair<std::string, FieldFate>> fields;
};

class SharingPolicy {
 public:
  const std::vector<SharingPartner>& partners() const { return partners_; }
  const SharingPartner* find_partner(std::string_view id) const;
  const SharingPurpose* find_purpose(std::string_view partner, std::string_view purpose) const;
  // Every "partner/purpose" pair, in file order: what a routing policy may name.
  std::vector<std::string> targets() const;

  // Decides for one person. Requires an existing partner and purpose (programmer error otherwise).
  // Order of checks: restriction, role, minors, consent.
  PersonVerdict decide(std::string_view partner, std::string_view purpose,
                       const PersonFacts& person, const Date& today) const;

  const std::string& hash() const { return hash_; }  // SHA-256 hex of the file's bytes
  const std::string& file() const { return file_; }

 private:
  friend Result<SharingPolicy> parse_sharing_policy(std::string_view, std::string_view);
  std::string file_;
  std::string hash_;
  std::vector<SharingPartner> partners_;
};

// Strict, as every policy file (strict_reader.hpp): kPolicyInvalid "FILE:LINE:COL: reason" for an
// unknown key, a wrong format ("meldkluis-sharing/1"), an unknown partner kind, role, field or
// record field; a fate not allowed for its field; a duplicate partner, purpose, role or field; an
// empty legal basis or reference; a consent age out of range. See docs/policies/sharing.md.
Result<SharingPolicy> parse_sharing_policy(std::string_view text, std::string_view file_name);
Result<SharingPolicy> load_sharing_policy(const std::string& path);

}  // namespace mk::policies

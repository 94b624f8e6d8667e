// parse_sharing_policy: the strict reading of the disclosure format documented in
// docs/policies/sharing.md. Partners, purposes and role entries are read shallowly with
// StrictObject (types, texts, unknown keys), then their names, limits and uniqueness are checked
// here, one object at a time in file order.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/retention_policy.hpp"
#include "policies/sharing_policy.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

constexpr std::int64_t kMinConsentAge = 12;
constexpr std::int64_t kMaxConsentAge = 18;

constexpr FieldFate kFates[] = {FieldFate::kInclude, FieldFate::kPseudonymise,
                                FieldFate::kGeneralise, FieldFate::kWithhold};

template <std::size_t N>
std::string listed(const std::array<std::string_view, N>& names) {
  std::string out;
  for (std::string_view n : names)
    out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

std::string minors_rule(std::string_view value) {
  if (value == enum_name(MinorsRule::kAllow) || value == enum_name(MinorsRule::kRefuse)) return {};
  return "must be \"allow\" or \"refuse\"";
}

std::string where(json::Position p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// Whether `fate` may be given to person field `field`; the reason completing
// "field \"x\" cannot be <fate>d ..." when not.
std::string fate_problem(FieldFate fate, std::string_view field) {
  if (fate == FieldFate::kPseudonymise && field != "name") {
    return "only \"name\" can be (the person then appears under the partner's pseudonym)";
  }
  if (fate == FieldFate::kGeneralise && field != "date_of_birth" && field != "address") {
    return "only \"date_of_birth\" (to the year) and \"address\" (to the municipality) can be";
  }
  return {};
}

std::string_view participle(FieldFate fate) {
  return fate == FieldFate::kPseudonymise ? "pseudonymised" : "generalised";
}

// Where each name of one kind was first seen, to report duplicates.
using Seen = std::map<std::string, json::Position, std::less<>>;

}  // namespace

// Builds a SharingPolicy from the parsed tree, one partner at a time. read_partner() either adds
// the partner or returns the first problem with it (or with one of its purposes); the caller stops
// at the first problem.
class SharingPolicyBuilder {
 public:
  explicit SharingPolicyBuilder(std::string_view file) : file_(file) {}

  Status read_partner(const json::Value& v) {
    StrictObject o(v, file_, "partner");
    SharingPartner p;
    p.id = o.string("id", code_rule);
    if (is_valid_code(p.id)) o.describe_as("partner " + quoted(p.id));
    const std::string kind = o.string("kind", nullptr);
    p.name_nl = o.string("name_nl", text_rule);
    p.name_en = o.string("name_en", text_rule);
    const json::Array& purposes = o.array("purposes", StrictObject::Items::kNonEmpty);
    MK_RETURN_IF_ERROR(o.finish());
    if (!is_partner_kind(kind)) {
      return policy_error(file_, o.position_of("kind"),
                          "unknown partner kind " + quoted(kind) + " in \"kind\" of " +
                              o.description() + " (known: " + listed(kPartnerKinds) + ")");
    }
    p.kind = kind;
    MK_RETURN_IF_ERROR(
        unique(partner_ids_, "partner id " + quoted(p.id), p.id, o.position_of("id")));
    Seen purpose_ids;
    for (const json::Value& u : purposes)
      MK_RETURN_IF_ERROR(read_purpose(u, p, purpose_ids));
    partners_.push_back(std::move(p));
    return Status::ok();
  }

  std::vector<SharingPartner> take() && { return std::move(partners_); }

 private:
  Status read_purpose(const json::Value& v, SharingPartner& partner, Seen& ids) {
    StrictObject o(v, file_, "purpose of partner " + quoted(partner.id));
    SharingPurpose u;
    u.id = o.string("id", code_rule);
    if (is_valid_code(u.id)) o.describe_as("purpose " + quoted(partner.id + "/" + u.id));
    u.label_nl = o.string("label_nl", text_rule);
    u.label_en = o.string("label_en", text_rule);
    u.legal_basis = o.string("legal_basis", text_rule);
    u.legal_basis_reference = o.string("legal_basis_reference", text_rule);
    u.consent.required = o.boolean("consent_required");
    const std::optional<std::int64_t> self_from =
        o.optional_integer("consent_self_from_age", kMinConsentAge, kMaxConsentAge);
    u.consent.reference = o.string("consent_reference", text_rule);
    const std::string minors = o.string("minors", minors_rule);
    u.minors_reference = o.string("minors_reference", text_rule);
    const json::Array& roles = o.array("roles", StrictObject::Items::kAny);
    const json::Array& record_fields = o.array("record_fields", StrictObject::Items::kAny);
    MK_RETURN_IF_ERROR(o.finish());
    u.minors = minors == enum_name(MinorsRule::kRefuse) ? MinorsRule::kRefuse : MinorsRule::kAllow;

    const std::string& what = o.description();
    if (u.consent.required && !self_from) {
      return policy_error(file_, o.position(),
                          "missing key \"consent_self_from_age\" in " + what +
                              " (required when \"consent_required\" is true)");
    }
    if (!u.consent.required && self_from) {
      return policy_error(file_, o.position_of("consent_self_from_age"),
                          "\"consent_self_from_age\" of " + what +
                              " applies only when \"consent_required\" is true");
    }
    if (self_from) u.consent.self_from_age = static_cast<int>(*self_from);
    MK_RETURN_IF_ERROR(
        unique(ids, "purpose " + quoted(partner.id + "/" + u.id), u.id, o.position_of("id")));

    Seen role_names;
    for (const json::Value& r : roles)
      MK_RETURN_IF_ERROR(read_role(r, what, u, role_names));
    MK_RETURN_IF_ERROR(read_record_fields(record_fields, what, u.record_fields));
    partner.purposes.push_back(std::move(u));
    return Status::ok();
  }

  // One entry of a purpose's "roles": a person role and the fields that go, by fate.
  Status read_role(const json::Value& v, const std::string& purpose, SharingPurpose& u,
                   Seen& roles) {
    StrictObject o(v, file_, "role entry of " + purpose);
    const std::string role = o.string("role", nullptr);
    if (is_person_role(role)) o.describe_as("role " + quoted(role) + " of " + purpose);
    const json::Array* lists[std::size(kFates)];
    for (std::size_t i = 0; i < std::size(kFates); ++i)
      lists[i] = o.optional_array(enum_name(kFates[i]), StrictObject::Items::kAny);
    MK_RETURN_IF_ERROR(o.finish());
    if (!is_person_role(role)) {
      return policy_error(file_, o.position_of("role"),
                          "unknown person role " + quoted(role) + " in " + o.description() +
                              " (known: " + listed(kPersonRoles) + ")");
    }
    MK_RETURN_IF_ERROR(
        unique(roles, "role " + quoted(role) + " in " + purpose, role, o.position_of("role")));

    const std::string& what = o.description();
    Seen fields;
    std::map<std::string, FieldFate, std::less<>> fates;
    for (std::size_t i = 0; i < std::size(kFates); ++i) {
      if (lists[i] == nullptr) continue;
      const FieldFate fate = kFates[i];
      const std::string key = quoted(enum_name(fate));
      if (lists[i]->empty()) {
        return policy_error(file_, o.position_of(enum_name(fate)),
                            key + " of " + what + " must not be empty (leave the key out)");
      }
      for (const json::Value& item : *lists[i]) {
        if (!item.is_string()) {
          return policy_error(file_, item.position(),
                              key + " of " + what + " must hold strings, found " +
                                  std::string(json::Value::type_name(item.type())));
        }
        const std::string& field = item.as_string();
        if (!is_person_field(field)) {
          return policy_error(file_, item.position(),
                              "unknown person field " + quoted(field) + " in " + key + " of " +
                                  what + " (known: " + listed(kPersonFieldNames) + ")");
        }
        const std::string problem = fate_problem(fate, field);
        if (!problem.empty()) {
          return policy_error(file_, item.position(),
                              "field " + quoted(field) + " cannot be " +
                                  std::string(participle(fate)) + " in " + what + ": " + problem);
        }
        MK_RETURN_IF_ERROR(
            unique(fields, "field " + quoted(field) + " in " + what, field, item.position()));
        fates.emplace(field, fate);
      }
    }
    const bool sends = std::any_of(fates.begin(), fates.end(),
                                   [](const auto& f) { return f.second != FieldFate::kWithhold; });
    if (!sends) {
      return policy_error(file_, o.position(),
                          what +
                              " sends no field: give at least one field to \"include\", "
                              "\"pseudonymise\" or \"generalise\" (leave the role out to withhold "
                              "its persons whole)");
    }
    SharingPurpose::RoleFields entry;
    entry.role = role;
    for (std::string_view name : kPersonFieldNames) {
      const auto it = fates.find(name);
      if (it != fates.end()) entry.fields.emplace_back(it->first, it->second);
    }
    u.roles.push_back(std::move(entry));
    return Status::ok();
  }

  Status read_record_fields(const json::Array& items, const std::string& purpose,
                            std::vector<std::string>& out) const {
    for (const json::Value& item : items) {
      if (!item.is_string()) {
        return policy_error(file_, item.position(),
                            "\"record_fields\" of " + purpose + " must hold strings, found " +
                                std::string(json::Value::type_name(item.type())));
      }
      const std::string& name = item.as_string();
      if (!is_record_field(name)) {
        return policy_error(file_, item.position(),
                            "unknown record field " + quoted(name) + " in \"record_fields\" of " +
                                purpose + " (known: " + listed(kRecordFieldNames) + ")");
      }
      if (std::find(out.begin(), out.end(), name) != out.end()) {
        return policy_error(file_, item.position(),
                            quoted(name) + " appears twice in \"record_fields\" of " + purpose);
      }
      out.push_back(name);
    }
    return Status::ok();
  }

  // `what` names the duplicate in the message: "duplicate partner id \"shop\" (first at 5:13)".
  Status unique(Seen& seen, const std::string& what, const std::string& name, json::Position at) {
    const auto [it, inserted] = seen.emplace(name, at);
    if (inserted) return Status::ok();
    return policy_error(file_, at, "duplicate " + what + " (first at " + where(it->second) + ")");
  }

  std::string_view file_;
  std::vector<SharingPartner> partners_;
  Seen partner_ids_;
};

Result<SharingPolicy> parse_sharing_policy(std::string_view text, std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kSharingPolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kSharingPolicyFormat));
  }
  (void)top.optional_string("note", text_rule);
  const json::Array& partners = top.array("partners", StrictObject::Items::kNonEmpty);
  MK_RETURN_IF_ERROR(top.finish());

  SharingPolicyBuilder builder(file);
  for (const json::Value& v : partners)
    MK_RETURN_IF_ERROR(builder.read_partner(v));
  SharingPolicy policy;
  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  policy.partners_ = std::move(builder).take();
  return policy;
}

}  // namespace mk::policies

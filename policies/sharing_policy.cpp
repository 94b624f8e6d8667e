// The disclosure policy's vocabulary and its one decision: may this person go to this partner for
// this purpose today, and if so, with which fate for each field.
#include "policies/sharing_policy.hpp"

#include <algorithm>
#include <cstdlib>

#include "policies/policy_file.hpp"

namespace mk::policies {

namespace {

constexpr int kAdultAge = 18;

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& names, std::string_view s) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

// Full years of age on `day` (a person born on 29 February turns a year older on 1 March in
// other years). Negative when `day` is before the birth date.
int age_on(const Date& birth, const Date& day) {
  int age = day.year() - birth.year();
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) {
    --age;
  }
  return age;
}

bool counts_on(const ConsentFact& c, const Date& day) {
  return c.given <= day && !(c.withdrawn && *c.withdrawn <= day);
}

// Why `person` lacks the consent `purpose` requires for `target` on `day`; "" when it has it.
std::string consent_problem(const SharingPurpose& purpose, std::string_view partner,
                            const std::string& target, const PersonFacts& person, const Date& day) {
  std::vector<const ConsentFact*> recorded;
  for (const ConsentFact& c : person.consents) {
    if (c.partner == partner && c.purpose == purpose.id) recorded.push_back(&c);
  }
  if (recorded.empty()) return "no consent recorded for " + target;

  std::vector<const ConsentFact*> counting;
  std::optional<Date> last_withdrawal;
  for (const ConsentFact* c : recorded) {
    if (counts_on(*c, day)) {
      counting.push_back(c);
    } else if (c->withdrawn && *c->withdrawn <= day) {
      if (!last_withdrawal || *last_withdrawal < *c->withdrawn) last_withdrawal = *c->withdrawn;
    }
  }
  if (counting.empty()) {
    if (last_withdrawal) return "consent withdrawn on " + last_withdrawal->to_iso();
    return "consent for " + target + " is dated after " + day.to_iso();
  }

  if (!person.date_of_birth) return "date of birth unknown: cannot tell who must consent";
  const int from = purpose.consent.self_from_age;
  const bool self = age_on(*person.date_of_birth, day) >= from;
  const bool signed_right = std::any_of(counting.begin(), counting.end(), [&](const auto* c) {
    return self ? c->signer == ConsentSigner::kSelf : c->signer != ConsentSigner::kSelf;
  });
  if (signed_right) return {};
  if (self) {
    return std::to_string(from) + " and over: consent must be signed by the person themselves";
  }
  return "under " + std::to_string(from) + ": consent must be signed by a parent or guardian";
}

}  // namespace

std::string_view enum_name(FieldFate f) {
  switch (f) {
    case FieldFate::kInclude:
      return "include";
    case FieldFate::kPseudonymise:
      return "pseudonymise";
    case FieldFate::kGeneralise:
      return "generalise";
    case FieldFate::kWithhold:
      return "withhold";
  }
  return "unknown";
}

std::optional<FieldFate> parse_field_fate(std::string_view s) {
  for (FieldFate f : {FieldFate::kInclude, FieldFate::kPseudonymise, FieldFate::kGeneralise,
                      FieldFate::kWithhold}) {
    if (enum_name(f) == s) return f;
  }
  return std::nullopt;
}

bool is_person_field(std::string_view s) {
  return is_one_of(kPersonFieldNames, s);
}

bool is_record_field(std::string_view s) {
  return is_one_of(kRecordFieldNames, s);
}

std::string_view enum_name(ConsentSigner s) {
  switch (s) {
    case ConsentSigner::kSelf:
      return "self";
    case ConsentSigner::kParent:
      return "parent";
    case ConsentSigner::kGuardian:
      return "guardian";
  }
  return "unknown";
}

std::optional<ConsentSigner> parse_consent_signer(std::string_view s) {
  for (ConsentSigner c : {ConsentSigner::kSelf, ConsentSigner::kParent, ConsentSigner::kGuardian}) {
    if (enum_name(c) == s) return c;
  }
  return std::nullopt;
}

std::string_view enum_name(MinorsRule r) {
  switch (r) {
    case MinorsRule::kAllow:
      return "allow";
    case MinorsRule::kRefuse:
      return "refuse";
  }
  return "unknown";
}

const SharingPurpose::RoleFields* SharingPurpose::find_role(std::string_view role) const {
  const auto it =
      std::find_if(roles.begin(), roles.end(), [&](const RoleFields& r) { return r.role == role; });
  return it == roles.end() ? nullptr : &*it;
}

const SharingPartner* SharingPolicy::find_partner(std::string_view id) const {
  const auto it = std::find_if(partners_.begin(), partners_.end(),
                               [&](const SharingPartner& p) { return p.id == id; });
  return it == partners_.end() ? nullptr : &*it;
}

const SharingPurpose* SharingPolicy::find_purpose(std::string_view partner,
                                                  std::string_view purpose) const {
  const SharingPartner* p = find_partner(partner);
  if (p == nullptr) return nullptr;
  const auto it = std::find_if(p->purposes.begin(), p->purposes.end(),
                               [&](const SharingPurpose& u) { return u.id == purpose; });
  return it == p->purposes.end() ? nullptr : &*it;
}

std::vector<std::string> SharingPolicy::targets() const {
  std::vector<std::string> out;
  for (const SharingPartner& p : partners_) {
    for (const SharingPurpose& u : p.purposes)
      out.push_back(p.id + "/" + u.id);
  }
  return out;
}

PersonVerdict SharingPolicy::decide(std::string_view partner, std::string_view purpose,
                                    const PersonFacts& person, const Date& today) const {
  const SharingPurpose* u = find_purpose(partner, purpose);
  if (u == nullptr) std::abort();  // callers look the pair up first
  const std::string target = std::string(partner) + "/" + std::string(purpose);

  PersonVerdict verdict;
  for (std::string_view name : kPersonFieldNames)
    verdict.fields.emplace_back(std::string(name), FieldFate::kWithhold);
  auto refuse = [&](std::string why) {
    verdict.refusal = std::move(why);
    return verdict;
  };

  if (person.restricted) return refuse("restricted (AVG art. 18)");
  const SharingPurpose::RoleFields* role = u->find_role(person.role);
  if (role == nullptr) return refuse("role " + person.role + " is not shared for " + target);
  if (u->minors == MinorsRule::kRefuse) {
    if (!person.date_of_birth) {
      return refuse(
          "date of birth unknown: cannot tell whether the person is a minor (minors are "
          "not sent to " +
          target + ")");
    }
    if (age_on(*person.date_of_birth, today) < kAdultAge) {
      return refuse("minors are not sent to " + target + " (see " + u->minors_reference + ")");
    }
  }
  if (u->consent.required) {
    std::string problem = consent_problem(*u, partner, target, person, today);
    if (!problem.empty()) return refuse(std::move(problem));
  }

  verdict.allowed = true;
  for (const auto& [field, fate] : role->fields) {
    for (auto& [name, decided] : verdict.fields) {
      if (name == field) decided = fate;
    }
  }
  return verdict;
}

Result<SharingPolicy> load_sharing_policy(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_sharing_policy(text, path);
}

}  // namespace mk::policies

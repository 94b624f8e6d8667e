// Persons: victims, suspects, reporters and others named in signals and cases. Every identifying
// field is encrypted under the person's own key; role, restriction and timestamps are metadata the
// compliance role may see.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"

namespace mk::vault {

enum class PersonRole { kVictim, kSuspect, kReporter, kOther };
std::string_view person_role_name(PersonRole role);  // "victim", ...
std::optional<PersonRole> parse_person_role(std::string_view name);

enum class PersonField {
  kName,
  kDateOfBirth,  // ISO "YYYY-MM-DD"
  kNationality,
  kBsn,             // 9 digits, passes the 11-proef
  kDocumentNumber,  // passport or ID card number
  kAddress,
  kPhone,
};
inline constexpr std::size_t kPersonFieldCount = 7;
inline constexpr std::array<PersonField, kPersonFieldCount> kPersonFields = {
    PersonField::kName, PersonField::kDateOfBirth,    PersonField::kNationality,
    PersonField::kBsn,  PersonField::kDocumentNumber, PersonField::kAddress,
    PersonField::kPhone};
// The column name, also used in the CLI ("date_of_birth") and JSON.
std::string_view person_field_name(PersonField field);
std::optional<PersonField> parse_person_field(std::string_view name);

// Plaintext identity fields; absent fields are nullopt.
class PersonIdentity {
 public:
  const std::optional<std::string>& get(PersonField f) const {
    return values_[static_cast<std::size_t>(f)];
  }
  std::optional<std::string>& at(PersonField f) { return values_[static_cast<std::size_t>(f)]; }
  void set(PersonField f, std::optional<std::string> v) { at(f) = std::move(v); }

 private:
  std::array<std::optional<std::string>, kPersonFieldCount> values_;
};

// What anyone who can open the store may see: no identity.
struct PersonSummary {
  std::string id;  // "P-" + 8 base32 characters
  PersonRole role = PersonRole::kOther;
  bool restricted = false;  // AVG art. 18: processing restricted
  Instant created;
  Instant updated;
  std::vector<PersonField> fields_present;
};

struct Person {
  PersonSummary summary;
  PersonIdentity identity;
};

// A change to a person: fields mapped to nullopt are cleared, absent ones kept.
struct PersonPatch {
  std::optional<PersonRole> role;
  std::vector<std::pair<PersonField, std::optional<std::string>>> fields;
};

}  // namespace mk::vault

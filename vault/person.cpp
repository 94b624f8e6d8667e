#include "vault/person.hpp"

namespace mk::vault {

std::string_view person_role_name(PersonRole role) {
  switch (role) {
    case PersonRole::kVictim:
      return "victim";
    case PersonRole::kSuspect:
      return "suspect";
    case PersonRole::kReporter:
      return "reporter";
    case PersonRole::kOther:
      return "other";
  }
  return "other";
}

std::optional<PersonRole> parse_person_role(std::string_view name) {
  for (PersonRole r :
       {PersonRole::kVictim, PersonRole::kSuspect, PersonRole::kReporter, PersonRole::kOther}) {
    if (person_role_name(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view person_field_name(PersonField field) {
  switch (field) {
    case PersonField::kName:
      return "name";
    case PersonField::kDateOfBirth:
      return "date_of_birth";
    case PersonField::kNationality:
      return "nationality";
    case PersonField::kBsn:
      return "bsn";
    case PersonField::kDocumentNumber:
      return "document_number";
    case PersonField::kAddress:
      return "address";
    case PersonField::kPhone:
      return "phone";
  }
  return "name";
}

std::optional<PersonField> parse_person_field(std::string_view name) {
  for (PersonField f : kPersonFields) {
    if (person_field_name(f) == name) return f;
  }
  return std::nullopt;
}

}  // namespace mk::vault

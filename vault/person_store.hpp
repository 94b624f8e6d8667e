// Reading and writing persons. Every function runs inside a UnitOfWork and records its audit
// events there; reads that decrypt identity fields record a "person.read".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "vault/person.hpp"
#include "vault/person_index.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

// Validates every present field (field_rules.hpp), then stores the person under a new subject key
// with its blind indexes. Returns the new id. Requires the field keys (kForbidden).
Result<std::string> add_person(UnitOfWork& uow, PersonRole role, const PersonIdentity& identity);

// Metadata only; works for every role.
Result<PersonSummary> get_person_summary(UnitOfWork& uow, std::string_view id);
Result<std::vector<PersonSummary>> list_persons(UnitOfWork& uow);

// Decrypts the person's identity. Requires the field keys.
Result<Person> read_person(UnitOfWork& uow, std::string_view id);

// Persons whose identity matches `query` on the given index: name + date of birth (both needed in
// the query), BSN or document number. Candidates come from the blind index and are confirmed by
// decrypting only them; the result holds exact matches after normalisation. Requires the field and
// blind-index keys. Bad query values are kInvalidInput.
Result<std::vector<Person>> find_persons(UnitOfWork& uow, PersonIndexKind kind,
                                         const PersonIdentity& query);

// Applies a patch (validated like add_person), re-encrypting the changed fields and rebuilding the
// person's blind indexes. The audit records which fields changed, never their values.
Status update_person(UnitOfWork& uow, std::string_view id, const PersonPatch& patch);

// Sets or lifts the restriction flag (AVG art. 18). Requires the field keys (kForbidden): records
// are written by the coordinator.
Status set_person_restricted(UnitOfWork& uow, std::string_view id, bool restricted);

}  // namespace mk::vault

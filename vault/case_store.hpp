// Reading and writing cases, inside a UnitOfWork that carries their audit events.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "vault/case.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

// Opens a case (status kActive) on `opened` (not in the future, not before 1900) linking existing
// signals and persons (kNotFound otherwise; at least one signal or person). Requires the field
// keys. Audits "case.open".
Result<std::string> open_case(UnitOfWork& uow, const CaseInput& input);

// Adds links to an open case (kConflict when closed); links already present are kept once.
// Audits "case.link".
Status link_case(UnitOfWork& uow, std::string_view id, const std::vector<std::string>& signal_ids,
                 const std::vector<std::string>& person_ids);

// Sets kActive or kFollowUp on an open case. Audits "case.status".
Status set_case_status(UnitOfWork& uow, std::string_view id, CaseStatus status);

// Closes (kClosed or kClosedReferred) on `closed` (not before opened, not in the future), with an
// optional encrypted note. kConflict when already closed. Audits "case.close".
Status close_case(UnitOfWork& uow, std::string_view id, CaseStatus status, const Date& closed,
                  const std::optional<std::string>& note);

// Metadata only; every role.
Result<std::vector<CaseSummary>> list_cases(UnitOfWork& uow);
Result<CaseSummary> get_case_summary(UnitOfWork& uow, std::string_view id);

// Decrypts summary and closure note. Requires the field keys. Audits "case.read".
Result<Case> read_case(UnitOfWork& uow, std::string_view id);

}  // namespace mk::vault

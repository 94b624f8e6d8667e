// Reading and writing cases, inside a UnitOfWork that carries their audit events.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "vault/case.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxClosureNoteChars = 4000;

// Ids are checked with looks_like_id before any query (kInvalidInput); kNotFound when there is
// no such record. Writes (open, link, status, close) require a role holding the field keys
// (kForbidden); the compliance role reads metadata only. Audit details name linked ids, status
// codes and field names, never text.

// Opens a case (status kActive) on `opened` (not in the future, not before 1900) linking existing
// signals and persons (kNotFound otherwise; at least one signal or person, kInvalidInput; an id
// listed twice is linked once). The summary is multi-line text of at most kMaxNarrativeChars.
// Everything is checked before anything is written. Audits "case.open".
Result<std::string> open_case(UnitOfWork& uow, const CaseInput& input);

// Adds links to an open case (kConflict when closed); links already present are kept once; at
// least one id. Audits "case.link" naming the links that were new.
Status link_case(UnitOfWork& uow, std::string_view id, const std::vector<std::string>& signal_ids,
                 const std::vector<std::string>& person_ids);

// Sets kActive or kFollowUp on an open case (kConflict when closed; a closing status is
// kInvalidInput). Audits "case.status".
Status set_case_status(UnitOfWork& uow, std::string_view id, CaseStatus status);

// Closes (kClosed or kClosedReferred) on `closed` (not before opened, not in the future), with an
// optional encrypted note (multi-line, at most kMaxClosureNoteChars). kConflict when already
// closed. Audits "case.close".
Status close_case(UnitOfWork& uow, std::string_view id, CaseStatus status, const Date& closed,
                  const std::optional<std::string>& note);

// Metadata only; every role. Ordered by opening date, newest first; signal_ids and person_ids are
// sorted.
Result<std::vector<CaseSummary>> list_cases(UnitOfWork& uow);
Result<CaseSummary> get_case_summary(UnitOfWork& uow, std::string_view id);

// Decrypts summary and closure note. Requires the field keys. Audits "case.read".
Result<Case> read_case(UnitOfWork& uow, std::string_view id);

}  // namespace mk::vault

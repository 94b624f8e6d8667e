// Legal holds on cases. A held case, its signals and its persons are never shredded by retention
// and cannot be erased on request (AVG art. 17(3)(e): legal claims) until the hold is released.
// A hold's reason names the legal ground ("strafrechtelijk onderzoek, verzoek OM 2026-11"), never a
// person: it is shown to the compliance role, like the audit log's reasons.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxHoldReasonChars = 200;

struct LegalHold {
  std::string case_id;
  std::string reason;
  Instant placed;
  std::string placed_by;  // key slot name
  std::optional<Instant> released;
  std::string released_by;  // "" while in force
};

// Places a hold on an existing case (kNotFound; closed or open alike). `reason` is one line of at
// most kMaxHoldReasonChars (kInvalidInput); kConflict when a hold is already in force. Requires a
// role holding the field keys (kForbidden). Audits "case.hold".
Status place_hold(UnitOfWork& uow, std::string_view case_id, std::string_view reason);

// Releases the hold in force (kConflict when there is none). Requires the field keys. Audits
// "case.release". The released hold stays listed until the case itself is shredded.
Status release_hold(UnitOfWork& uow, std::string_view case_id);

// Holds in force, or all holds when `include_released`; ordered by placement time. Every role.
Result<std::vector<LegalHold>> list_holds(UnitOfWork& uow, bool include_released);

// The hold in force on a case, if any (kInvalidInput for a malformed id, kNotFound for no case).
Result<std::optional<LegalHold>> hold_in_force(UnitOfWork& uow, std::string_view case_id);

}  // namespace mk::vault

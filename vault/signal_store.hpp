// Reading and writing signals, inside a UnitOfWork that carries their audit events.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "vault/signal.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

// Validates and stores a new signal with status kNew under a new subject key. Checks: received
// not in the future nor before 1900; narrative (multi-line, at most kMaxNarrativeChars) and nature
// (multi-line, at most 4000 chars) valid text; source_team at most 100 chars; code syntax; no
// duplicate codes; reporter and persons exist; an anonymous signal has no reporter; the reporter
// has role reporter. Requires the field keys. Audits "signal.add".
Result<std::string> add_signal(UnitOfWork& uow, const SignalInput& input);

// Metadata only; every role. Filtered and ordered by received date, newest first.
Result<std::vector<SignalSummary>> list_signals(UnitOfWork& uow, const SignalFilter& filter);
Result<SignalSummary> get_signal_summary(UnitOfWork& uow, std::string_view id);

// Decrypts narrative and nature. Requires the field keys. Audits "signal.read".
Result<Signal> read_signal(UnitOfWork& uow, std::string_view id);

// Changes an open signal (kConflict when closed). Audits "signal.update" naming changed fields.
Status update_signal(UnitOfWork& uow, std::string_view id, const SignalPatch& patch);

// Closes with an outcome on `closed` (not before received, not in the future). kConflict when
// already closed. Audits "signal.close".
Status close_signal(UnitOfWork& uow, std::string_view id, SignalOutcome outcome,
                    const Date& closed);

}  // namespace mk::vault

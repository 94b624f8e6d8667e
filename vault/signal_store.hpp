// Reading and writing signals, inside a UnitOfWork that carries their audit events.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "vault/signal.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxNatureChars = 4000;
inline constexpr std::size_t kMaxSourceTeamChars = 100;

// Ids are checked with looks_like_id before any query (kInvalidInput); kNotFound when there is
// no such record. Writes (add, update, close) require a role holding the field keys (kForbidden);
// the compliance role reads metadata only.

// Validates and stores a new signal with status kNew under a new subject key. Checks: received
// not in the future nor before 1900; narrative (multi-line, at most kMaxNarrativeChars) and nature
// (multi-line, at most kMaxNatureChars) valid text; source_team at most kMaxSourceTeamChars; code
// syntax; no duplicate codes; reporter and persons exist (kNotFound); an anonymous signal has no
// reporter; the reporter has role reporter. A person listed twice is linked once. Everything is
// checked before anything is written. Audits "signal.add" with the source kind and the names of
// the fields given.
Result<std::string> add_signal(UnitOfWork& uow, const SignalInput& input);

// Metadata only; every role. Filtered and ordered by received date, newest first (then newest
// registered first). kInvalidInput for a malformed form code or received_from after received_to.
// In a summary, forms, indicators, person_ids and case_ids are sorted.
Result<std::vector<SignalSummary>> list_signals(UnitOfWork& uow, const SignalFilter& filter);
Result<SignalSummary> get_signal_summary(UnitOfWork& uow, std::string_view id);

// The columns a page of signals can be ordered by. Ties are broken by the received date (newest
// first), then by the order of list_signals, so every order is total and pages never overlap.
enum class SignalOrderColumn { kReceived, kStatus, kSource, kId, kClosed };
struct SignalOrder {
  SignalOrderColumn column = SignalOrderColumn::kReceived;
  bool ascending = false;  // the default (received, descending) is the order of list_signals
};

// How many signals match `filter`; the checks and errors of list_signals. Metadata only; every
// role. Uses indexes only (no row is read), so it is cheap for a list of any length.
Result<std::size_t> count_signals(UnitOfWork& uow, const SignalFilter& filter);
// At most `limit` signals matching `filter` in `order`, skipping the first `offset`: the rows
// [offset, offset + limit) of the whole ordered list, so consecutive pages join up exactly.
// With the default order the pages together are list_signals(filter). The checks and errors of
// list_signals; kInvalidInput for a limit of 0 or above kMaxSignalPage. Every sort column is
// indexed: a page costs O(offset) index steps and O(limit) row reads.
inline constexpr std::size_t kMaxSignalPage = 10000;
Result<std::vector<SignalSummary>> list_signals_page(UnitOfWork& uow, const SignalFilter& filter,
                                                     const SignalOrder& order, std::size_t offset,
                                                     std::size_t limit);

// The ids of every signal matching `filter`, in `order`: the whole ordered list from one query
// that reads ids only. A view holds it and fetches any stretch by id (get_signal_summaries), so
// showing row 90,000 costs what showing row 0 does. The checks and errors of list_signals.
Result<std::vector<std::string>> list_signal_ids(UnitOfWork& uow, const SignalFilter& filter,
                                                 const SignalOrder& order);
// The summaries of `ids`, in the order given; an id with no signal (shredded since) is left out.
// kInvalidInput for more than kMaxSummaryBatch ids or an id that is not a signal id.
inline constexpr std::size_t kMaxSummaryBatch = 500;
Result<std::vector<SignalSummary>> get_signal_summaries(UnitOfWork& uow,
                                                        const std::vector<std::string>& ids);

// Decrypts narrative and nature. Requires the field keys. Audits "signal.read".
Result<Signal> read_signal(UnitOfWork& uow, std::string_view id);

// Changes an open signal (kConflict when closed), with the checks of add_signal on what the patch
// sets and on the result (an anonymous signal keeps no reporter). Persons already linked are kept
// once. kInvalidInput for an empty patch, status kClosed, or reporter_id set together with
// clear_reporter. Audits "signal.update" naming changed fields.
Status update_signal(UnitOfWork& uow, std::string_view id, const SignalPatch& patch);

// Closes with an outcome on `closed` (not before received, not in the future). kConflict when
// already closed. Audits "signal.close".
Status close_signal(UnitOfWork& uow, std::string_view id, SignalOutcome outcome,
                    const Date& closed);

}  // namespace mk::vault

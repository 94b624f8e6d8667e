// The coordinator's use cases on signals, persons and cases. Each runs in one unit of work: it
// commits whole or changes nothing. Reads that decrypt are audited by the stores.
//
// Rules that come from policy (which indicator and form codes exist) are checked here; the stores
// check the shape of the data.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "service/session.hpp"
#include "vault/case.hpp"
#include "vault/person.hpp"
#include "vault/person_index.hpp"
#include "vault/signal.hpp"
#include "vault/signal_store.hpp"

namespace mk::service {

// --- signals ---------------------------------------------------------------------------------
// Unknown form or indicator codes are kInvalidInput naming the code (codes are not personal data).
Result<std::string> register_signal(Session& s, const vault::SignalInput& input);

// Intake: a signal together with the persons it names who are not in the vault yet, in one unit
// of work, so that a refused signal leaves no orphaned persons. The new persons are added (each
// with the checks of add_person), then linked to the signal next to input.person_ids.
struct NewPerson {
  vault::PersonRole role = vault::PersonRole::kOther;
  vault::PersonIdentity identity;
};
struct Intake {
  std::string signal_id;
  std::vector<std::string> person_ids;  // of the new persons, in the order given
};
Result<Intake> register_intake(Session& s, vault::SignalInput input,
                               const std::vector<NewPerson>& persons);
Status update_signal(Session& s, const std::string& id, const vault::SignalPatch& patch);
Status close_signal(Session& s, const std::string& id, vault::SignalOutcome outcome,
                    const std::optional<Date>& closed);  // default: today
Result<std::vector<vault::SignalSummary>> list_signals(Session& s,
                                                       const vault::SignalFilter& filter);
// The list in pages, for a list view of any length (vault/signal_store.hpp): how many signals
// match, and the rows [offset, offset + limit) in `order`. An unknown form in the filter is
// kInvalidInput, as for list_signals. Metadata only, not audited; every role.
Result<std::size_t> count_signals(Session& s, const vault::SignalFilter& filter);
// The whole ordered id list, and summaries by id: see vault/signal_store.hpp. Metadata only.
Result<std::vector<std::string>> list_signal_ids(Session& s, const vault::SignalFilter& filter,
                                                 const vault::SignalOrder& order);
Result<std::vector<vault::SignalSummary>> get_signal_summaries(Session& s,
                                                               const std::vector<std::string>& ids);
Result<std::vector<vault::SignalSummary>> list_signals_page(Session& s,
                                                            const vault::SignalFilter& filter,
                                                            const vault::SignalOrder& order,
                                                            std::size_t offset, std::size_t limit);
// The full signal for roles that may decrypt; the summary alone (narrative and nature absent)
// for the compliance role.
Result<vault::Signal> show_signal(Session& s, const std::string& id);

// --- persons ---------------------------------------------------------------------------------
Result<std::string> add_person(Session& s, vault::PersonRole role,
                               const vault::PersonIdentity& identity);
Result<vault::Person> show_person(Session& s, const std::string& id);  // kForbidden: compliance
Result<std::vector<vault::PersonSummary>> list_persons(Session& s);
Result<std::vector<vault::Person>> find_persons(Session& s, vault::PersonIndexKind kind,
                                                const vault::PersonIdentity& query);
Status update_person(Session& s, const std::string& id, const vault::PersonPatch& patch);

// --- cases -----------------------------------------------------------------------------------
Result<std::string> open_case(Session& s, const vault::CaseInput& input);
Status link_case(Session& s, const std::string& id, const std::vector<std::string>& signal_ids,
                 const std::vector<std::string>& person_ids);
Status close_case(Session& s, const std::string& id, bool referred,
                  const std::optional<Date>& closed, const std::optional<std::string>& note);
Result<std::vector<vault::CaseSummary>> list_cases(Session& s);
// Full case for roles that may decrypt; summary only for the compliance role.
Result<vault::Case> show_case(Session& s, const std::string& id);

// Today's date by the session's clock (UTC).
Date today(Session& s);

}  // namespace mk::service

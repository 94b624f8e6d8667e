// The coordinator's use cases on signals, persons and cases. Each runs in one unit of work: it
// commits whole or changes nothing. Reads that decrypt are audited by the stores.
//
// Rules that come from policy (which indicator and form codes exist) are checked here; the stores
// check the shape of the data.
#pragma once

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

namespace mk::service {

// --- signals ---------------------------------------------------------------------------------
// Unknown form or indicator codes are kInvalidInput naming the code (codes are not personal data).
Result<std::string> register_signal(Session& s, const vault::SignalInput& input);
Status update_signal(Session& s, const std::string& id, const vault::SignalPatch& patch);
Status close_signal(Session& s, const std::string& id, vault::SignalOutcome outcome,
                    const std::optional<Date>& closed);  // default: today
Result<std::vector<vault::SignalSummary>> list_signals(Session& s,
                                                       const vault::SignalFilter& filter);
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

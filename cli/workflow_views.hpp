// The casework workflow as JSON for --json output: Meldcode decisions and the view of a case's
// Meldcode, help requests, and the training log. Help requests and training entries hold codes,
// team names, counts and dates, never personal data; a decision's rationale is null unless the
// role could decrypt it.
#pragma once

#include <vector>

#include "base/date.hpp"
#include "base/json.hpp"
#include "service/meldcode.hpp"
#include "vault/help_request_store.hpp"
#include "vault/training_log.hpp"

namespace mk::cli {

// id, case_id, item, number, code, answer, policy_hash, decided, decided_by, has_rationale,
// rationale (null when not read).
json::Value to_json(const vault::MeldcodeDecision& d);

// case_id, policy_file, policy_hash, steps[{number, code, label_nl, label_en, answers[], answer,
// decided, decided_by, questions[{number, code, label_nl, label_en, answers[], answer, decided,
// decided_by}]}] (answer, decided, decided_by: the answer in force, null when none),
// decisions[] (as above, oldest first), next{kind, number, code, label_nl, label_en, decision,
// because} (null where they do not apply).
json::Value to_json(const service::MeldcodeView& view);

// id, case_id, person_id (null), kind, team, requested, norm, due, policy_hash, status, closed
// (null while open), within_norm (null while open), created, updated.
json::Value to_json(const vault::HelpRequest& r);

// id, held, team, trained, subject, recorded, recorded_by.
json::Value to_json(const vault::TrainingEntry& e);

}  // namespace mk::cli

// The training and awareness log (vault/training_log.hpp): the coordinator records trainings for
// the CCV basic level's active signalling; every role reads the log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "service/session.hpp"
#include "vault/training_log.hpp"

namespace mk::service {

// Requires the field keys (kForbidden, audited). Audits "training.add".
Result<std::string> add_training(Session& s, const vault::TrainingInput& input);

// Every entry, or those held in `year`; oldest first. Every role.
Result<std::vector<vault::TrainingEntry>> list_trainings(Session& s, std::optional<int> year);

}  // namespace mk::service

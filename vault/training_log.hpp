// The training and awareness log: which team was trained, when, how many people and on what
// subject. The CCV's basic level of the administrative approach asks a municipality for active
// signalling, and the Rijswijk policy (2021, Pijler 1, "Opleiding en training") for training the
// front-line teams; this log shows it was done. It holds no personal data (a team, a count, a
// subject), so every role reads it; only a role holding the field keys (the coordinator) writes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/date.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxTrainingTeamChars = 100;
inline constexpr std::size_t kMaxTrainingSubjectChars = 200;
inline constexpr int kMaxTrained = 10000;

struct TrainingInput {
  Date held{2000, 1, 1};
  std::string team;     // "Burgerzaken", "Toezicht en Handhaving"
  int trained = 1;      // how many people took part, 1..kMaxTrained
  std::string subject;  // "Signalen van arbeidsuitbuiting herkennen"
};

struct TrainingEntry {
  std::string id;  // "T-" + 8 Crockford base32 characters
  Date held{2000, 1, 1};
  std::string team;
  int trained = 1;
  std::string subject;
  Instant recorded;
  std::string recorded_by;  // key slot name
};

// Records a training and returns its id. `held` lies neither in the future nor before 1900; team
// and subject are one line each, of at most kMaxTrainingTeamChars and kMaxTrainingSubjectChars;
// `trained` lies in 1..kMaxTrained (kInvalidInput naming the field). Requires the field keys
// (kForbidden). Audits "training.add" on the entry with detail "trained=<n>".
Result<std::string> add_training(UnitOfWork& uow, const TrainingInput& input);

// Every entry, or those held in `year` (1900..9998, kInvalidInput otherwise), oldest first (then in
// the order recorded). Every role; audits nothing.
Result<std::vector<TrainingEntry>> list_trainings(UnitOfWork& uow, std::optional<int> year);

}  // namespace mk::vault

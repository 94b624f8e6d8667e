#include "service/training.hpp"

namespace mk::service {

Result<std::string> add_training(Session& s, const vault::TrainingInput& input) {
  return s.transact("training.add",
                    [&](vault::UnitOfWork& uow) { return vault::add_training(uow, input); });
}

Result<std::vector<vault::TrainingEntry>> list_trainings(Session& s, std::optional<int> year) {
  return s.transact("training.list",
                    [&](vault::UnitOfWork& uow) { return vault::list_trainings(uow, year); });
}

}  // namespace mk::service

#include "vault/training_log.hpp"

#include "vault/field_rules.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr char kTable[] = "trainings";
constexpr char kTrainingPrefix = 'T';

Result<TrainingEntry> read_row(const Statement& st) {
  TrainingEntry e;
  e.id = st.column_text(0);
  std::optional<Date> held = Date::parse_iso(st.column_text(1));
  e.team = st.column_text(2);
  std::int64_t trained = st.column_int(3);
  e.subject = st.column_text(4);
  e.recorded_by = st.column_text(6);
  if (!held || trained < 1 || trained > kMaxTrained ||
      !parse_instant(st.column_text(5), e.recorded)) {
    return vault_corrupt("a training entry holds an unreadable value");
  }
  e.held = *held;
  e.trained = static_cast<int>(trained);
  return e;
}

}  // namespace

Result<std::string> add_training(UnitOfWork& uow, const TrainingInput& input) {
  if (!uow.vault().can_read_identities()) {
    return forbidden("this role cannot write the training log");
  }
  MK_RETURN_IF_ERROR(check_record_date("held", input.held, today(uow)));
  MK_ASSIGN_OR_RETURN(std::string team, check_text("team", input.team, kMaxTrainingTeamChars));
  MK_ASSIGN_OR_RETURN(std::string subject,
                      check_text("subject", input.subject, kMaxTrainingSubjectChars));
  if (input.trained < 1 || input.trained > kMaxTrained) {
    return invalid_input("trained: must lie in 1.." + std::to_string(kMaxTrained));
  }
  MK_ASSIGN_OR_RETURN(std::string id, new_record_id(uow, kTable, kTrainingPrefix));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("INSERT INTO trainings (id, held, team, trained, subject, recorded, "
                       "recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  st.bind(1, id).bind(2, input.held.to_iso()).bind(3, team).bind(4, input.trained);
  st.bind(5, subject).bind(6, format_instant(uow.now())).bind(7, uow.vault().slot_name());
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"training.add", id, "trained=" + std::to_string(input.trained)});
  return id;
}

Result<std::vector<TrainingEntry>> list_trainings(UnitOfWork& uow, std::optional<int> year) {
  if (year && (*year < 1900 || *year > 9998)) return invalid_input("year: must lie in 1900..9998");
  std::string sql = "SELECT id, held, team, trained, subject, recorded, recorded_by FROM trainings";
  if (year) sql += " WHERE held >= ?1 AND held < ?2";
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql + " ORDER BY held, seq"));
  if (year) {
    st.bind(1, std::to_string(*year) + "-01-01").bind(2, std::to_string(*year + 1) + "-01-01");
  }
  std::vector<TrainingEntry> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    MK_ASSIGN_OR_RETURN(TrainingEntry e, read_row(st));
    out.push_back(std::move(e));
  }
}

}  // namespace mk::vault

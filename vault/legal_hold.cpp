#include "vault/legal_hold.hpp"

#include "vault/field_rules.hpp"
#include "vault/store_support.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

// Column order of every SELECT of a hold below.
constexpr char kSelectHold[] =
    "SELECT case_id, reason, placed, placed_by, released, released_by FROM legal_holds";

Status require_hold_keeper(UnitOfWork& uow) {
  if (!uow.vault().can_read_identities()) {
    return forbidden("this role cannot place or release legal holds");
  }
  return Status::ok();
}

Result<LegalHold> read_hold(const Statement& st) {
  LegalHold hold;
  hold.case_id = st.column_text(0);
  hold.reason = st.column_text(1);
  hold.placed_by = st.column_text(3);
  if (!parse_instant(st.column_text(2), hold.placed)) {
    return vault_corrupt("a legal hold holds an unreadable timestamp");
  }
  if (!st.is_null(4)) {
    Instant released;
    if (!parse_instant(st.column_text(4), released)) {
      return vault_corrupt("a legal hold holds an unreadable timestamp");
    }
    hold.released = released;
    hold.released_by = st.column_text(5);
  }
  return hold;
}

// Checks the id's shape (kInvalidInput) and that the case exists (kNotFound).
Status check_case(UnitOfWork& uow, std::string_view case_id) {
  return check_references(uow, "case_id", kCaseRecord, {std::string(case_id)}).status();
}

}  // namespace

Status place_hold(UnitOfWork& uow, std::string_view case_id, std::string_view reason) {
  MK_RETURN_IF_ERROR(require_hold_keeper(uow));
  MK_RETURN_IF_ERROR(check_id_shape("case_id", kCaseRecord, case_id));
  MK_ASSIGN_OR_RETURN(std::string checked_reason,
                      check_text("reason", reason, kMaxHoldReasonChars, false));
  MK_ASSIGN_OR_RETURN(std::optional<LegalHold> current, hold_in_force(uow, case_id));
  if (current) {
    return conflict("case " + std::string(case_id) + " already has a legal hold in force");
  }
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("INSERT INTO legal_holds (case_id, reason, placed, "
                                       "placed_by) VALUES (?1, ?2, ?3, ?4)"));
  st.bind(1, case_id).bind(2, checked_reason).bind(3, format_instant(uow.now()));
  st.bind(4, uow.vault().slot_name());
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"case.hold", std::string(case_id), ""});
  return Status::ok();
}

Status release_hold(UnitOfWork& uow, std::string_view case_id) {
  MK_RETURN_IF_ERROR(require_hold_keeper(uow));
  MK_RETURN_IF_ERROR(check_case(uow, case_id));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE legal_holds SET released = ?1, released_by = ?2 "
                                       "WHERE case_id = ?3 AND released IS NULL"));
  st.bind(1, format_instant(uow.now())).bind(2, uow.vault().slot_name()).bind(3, case_id);
  MK_RETURN_IF_ERROR(st.run());
  if (uow.db().changes() == 0) {
    return conflict("case " + std::string(case_id) + " has no legal hold in force");
  }
  uow.record({"case.release", std::string(case_id), ""});
  return Status::ok();
}

Result<std::vector<LegalHold>> list_holds(UnitOfWork& uow, bool include_released) {
  std::string sql = kSelectHold;
  if (!include_released) sql += " WHERE released IS NULL";
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql + " ORDER BY placed, seq"));
  std::vector<LegalHold> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    MK_ASSIGN_OR_RETURN(LegalHold hold, read_hold(st));
    out.push_back(std::move(hold));
  }
}

Result<std::optional<LegalHold>> hold_in_force(UnitOfWork& uow, std::string_view case_id) {
  MK_RETURN_IF_ERROR(check_case(uow, case_id));
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(std::string(kSelectHold) +
                                                     " WHERE case_id = ?1 AND released IS NULL"));
  st.bind(1, case_id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return std::optional<LegalHold>();
  MK_ASSIGN_OR_RETURN(LegalHold hold, read_hold(st));
  return std::optional<LegalHold>(std::move(hold));
}

}  // namespace mk::vault

#include "vault/help_request_store.hpp"

#include <algorithm>

#include "vault/field_rules.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr char kTable[] = "help_requests";
constexpr char kHelpPrefix = 'H';
constexpr std::size_t kMaxNormChars = 20;

// Column order of every SELECT of a request below.
constexpr char kSelectRequest[] =
    "SELECT id, case_id, person_id, kind, team, requested, norm, due, policy_hash, status, "
    "closed, created, updated FROM help_requests";
constexpr char kOrder[] = " ORDER BY due, requested, id";

bool is_policy_hash(std::string_view h) {
  return h.size() == 64 && std::all_of(h.begin(), h.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// The shape of an ISO 8601 period; the norm-time policy checked its meaning.
bool looks_like_period(std::string_view s) {
  if (s.size() < 3 || s.size() > kMaxNormChars || s[0] != 'P') return false;
  bool digits = false;
  for (char c : s.substr(1)) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == 'Y' || c == 'M' || c == 'W' || c == 'D') {
      if (!digits) return false;
      digits = false;
    } else {
      return false;
    }
  }
  return !digits;  // ends with a designator
}

Status check_team(std::string_view team, std::string& out) {
  MK_ASSIGN_OR_RETURN(out, check_text("team", team, kMaxHelpTeamChars, false));
  return Status::ok();
}

Result<HelpRequest> read_row(const Statement& st) {
  HelpRequest r;
  r.id = st.column_text(0);
  r.case_id = st.column_text(1);
  r.person_id = st.column_optional_text(2);
  std::optional<HelpKind> kind = parse_help_kind(st.column_text(3));
  r.team = st.column_text(4);
  std::optional<Date> requested = Date::parse_iso(st.column_text(5));
  r.norm = st.column_text(6);
  std::optional<Date> due = Date::parse_iso(st.column_text(7));
  r.policy_hash = st.column_text(8);
  std::optional<HelpStatus> status = parse_help_status(st.column_text(9));
  if (!kind || !requested || !due || !status || !parse_instant(st.column_text(11), r.created) ||
      !parse_instant(st.column_text(12), r.updated)) {
    return vault_corrupt("a help request holds an unreadable value");
  }
  r.kind = *kind;
  r.requested = *requested;
  r.due = *due;
  r.status = *status;
  if (!st.is_null(10)) {
    r.closed = Date::parse_iso(st.column_text(10));
    if (!r.closed) return vault_corrupt("a help request holds an unreadable closing date");
  }
  return r;
}

Result<std::vector<HelpRequest>> select_requests(UnitOfWork& uow, const std::string& where,
                                                 const std::vector<std::string>& params) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(std::string(kSelectRequest) + where));
  for (std::size_t i = 0; i < params.size(); ++i)
    st.bind(static_cast<int>(i + 1), params[i]);
  std::vector<HelpRequest> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    MK_ASSIGN_OR_RETURN(HelpRequest r, read_row(st));
    out.push_back(std::move(r));
  }
}

Status touch_case(UnitOfWork& uow, std::string_view case_id) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE cases SET updated = ?1 WHERE id = ?2"));
  st.bind(1, format_instant(uow.now())).bind(2, case_id);
  return st.run();
}

Status check_input(UnitOfWork& uow, const HelpRequestInput& in, std::string& team) {
  MK_RETURN_IF_ERROR(check_id_shape("case_id", kCaseRecord, in.case_id));
  if (in.person_id) MK_RETURN_IF_ERROR(check_id_shape("person_id", kPersonRecord, *in.person_id));
  MK_RETURN_IF_ERROR(check_team(in.team, team));
  MK_RETURN_IF_ERROR(check_record_date("requested", in.requested, today(uow)));
  if (!looks_like_period(in.norm)) {
    return invalid_input("norm: expected an ISO 8601 period such as P8W or P14D");
  }
  if (in.due < in.requested) return invalid_input("due: lies before the requested date");
  if (!is_policy_hash(in.policy_hash)) {
    return invalid_input("policy_hash: expected the policy's SHA-256 in lowercase hex");
  }
  return Status::ok();
}

// The case must exist and be open; the person, when given, must exist and be linked to it.
Status check_links(UnitOfWork& uow, const HelpRequestInput& in) {
  MK_ASSIGN_OR_RETURN(Statement c,
                      uow.db().prepare("SELECT closed IS NOT NULL FROM cases WHERE id = ?1"));
  c.bind(1, in.case_id);
  MK_ASSIGN_OR_RETURN(bool found, c.step());
  if (!found) return not_found("case_id: no case " + in.case_id);
  if (c.column_int(0) != 0) return conflict("case " + in.case_id + " is closed");
  if (!in.person_id) return Status::ok();
  MK_RETURN_IF_ERROR(check_references(uow, "person_id", kPersonRecord, {*in.person_id}).status());
  MK_ASSIGN_OR_RETURN(
      Statement p,
      uow.db().prepare("SELECT 1 FROM case_persons WHERE case_id = ?1 AND person_id = ?2"));
  p.bind(1, in.case_id).bind(2, *in.person_id);
  MK_ASSIGN_OR_RETURN(bool linked, p.step());
  if (!linked) {
    return invalid_input("person_id: person " + *in.person_id + " is not linked to case " +
                         in.case_id + " (see: case link)");
  }
  return Status::ok();
}

}  // namespace

std::string_view enum_name(HelpKind kind) {
  switch (kind) {
    case HelpKind::kHousing:
      return "housing";
    case HelpKind::kBenefit:
      return "benefit";
    case HelpKind::kBrpRegistration:
      return "brp_registration";
    case HelpKind::kMedical:
      return "medical";
    case HelpKind::kShelter:
      return "shelter";
    case HelpKind::kLegalAid:
      return "legal_aid";
    case HelpKind::kIdPapers:
      return "id_papers";
  }
  return "housing";
}

std::optional<HelpKind> parse_help_kind(std::string_view s) {
  for (HelpKind k : kHelpKinds) {
    if (enum_name(k) == s) return k;
  }
  return std::nullopt;
}

std::string_view enum_name(HelpStatus status) {
  switch (status) {
    case HelpStatus::kOpen:
      return "open";
    case HelpStatus::kMet:
      return "met";
    case HelpStatus::kClosedUnmet:
      return "closed_unmet";
  }
  return "open";
}

std::optional<HelpStatus> parse_help_status(std::string_view s) {
  for (HelpStatus v : {HelpStatus::kOpen, HelpStatus::kMet, HelpStatus::kClosedUnmet}) {
    if (enum_name(v) == s) return v;
  }
  return std::nullopt;
}

bool is_overdue(const HelpRequest& r, const Date& as_of) {
  return r.status == HelpStatus::kOpen && r.due < as_of;
}

bool met_within_norm(const HelpRequest& r) {
  return r.status == HelpStatus::kMet && r.closed && *r.closed <= r.due;
}

Result<std::string> add_help_request(UnitOfWork& uow, const HelpRequestInput& input) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  std::string team;
  MK_RETURN_IF_ERROR(check_input(uow, input, team));
  MK_RETURN_IF_ERROR(check_links(uow, input));
  MK_ASSIGN_OR_RETURN(std::string id, new_record_id(uow, kTable, kHelpPrefix));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("INSERT INTO help_requests (id, case_id, person_id, kind, team, requested, "
                       "norm, due, policy_hash, status, created, updated) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?10)"));
  st.bind(1, id).bind(2, input.case_id).bind_optional(3, input.person_id);
  st.bind(4, enum_name(input.kind)).bind(5, team).bind(6, input.requested.to_iso());
  st.bind(7, input.norm).bind(8, input.due.to_iso()).bind(9, input.policy_hash);
  st.bind(10, format_instant(uow.now()));
  MK_RETURN_IF_ERROR(st.run());
  MK_RETURN_IF_ERROR(touch_case(uow, input.case_id));
  uow.record({"help.add", id,
              "case=" + input.case_id + ";person=" + input.person_id.value_or("") +
                  ";kind=" + std::string(enum_name(input.kind)) + ";norm=" + input.norm +
                  ";policy=" + input.policy_hash});
  return id;
}

Status set_help_team(UnitOfWork& uow, std::string_view id, std::string_view team) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  std::string checked;
  MK_RETURN_IF_ERROR(check_team(team, checked));
  MK_ASSIGN_OR_RETURN(HelpRequest r, get_help_request(uow, id));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE help_requests SET team = ?1, updated = ?2 "
                                       "WHERE id = ?3"));
  st.bind(1, checked).bind(2, format_instant(uow.now())).bind(3, r.id);
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"help.update", r.id, "fields=team"});
  return Status::ok();
}

Status close_help_request(UnitOfWork& uow, std::string_view id, HelpStatus status,
                          const Date& closed) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  if (status == HelpStatus::kOpen) return invalid_input("status: must be met or closed_unmet");
  MK_ASSIGN_OR_RETURN(HelpRequest r, get_help_request(uow, id));
  if (r.status != HelpStatus::kOpen) return conflict("help request " + r.id + " is closed");
  MK_RETURN_IF_ERROR(check_record_date("closed", closed, today(uow)));
  if (closed < r.requested) return invalid_input("closed: lies before the requested date");
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE help_requests SET status = ?1, closed = ?2, "
                                       "updated = ?3 WHERE id = ?4"));
  st.bind(1, enum_name(status)).bind(2, closed.to_iso()).bind(3, format_instant(uow.now()));
  st.bind(4, r.id);
  MK_RETURN_IF_ERROR(st.run());
  MK_RETURN_IF_ERROR(touch_case(uow, r.case_id));
  r.status = status;
  r.closed = closed;
  uow.record({"help.close", r.id,
              "status=" + std::string(enum_name(status)) +
                  ";within_norm=" + (met_within_norm(r) ? "yes" : "no")});
  return Status::ok();
}

Result<HelpRequest> get_help_request(UnitOfWork& uow, std::string_view id) {
  if (!looks_like_id(id, kHelpPrefix)) {
    return invalid_input("id: not a help request id (expected H-XXXXXXXX)");
  }
  MK_ASSIGN_OR_RETURN(std::vector<HelpRequest> rows,
                      select_requests(uow, " WHERE id = ?1", {std::string(id)}));
  if (rows.empty()) return not_found("no help request " + std::string(id));
  return std::move(rows.front());
}

Result<std::vector<HelpRequest>> list_help_requests(UnitOfWork& uow,
                                                    const std::optional<std::string>& case_id) {
  if (!case_id) return select_requests(uow, kOrder, {});
  MK_RETURN_IF_ERROR(check_references(uow, "case_id", kCaseRecord, {*case_id}).status());
  return select_requests(uow, std::string(" WHERE case_id = ?1") + kOrder, {*case_id});
}

Result<std::vector<HelpRequest>> overdue_help_requests(UnitOfWork& uow, const Date& as_of) {
  return select_requests(uow, " WHERE status = 'open' AND due < ?1 ORDER BY due, requested, id",
                         {as_of.to_iso()});
}

}  // namespace mk::vault

#include "vault/retention_subjects.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "vault/disclosure_register.hpp"
#include "vault/store_support.hpp"

namespace mk::vault {
namespace {

// How a person is linked, once for every person (the list) and once per subject (holds_blocking,
// persons_linked_to below): the two must say the same.
//   person_signals: the signals a person is linked to or reported.
//   person_cases:   the cases a person is linked to, directly or through one of those signals.
constexpr char kLinksCte[] =
    "WITH person_signals(person_id, signal_id) AS ("
    "  SELECT person_id, signal_id FROM signal_persons"
    "  UNION SELECT reporter_id, id FROM signals WHERE reporter_id IS NOT NULL),"
    " person_cases(person_id, case_id) AS ("
    "  SELECT person_id, case_id FROM case_persons"
    "  UNION SELECT ps.person_id, cs.case_id FROM person_signals ps"
    "  JOIN case_signals cs ON cs.signal_id = ps.signal_id) ";

// The cases of one person (?1), as person_cases above.
constexpr char kCasesOfPerson[] =
    "SELECT case_id FROM case_persons WHERE person_id = ?1"
    " UNION SELECT cs.case_id FROM signal_persons sp"
    " JOIN case_signals cs ON cs.signal_id = sp.signal_id WHERE sp.person_id = ?1"
    " UNION SELECT cs.case_id FROM signals s"
    " JOIN case_signals cs ON cs.signal_id = s.id WHERE s.reporter_id = ?1";

// The cases a disclosure (?1) names, directly or through a signal it names.
constexpr char kCasesOfDisclosure[] =
    "SELECT case_id FROM disclosure_subjects WHERE disclosure_id = ?1 AND case_id IS NOT NULL"
    " UNION SELECT cs.case_id FROM disclosure_subjects ds"
    " JOIN case_signals cs ON cs.signal_id = ds.signal_id WHERE ds.disclosure_id = ?1";

std::string_view kind_noun(SubjectKind k) {
  return enum_name(k);
}

Date date_of(Instant t) {
  return Date::from_sys_days(std::chrono::floor<std::chrono::days>(t));
}

Result<Date> read_date(const Statement& st, int column, SubjectKind kind) {
  std::optional<Date> d = Date::parse_iso(st.column_text(column));
  if (!d) return vault_corrupt("a " + std::string(kind_noun(kind)) + " holds an unreadable date");
  return *d;
}

Result<std::optional<Date>> read_optional_date(const Statement& st, int column, SubjectKind kind) {
  if (st.is_null(column)) return std::optional<Date>();
  MK_ASSIGN_OR_RETURN(Date d, read_date(st, column, kind));
  return std::optional<Date>(d);
}

Result<Date> read_instant_date(const Statement& st, int column, SubjectKind kind) {
  Instant t;
  if (!parse_instant(st.column_text(column), t)) {
    return vault_corrupt("a " + std::string(kind_noun(kind)) + " holds an unreadable timestamp");
  }
  return date_of(t);
}

Result<std::vector<std::string>> column_list(Statement& st) {
  std::vector<std::string> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    out.push_back(st.column_text(0));
  }
}

Status add_signals(UnitOfWork& uow, std::vector<RetentionSubject>& out) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("SELECT id, outcome, received, closed, updated FROM signals"
                       " WHERE id NOT IN (SELECT signal_id FROM case_signals) ORDER BY id"));
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return Status::ok();
    RetentionSubject s;
    s.kind = SubjectKind::kSignal;
    s.id = st.column_text(0);
    if (!st.is_null(1)) {
      s.outcome = parse_signal_outcome(st.column_text(1));
      if (!s.outcome) return vault_corrupt("a signal holds an unknown outcome");
    }
    MK_ASSIGN_OR_RETURN(s.received, read_date(st, 2, s.kind));
    MK_ASSIGN_OR_RETURN(s.closed, read_optional_date(st, 3, s.kind));
    MK_ASSIGN_OR_RETURN(s.last_activity, read_instant_date(st, 4, s.kind));
    out.push_back(std::move(s));
  }
}

Status add_cases(UnitOfWork& uow, std::vector<RetentionSubject>& out) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare(
          "SELECT id, opened, closed, updated, EXISTS (SELECT 1 FROM legal_holds h"
          " WHERE h.case_id = cases.id AND h.released IS NULL) FROM cases ORDER BY id"));
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return Status::ok();
    RetentionSubject s;
    s.kind = SubjectKind::kCase;
    s.id = st.column_text(0);
    MK_ASSIGN_OR_RETURN(s.received, read_date(st, 1, s.kind));
    MK_ASSIGN_OR_RETURN(s.closed, read_optional_date(st, 2, s.kind));
    MK_ASSIGN_OR_RETURN(s.last_activity, read_instant_date(st, 3, s.kind));
    if (st.column_int(4) != 0) s.held_by.push_back(s.id);
    out.push_back(std::move(s));
  }
}

Status add_disclosures(UnitOfWork& uow, std::vector<RetentionSubject>& out) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT id, time FROM disclosures ORDER BY id"));
  MK_ASSIGN_OR_RETURN(
      Statement holds,
      uow.db().prepare("SELECT case_id FROM legal_holds WHERE released IS NULL AND case_id IN (" +
                       std::string(kCasesOfDisclosure) + ") ORDER BY case_id"));
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return Status::ok();
    RetentionSubject s;
    s.kind = SubjectKind::kDisclosure;
    s.id = st.column_text(0);
    MK_ASSIGN_OR_RETURN(s.received, read_instant_date(st, 1, s.kind));
    s.closed = s.received;
    s.last_activity = s.received;
    holds.reset();
    holds.bind(1, s.id);
    MK_ASSIGN_OR_RETURN(s.held_by, column_list(holds));
    out.push_back(std::move(s));
  }
}

// What a person's links say about their closure.
struct LinkClosure {
  std::int64_t links = 0;
  std::int64_t closed_links = 0;
  std::optional<Date> latest;
};

Result<std::map<std::string, LinkClosure>> link_closures(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(
      Statement st, uow.db().prepare(std::string(kLinksCte) +
                                     "SELECT person_id, count(*), count(closed), max(closed) FROM ("
                                     " SELECT ps.person_id, s.closed FROM person_signals ps"
                                     " JOIN signals s ON s.id = ps.signal_id"
                                     " UNION ALL SELECT pc.person_id, c.closed FROM person_cases pc"
                                     " JOIN cases c ON c.id = pc.case_id) GROUP BY person_id"));
  std::map<std::string, LinkClosure> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    LinkClosure c{st.column_int(1), st.column_int(2), std::nullopt};
    MK_ASSIGN_OR_RETURN(c.latest, read_optional_date(st, 3, SubjectKind::kPerson));
    out.emplace(st.column_text(0), c);
  }
}

Result<std::map<std::string, std::vector<std::string>>> person_holds(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare(std::string(kLinksCte) +
                       "SELECT DISTINCT pc.person_id, pc.case_id FROM person_cases pc"
                       " JOIN legal_holds h ON h.case_id = pc.case_id AND h.released IS NULL"
                       " ORDER BY pc.person_id, pc.case_id"));
  std::map<std::string, std::vector<std::string>> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    out[st.column_text(0)].push_back(st.column_text(1));
  }
}

// Open while any link is open; else the latest closure among links and remembered ones; a
// person linked to nothing, ever, closes on the date of their last change.
std::optional<Date> person_closure(const LinkClosure* links, const std::optional<Date>& remembered,
                                   const Date& last_change) {
  if (links && links->closed_links < links->links) return std::nullopt;
  std::optional<Date> latest = links ? links->latest : std::nullopt;
  if (remembered && (!latest || *latest < *remembered)) latest = remembered;
  return latest ? latest : std::optional<Date>(last_change);
}

Status add_persons(UnitOfWork& uow, std::vector<RetentionSubject>& out) {
  MK_ASSIGN_OR_RETURN(auto closures, link_closures(uow));
  MK_ASSIGN_OR_RETURN(auto holds, person_holds(uow));
  MK_ASSIGN_OR_RETURN(auto disclosed, disclosed_partner_kinds(uow));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("SELECT id, role, created, updated, links_closed FROM persons ORDER BY id"));
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return Status::ok();
    RetentionSubject s;
    s.kind = SubjectKind::kPerson;
    s.id = st.column_text(0);
    s.role = parse_person_role(st.column_text(1));
    if (!s.role) return vault_corrupt("a person holds an unknown role");
    MK_ASSIGN_OR_RETURN(s.received, read_instant_date(st, 2, s.kind));
    MK_ASSIGN_OR_RETURN(s.last_activity, read_instant_date(st, 3, s.kind));
    MK_ASSIGN_OR_RETURN(std::optional<Date> remembered, read_optional_date(st, 4, s.kind));
    auto links = closures.find(s.id);
    s.closed = person_closure(links == closures.end() ? nullptr : &links->second, remembered,
                              s.last_activity);
    if (auto held = holds.find(s.id); held != holds.end()) s.held_by = std::move(held->second);
    if (auto to = disclosed.find(s.id); to != disclosed.end())
      s.disclosed_to = std::move(to->second);
    out.push_back(std::move(s));
  }
}

}  // namespace

std::string_view enum_name(SubjectKind k) {
  switch (k) {
    case SubjectKind::kSignal:
      return "signal";
    case SubjectKind::kCase:
      return "case";
    case SubjectKind::kPerson:
      return "person";
    case SubjectKind::kDisclosure:
      return "disclosure";
  }
  return "?";
}

Result<std::vector<RetentionSubject>> list_retention_subjects(UnitOfWork& uow) {
  std::vector<RetentionSubject> out;
  MK_RETURN_IF_ERROR(add_signals(uow, out));
  MK_RETURN_IF_ERROR(add_cases(uow, out));
  MK_RETURN_IF_ERROR(add_disclosures(uow, out));
  MK_RETURN_IF_ERROR(add_persons(uow, out));
  return out;
}

Result<std::vector<std::string>> holds_blocking(UnitOfWork& uow, SubjectKind kind,
                                                std::string_view id) {
  std::string cases;
  switch (kind) {
    case SubjectKind::kSignal:
      cases = "SELECT case_id FROM case_signals WHERE signal_id = ?1";
      break;
    case SubjectKind::kCase:
      cases = "SELECT ?1";
      break;
    case SubjectKind::kPerson:
      cases = kCasesOfPerson;
      break;
    case SubjectKind::kDisclosure:
      cases = kCasesOfDisclosure;
      break;
  }
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT case_id FROM legal_holds WHERE released IS NULL"
                                       " AND case_id IN (" +
                                       cases + ") ORDER BY case_id"));
  st.bind(1, id);
  return column_list(st);
}

Result<std::vector<std::string>> persons_linked_to(UnitOfWork& uow, SubjectKind kind,
                                                   std::string_view id) {
  std::string sql;
  switch (kind) {
    case SubjectKind::kSignal:
      sql =
          "SELECT person_id FROM signal_persons WHERE signal_id = ?1"
          " UNION SELECT reporter_id FROM signals WHERE id = ?1 AND reporter_id IS NOT NULL";
      break;
    case SubjectKind::kCase:
      sql =
          "SELECT person_id FROM case_persons WHERE case_id = ?1"
          " UNION SELECT sp.person_id FROM case_signals cs"
          " JOIN signal_persons sp ON sp.signal_id = cs.signal_id WHERE cs.case_id = ?1"
          " UNION SELECT s.reporter_id FROM case_signals cs JOIN signals s ON s.id = cs.signal_id"
          " WHERE cs.case_id = ?1 AND s.reporter_id IS NOT NULL";
      break;
    case SubjectKind::kDisclosure:
      sql =
          "SELECT person_id FROM disclosure_subjects WHERE disclosure_id = ?1"
          " AND person_id IS NOT NULL";
      break;
    case SubjectKind::kPerson:
      return internal_error("persons_linked_to: a person is not linked to persons");
  }
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql + " ORDER BY 1"));
  st.bind(1, id);
  return column_list(st);
}

}  // namespace mk::vault

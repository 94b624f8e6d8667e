#include "vault/shredding.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "vault/case.hpp"
#include "vault/disclosure_register.hpp"
#include "vault/help_request_store.hpp"
#include "vault/retention_subjects.hpp"
#include "vault/signal_rows.hpp"
#include "vault/statistical_facts.hpp"
#include "vault/store_support.hpp"
#include "vault/subject_keys.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr char kErasureRule[] = "erasure_request";

bool is_erasure(const ShredOrder& order) {
  return order.rule == kErasureRule;
}

bool is_policy_hash(std::string_view h) {
  return h.size() == 64 && std::all_of(h.begin(), h.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Status require_shredder(UnitOfWork& uow) {
  if (!uow.vault().can_read_identities()) return forbidden("this role cannot shred records");
  return Status::ok();
}

Status check_order(const ShredOrder& order, SubjectKind kind) {
  if (!valid_rule_id(order.rule)) {
    return invalid_input("rule: 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-'");
  }
  if (is_erasure(order)) {
    if (kind != SubjectKind::kPerson) {
      return invalid_input("rule: only a person is erased on request");
    }
    if (!order.policy_hash.empty()) {
      return invalid_input("policy_hash: an erasure request follows no retention policy");
    }
  } else if (!is_policy_hash(order.policy_hash)) {
    return invalid_input("policy_hash: expected the policy's SHA-256 in lowercase hex");
  }
  if (order.keep_statistics && kind == SubjectKind::kPerson) {
    return invalid_input("keep_statistics: persons are shredded, never de-identified");
  }
  return Status::ok();
}

// The subject's one audit event.
AuditEvent shred_event(std::string_view id, const ShredOrder& order) {
  return {is_erasure(order) ? "person.erase" : "retention.shred", std::string(id),
          "rule=" + order.rule + ";policy=" + order.policy_hash +
              ";action=" + (order.keep_statistics ? "deidentify" : "shred")};
}

Status refuse_if_held(UnitOfWork& uow, SubjectKind kind, std::string_view id) {
  MK_ASSIGN_OR_RETURN(std::vector<std::string> held, holds_blocking(uow, kind, id));
  if (held.empty()) return Status::ok();
  return conflict(std::string(enum_name(kind)) + " " + std::string(id) +
                  " is blocked by a legal hold on case " + join_names(held));
}

std::string month_of(const Date& d) {
  return d.to_iso().substr(0, 7);
}

// Keeps `closure` as the latest closure of the links of `persons` that are about to go, so their
// own retention still starts from it.
Status remember_closure(UnitOfWork& uow, const std::vector<std::string>& persons,
                        const Date& closure) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("UPDATE persons SET links_closed = ?1"
                                                     " WHERE id = ?2 AND (links_closed IS NULL"
                                                     " OR links_closed < ?1)"));
  for (const std::string& id : persons) {
    st.reset();
    st.bind(1, closure.to_iso()).bind(2, id);
    MK_RETURN_IF_ERROR(st.run());
  }
  return Status::ok();
}

// Sets the fact's victims and suspects from the roles of `persons`.
Status count_roles(UnitOfWork& uow, const std::vector<std::string>& persons,
                   StatisticalFact& fact) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("SELECT role FROM persons WHERE id = ?1"));
  for (const std::string& id : persons) {
    st.reset();
    st.bind(1, id);
    MK_ASSIGN_OR_RETURN(bool found, st.step());
    if (!found) continue;
    std::optional<PersonRole> role = parse_person_role(st.column_text(0));
    if (role == PersonRole::kVictim) ++fact.victims;
    if (role == PersonRole::kSuspect) ++fact.suspects;
  }
  return Status::ok();
}

// Deletes the record's row (its links, codes, indexes and released holds go with it by the
// schema's cascades), then its key, which no row may still name.
Status delete_subject(UnitOfWork& uow, const RecordKind& kind, std::string_view id,
                      std::string_view key_id) {
  MK_ASSIGN_OR_RETURN(
      Statement st, uow.db().prepare("DELETE FROM " + std::string(kind.table) + " WHERE id = ?1"));
  st.bind(1, id);
  MK_RETURN_IF_ERROR(st.run());
  if (uow.db().changes() != 1) return internal_error("a record to shred was not deleted");
  return destroy_subject_key(uow, key_id);
}

Result<SignalRow> load_signal(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(std::vector<SignalRow> rows,
                      select_signal_rows(uow, " WHERE id = ?1", {std::string(id)}));
  if (rows.empty()) return not_found("no signal " + std::string(id));
  return std::move(rows.front());
}

// Shreds a signal that exists and is not held.
Status shred_signal_row(UnitOfWork& uow, const SignalRow& row, const ShredOrder& order) {
  const SignalSummary& s = row.summary;
  MK_ASSIGN_OR_RETURN(std::vector<std::string> persons,
                      persons_linked_to(uow, SubjectKind::kSignal, s.id));
  if (order.keep_statistics) {
    StatisticalFact fact;
    fact.kind = "signal";
    fact.period = month_of(s.received);
    if (s.closed) fact.closed_period = month_of(*s.closed);
    fact.source_kind = std::string(enum_name(s.source_kind));
    if (s.outcome) fact.outcome = std::string(enum_name(*s.outcome));
    fact.forms = s.forms;
    std::sort(fact.forms.begin(), fact.forms.end());
    fact.minor = std::string(enum_name(s.minor));
    MK_RETURN_IF_ERROR(count_roles(uow, persons, fact));
    fact.rule = order.rule;
    fact.shredded_period = month_of(today(uow));
    MK_RETURN_IF_ERROR(add_statistical_fact(uow, fact));
  }
  MK_RETURN_IF_ERROR(remember_closure(uow, persons, s.closed.value_or(today(uow))));
  MK_RETURN_IF_ERROR(delete_subject(uow, kSignalRecord, s.id, row.key_id));
  uow.record(shred_event(s.id, order));
  return Status::ok();
}

struct CaseRow {
  std::string id;
  CaseStatus status = CaseStatus::kActive;
  Date opened{2000, 1, 1};
  std::optional<Date> closed;
  std::string key_id;
};

Result<CaseRow> load_case(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("SELECT id, status, opened, closed, key_id FROM cases WHERE id = ?1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no case " + std::string(id));
  CaseRow row;
  row.id = st.column_text(0);
  std::optional<CaseStatus> status = parse_case_status(st.column_text(1));
  std::optional<Date> opened = Date::parse_iso(st.column_text(2));
  if (!status || !opened) return vault_corrupt("a case row holds an unreadable value");
  row.status = *status;
  row.opened = *opened;
  if (!st.is_null(3)) {
    row.closed = Date::parse_iso(st.column_text(3));
    if (!row.closed) return vault_corrupt("a case row holds an unreadable closing date");
  }
  row.key_id = st.column_text(4);
  return row;
}

// Sets the fact's help counts from the case's help requests, which go with it.
Status count_help(UnitOfWork& uow, std::string_view case_id, StatisticalFact& fact) {
  MK_ASSIGN_OR_RETURN(std::vector<HelpRequest> requests,
                      list_help_requests(uow, std::string(case_id)));
  for (const HelpRequest& r : requests) {
    if (r.status == HelpStatus::kOpen) {
      ++fact.help_open;
    } else if (met_within_norm(r)) {
      ++fact.help_met;
    } else {
      ++fact.help_late;
    }
  }
  return Status::ok();
}

// The case's signals that are linked to no other case.
Result<std::vector<std::string>> signals_only_in(UnitOfWork& uow, std::string_view case_id) {
  MK_ASSIGN_OR_RETURN(
      ListQuery query,
      ListQuery::prepare(uow,
                         "SELECT signal_id FROM case_signals WHERE case_id = ?1 AND signal_id NOT "
                         "IN (SELECT signal_id FROM case_signals WHERE case_id <> ?1) "
                         "ORDER BY signal_id"));
  return query.run(case_id);
}

Date utc_date(Instant t) {
  return Date::from_sys_days(std::chrono::floor<std::chrono::days>(t));
}

Result<std::string> person_key_id(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("SELECT key_id FROM persons WHERE id = ?1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no person " + std::string(id));
  return st.column_text(0);
}

}  // namespace

Status shred_signal(UnitOfWork& uow, std::string_view id, const ShredOrder& order) {
  MK_RETURN_IF_ERROR(require_shredder(uow));
  MK_RETURN_IF_ERROR(check_order(order, SubjectKind::kSignal));
  MK_RETURN_IF_ERROR(check_id_shape("id", kSignalRecord, id));
  MK_ASSIGN_OR_RETURN(SignalRow row, load_signal(uow, id));
  MK_RETURN_IF_ERROR(refuse_if_held(uow, SubjectKind::kSignal, id));
  return shred_signal_row(uow, row, order);
}

Status shred_case(UnitOfWork& uow, std::string_view id, const ShredOrder& order) {
  MK_RETURN_IF_ERROR(require_shredder(uow));
  MK_RETURN_IF_ERROR(check_order(order, SubjectKind::kCase));
  MK_RETURN_IF_ERROR(check_id_shape("id", kCaseRecord, id));
  MK_ASSIGN_OR_RETURN(CaseRow row, load_case(uow, id));
  MK_RETURN_IF_ERROR(refuse_if_held(uow, SubjectKind::kCase, id));
  MK_ASSIGN_OR_RETURN(std::vector<std::string> persons,
                      persons_linked_to(uow, SubjectKind::kCase, row.id));
  MK_ASSIGN_OR_RETURN(std::vector<std::string> signals, signals_only_in(uow, row.id));
  if (order.keep_statistics) {
    StatisticalFact fact;
    fact.kind = "case";
    fact.period = month_of(row.opened);
    if (row.closed) fact.closed_period = month_of(*row.closed);
    fact.outcome = std::string(enum_name(row.status));
    MK_RETURN_IF_ERROR(count_roles(uow, persons, fact));
    MK_RETURN_IF_ERROR(count_help(uow, row.id, fact));
    fact.rule = order.rule;
    fact.shredded_period = month_of(today(uow));
    MK_RETURN_IF_ERROR(add_statistical_fact(uow, fact));
  }
  MK_RETURN_IF_ERROR(remember_closure(uow, persons, row.closed.value_or(today(uow))));
  MK_RETURN_IF_ERROR(delete_subject(uow, kCaseRecord, row.id, row.key_id));
  uow.record(shred_event(row.id, order));
  for (const std::string& signal_id : signals) {
    MK_ASSIGN_OR_RETURN(SignalRow signal, load_signal(uow, signal_id));
    MK_RETURN_IF_ERROR(shred_signal_row(uow, signal, order));
  }
  return Status::ok();
}

Status shred_person(UnitOfWork& uow, std::string_view id, const ShredOrder& order) {
  MK_RETURN_IF_ERROR(require_shredder(uow));
  MK_RETURN_IF_ERROR(check_order(order, SubjectKind::kPerson));
  MK_RETURN_IF_ERROR(check_id_shape("id", kPersonRecord, id));
  MK_ASSIGN_OR_RETURN(std::string key_id, person_key_id(uow, id));
  MK_RETURN_IF_ERROR(refuse_if_held(uow, SubjectKind::kPerson, id));
  MK_RETURN_IF_ERROR(delete_subject(uow, kPersonRecord, id, key_id));
  uow.record(shred_event(id, order));
  return Status::ok();
}

Status shred_disclosure(UnitOfWork& uow, std::string_view id, const ShredOrder& order) {
  MK_RETURN_IF_ERROR(require_shredder(uow));
  MK_RETURN_IF_ERROR(check_order(order, SubjectKind::kDisclosure));
  MK_ASSIGN_OR_RETURN(Disclosure d, get_disclosure(uow, id));
  MK_RETURN_IF_ERROR(refuse_if_held(uow, SubjectKind::kDisclosure, d.id));
  if (order.keep_statistics) {
    StatisticalFact fact;
    fact.kind = "disclosure";
    fact.period = month_of(utc_date(d.time));
    fact.partner_kind = d.partner_kind;
    fact.purpose = d.purpose;
    MK_RETURN_IF_ERROR(count_roles(uow, d.person_ids, fact));
    fact.rule = order.rule;
    fact.shredded_period = month_of(today(uow));
    MK_RETURN_IF_ERROR(add_statistical_fact(uow, fact));
  }
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("DELETE FROM disclosures WHERE id = ?1"));
  st.bind(1, d.id);
  MK_RETURN_IF_ERROR(st.run());
  if (uow.db().changes() != 1) return internal_error("a disclosure to shred was not deleted");
  uow.record(shred_event(d.id, order));
  return Status::ok();
}

}  // namespace mk::vault

#include "vault/case_store.hpp"

#include "vault/field_cipher.hpp"
#include "vault/field_rules.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/subject_keys.hpp"

namespace mk::vault {
namespace {

constexpr char kTable[] = "cases";
constexpr char kSummary[] = "summary";
constexpr char kClosureNote[] = "closure_note";

// Column order of every SELECT of a summary below.
constexpr char kSelectSummary[] =
    "SELECT id, key_id, status, opened, closed, summary IS NOT NULL, closure_note IS NOT NULL, "
    "created, updated FROM cases";

struct CaseRow {
  CaseSummary summary;
  std::string key_id;
};

Result<CaseRow> read_row(const Statement& st) {
  CaseRow row;
  CaseSummary& s = row.summary;
  s.id = st.column_text(0);
  row.key_id = st.column_text(1);
  std::optional<CaseStatus> status = parse_case_status(st.column_text(2));
  std::optional<Date> opened = Date::parse_iso(st.column_text(3));
  if (!status || !opened || !parse_instant(st.column_text(7), s.created) ||
      !parse_instant(st.column_text(8), s.updated)) {
    return vault_corrupt("a case row holds an unreadable value");
  }
  if (!st.is_null(4)) {
    s.closed = Date::parse_iso(st.column_text(4));
    if (!s.closed) return vault_corrupt("a case row holds an unreadable closing date");
  }
  s.status = *status;
  s.opened = *opened;
  s.has_summary = st.column_int(5) != 0;
  s.has_closure_note = st.column_int(6) != 0;
  return row;
}

// The signals and persons linked to a case.
struct LinkReader {
  static Result<LinkReader> prepare(UnitOfWork& uow) {
    MK_ASSIGN_OR_RETURN(
        ListQuery signals,
        ListQuery::prepare(
            uow, "SELECT signal_id FROM case_signals WHERE case_id = ?1 ORDER BY signal_id"));
    MK_ASSIGN_OR_RETURN(
        ListQuery persons,
        ListQuery::prepare(
            uow, "SELECT person_id FROM case_persons WHERE case_id = ?1 ORDER BY person_id"));
    return LinkReader{std::move(signals), std::move(persons)};
  }

  Status fill(CaseSummary& s) {
    MK_ASSIGN_OR_RETURN(s.signal_ids, signals.run(s.id));
    MK_ASSIGN_OR_RETURN(s.person_ids, persons.run(s.id));
    return Status::ok();
  }

  ListQuery signals;
  ListQuery persons;
};

Result<CaseRow> load_row(UnitOfWork& uow, std::string_view id) {
  MK_RETURN_IF_ERROR(check_id_shape("id", kCaseRecord, id));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare(std::string(kSelectSummary) + " WHERE id = ?1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no case " + std::string(id));
  MK_ASSIGN_OR_RETURN(CaseRow row, read_row(st));
  MK_ASSIGN_OR_RETURN(LinkReader links, LinkReader::prepare(uow));
  MK_RETURN_IF_ERROR(links.fill(row.summary));
  return row;
}

Status require_open(const CaseSummary& s) {
  if (is_closed(s.status)) return conflict("case " + s.id + " is closed");
  return Status::ok();
}

Status write_sealed(UnitOfWork& uow, const CaseRow& row, const crypto::SecretBuffer& key,
                    std::string_view column, const std::string& value) {
  std::string sql = "UPDATE cases SET " + std::string(column) + " = ?1 WHERE id = ?2";
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql));
  FieldLocation where{kTable, column, row.summary.id, row.key_id};
  st.bind_blob(1, encrypt_field(key, where, value)).bind(2, row.summary.id);
  return st.run();
}

Result<std::optional<std::string>> open_sealed(const Statement& st, int column,
                                               std::string_view name, const CaseRow& row,
                                               const crypto::SecretBuffer& key) {
  if (st.is_null(column)) return std::optional<std::string>();
  FieldLocation where{kTable, name, row.summary.id, row.key_id};
  MK_ASSIGN_OR_RETURN(std::string text, decrypt_field(key, where, st.column_blob(column)));
  return std::optional<std::string>(std::move(text));
}

// Links `ids` (checked) to the case; returns those that were not linked yet.
Result<std::vector<std::string>> insert_links(UnitOfWork& uow, std::string_view case_id,
                                              std::string_view table, std::string_view column,
                                              const std::vector<std::string>& ids) {
  MK_ASSIGN_OR_RETURN(
      Statement st, uow.db().prepare("INSERT OR IGNORE INTO " + std::string(table) + " (case_id, " +
                                     std::string(column) + ") VALUES (?1, ?2)"));
  std::vector<std::string> added;
  for (const std::string& id : ids) {
    st.reset();
    st.bind(1, case_id).bind(2, id);
    MK_RETURN_IF_ERROR(st.run());
    if (uow.db().changes() > 0) added.push_back(id);
  }
  return added;
}

struct Links {
  std::vector<std::string> signal_ids;
  std::vector<std::string> person_ids;
};

Result<Links> check_links(UnitOfWork& uow, const std::vector<std::string>& signal_ids,
                          const std::vector<std::string>& person_ids) {
  if (signal_ids.empty() && person_ids.empty()) {
    return invalid_input("signal_ids, person_ids: name at least one signal or person");
  }
  Links out;
  MK_ASSIGN_OR_RETURN(out.signal_ids,
                      check_references(uow, "signal_ids", kSignalRecord, signal_ids));
  MK_ASSIGN_OR_RETURN(out.person_ids,
                      check_references(uow, "person_ids", kPersonRecord, person_ids));
  return out;
}

Result<Links> insert_all_links(UnitOfWork& uow, std::string_view case_id, const Links& links) {
  Links added;
  MK_ASSIGN_OR_RETURN(added.signal_ids,
                      insert_links(uow, case_id, "case_signals", "signal_id", links.signal_ids));
  MK_ASSIGN_OR_RETURN(added.person_ids,
                      insert_links(uow, case_id, "case_persons", "person_id", links.person_ids));
  return added;
}

std::string link_detail(const Links& links) {
  return "signals=" + join_names(links.signal_ids) + " persons=" + join_names(links.person_ids);
}

Status touch(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE cases SET updated = ?1 WHERE id = ?2"));
  st.bind(1, format_instant(uow.now())).bind(2, id);
  return st.run();
}

std::vector<std::string> sealed_fields(const CaseSummary& s) {
  std::vector<std::string> out;
  if (s.has_summary) out.emplace_back(kSummary);
  if (s.has_closure_note) out.emplace_back(kClosureNote);
  return out;
}

}  // namespace

Result<std::string> open_case(UnitOfWork& uow, const CaseInput& input) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_RETURN_IF_ERROR(check_record_date("opened", input.opened, today(uow)));
  std::optional<std::string> summary;
  if (input.summary) {
    MK_ASSIGN_OR_RETURN(summary, check_text(kSummary, *input.summary, kMaxNarrativeChars, true));
  }
  MK_ASSIGN_OR_RETURN(Links links, check_links(uow, input.signal_ids, input.person_ids));
  MK_ASSIGN_OR_RETURN(SubjectKey key, create_subject_key(uow));
  MK_ASSIGN_OR_RETURN(std::string id, new_record_id(uow, kTable, kCaseRecord.prefix));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("INSERT INTO cases (id, status, opened, key_id, created, updated) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?5)"));
  st.bind(1, id).bind(2, enum_name(CaseStatus::kActive)).bind(3, input.opened.to_iso());
  st.bind(4, key.id).bind(5, format_instant(uow.now()));
  MK_RETURN_IF_ERROR(st.run());
  CaseRow row;
  row.summary.id = id;
  row.key_id = key.id;
  if (summary) MK_RETURN_IF_ERROR(write_sealed(uow, row, key.key, kSummary, *summary));
  MK_RETURN_IF_ERROR(insert_all_links(uow, id, links));
  std::string detail = link_detail(links);
  if (summary) detail += " fields=summary";
  uow.record({"case.open", id, detail});
  return id;
}

Status link_case(UnitOfWork& uow, std::string_view id, const std::vector<std::string>& signal_ids,
                 const std::vector<std::string>& person_ids) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_ASSIGN_OR_RETURN(CaseRow row, load_row(uow, id));
  MK_RETURN_IF_ERROR(require_open(row.summary));
  MK_ASSIGN_OR_RETURN(Links links, check_links(uow, signal_ids, person_ids));
  MK_ASSIGN_OR_RETURN(Links added, insert_all_links(uow, row.summary.id, links));
  if (!added.signal_ids.empty() || !added.person_ids.empty()) {
    MK_RETURN_IF_ERROR(touch(uow, row.summary.id));
  }
  uow.record({"case.link", row.summary.id, link_detail(added)});
  return Status::ok();
}

Status set_case_status(UnitOfWork& uow, std::string_view id, CaseStatus status) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  if (is_closed(status)) return invalid_input("status: a case is closed with close_case");
  MK_ASSIGN_OR_RETURN(CaseRow row, load_row(uow, id));
  MK_RETURN_IF_ERROR(require_open(row.summary));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE cases SET status = ?1, updated = ?2 WHERE id = ?3"));
  st.bind(1, enum_name(status)).bind(2, format_instant(uow.now())).bind(3, row.summary.id);
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"case.status", row.summary.id, "status=" + std::string(enum_name(status))});
  return Status::ok();
}

Status close_case(UnitOfWork& uow, std::string_view id, CaseStatus status, const Date& closed,
                  const std::optional<std::string>& note) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  if (!is_closed(status)) return invalid_input("status: must be closed or closed_referred");
  std::optional<std::string> checked_note;
  if (note) {
    MK_ASSIGN_OR_RETURN(checked_note, check_text(kClosureNote, *note, kMaxClosureNoteChars, true));
  }
  MK_ASSIGN_OR_RETURN(CaseRow row, load_row(uow, id));
  MK_RETURN_IF_ERROR(require_open(row.summary));
  MK_RETURN_IF_ERROR(check_record_date("closed", closed, today(uow)));
  if (closed < row.summary.opened) return invalid_input("closed: lies before the opening date");
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("UPDATE cases SET status = ?1, closed = ?2, updated = ?3 WHERE id = ?4"));
  st.bind(1, enum_name(status)).bind(2, closed.to_iso()).bind(3, format_instant(uow.now()));
  st.bind(4, row.summary.id);
  MK_RETURN_IF_ERROR(st.run());
  std::string detail = "status=" + std::string(enum_name(status));
  if (checked_note) {
    MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
    MK_RETURN_IF_ERROR(write_sealed(uow, row, key, kClosureNote, *checked_note));
    detail += " fields=closure_note";
  }
  uow.record({"case.close", row.summary.id, detail});
  return Status::ok();
}

Result<std::vector<CaseSummary>> list_cases(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(std::string(kSelectSummary) +
                                                     " ORDER BY opened DESC, created DESC, id"));
  MK_ASSIGN_OR_RETURN(LinkReader links, LinkReader::prepare(uow));
  std::vector<CaseSummary> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) break;
    MK_ASSIGN_OR_RETURN(CaseRow row, read_row(st));
    MK_RETURN_IF_ERROR(links.fill(row.summary));
    out.push_back(std::move(row.summary));
  }
  return out;
}

Result<CaseSummary> get_case_summary(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(CaseRow row, load_row(uow, id));
  return std::move(row.summary);
}

Result<Case> read_case(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(CaseRow row, load_row(uow, id));
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT summary, closure_note FROM cases WHERE id = ?1"));
  st.bind(1, row.summary.id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no case " + row.summary.id);
  Case out;
  MK_ASSIGN_OR_RETURN(out.summary_text, open_sealed(st, 0, kSummary, row, key));
  MK_ASSIGN_OR_RETURN(out.closure_note, open_sealed(st, 1, kClosureNote, row, key));
  uow.record({"case.read", row.summary.id, "fields=" + join_names(sealed_fields(row.summary))});
  out.summary = std::move(row.summary);
  return out;
}

}  // namespace mk::vault

#include "vault/signal_rows.hpp"

#include "vault/field_cipher.hpp"
#include "vault/store_support.hpp"

namespace mk::vault {
namespace {

// Column order of every SELECT of a row below.
constexpr char kSelectRow[] =
    "SELECT id, key_id, received, source_kind, source_team, reporter_id, scale, severity, minor, "
    "status, outcome, closed, narrative IS NOT NULL, nature IS NOT NULL, created, updated "
    "FROM signals";

template <typename E>
bool read_optional(const Statement& st, int column, std::optional<E> (*parse)(std::string_view),
                   std::optional<E>& out) {
  if (st.is_null(column)) return true;
  out = parse(st.column_text(column));
  return out.has_value();
}

Result<SignalRow> read_row(const Statement& st) {
  SignalRow row;
  SignalSummary& s = row.summary;
  s.id = st.column_text(0);
  row.key_id = st.column_text(1);
  std::optional<Date> received = Date::parse_iso(st.column_text(2));
  std::optional<SourceKind> source = parse_source_kind(st.column_text(3));
  std::optional<MinorInvolved> minor = parse_minor_involved(st.column_text(8));
  std::optional<SignalStatus> status = parse_signal_status(st.column_text(9));
  if (!received || !source || !minor || !status || !read_optional(st, 6, parse_scale, s.scale) ||
      !read_optional(st, 7, parse_severity, s.severity) ||
      !read_optional(st, 10, parse_signal_outcome, s.outcome) ||
      !parse_instant(st.column_text(14), s.created) ||
      !parse_instant(st.column_text(15), s.updated)) {
    return vault_corrupt("a signal row holds an unreadable value");
  }
  if (!st.is_null(11)) {
    s.closed = Date::parse_iso(st.column_text(11));
    if (!s.closed) return vault_corrupt("a signal row holds an unreadable closing date");
  }
  s.received = *received;
  s.source_kind = *source;
  s.minor = *minor;
  s.status = *status;
  s.source_team = st.column_optional_text(4);
  s.reporter_id = st.column_optional_text(5);
  s.has_narrative = st.column_int(12) != 0;
  s.has_nature = st.column_int(13) != 0;
  return row;
}

// The codes, persons and cases linked to a signal.
struct LinkReader {
  static Result<LinkReader> prepare(UnitOfWork& uow) {
    MK_ASSIGN_OR_RETURN(
        ListQuery forms,
        ListQuery::prepare(
            uow,
            "SELECT code FROM signal_codes WHERE signal_id = ?1 AND kind = 'form' ORDER BY code"));
    MK_ASSIGN_OR_RETURN(ListQuery indicators,
                        ListQuery::prepare(uow,
                                           "SELECT code FROM signal_codes WHERE signal_id = ?1 AND "
                                           "kind = 'indicator' ORDER BY code"));
    MK_ASSIGN_OR_RETURN(
        ListQuery persons,
        ListQuery::prepare(
            uow, "SELECT person_id FROM signal_persons WHERE signal_id = ?1 ORDER BY person_id"));
    MK_ASSIGN_OR_RETURN(
        ListQuery cases,
        ListQuery::prepare(
            uow, "SELECT case_id FROM case_signals WHERE signal_id = ?1 ORDER BY case_id"));
    return LinkReader{std::move(forms), std::move(indicators), std::move(persons),
                      std::move(cases)};
  }

  Status fill(SignalSummary& s) {
    MK_ASSIGN_OR_RETURN(s.forms, forms.run(s.id));
    MK_ASSIGN_OR_RETURN(s.indicators, indicators.run(s.id));
    MK_ASSIGN_OR_RETURN(s.person_ids, persons.run(s.id));
    MK_ASSIGN_OR_RETURN(s.case_ids, cases.run(s.id));
    return Status::ok();
  }

  ListQuery forms;
  ListQuery indicators;
  ListQuery persons;
  ListQuery cases;
};

// Binds ?1 (the id) and ?2..?10 (what an update may change) of the INSERT and UPDATE below.
void bind_metadata(Statement& st, const SignalSummary& s) {
  st.bind(1, s.id).bind(2, s.received.to_iso()).bind(3, enum_name(s.source_kind));
  st.bind_optional(4, s.source_team).bind_optional(5, s.reporter_id);
  if (s.scale) st.bind(6, enum_name(*s.scale));
  if (s.severity) st.bind(7, enum_name(*s.severity));
  st.bind(8, enum_name(s.minor)).bind(9, enum_name(s.status));
  st.bind(10, format_instant(s.updated));
}

Result<std::optional<std::string>> open_sealed(const Statement& st, int column,
                                               std::string_view name, const SignalRow& row,
                                               const crypto::SecretBuffer& key) {
  if (st.is_null(column)) return std::optional<std::string>();
  FieldLocation where{kSignalTable, name, row.summary.id, row.key_id};
  MK_ASSIGN_OR_RETURN(std::string text, decrypt_field(key, where, st.column_blob(column)));
  return std::optional<std::string>(std::move(text));
}

}  // namespace

Result<std::vector<SignalRow>> select_signal_rows(UnitOfWork& uow, std::string_view tail,
                                                  const std::vector<std::string>& values) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(std::string(kSelectRow) + std::string(tail)));
  for (std::size_t i = 0; i < values.size(); ++i) {
    st.bind(static_cast<int>(i + 1), values[i]);
  }
  MK_ASSIGN_OR_RETURN(LinkReader links, LinkReader::prepare(uow));
  std::vector<SignalRow> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    MK_ASSIGN_OR_RETURN(SignalRow row, read_row(st));
    MK_RETURN_IF_ERROR(links.fill(row.summary));
    out.push_back(std::move(row));
  }
}

Status insert_signal_row(UnitOfWork& uow, const SignalRow& row) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare(
          "INSERT INTO signals (id, received, source_kind, source_team, reporter_id, scale, "
          "severity, minor, status, updated, key_id, created) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  bind_metadata(st, row.summary);
  st.bind(11, row.key_id).bind(12, format_instant(row.summary.created));
  return st.run();
}

Status update_signal_metadata(UnitOfWork& uow, const SignalSummary& s) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare(
          "UPDATE signals SET received = ?2, source_kind = ?3, source_team = ?4, reporter_id = ?5, "
          "scale = ?6, severity = ?7, minor = ?8, status = ?9, updated = ?10 WHERE id = ?1"));
  bind_metadata(st, s);
  return st.run();
}

Status write_signal_text(UnitOfWork& uow, const SignalRow& row, const crypto::SecretBuffer& key,
                         std::string_view column, std::string_view value) {
  std::string sql = "UPDATE signals SET " + std::string(column) + " = ?1 WHERE id = ?2";
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql));
  FieldLocation where{kSignalTable, column, row.summary.id, row.key_id};
  st.bind_blob(1, encrypt_field(key, where, value)).bind(2, row.summary.id);
  return st.run();
}

Result<SignalTexts> read_signal_texts(UnitOfWork& uow, const SignalRow& row,
                                      const crypto::SecretBuffer& key) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT narrative, nature FROM signals WHERE id = ?1"));
  st.bind(1, row.summary.id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no signal " + row.summary.id);
  SignalTexts out;
  MK_ASSIGN_OR_RETURN(out.narrative, open_sealed(st, 0, kNarrativeColumn, row, key));
  MK_ASSIGN_OR_RETURN(out.nature, open_sealed(st, 1, kNatureColumn, row, key));
  return out;
}

Status replace_signal_codes(UnitOfWork& uow, std::string_view id, std::string_view kind,
                            const std::vector<std::string>& codes) {
  MK_ASSIGN_OR_RETURN(
      Statement del,
      uow.db().prepare("DELETE FROM signal_codes WHERE signal_id = ?1 AND kind = ?2"));
  del.bind(1, id).bind(2, kind);
  MK_RETURN_IF_ERROR(del.run());
  MK_ASSIGN_OR_RETURN(Statement ins,
                      uow.db().prepare("INSERT INTO signal_codes (signal_id, kind, code) "
                                       "VALUES (?1, ?2, ?3)"));
  for (const std::string& code : codes) {
    ins.reset();
    ins.bind(1, id).bind(2, kind).bind(3, code);
    MK_RETURN_IF_ERROR(ins.run());
  }
  return Status::ok();
}

Status link_signal_persons(UnitOfWork& uow, std::string_view id,
                           const std::vector<std::string>& persons) {
  MK_ASSIGN_OR_RETURN(Statement ins,
                      uow.db().prepare("INSERT OR IGNORE INTO signal_persons (signal_id, "
                                       "person_id) VALUES (?1, ?2)"));
  for (const std::string& person : persons) {
    ins.reset();
    ins.bind(1, id).bind(2, person);
    MK_RETURN_IF_ERROR(ins.run());
  }
  return Status::ok();
}

}  // namespace mk::vault

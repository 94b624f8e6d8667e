#include "vault/signal_store.hpp"

#include <algorithm>

#include "vault/field_cipher.hpp"
#include "vault/field_rules.hpp"
#include "vault/person.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/subject_keys.hpp"

namespace mk::vault {
namespace {

constexpr char kTable[] = "signals";
constexpr char kNarrative[] = "narrative";
constexpr char kNature[] = "nature";

// Column order of every SELECT of a summary below.
constexpr char kSelectSummary[] =
    "SELECT id, key_id, received, source_kind, source_team, reporter_id, scale, severity, minor, "
    "status, outcome, closed, narrative IS NOT NULL, nature IS NOT NULL, created, updated "
    "FROM signals";

struct SignalRow {
  SignalSummary summary;
  std::string key_id;
};

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

Result<SignalRow> load_row(UnitOfWork& uow, std::string_view id) {
  MK_RETURN_IF_ERROR(check_id_shape("id", kSignalRecord, id));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare(std::string(kSelectSummary) + " WHERE id = ?1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no signal " + std::string(id));
  MK_ASSIGN_OR_RETURN(SignalRow row, read_row(st));
  MK_ASSIGN_OR_RETURN(LinkReader links, LinkReader::prepare(uow));
  MK_RETURN_IF_ERROR(links.fill(row.summary));
  return row;
}

Result<std::optional<std::string>> check_optional_text(std::string_view field,
                                                       const std::optional<std::string>& value,
                                                       std::size_t max_chars, bool multiline) {
  if (!value) return std::optional<std::string>();
  MK_ASSIGN_OR_RETURN(std::string text, check_text(field, *value, max_chars, multiline));
  return std::optional<std::string>(std::move(text));
}

Status check_codes(std::string_view field, const std::vector<std::string>& codes) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (!valid_code_syntax(codes[i])) {
      return invalid_input(std::string(field) +
                           ": a code is 1-64 characters of a-z, 0-9, '.' and '_'");
    }
    if (std::find(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(i), codes[i]) !=
        codes.begin() + static_cast<std::ptrdiff_t>(i)) {
      return invalid_input(std::string(field) + ": lists a code twice");
    }
  }
  return Status::ok();
}

// The reporter must exist and have role reporter.
Status check_reporter(UnitOfWork& uow, std::string_view reporter_id) {
  MK_RETURN_IF_ERROR(check_id_shape("reporter_id", kPersonRecord, reporter_id));
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("SELECT role FROM persons WHERE id = ?1"));
  st.bind(1, reporter_id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("reporter_id: no person " + std::string(reporter_id));
  if (parse_person_role(st.column_text(0)) != PersonRole::kReporter) {
    return invalid_input("reporter_id: the person's role is not reporter");
  }
  return Status::ok();
}

Status check_anonymity(SourceKind kind, const std::optional<std::string>& reporter_id) {
  if (kind == SourceKind::kAnonymous && reporter_id) {
    return invalid_input("reporter_id: an anonymous signal has no reporter");
  }
  return Status::ok();
}

Status write_codes(UnitOfWork& uow, std::string_view id, std::string_view kind,
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

Status link_persons(UnitOfWork& uow, std::string_view id, const std::vector<std::string>& persons) {
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

Result<std::optional<std::string>> open_sealed(const Statement& st, int column,
                                               std::string_view name, const SignalRow& row,
                                               const crypto::SecretBuffer& key) {
  if (st.is_null(column)) return std::optional<std::string>();
  FieldLocation where{kTable, name, row.summary.id, row.key_id};
  MK_ASSIGN_OR_RETURN(std::string text, decrypt_field(key, where, st.column_blob(column)));
  return std::optional<std::string>(std::move(text));
}

Status write_sealed(UnitOfWork& uow, const SignalRow& row, const crypto::SecretBuffer& key,
                    std::string_view column, const std::string& value) {
  std::string sql = "UPDATE signals SET " + std::string(column) + " = ?1 WHERE id = ?2";
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql));
  FieldLocation where{kTable, column, row.summary.id, row.key_id};
  st.bind_blob(1, encrypt_field(key, where, value)).bind(2, row.summary.id);
  return st.run();
}

// Binds ?1 (the id) and ?2..?10 (what an update may change) of the two statements below.
void bind_metadata(Statement& st, const SignalSummary& s) {
  st.bind(1, s.id).bind(2, s.received.to_iso()).bind(3, enum_name(s.source_kind));
  st.bind_optional(4, s.source_team).bind_optional(5, s.reporter_id);
  if (s.scale) st.bind(6, enum_name(*s.scale));
  if (s.severity) st.bind(7, enum_name(*s.severity));
  st.bind(8, enum_name(s.minor)).bind(9, enum_name(s.status));
  st.bind(10, format_instant(s.updated));
}

Status insert_row(UnitOfWork& uow, const SignalRow& row) {
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

Status update_metadata(UnitOfWork& uow, const SignalSummary& s) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare(
          "UPDATE signals SET received = ?2, source_kind = ?3, source_team = ?4, reporter_id = ?5, "
          "scale = ?6, severity = ?7, minor = ?8, status = ?9, updated = ?10 WHERE id = ?1"));
  bind_metadata(st, s);
  return st.run();
}

// The input after validation: texts trimmed, persons each once.
struct CheckedInput {
  std::optional<std::string> source_team;
  std::optional<std::string> narrative;
  std::optional<std::string> nature;
  std::vector<std::string> person_ids;
};

Result<CheckedInput> check_input(UnitOfWork& uow, const SignalInput& in) {
  CheckedInput out;
  MK_RETURN_IF_ERROR(check_record_date("received", in.received, today(uow)));
  MK_ASSIGN_OR_RETURN(out.source_team, check_optional_text("source_team", in.source_team,
                                                           kMaxSourceTeamChars, false));
  MK_ASSIGN_OR_RETURN(out.narrative,
                      check_optional_text(kNarrative, in.narrative, kMaxNarrativeChars, true));
  MK_ASSIGN_OR_RETURN(out.nature, check_optional_text(kNature, in.nature, kMaxNatureChars, true));
  MK_RETURN_IF_ERROR(check_codes("forms", in.forms));
  MK_RETURN_IF_ERROR(check_codes("indicators", in.indicators));
  MK_RETURN_IF_ERROR(check_anonymity(in.source_kind, in.reporter_id));
  if (in.reporter_id) MK_RETURN_IF_ERROR(check_reporter(uow, *in.reporter_id));
  MK_ASSIGN_OR_RETURN(out.person_ids,
                      check_references(uow, "person_ids", kPersonRecord, in.person_ids));
  return out;
}

std::vector<std::string> present_fields(const SignalInput& in) {
  std::vector<std::string> out;
  auto add_if = [&](bool present, const char* name) {
    if (present) out.emplace_back(name);
  };
  add_if(in.source_team.has_value(), "source_team");
  add_if(in.reporter_id.has_value(), "reporter_id");
  add_if(in.narrative.has_value(), kNarrative);
  add_if(in.nature.has_value(), kNature);
  add_if(in.scale.has_value(), "scale");
  add_if(in.severity.has_value(), "severity");
  add_if(!in.forms.empty(), "forms");
  add_if(!in.indicators.empty(), "indicators");
  add_if(!in.person_ids.empty(), "person_ids");
  return out;
}

std::vector<std::string> sealed_fields(const SignalSummary& s) {
  std::vector<std::string> out;
  if (s.has_narrative) out.emplace_back(kNarrative);
  if (s.has_nature) out.emplace_back(kNature);
  return out;
}

Status require_open(const SignalSummary& s) {
  if (s.status == SignalStatus::kClosed) return conflict("signal " + s.id + " is closed");
  return Status::ok();
}

}  // namespace

Result<std::string> add_signal(UnitOfWork& uow, const SignalInput& input) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_ASSIGN_OR_RETURN(CheckedInput in, check_input(uow, input));
  MK_ASSIGN_OR_RETURN(SubjectKey key, create_subject_key(uow));
  MK_ASSIGN_OR_RETURN(std::string id, new_record_id(uow, kTable, kSignalRecord.prefix));
  SignalRow row;
  row.summary.id = id;
  row.key_id = key.id;
  row.summary.received = input.received;
  row.summary.source_kind = input.source_kind;
  row.summary.source_team = in.source_team;
  row.summary.reporter_id = input.reporter_id;
  row.summary.scale = input.scale;
  row.summary.severity = input.severity;
  row.summary.minor = input.minor;
  row.summary.created = uow.now();
  row.summary.updated = uow.now();
  MK_RETURN_IF_ERROR(insert_row(uow, row));
  if (in.narrative) MK_RETURN_IF_ERROR(write_sealed(uow, row, key.key, kNarrative, *in.narrative));
  if (in.nature) MK_RETURN_IF_ERROR(write_sealed(uow, row, key.key, kNature, *in.nature));
  MK_RETURN_IF_ERROR(write_codes(uow, id, "form", input.forms));
  MK_RETURN_IF_ERROR(write_codes(uow, id, "indicator", input.indicators));
  MK_RETURN_IF_ERROR(link_persons(uow, id, in.person_ids));
  uow.record({"signal.add", id,
              "source=" + std::string(enum_name(input.source_kind)) +
                  " fields=" + join_names(present_fields(input))});
  return id;
}

Result<std::vector<SignalSummary>> list_signals(UnitOfWork& uow, const SignalFilter& filter) {
  if (filter.form && !valid_code_syntax(*filter.form)) {
    return invalid_input("form: a code is 1-64 characters of a-z, 0-9, '.' and '_'");
  }
  if (filter.received_from && filter.received_to && *filter.received_from > *filter.received_to) {
    return invalid_input("received_from: lies after received_to");
  }
  std::vector<std::string> values;
  auto param = [&](std::string value) {
    values.push_back(std::move(value));
    return "?" + std::to_string(values.size());
  };
  std::vector<std::string> clauses;
  if (filter.status) clauses.push_back("status = " + param(std::string(enum_name(*filter.status))));
  if (filter.form) {
    clauses.push_back("id IN (SELECT signal_id FROM signal_codes WHERE kind = 'form' AND code = " +
                      param(*filter.form) + ")");
  }
  if (filter.received_from)
    clauses.push_back("received >= " + param(filter.received_from->to_iso()));
  if (filter.received_to) clauses.push_back("received <= " + param(filter.received_to->to_iso()));
  std::string sql = kSelectSummary;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    sql += (i == 0 ? " WHERE " : " AND ") + clauses[i];
  }
  sql += " ORDER BY received DESC, created DESC, id";

  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql));
  for (std::size_t i = 0; i < values.size(); ++i)
    st.bind(static_cast<int>(i + 1), values[i]);
  MK_ASSIGN_OR_RETURN(LinkReader links, LinkReader::prepare(uow));
  std::vector<SignalSummary> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) break;
    MK_ASSIGN_OR_RETURN(SignalRow row, read_row(st));
    MK_RETURN_IF_ERROR(links.fill(row.summary));
    out.push_back(std::move(row.summary));
  }
  return out;
}

Result<SignalSummary> get_signal_summary(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(SignalRow row, load_row(uow, id));
  return std::move(row.summary);
}

Result<Signal> read_signal(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(SignalRow row, load_row(uow, id));
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT narrative, nature FROM signals WHERE id = ?1"));
  st.bind(1, row.summary.id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no signal " + row.summary.id);
  Signal out;
  MK_ASSIGN_OR_RETURN(out.narrative, open_sealed(st, 0, kNarrative, row, key));
  MK_ASSIGN_OR_RETURN(out.nature, open_sealed(st, 1, kNature, row, key));
  uow.record({"signal.read", row.summary.id, "fields=" + join_names(sealed_fields(row.summary))});
  out.summary = std::move(row.summary);
  return out;
}

Status update_signal(UnitOfWork& uow, std::string_view id, const SignalPatch& patch) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_ASSIGN_OR_RETURN(SignalRow row, load_row(uow, id));
  MK_RETURN_IF_ERROR(require_open(row.summary));
  SignalSummary next = row.summary;
  std::vector<std::string> changed;
  if (patch.received) {
    MK_RETURN_IF_ERROR(check_record_date("received", *patch.received, today(uow)));
    next.received = *patch.received;
    changed.emplace_back("received");
  }
  if (patch.source_kind) {
    next.source_kind = *patch.source_kind;
    changed.emplace_back("source_kind");
  }
  if (patch.source_team) {
    MK_ASSIGN_OR_RETURN(next.source_team, check_optional_text("source_team", patch.source_team,
                                                              kMaxSourceTeamChars, false));
    changed.emplace_back("source_team");
  }
  if (patch.reporter_id && patch.clear_reporter) {
    return invalid_input("reporter_id: cannot be set and cleared at once");
  }
  if (patch.reporter_id || patch.clear_reporter) {
    if (patch.reporter_id) MK_RETURN_IF_ERROR(check_reporter(uow, *patch.reporter_id));
    next.reporter_id = patch.reporter_id;
    changed.emplace_back("reporter_id");
  }
  MK_RETURN_IF_ERROR(check_anonymity(next.source_kind, next.reporter_id));
  std::optional<std::string> narrative;
  std::optional<std::string> nature;
  MK_ASSIGN_OR_RETURN(narrative,
                      check_optional_text(kNarrative, patch.narrative, kMaxNarrativeChars, true));
  MK_ASSIGN_OR_RETURN(nature, check_optional_text(kNature, patch.nature, kMaxNatureChars, true));
  if (narrative) changed.emplace_back(kNarrative);
  if (nature) changed.emplace_back(kNature);
  if (patch.scale) {
    next.scale = patch.scale;
    changed.emplace_back("scale");
  }
  if (patch.severity) {
    next.severity = patch.severity;
    changed.emplace_back("severity");
  }
  if (patch.minor) {
    next.minor = *patch.minor;
    changed.emplace_back("minor");
  }
  if (patch.forms) {
    MK_RETURN_IF_ERROR(check_codes("forms", *patch.forms));
    changed.emplace_back("forms");
  }
  if (patch.indicators) {
    MK_RETURN_IF_ERROR(check_codes("indicators", *patch.indicators));
    changed.emplace_back("indicators");
  }
  std::vector<std::string> persons;
  if (!patch.add_person_ids.empty()) {
    MK_ASSIGN_OR_RETURN(
        persons, check_references(uow, "add_person_ids", kPersonRecord, patch.add_person_ids));
    changed.emplace_back("person_ids");
  }
  if (patch.status) {
    if (*patch.status == SignalStatus::kClosed) {
      return invalid_input(
          "status: a signal is closed with close_signal, which records the outcome");
    }
    next.status = *patch.status;
    changed.emplace_back("status");
  }
  if (changed.empty()) return invalid_input("nothing to change");

  next.updated = uow.now();
  MK_RETURN_IF_ERROR(update_metadata(uow, next));
  if (narrative || nature) {
    MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
    if (narrative) MK_RETURN_IF_ERROR(write_sealed(uow, row, key, kNarrative, *narrative));
    if (nature) MK_RETURN_IF_ERROR(write_sealed(uow, row, key, kNature, *nature));
  }
  if (patch.forms) MK_RETURN_IF_ERROR(write_codes(uow, row.summary.id, "form", *patch.forms));
  if (patch.indicators) {
    MK_RETURN_IF_ERROR(write_codes(uow, row.summary.id, "indicator", *patch.indicators));
  }
  MK_RETURN_IF_ERROR(link_persons(uow, row.summary.id, persons));
  std::string detail = "fields=" + join_names(changed);
  if (patch.status) detail += " status=" + std::string(enum_name(*patch.status));
  uow.record({"signal.update", row.summary.id, detail});
  return Status::ok();
}

Status close_signal(UnitOfWork& uow, std::string_view id, SignalOutcome outcome,
                    const Date& closed) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_ASSIGN_OR_RETURN(SignalRow row, load_row(uow, id));
  MK_RETURN_IF_ERROR(require_open(row.summary));
  MK_RETURN_IF_ERROR(check_record_date("closed", closed, today(uow)));
  if (closed < row.summary.received) return invalid_input("closed: lies before the received date");
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE signals SET status = ?1, outcome = ?2, closed = "
                                       "?3, updated = ?4 WHERE id = ?5"));
  st.bind(1, enum_name(SignalStatus::kClosed)).bind(2, enum_name(outcome));
  st.bind(3, closed.to_iso()).bind(4, format_instant(uow.now())).bind(5, row.summary.id);
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"signal.close", row.summary.id, "outcome=" + std::string(enum_name(outcome))});
  return Status::ok();
}

}  // namespace mk::vault

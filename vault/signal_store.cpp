#include "vault/signal_store.hpp"

#include <algorithm>
#include <unordered_map>

#include "vault/field_rules.hpp"
#include "vault/person.hpp"
#include "vault/record_ids.hpp"
#include "vault/signal_rows.hpp"
#include "vault/store_support.hpp"
#include "vault/subject_keys.hpp"

namespace mk::vault {
namespace {

Result<SignalRow> load_row(UnitOfWork& uow, std::string_view id) {
  MK_RETURN_IF_ERROR(check_id_shape("id", kSignalRecord, id));
  MK_ASSIGN_OR_RETURN(std::vector<SignalRow> rows,
                      select_signal_rows(uow, " WHERE id = ?1", {std::string(id)}));
  if (rows.empty()) return not_found("no signal " + std::string(id));
  return std::move(rows.front());
}

Status require_open(const SignalSummary& s) {
  if (s.status == SignalStatus::kClosed) return conflict("signal " + s.id + " is closed");
  return Status::ok();
}

Result<std::optional<std::string>> check_optional_text(std::string_view field,
                                                       const std::optional<std::string>& value,
                                                       std::size_t max_chars, bool multiline) {
  if (!value) return std::optional<std::string>();
  MK_ASSIGN_OR_RETURN(std::string text, check_text(field, *value, max_chars, multiline));
  return std::optional<std::string>(std::move(text));
}

Result<std::optional<std::string>> check_source_team(const std::optional<std::string>& value) {
  return check_optional_text("source_team", value, kMaxSourceTeamChars, false);
}
Result<std::optional<std::string>> check_narrative(const std::optional<std::string>& value) {
  return check_optional_text(kNarrativeColumn, value, kMaxNarrativeChars, true);
}
Result<std::optional<std::string>> check_nature(const std::optional<std::string>& value) {
  return check_optional_text(kNatureColumn, value, kMaxNatureChars, true);
}

Status check_codes(std::string_view field, const std::vector<std::string>& codes) {
  for (auto it = codes.begin(); it != codes.end(); ++it) {
    if (!valid_code_syntax(*it)) {
      return invalid_input(std::string(field) +
                           ": a code is 1-64 characters of a-z, 0-9, '.' and '_'");
    }
    if (std::find(codes.begin(), it, *it) != it) {
      return invalid_input(std::string(field) + ": lists a code twice");
    }
  }
  return Status::ok();
}

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

// A new signal after every check: its row as it will be stored, its texts, its persons once each.
struct CheckedInput {
  SignalRow row;
  std::optional<std::string> narrative;
  std::optional<std::string> nature;
  std::vector<std::string> person_ids;
};

Result<CheckedInput> check_input(UnitOfWork& uow, const SignalInput& in) {
  CheckedInput out;
  SignalSummary& s = out.row.summary;
  MK_RETURN_IF_ERROR(check_record_date("received", in.received, today(uow)));
  MK_ASSIGN_OR_RETURN(s.source_team, check_source_team(in.source_team));
  MK_ASSIGN_OR_RETURN(out.narrative, check_narrative(in.narrative));
  MK_ASSIGN_OR_RETURN(out.nature, check_nature(in.nature));
  MK_RETURN_IF_ERROR(check_codes("forms", in.forms));
  MK_RETURN_IF_ERROR(check_codes("indicators", in.indicators));
  MK_RETURN_IF_ERROR(check_anonymity(in.source_kind, in.reporter_id));
  if (in.reporter_id) MK_RETURN_IF_ERROR(check_reporter(uow, *in.reporter_id));
  MK_ASSIGN_OR_RETURN(out.person_ids,
                      check_references(uow, "person_ids", kPersonRecord, in.person_ids));
  s.received = in.received;
  s.source_kind = in.source_kind;
  s.reporter_id = in.reporter_id;
  s.scale = in.scale;
  s.severity = in.severity;
  s.minor = in.minor;
  s.forms = in.forms;
  s.indicators = in.indicators;
  s.status = SignalStatus::kNew;
  s.created = uow.now();
  s.updated = uow.now();
  return out;
}

std::vector<std::string> given_fields(const SignalInput& in) {
  std::vector<std::string> out;
  auto add_if = [&](bool given, const char* name) {
    if (given) out.emplace_back(name);
  };
  add_if(in.source_team.has_value(), "source_team");
  add_if(in.reporter_id.has_value(), "reporter_id");
  add_if(in.narrative.has_value(), kNarrativeColumn);
  add_if(in.nature.has_value(), kNatureColumn);
  add_if(in.scale.has_value(), "scale");
  add_if(in.severity.has_value(), "severity");
  add_if(!in.forms.empty(), "forms");
  add_if(!in.indicators.empty(), "indicators");
  add_if(!in.person_ids.empty(), "person_ids");
  return out;
}

// A patch after every check: the metadata after it, its new texts, the persons to add (once
// each) and the names of the fields it changes.
struct CheckedPatch {
  SignalSummary next;
  std::optional<std::string> narrative;
  std::optional<std::string> nature;
  std::vector<std::string> add_person_ids;
  std::vector<std::string> changed;
};

Result<CheckedPatch> check_patch(UnitOfWork& uow, const SignalSummary& current,
                                 const SignalPatch& patch) {
  CheckedPatch out{current, {}, {}, {}, {}};
  SignalSummary& next = out.next;
  auto changes = [&](bool given, const char* name) {
    if (given) out.changed.emplace_back(name);
    return given;
  };
  if (changes(patch.received.has_value(), "received")) {
    MK_RETURN_IF_ERROR(check_record_date("received", *patch.received, today(uow)));
    next.received = *patch.received;
  }
  if (changes(patch.source_kind.has_value(), "source_kind")) next.source_kind = *patch.source_kind;
  if (changes(patch.source_team.has_value(), "source_team")) {
    MK_ASSIGN_OR_RETURN(next.source_team, check_source_team(patch.source_team));
  }
  if (patch.reporter_id && patch.clear_reporter) {
    return invalid_input("reporter_id: cannot be set and cleared at once");
  }
  if (changes(patch.reporter_id || patch.clear_reporter, "reporter_id")) {
    if (patch.reporter_id) MK_RETURN_IF_ERROR(check_reporter(uow, *patch.reporter_id));
    next.reporter_id = patch.reporter_id;
  }
  MK_RETURN_IF_ERROR(check_anonymity(next.source_kind, next.reporter_id));
  MK_ASSIGN_OR_RETURN(out.narrative, check_narrative(patch.narrative));
  MK_ASSIGN_OR_RETURN(out.nature, check_nature(patch.nature));
  changes(out.narrative.has_value(), kNarrativeColumn);
  changes(out.nature.has_value(), kNatureColumn);
  if (changes(patch.scale.has_value(), "scale")) next.scale = patch.scale;
  if (changes(patch.severity.has_value(), "severity")) next.severity = patch.severity;
  if (changes(patch.minor.has_value(), "minor")) next.minor = *patch.minor;
  if (changes(patch.forms.has_value(), "forms")) {
    MK_RETURN_IF_ERROR(check_codes("forms", *patch.forms));
  }
  if (changes(patch.indicators.has_value(), "indicators")) {
    MK_RETURN_IF_ERROR(check_codes("indicators", *patch.indicators));
  }
  if (changes(!patch.add_person_ids.empty(), "person_ids")) {
    MK_ASSIGN_OR_RETURN(out.add_person_ids, check_references(uow, "add_person_ids", kPersonRecord,
                                                             patch.add_person_ids));
  }
  if (changes(patch.status.has_value(), "status")) {
    if (*patch.status == SignalStatus::kClosed) {
      return invalid_input(
          "status: a signal is closed with close_signal, which records the outcome");
    }
    next.status = *patch.status;
  }
  if (out.changed.empty()) return invalid_input("nothing to change");
  next.updated = uow.now();
  return out;
}

std::vector<SignalSummary> summaries_of(std::vector<SignalRow> rows) {
  std::vector<SignalSummary> out;
  out.reserve(rows.size());
  for (SignalRow& row : rows) {
    out.push_back(std::move(row.summary));
  }
  return out;
}

// The WHERE of a filter, with its parameters in `values`.
Result<std::string> filter_sql(const SignalFilter& filter, std::vector<std::string>& values) {
  if (filter.form && !valid_code_syntax(*filter.form)) {
    return invalid_input("form: a code is 1-64 characters of a-z, 0-9, '.' and '_'");
  }
  if (filter.received_from && filter.received_to && *filter.received_from > *filter.received_to) {
    return invalid_input("received_from: lies after received_to");
  }
  std::vector<std::string> clauses;
  auto where = [&](std::string clause, std::string value, std::string_view suffix = "") {
    values.push_back(std::move(value));
    clauses.push_back(clause + "?" + std::to_string(values.size()) + std::string(suffix));
  };
  if (filter.status) where("status = ", std::string(enum_name(*filter.status)));
  if (filter.form) {
    where("id IN (SELECT signal_id FROM signal_codes WHERE kind = 'form' AND code = ", *filter.form,
          ")");
  }
  if (filter.received_from) where("received >= ", filter.received_from->to_iso());
  if (filter.received_to) where("received <= ", filter.received_to->to_iso());
  std::string sql;
  for (const std::string& c : clauses) {
    sql += (sql.empty() ? " WHERE " : " AND ") + c;
  }
  return sql;
}

// The ORDER BY of `order`. Each matches an index of schema 6 (a prefix, then received, created
// and id), so a page is read in index order without sorting the table.
std::string order_sql(const SignalOrder& order) {
  const bool up = order.ascending;
  // The default order and its exact reverse.
  const std::string by_received =
      up ? "received ASC, created ASC, id DESC" : "received DESC, created DESC, id ASC";
  const std::string dir = up ? " ASC" : " DESC";
  switch (order.column) {
    case SignalOrderColumn::kReceived:
      return " ORDER BY " + by_received;
    case SignalOrderColumn::kStatus:
      return " ORDER BY status" + dir + ", " + by_received;
    case SignalOrderColumn::kSource:
      return " ORDER BY source_kind" + dir + ", " + by_received;
    case SignalOrderColumn::kClosed:
      return " ORDER BY closed" + dir + ", " + by_received;
    case SignalOrderColumn::kId:
      return std::string(" ORDER BY id") + dir;
  }
  return " ORDER BY " + by_received;
}

}  // namespace

Result<std::string> add_signal(UnitOfWork& uow, const SignalInput& input) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_ASSIGN_OR_RETURN(CheckedInput in, check_input(uow, input));
  MK_ASSIGN_OR_RETURN(SubjectKey key, create_subject_key(uow));
  MK_ASSIGN_OR_RETURN(in.row.summary.id, new_record_id(uow, kSignalTable, kSignalRecord.prefix));
  in.row.key_id = key.id;
  const std::string& id = in.row.summary.id;
  MK_RETURN_IF_ERROR(insert_signal_row(uow, in.row));
  if (in.narrative) {
    MK_RETURN_IF_ERROR(write_signal_text(uow, in.row, key.key, kNarrativeColumn, *in.narrative));
  }
  if (in.nature) {
    MK_RETURN_IF_ERROR(write_signal_text(uow, in.row, key.key, kNatureColumn, *in.nature));
  }
  MK_RETURN_IF_ERROR(replace_signal_codes(uow, id, "form", input.forms));
  MK_RETURN_IF_ERROR(replace_signal_codes(uow, id, "indicator", input.indicators));
  MK_RETURN_IF_ERROR(link_signal_persons(uow, id, in.person_ids));
  uow.record({"signal.add", id,
              "source=" + std::string(enum_name(input.source_kind)) +
                  " fields=" + join_names(given_fields(input))});
  return id;
}

Result<std::vector<SignalSummary>> list_signals(UnitOfWork& uow, const SignalFilter& filter) {
  std::vector<std::string> values;
  MK_ASSIGN_OR_RETURN(std::string where, filter_sql(filter, values));
  MK_ASSIGN_OR_RETURN(std::vector<SignalRow> rows,
                      select_signal_rows(uow, where + order_sql(SignalOrder{}), values));
  return summaries_of(std::move(rows));
}

Result<std::size_t> count_signals(UnitOfWork& uow, const SignalFilter& filter) {
  std::vector<std::string> values;
  MK_ASSIGN_OR_RETURN(std::string where, filter_sql(filter, values));
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("SELECT count(*) FROM signals" + where));
  for (std::size_t i = 0; i < values.size(); ++i) {
    st.bind(static_cast<int>(i + 1), values[i]);
  }
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return internal_error("count(*) returned nothing");
  return static_cast<std::size_t>(st.column_int(0));
}

Result<std::vector<SignalSummary>> list_signals_page(UnitOfWork& uow, const SignalFilter& filter,
                                                     const SignalOrder& order, std::size_t offset,
                                                     std::size_t limit) {
  if (limit == 0 || limit > kMaxSignalPage) {
    return invalid_input("limit: a page holds 1 to " + std::to_string(kMaxSignalPage) + " signals");
  }
  std::vector<std::string> values;
  MK_ASSIGN_OR_RETURN(std::string where, filter_sql(filter, values));
  // Numbers from code, not input: written into the SQL so that they bind as integers.
  std::string tail = where + order_sql(order) + " LIMIT " + std::to_string(limit) + " OFFSET " +
                     std::to_string(offset);
  MK_ASSIGN_OR_RETURN(std::vector<SignalRow> rows, select_signal_rows(uow, tail, values));
  return summaries_of(std::move(rows));
}

Result<std::vector<std::string>> list_signal_ids(UnitOfWork& uow, const SignalFilter& filter,
                                                 const SignalOrder& order) {
  std::vector<std::string> values;
  MK_ASSIGN_OR_RETURN(std::string where, filter_sql(filter, values));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT id FROM signals" + where + order_sql(order)));
  for (std::size_t i = 0; i < values.size(); ++i) {
    st.bind(static_cast<int>(i + 1), values[i]);
  }
  std::vector<std::string> ids;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return ids;
    ids.push_back(st.column_text(0));
  }
}

Result<std::vector<SignalSummary>> get_signal_summaries(UnitOfWork& uow,
                                                        const std::vector<std::string>& ids) {
  if (ids.size() > kMaxSummaryBatch) {
    return invalid_input("ids: at most " + std::to_string(kMaxSummaryBatch) + " at a time");
  }
  if (ids.empty()) return std::vector<SignalSummary>{};
  std::string tail = " WHERE id IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!looks_like_id(ids[i], kSignalRecord.prefix)) {
      return invalid_input("ids: not a signal id");
    }
    tail += (i == 0 ? "?" : ", ?") + std::to_string(i + 1);
  }
  MK_ASSIGN_OR_RETURN(std::vector<SignalRow> rows, select_signal_rows(uow, tail + ")", ids));
  std::unordered_map<std::string, SignalSummary> by_id;
  for (SignalRow& row : rows) {
    std::string id = row.summary.id;
    by_id.emplace(std::move(id), std::move(row.summary));
  }
  std::vector<SignalSummary> out;
  out.reserve(by_id.size());
  for (const std::string& id : ids) {
    auto found = by_id.find(id);
    if (found != by_id.end()) out.push_back(found->second);
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
  MK_ASSIGN_OR_RETURN(SignalTexts texts, read_signal_texts(uow, row, key));
  std::vector<std::string> fields;
  if (texts.narrative) fields.emplace_back(kNarrativeColumn);
  if (texts.nature) fields.emplace_back(kNatureColumn);
  uow.record({"signal.read", row.summary.id, "fields=" + join_names(fields)});
  return Signal{std::move(row.summary), std::move(texts.narrative), std::move(texts.nature)};
}

Status update_signal(UnitOfWork& uow, std::string_view id, const SignalPatch& patch) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_ASSIGN_OR_RETURN(SignalRow row, load_row(uow, id));
  MK_RETURN_IF_ERROR(require_open(row.summary));
  MK_ASSIGN_OR_RETURN(CheckedPatch p, check_patch(uow, row.summary, patch));
  MK_RETURN_IF_ERROR(update_signal_metadata(uow, p.next));
  if (p.narrative || p.nature) {
    MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
    if (p.narrative) {
      MK_RETURN_IF_ERROR(write_signal_text(uow, row, key, kNarrativeColumn, *p.narrative));
    }
    if (p.nature) MK_RETURN_IF_ERROR(write_signal_text(uow, row, key, kNatureColumn, *p.nature));
  }
  if (patch.forms) {
    MK_RETURN_IF_ERROR(replace_signal_codes(uow, row.summary.id, "form", *patch.forms));
  }
  if (patch.indicators) {
    MK_RETURN_IF_ERROR(replace_signal_codes(uow, row.summary.id, "indicator", *patch.indicators));
  }
  MK_RETURN_IF_ERROR(link_signal_persons(uow, row.summary.id, p.add_person_ids));
  std::string detail = "fields=" + join_names(p.changed);
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
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare(
          "UPDATE signals SET status = ?1, outcome = ?2, closed = ?3, updated = ?4 WHERE id = ?5"));
  st.bind(1, enum_name(SignalStatus::kClosed)).bind(2, enum_name(outcome));
  st.bind(3, closed.to_iso()).bind(4, format_instant(uow.now())).bind(5, row.summary.id);
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"signal.close", row.summary.id, "outcome=" + std::string(enum_name(outcome))});
  return Status::ok();
}

}  // namespace mk::vault

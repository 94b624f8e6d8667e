#include "service/legacy_import.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "base/bytes.hpp"
#include "base/csv.hpp"
#include "base/text_fold.hpp"
#include "crypto/hash.hpp"
#include "service/casework.hpp"
#include "vault/field_rules.hpp"
#include "vault/file_io.hpp"
#include "vault/person_store.hpp"
#include "vault/signal_store.hpp"

namespace mk::service {
namespace {

constexpr std::size_t kFieldCount = static_cast<std::size_t>(ImportField::kReporterName) + 1;
constexpr std::size_t kUnmapped = static_cast<std::size_t>(-1);

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "jjjj-mm-dd", or "dd-mm-jjjj" as Dutch spreadsheets write dates (also "d-m-jjjj").
std::optional<Date> parse_sheet_date(std::string_view s) {
  if (std::optional<Date> iso = Date::parse_iso(s)) return iso;
  std::size_t first = s.find('-');
  std::size_t second = first == std::string_view::npos ? first : s.find('-', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::string_view day = s.substr(0, first);
  std::string_view month = s.substr(first + 1, second - first - 1);
  std::string_view year = s.substr(second + 1);
  if (!all_digits(day) || day.size() > 2 || !all_digits(month) || month.size() > 2 ||
      !all_digits(year) || year.size() != 4) {
    return std::nullopt;
  }
  auto two = [](std::string_view v) {
    return v.size() == 1 ? "0" + std::string(v) : std::string(v);
  };
  return Date::parse_iso(std::string(year) + "-" + two(month) + "-" + two(day));
}

// The reason part of a vault rule's message ("narrative: is longer than ..." -> "is longer ...").
std::string reason_of(const Status& s) {
  const std::string& m = s.message();
  std::size_t colon = m.find(": ");
  return colon == std::string::npos ? m : m.substr(colon + 2);
}

std::string position_name(std::size_t column) {
  return "column " + std::to_string(column) + " (" + csv::column_letters(column) + ")";
}

std::string normalise_line_breaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

bool is_blank(const csv::Record& r) {
  return std::all_of(r.fields.begin(), r.fields.end(),
                     [](const std::string& f) { return trim(f).empty(); });
}

// Where each mapped field is in the file's records: an index into Record::fields, or kUnmapped.
using ColumnIndex = std::array<std::size_t, kFieldCount>;

ColumnIndex resolve_header(const csv::Table& table, const ImportMapping& mapping,
                           std::vector<ImportProblem>& problems) {
  ColumnIndex index;
  index.fill(kUnmapped);
  const std::vector<std::string>& header = table.records.front().fields;
  std::map<std::string, std::size_t, std::less<>> seen;  // folded header -> 1-based column
  for (std::size_t c = 0; c < header.size(); ++c) {
    std::string folded = fold_for_matching(header[c]);
    if (folded.empty()) {
      bool empty_column =
          std::all_of(table.records.begin(), table.records.end(),
                      [&](const csv::Record& r) { return trim(r.fields[c]).empty(); });
      if (!empty_column) {
        problems.push_back({1, "", position_name(c + 1) + " has no header but holds data"});
      }
      continue;
    }
    auto [it, inserted] = seen.emplace(folded, c + 1);
    if (!inserted) {
      problems.push_back(
          {1, "", position_name(c + 1) + " has the same header as " + position_name(it->second)});
      continue;
    }
    const ColumnMapping* mapped = nullptr;
    for (const ColumnMapping& m : mapping.columns) {
      if (fold_for_matching(m.column) == folded) mapped = &m;
    }
    if (mapped != nullptr) {
      index[static_cast<std::size_t>(mapped->field)] = c;
      continue;
    }
    bool ignored =
        std::any_of(mapping.ignored.begin(), mapping.ignored.end(),
                    [&](const std::string& i) { return fold_for_matching(i) == folded; });
    if (!ignored) {
      problems.push_back({1, "",
                          position_name(c + 1) +
                              " is not in the mapping (map it in \"fields\" or list it in "
                              "\"ignore_columns\")"});
    }
  }
  for (const ColumnMapping& m : mapping.columns) {
    if (index[static_cast<std::size_t>(m.field)] == kUnmapped) {
      problems.push_back({1, m.column, "is not in the file's header"});
    }
  }
  return index;
}

// Converts one data row, recording each problem it finds.
class RowReader {
 public:
  RowReader(const csv::Record& record, const ColumnIndex& index, const ImportMapping& mapping,
            const policies::IndicatorCatalogue& catalogue, const Date& today,
            std::vector<ImportProblem>& problems)
      : record_(record),
        index_(index),
        mapping_(mapping),
        catalogue_(catalogue),
        today_(today),
        problems_(problems) {}

  LegacyRecord read() {
    LegacyRecord out;
    out.row = record_.row;
    vault::SignalInput& in = out.signal;
    std::optional<Date> received = date(ImportField::kReceived, true);
    if (received) in.received = *received;
    if (auto v = choice(ImportField::kSourceKind, true)) {
      in.source_kind = *vault::parse_source_kind(*v);
    }
    in.source_team = text(ImportField::kSourceTeam, vault::kMaxSourceTeamChars, false);
    in.narrative = text(ImportField::kNarrative, vault::kMaxNarrativeChars, true);
    in.nature = text(ImportField::kNature, vault::kMaxNatureChars, true);
    in.forms = list(ImportField::kForms);
    in.indicators = list(ImportField::kIndicators);
    if (auto v = choice(ImportField::kMinor, false)) in.minor = *vault::parse_minor_involved(*v);
    if (auto v = choice(ImportField::kScale, false)) in.scale = vault::parse_scale(*v);
    if (auto v = choice(ImportField::kSeverity, false)) in.severity = vault::parse_severity(*v);
    out.reporter_name = reporter(in.source_kind);
    read_state(out, received);
    return out;
  }

 private:
  const std::string& column_of(ImportField f) const {
    static const std::string kNone;
    const ColumnMapping* m = mapping_.find(f);
    return m != nullptr ? m->column : kNone;
  }

  void problem(ImportField f, std::string reason) {
    problems_.push_back({record_.row, column_of(f), std::move(reason)});
  }

  bool mapped(ImportField f) const { return index_[static_cast<std::size_t>(f)] != kUnmapped; }

  // The trimmed cell of `f`; nullopt when the column is absent or the cell empty.
  std::optional<std::string_view> cell(ImportField f) const {
    std::size_t i = index_[static_cast<std::size_t>(f)];
    if (i == kUnmapped) return std::nullopt;
    std::string_view v = trim(record_.fields[i]);
    if (v.empty()) return std::nullopt;
    return v;
  }

  std::optional<std::string_view> required_cell(ImportField f, bool required) {
    std::optional<std::string_view> v = cell(f);
    if (!v && required && mapped(f)) problem(f, "is empty");
    return v;
  }

  std::optional<Date> date(ImportField f, bool required) {
    std::optional<std::string_view> v = required_cell(f, required);
    if (!v) return std::nullopt;
    std::optional<Date> d = parse_sheet_date(*v);
    if (!d) {
      problem(f, "is not a date written dd-mm-jjjj or jjjj-mm-dd");
    } else if (*d > today_) {
      problem(f, "lies in the future");
    } else if (*d < Date(1900, 1, 1)) {
      problem(f, "lies before 1900");
    } else {
      return d;
    }
    return std::nullopt;
  }

  // The Meldkluis value the cell's word stands for.
  std::optional<std::string> choice(ImportField f, bool required) {
    std::optional<std::string_view> v = required_cell(f, required);
    if (!v) return std::nullopt;
    const ColumnMapping* m = mapping_.find(f);
    auto it = m->words.find(fold_for_matching(*v));
    if (it == m->words.end()) {
      problem(f, "is not one of the mapping's words for " + std::string(import_field_name(f)));
      return std::nullopt;
    }
    return it->second;
  }

  std::optional<std::string> text(ImportField f, std::size_t max_chars, bool multiline) {
    std::optional<std::string_view> v = cell(f);
    if (!v) return std::nullopt;
    Result<std::string> checked =
        vault::check_text(import_field_name(f), normalise_line_breaks(*v), max_chars, multiline);
    if (!checked) {
      problem(f, reason_of(checked.status()));
      return std::nullopt;
    }
    return std::move(*checked);
  }

  // A list cell: items separated by ',' or ';', each a word of the mapping (or, without words, a
  // catalogue code). Duplicates are dropped; the order is kept.
  std::vector<std::string> list(ImportField f) {
    std::vector<std::string> out;
    std::optional<std::string_view> v = cell(f);
    if (!v) return out;
    const ColumnMapping* m = mapping_.find(f);
    const bool forms = f == ImportField::kForms;
    std::size_t item = 0;
    std::string_view rest = *v;
    while (true) {
      std::size_t cut = rest.find_first_of(",;");
      std::string_view part = trim(rest.substr(0, cut));
      if (!part.empty()) {
        ++item;
        std::optional<std::string> code;
        if (!m->words.empty()) {
          auto it = m->words.find(fold_for_matching(part));
          if (it != m->words.end()) code = it->second;
        } else if (forms ? catalogue_.is_known_form(part) : catalogue_.is_known(part)) {
          code = std::string(part);
        }
        if (!code) {
          problem(
              f, "item " + std::to_string(item) + " is not " +
                     (m->words.empty()
                          ? std::string(forms ? "a form code" : "an indicator code") +
                                " of the indicator catalogue"
                          : "one of the mapping's words for " + std::string(import_field_name(f))));
        } else if (std::find(out.begin(), out.end(), *code) == out.end()) {
          out.push_back(std::move(*code));
        }
      }
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + 1);
    }
    return out;
  }

  std::optional<std::string> reporter(vault::SourceKind kind) {
    std::optional<std::string_view> v = cell(ImportField::kReporterName);
    if (!v) return std::nullopt;
    if (kind == vault::SourceKind::kAnonymous) {
      problem(ImportField::kReporterName, "is filled in, but an anonymous signal has no reporter");
      return std::nullopt;
    }
    Result<std::string> name = vault::check_person_field(vault::PersonField::kName, *v, today_);
    if (!name) {
      problem(ImportField::kReporterName, reason_of(name.status()));
      return std::nullopt;
    }
    return std::move(*name);
  }

  // Status, outcome and closing date, which must agree: a closed signal has an outcome and a
  // closing date (not before it was received), an open one has neither.
  void read_state(LegacyRecord& out, const std::optional<Date>& received) {
    std::optional<std::string> status = choice(ImportField::kStatus, false);
    std::optional<std::string> outcome = choice(ImportField::kOutcome, false);
    std::optional<Date> closed = date(ImportField::kClosed, false);
    bool has_outcome = cell(ImportField::kOutcome).has_value();
    bool has_closed = cell(ImportField::kClosed).has_value();
    if (cell(ImportField::kStatus) && !status) return;  // an unknown word: reported already

    bool is_closed = status ? *status == "closed" : has_closed || has_outcome;
    if (!is_closed) {
      if (has_outcome) problem(ImportField::kOutcome, "is filled in, but the signal is not closed");
      if (has_closed) problem(ImportField::kClosed, "is filled in, but the signal is not closed");
      if (status) out.status = *vault::parse_signal_status(*status);
      return;
    }
    out.status = vault::SignalStatus::kClosed;
    if (!has_outcome) need(ImportField::kOutcome, "a closed signal needs an outcome");
    if (!has_closed) need(ImportField::kClosed, "a closed signal needs the date it was closed");
    if (closed && received && *closed < *received) {
      problem(ImportField::kClosed, "lies before the received date");
      closed.reset();
    }
    if (outcome) out.outcome = vault::parse_signal_outcome(*outcome);
    out.closed = closed;
  }

  // `what` is missing: on the field's column when it is mapped, else on whichever of status,
  // closed and outcome made the signal closed.
  void need(ImportField f, const std::string& what) {
    if (mapped(f)) {
      problem(f, "is empty; " + what);
      return;
    }
    for (ImportField other : {ImportField::kStatus, ImportField::kClosed, ImportField::kOutcome}) {
      if (cell(other)) {
        problem(other,
                what + ", and the mapping has no " + std::string(import_field_name(f)) + " column");
        return;
      }
    }
  }

  const csv::Record& record_;
  const ColumnIndex& index_;
  const ImportMapping& mapping_;
  const policies::IndicatorCatalogue& catalogue_;
  const Date today_;
  std::vector<ImportProblem>& problems_;
};

Status check_catalogue_codes(const policies::IndicatorCatalogue& catalogue, const LegacyRecord& r) {
  for (const std::string& f : r.signal.forms) {
    if (!catalogue.is_known_form(f)) {
      return invalid_input("row " + std::to_string(r.row) + ": unknown form code \"" + f + "\"");
    }
  }
  for (const std::string& i : r.signal.indicators) {
    if (!catalogue.is_known(i)) {
      return invalid_input("row " + std::to_string(r.row) + ": unknown indicator code \"" + i +
                           "\"");
    }
  }
  return Status::ok();
}

// Writes one record; returns its signal id (and adds the reporter's id to `out`).
Result<std::string> write_record(vault::UnitOfWork& uow, const LegacyRecord& r, ImportResult& out) {
  vault::SignalInput input = r.signal;
  if (r.reporter_name) {
    vault::PersonIdentity identity;
    identity.set(vault::PersonField::kName, *r.reporter_name);
    MK_ASSIGN_OR_RETURN(std::string reporter,
                        vault::add_person(uow, vault::PersonRole::kReporter, identity));
    out.reporter_ids.push_back(reporter);
    input.reporter_id = std::move(reporter);
  }
  MK_ASSIGN_OR_RETURN(std::string id, vault::add_signal(uow, input));
  if (r.status == vault::SignalStatus::kInAssessment) {
    vault::SignalPatch patch;
    patch.status = vault::SignalStatus::kInAssessment;
    MK_RETURN_IF_ERROR(vault::update_signal(uow, id, patch));
  } else if (r.status == vault::SignalStatus::kClosed) {
    if (!r.outcome || !r.closed) return invalid_input("a closed signal needs outcome and date");
    MK_RETURN_IF_ERROR(vault::close_signal(uow, id, *r.outcome, *r.closed));
  }
  return id;
}

}  // namespace

std::size_t ImportPlan::reporters() const {
  return static_cast<std::size_t>(
      std::count_if(records.begin(), records.end(),
                    [](const LegacyRecord& r) { return r.reporter_name.has_value(); }));
}

std::size_t ImportPlan::closed() const {
  return static_cast<std::size_t>(std::count_if(
      records.begin(), records.end(),
      [](const LegacyRecord& r) { return r.status == vault::SignalStatus::kClosed; }));
}

Result<ImportPlan> plan_legacy_import(Session& s, std::string_view csv_bytes,
                                      const ImportMapping& mapping) {
  csv::Options options;
  options.delimiter = mapping.delimiter;
  MK_ASSIGN_OR_RETURN(csv::Table table, csv::parse(csv_bytes, options));
  ImportPlan plan;
  plan.file_sha256 = to_hex(crypto::sha256(as_bytes(csv_bytes)));
  plan.mapping_file = mapping.file;
  plan.mapping_sha256 = mapping.hash;
  plan.delimiter = table.delimiter;
  ColumnIndex index = resolve_header(table, mapping, plan.problems);
  const Date day = today(s);
  for (std::size_t i = 1; i < table.records.size(); ++i) {
    const csv::Record& record = table.records[i];
    if (is_blank(record)) {
      ++plan.blank_rows;
      continue;
    }
    ++plan.rows;
    plan.records.push_back(
        RowReader(record, index, mapping, s.policies().indicators, day, plan.problems).read());
  }
  if (plan.rows == 0) plan.problems.push_back({1, "", "the file has no rows below the header"});
  return plan;
}

Result<ImportResult> import_legacy(Session& s, const ImportPlan& plan,
                                   const ImportProgress& progress) {
  if (!plan.ok()) {
    return invalid_input(std::to_string(plan.problems.size()) +
                         " problem(s) in the file; nothing was imported");
  }
  if (plan.records.empty()) return invalid_input("no rows to import; nothing was imported");
  for (const LegacyRecord& r : plan.records) {
    MK_RETURN_IF_ERROR(check_catalogue_codes(s.policies().indicators, r));
  }
  const std::size_t total = plan.records.size();
  return s.transact("import.csv", [&](vault::UnitOfWork& uow) -> Result<ImportResult> {
    ImportResult out;
    out.signal_ids.reserve(total);
    for (std::size_t i = 0; i < total; ++i) {
      const LegacyRecord& r = plan.records[i];
      Result<std::string> id = write_record(uow, r, out);
      if (!id) return id.status().with_context("row " + std::to_string(r.row));
      out.signal_ids.push_back(std::move(*id));
      if (progress) progress(i + 1, total);
    }
    uow.record({"import.csv", "",
                "rows=" + std::to_string(total) + " signals=" + std::to_string(total) +
                    " reporters=" + std::to_string(out.reporter_ids.size()) +
                    " closed=" + std::to_string(plan.closed()) +
                    " file_sha256=" + plan.file_sha256 + " mapping_sha256=" + plan.mapping_sha256});
    return out;
  });
}

Result<std::string> read_legacy_csv(const std::filesystem::path& path) {
  const std::size_t max = csv::Limits{}.max_bytes;
  Result<std::string> bytes = vault::read_small_file(path, max);
  if (!bytes && bytes.status().code() == Code::kVaultCorrupt) {
    return invalid_input(path.filename().string() + ": larger than " + std::to_string(max) +
                         " bytes");
  }
  return bytes;
}

}  // namespace mk::service

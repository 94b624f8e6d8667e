#include "service/import_mapping.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "base/bytes.hpp"
#include "base/json.hpp"
#include "base/text_fold.hpp"
#include "crypto/hash.hpp"
#include "policies/strict_reader.hpp"
#include "vault/file_io.hpp"

namespace mk::service {
namespace {

using policies::StrictObject;

// What a field's cells hold, which decides what its "values" may say.
enum class Kind { kDate, kText, kChoice, kFormList, kIndicatorList };

struct FieldSpec {
  ImportField field;
  std::string_view name;
  Kind kind;
  bool required;
  std::vector<std::string_view> choices;  // kChoice: the Meldkluis values
};

const std::vector<FieldSpec>& field_specs() {
  static const std::vector<FieldSpec> kSpecs = {
      {ImportField::kReceived, "received", Kind::kDate, true, {}},
      {ImportField::kSourceKind,
       "source_kind",
       Kind::kChoice,
       true,
       {"internal_team", "partner", "resident", "anonymous"}},
      {ImportField::kSourceTeam, "source_team", Kind::kText, false, {}},
      {ImportField::kNarrative, "narrative", Kind::kText, false, {}},
      {ImportField::kNature, "nature", Kind::kText, false, {}},
      {ImportField::kForms, "forms", Kind::kFormList, false, {}},
      {ImportField::kIndicators, "indicators", Kind::kIndicatorList, false, {}},
      {ImportField::kMinor, "minor", Kind::kChoice, false, {"yes", "no", "unknown"}},
      {ImportField::kScale, "scale", Kind::kChoice, false, {"single", "multiple", "organised"}},
      {ImportField::kSeverity,
       "severity",
       Kind::kChoice,
       false,
       {"low", "medium", "high", "acute"}},
      {ImportField::kStatus, "status", Kind::kChoice, false, {"new", "in_assessment", "closed"}},
      {ImportField::kOutcome,
       "outcome",
       Kind::kChoice,
       false,
       {"no_suspicion", "insufficient_information", "referred", "case_opened", "other"}},
      {ImportField::kClosed, "closed", Kind::kDate, false, {}},
      {ImportField::kReporterName, "reporter_name", Kind::kText, false, {}},
  };
  return kSpecs;
}

const FieldSpec* spec_named(std::string_view name) {
  for (const FieldSpec& s : field_specs()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names)
    out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

std::string all_field_names() {
  std::vector<std::string_view> names;
  for (const FieldSpec& s : field_specs())
    names.push_back(s.name);
  return joined(names);
}

std::string position_text(json::Position p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

Status mapping_error(std::string_view file, json::Position at, std::string_view reason) {
  return Status(Code::kInvalidInput, policies::policy_error(file, at, reason).message());
}

// Strict reading with kInvalidInput errors.
Status as_input_error(Status s) {
  if (s.is_ok()) return s;
  return Status(Code::kInvalidInput, s.message());
}

class MappingReader {
 public:
  MappingReader(std::string_view file, const policies::IndicatorCatalogue& catalogue)
      : file_(file), catalogue_(catalogue) {}

  Result<ImportMapping> read(const json::Value& root) {
    StrictObject top(root, file_, "mapping");
    std::string format = top.string("format", nullptr);
    if (Status s = top.status(); !s.is_ok()) return as_input_error(s);
    if (format != kImportMappingFormat) {
      return mapping_error(file_, top.position_of("format"),
                           "unsupported format version " + policies::quoted(format) +
                               " (this Meldkluis reads " + policies::quoted(kImportMappingFormat) +
                               ")");
    }
    (void)top.optional_string("note", policies::text_rule);
    std::optional<std::string> delimiter = top.optional_string("delimiter", nullptr);
    const json::Array& fields = top.array("fields", StrictObject::Items::kNonEmpty);
    const json::Array* ignored = top.optional_array("ignore_columns", StrictObject::Items::kAny);
    MK_RETURN_IF_ERROR(as_input_error(top.finish()));

    ImportMapping out;
    if (delimiter) {
      if (*delimiter != "," && *delimiter != ";") {
        return mapping_error(file_, top.position_of("delimiter"),
                             "\"delimiter\" of mapping must be \",\" or \";\"");
      }
      out.delimiter = (*delimiter)[0];
    }
    for (const json::Value& f : fields) {
      MK_ASSIGN_OR_RETURN(ColumnMapping column, read_field(f));
      out.columns.push_back(std::move(column));
    }
    if (ignored) {
      for (const json::Value& v : *ignored) {
        MK_ASSIGN_OR_RETURN(std::string name, read_column_name(v, "ignored column"));
        out.ignored.push_back(std::move(name));
      }
    }
    for (const FieldSpec& s : field_specs()) {
      if (s.required && out.find(s.field) == nullptr) {
        return mapping_error(file_, top.position_of("fields"),
                             "missing field " + policies::quoted(s.name) + " in \"fields\"");
      }
    }
    return out;
  }

 private:
  // A column header as the mapping writes it; its folded form must be new in this mapping.
  Result<std::string> read_column_name(const json::Value& v, std::string_view what) {
    if (!v.is_string()) {
      return mapping_error(file_, v.position(),
                           std::string(what) + " must be a string, found " +
                               std::string(json::Value::type_name(v.type())));
    }
    if (std::string why = policies::text_rule(v.as_string()); !why.empty()) {
      return mapping_error(file_, v.position(), std::string(what) + " " + why);
    }
    return claim_column(v.as_string(), v.position());
  }

  Result<std::string> claim_column(const std::string& name, json::Position at) {
    std::string folded = fold_for_matching(name);
    if (folded.empty()) {
      return mapping_error(file_, at,
                           "column " + policies::quoted(name) + " has no letters or digits");
    }
    auto seen = columns_.find(folded);
    if (seen != columns_.end()) {
      return mapping_error(file_, at,
                           "column " + policies::quoted(name) + " is named twice (first at " +
                               position_text(seen->second) + ")");
    }
    columns_.emplace(std::move(folded), at);
    return name;
  }

  Result<ColumnMapping> read_field(const json::Value& v) {
    StrictObject o(v, file_, "field");
    std::string name = o.string("field", nullptr);
    if (!name.empty()) o.describe_as("field " + policies::quoted(name));
    std::string column = o.string("column", policies::text_rule);
    const json::Array* values = o.optional_array("values", StrictObject::Items::kNonEmpty);
    MK_RETURN_IF_ERROR(as_input_error(o.finish()));

    const FieldSpec* spec = spec_named(name);
    if (spec == nullptr) {
      return mapping_error(
          file_, o.position_of("field"),
          "unknown field " + policies::quoted(name) + " (known fields: " + all_field_names() + ")");
    }
    if (std::find(fields_seen_.begin(), fields_seen_.end(), spec->field) != fields_seen_.end()) {
      return mapping_error(file_, o.position_of("field"),
                           "field " + policies::quoted(name) + " is mapped twice");
    }
    fields_seen_.push_back(spec->field);
    ColumnMapping out;
    out.field = spec->field;
    MK_ASSIGN_OR_RETURN(out.column, claim_column(column, o.position_of("column")));

    bool takes_values = spec->kind == Kind::kChoice || spec->kind == Kind::kFormList ||
                        spec->kind == Kind::kIndicatorList;
    if (values != nullptr && !takes_values) {
      return mapping_error(file_, o.position_of("values"),
                           "field " + policies::quoted(name) +
                               " takes no \"values\" (its cells are " +
                               (spec->kind == Kind::kDate ? "dates" : "text") + ")");
    }
    if (values == nullptr && spec->kind == Kind::kChoice) {
      return mapping_error(file_, o.position(),
                           "missing key \"values\" in field " + policies::quoted(name) +
                               " (its words must be mapped to: " + joined(spec->choices) + ")");
    }
    if (values != nullptr) {
      for (const json::Value& entry : *values) {
        MK_RETURN_IF_ERROR(read_value(*spec, entry, out));
      }
    }
    return out;
  }

  // "the value must be one of ..." when `value` is not a target of `spec`; empty when it is.
  std::string target_problem(const FieldSpec& spec, const std::string& value) const {
    switch (spec.kind) {
      case Kind::kChoice:
        if (std::find(spec.choices.begin(), spec.choices.end(), value) != spec.choices.end()) {
          return {};
        }
        return "must be one of " + joined(spec.choices);
      case Kind::kFormList:
        if (catalogue_.is_known_form(value)) return {};
        return "must be a form code of the indicator catalogue (meldkluis indicators list)";
      case Kind::kIndicatorList:
        if (catalogue_.is_known(value)) return {};
        return "must be an indicator code of the indicator catalogue (meldkluis indicators list)";
      case Kind::kDate:
      case Kind::kText:
        break;
    }
    return "is not allowed here";
  }

  Status read_value(const FieldSpec& spec, const json::Value& v, ColumnMapping& out) {
    StrictObject o(v, file_, "value of field " + policies::quoted(spec.name));
    std::string value = o.string("value", nullptr);
    const json::Array& words = o.array("words", StrictObject::Items::kNonEmpty);
    MK_RETURN_IF_ERROR(as_input_error(o.finish()));
    if (std::string why = target_problem(spec, value); !why.empty()) {
      return mapping_error(file_, o.position_of("value"),
                           "value " + policies::quoted(value) + " of field " +
                               policies::quoted(spec.name) + " " + why);
    }
    for (const json::Value& w : words) {
      if (!w.is_string()) {
        return mapping_error(file_, w.position(),
                             "a word of field " + policies::quoted(spec.name) +
                                 " must be a string, found " +
                                 std::string(json::Value::type_name(w.type())));
      }
      std::string folded = fold_for_matching(w.as_string());
      if (folded.empty()) {
        return mapping_error(file_, w.position(),
                             "word " + policies::quoted(w.as_string()) + " of field " +
                                 policies::quoted(spec.name) + " has no letters or digits");
      }
      if (spec.kind != Kind::kChoice && w.as_string().find_first_of(",;") != std::string::npos) {
        return mapping_error(file_, w.position(), "a word of a list may not hold ',' or ';'");
      }
      auto [it, inserted] =
          word_positions_.emplace(std::string(spec.name) + "\n" + folded, w.position());
      if (!inserted) {
        return mapping_error(file_, w.position(),
                             "word " + policies::quoted(w.as_string()) + " of field " +
                                 policies::quoted(spec.name) + " is listed twice (first at " +
                                 position_text(it->second) +
                                 "; words are compared ignoring case, accents and punctuation)");
      }
      out.words.emplace(std::move(folded), value);
    }
    return Status::ok();
  }

  std::string_view file_;
  const policies::IndicatorCatalogue& catalogue_;
  std::map<std::string, json::Position, std::less<>> columns_;         // folded header -> where
  std::map<std::string, json::Position, std::less<>> word_positions_;  // field + word -> where
  std::vector<ImportField> fields_seen_;
};

}  // namespace

std::string_view import_field_name(ImportField field) {
  for (const FieldSpec& s : field_specs()) {
    if (s.field == field) return s.name;
  }
  return "received";
}

const ColumnMapping* ImportMapping::find(ImportField field) const {
  for (const ColumnMapping& c : columns) {
    if (c.field == field) return &c;
  }
  return nullptr;
}

Result<ImportMapping> parse_import_mapping(std::string_view text, std::string_view file_name,
                                           const policies::IndicatorCatalogue& catalogue) {
  if (text.size() > kMaxImportMappingBytes) {
    return invalid_input(std::string(file_name) + ": larger than " +
                         std::to_string(kMaxImportMappingBytes) + " bytes");
  }
  Result<json::Value> root = json::parse(text);
  if (!root) return invalid_input(std::string(file_name) + ":" + root.status().message());
  MK_ASSIGN_OR_RETURN(ImportMapping mapping, MappingReader(file_name, catalogue).read(*root));
  mapping.file = std::string(file_name);
  mapping.hash = to_hex(crypto::sha256(as_bytes(text)));
  return mapping;
}

Result<ImportMapping> load_import_mapping(const std::filesystem::path& path,
                                          const policies::IndicatorCatalogue& catalogue) {
  const std::string name = path.filename().string();
  Result<std::string> text = vault::read_small_file(path, kMaxImportMappingBytes);
  if (!text) {
    if (text.status().code() == Code::kVaultCorrupt) {
      return invalid_input(name + ": larger than " + std::to_string(kMaxImportMappingBytes) +
                           " bytes");
    }
    return Status(text.status().code(), "mapping: " + text.status().message());
  }
  return parse_import_mapping(*text, name, catalogue);
}

}  // namespace mk::service

#include "cli/person_options.hpp"

#include <array>

#include "base/json.hpp"
#include "cli/text_input.hpp"

namespace mk::cli {
namespace {

struct FieldOption {
  const char* option;
  vault::PersonField field;
  const char* value_name;
  const char* label;
};

constexpr std::array<FieldOption, vault::kPersonFieldCount> kFieldOptions = {{
    {"name", vault::PersonField::kName, "NAME", "Naam / Name"},
    {"dob", vault::PersonField::kDateOfBirth, "DATE", "Geboortedatum / Date of birth"},
    {"nationality", vault::PersonField::kNationality, "X", "Nationaliteit / Nationality"},
    {"bsn", vault::PersonField::kBsn, "BSN", "BSN"},
    {"document", vault::PersonField::kDocumentNumber, "D", "Documentnummer / Document number"},
    {"address", vault::PersonField::kAddress, "A", "Adres / Address"},
    {"phone", vault::PersonField::kPhone, "P", "Telefoon / Phone"},
}};

bool is_plain_key(std::string_view key) {
  if (key.empty() || key.size() > 32) return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

Outcome<FieldValues> fields_from_json(const std::string& source, bool allow_null) {
  MK_CLI_TRY(std::string text, read_text_input(source, "--fields-json"));
  Result<json::Value> parsed = json::parse(text);
  wipe_string(text);
  if (!parsed) return Exit::invalid("--fields-json: " + parsed.status().message());
  if (!parsed->is_object()) return Exit::invalid("--fields-json: must be a JSON object");
  FieldValues out;
  for (const json::Member& m : parsed->as_object()) {
    std::optional<vault::PersonField> field = vault::parse_person_field(m.first);
    if (!field) {
      std::string what = is_plain_key(m.first) ? " \"" + m.first + "\"" : "";
      return Exit::invalid("--fields-json: unknown field" + what +
                           " (fields: name, date_of_birth, nationality, bsn, document_number, "
                           "address, phone)");
    }
    std::string key(vault::person_field_name(*field));
    if (m.second.is_null() && allow_null) {
      out.emplace_back(*field, std::nullopt);
    } else if (m.second.is_string()) {
      out.emplace_back(*field, m.second.as_string());
    } else {
      return Exit::invalid("--fields-json: \"" + key + "\" must be a string" +
                           (allow_null ? " or null" : ""));
    }
  }
  return out;
}

}  // namespace

std::vector<OptionSpec> person_field_options() {
  std::vector<OptionSpec> out;
  for (const FieldOption& f : kFieldOptions) {
    out.push_back({f.option, OptionKind::kSingle, f.value_name,
                   std::string(vault::person_field_name(f.field))});
  }
  out[1].help = "date_of_birth (YYYY-MM-DD)";
  out[3].help = "bsn (9 digits, 11-proef)";
  out[4].help = "document_number (passport or ID card)";
  out.push_back({"fields-json", OptionKind::kSingle, "FILE|-",
                 "the fields as a JSON object read from FILE or stdin (safer: see below)"});
  return out;
}

std::optional<vault::PersonField> field_by_any_name(std::string_view name) {
  for (const FieldOption& f : kFieldOptions) {
    if (name == f.option) return f.field;
  }
  return vault::parse_person_field(name);
}

std::string field_label(vault::PersonField field) {
  for (const FieldOption& f : kFieldOptions) {
    if (f.field == field) return f.label;
  }
  return std::string(vault::person_field_name(field));
}

Outcome<FieldValues> person_fields_from(const ParsedArgs& args, bool allow_null) {
  FieldValues out;
  for (const FieldOption& f : kFieldOptions) {
    if (auto v = args.value(f.option)) out.emplace_back(f.field, std::move(*v));
  }
  if (auto source = args.value("fields-json")) {
    MK_CLI_TRY(FieldValues from_json, fields_from_json(*source, allow_null));
    for (const auto& in_json : from_json) {
      for (const auto& given : out) {
        if (given.first != in_json.first) continue;
        std::string name(vault::person_field_name(given.first));
        wipe_fields(from_json);
        wipe_fields(out);
        return Exit::usage(name + " is given both as an option and in --fields-json");
      }
    }
    for (auto& entry : from_json)
      out.push_back(std::move(entry));
  }
  return out;
}

void wipe_fields(FieldValues& fields) {
  for (auto& [field, value] : fields) {
    if (value) wipe_string(*value);
  }
  fields.clear();
}

}  // namespace mk::cli

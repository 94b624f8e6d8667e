// The identity options of `person add|update|find` (--name, --dob, ... and --fields-json), merged
// into one list of field values. --fields-json reads a JSON object of field name -> string from a
// file or stdin: the safe way for real data, since arguments show in `ps` and shell history.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/outcome.hpp"
#include "vault/person.hpp"

namespace mk::cli {

using FieldValues = std::vector<std::pair<vault::PersonField, std::optional<std::string>>>;

std::vector<OptionSpec> person_field_options();

// The fields given as options and in --fields-json (a field given both ways is a usage error).
// JSON null (clear the field) is accepted only when `allow_null`.
Outcome<FieldValues> person_fields_from(const ParsedArgs& args, bool allow_null);

// A field by its JSON name ("date_of_birth") or its option name ("dob").
std::optional<vault::PersonField> field_by_any_name(std::string_view name);

// "Naam / Name" ...
std::string field_label(vault::PersonField field);

// Overwrites the values (personal data) before the vector goes.
void wipe_fields(FieldValues& fields);

}  // namespace mk::cli

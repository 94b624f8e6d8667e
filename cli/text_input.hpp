// Free text (narratives, assessments, summaries, notes, --fields-json) comes from a file or from
// stdin ("-"), never from an argument: arguments are visible in `ps` and in shell history.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "cli/arguments.hpp"
#include "cli/outcome.hpp"

namespace mk::cli {

// Larger than any field the vault accepts, small enough to refuse a wrong file quickly.
inline constexpr std::size_t kMaxTextInputBytes = 1 << 20;

// The whole content of `source` (a path, or "-" for stdin). `option` ("--narrative-file") names the
// source in messages; the path itself is never printed, it may carry a name.
Outcome<std::string> read_text_input(const std::string& source, std::string_view option);

// The text named by option `name` ("narrative-file"), or nullopt when the option is absent.
Outcome<std::optional<std::string>> text_option(const ParsedArgs& args, std::string_view name);

// A usage error when more than one of `names` reads stdin ("-").
Exit stdin_used_once(const ParsedArgs& args, std::initializer_list<std::string_view> names);

// Overwrites and clears a string that held personal data.
void wipe_string(std::string& s);

}  // namespace mk::cli

// Turning option values into typed values. A value that makes no sense (an impossible date, an
// unknown enum name, a non-number) is invalid input (exit 3); messages name the option and what it
// accepts, never the value, which may be personal data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.hpp"
#include "cli/arguments.hpp"
#include "cli/outcome.hpp"

namespace mk::cli {

Outcome<std::optional<Date>> date_option(const ParsedArgs& args, std::string_view name);

// An integer option within [min, max]; `fallback` when absent.
Outcome<int> int_option(const ParsedArgs& args, std::string_view name, int min, int max,
                        int fallback);

// An enum option parsed by `parse`; `allowed` lists the names for the message.
template <typename E, typename Parse>
Outcome<std::optional<E>> enum_option(const ParsedArgs& args, std::string_view name, Parse parse,
                                      std::string_view allowed) {
  std::optional<std::string> text = args.value(name);
  if (!text) return std::optional<E>();
  std::optional<E> v = parse(*text);
  if (!v)
    return Exit::invalid("--" + std::string(name) + ": must be one of " + std::string(allowed));
  return v;
}

// A usage error when a required option is absent.
Exit require_option(const ParsedArgs& args, std::string_view name, std::string_view command);

}  // namespace mk::cli

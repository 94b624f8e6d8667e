#include "cli/option_values.hpp"

#include <charconv>

namespace mk::cli {

Outcome<std::optional<Date>> date_option(const ParsedArgs& args, std::string_view name) {
  std::optional<std::string> text = args.value(name);
  if (!text) return std::optional<Date>();
  std::optional<Date> d = Date::parse_iso(*text);
  if (!d) {
    return Exit::invalid("--" + std::string(name) +
                         ": not a real date written YYYY-MM-DD (e.g. 2026-03-01)");
  }
  return d;
}

Outcome<int> int_option(const ParsedArgs& args, std::string_view name, int min, int max,
                        int fallback) {
  std::optional<std::string> text = args.value(name);
  if (!text) return fallback;
  int v = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, v);
  if (ec != std::errc() || ptr != end || v < min || v > max) {
    return Exit::invalid("--" + std::string(name) + ": must be a whole number from " +
                         std::to_string(min) + " to " + std::to_string(max));
  }
  return v;
}

Exit require_option(const ParsedArgs& args, std::string_view name, std::string_view command) {
  if (args.has(name)) return Exit::ok();
  return Exit::usage("missing --" + std::string(name),
                     "see: meldkluis " + std::string(command) + " --help");
}

}  // namespace mk::cli

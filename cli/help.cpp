#include "cli/help.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "cli/exit_codes.hpp"

#ifndef MELDKLUIS_VERSION
#define MELDKLUIS_VERSION "unknown"
#endif

namespace mk::cli {
namespace {

std::string padded(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s + "  ";
}

using Lines = std::vector<std::pair<std::string, std::string>>;

std::string aligned(const Lines& lines) {
  std::size_t width = 0;
  for (const auto& [left, right] : lines)
    width = std::max(width, left.size() + 2);
  std::string out;
  for (const auto& [left, right] : lines)
    out += padded("  " + left, width) + right + "\n";
  return out;
}

std::string option_lines(const std::vector<OptionSpec>& options) {
  Lines lines;
  for (const OptionSpec& o : options) {
    std::string left = "--" + o.name;
    if (!o.value_name.empty()) left += " " + o.value_name;
    if (o.kind == OptionKind::kRepeated) left += "...";
    lines.emplace_back(std::move(left), o.help);
  }
  return aligned(lines);
}

Lines command_lines(const std::vector<const Command*>& commands) {
  Lines lines;
  for (const Command* c : commands)
    lines.emplace_back(c->path(), c->summary);
  return lines;
}

}  // namespace

std::string version_text() {
  return std::string("meldkluis ") + MELDKLUIS_VERSION;
}

std::string overview_help() {
  std::vector<const Command*> all;
  for (const Command& c : command_table())
    all.push_back(&c);
  std::string out = version_text() +
                    ": versleutelde casuskluis mensenhandel / encrypted casework vault\n\n"
                    "Gebruik / Usage: meldkluis [global options] COMMAND [options]\n\n"
                    "Commands:\n";
  Lines commands = command_lines(all);
  commands.emplace_back("help [COMMAND]", "show help / hulp tonen");
  out += aligned(commands);
  std::vector<OptionSpec> globals = global_option_specs();
  globals.push_back({"version", OptionKind::kFlag, "", "print the version"});
  out += "\nGlobal options (before or after the command):\n" + option_lines(globals) +
         "\nExit codes:\n";
  for (const ExitCodeDoc& d : exit_code_table()) {
    std::string code = std::to_string(static_cast<int>(d.code));
    out += "  " + padded(code, 2) + std::string(d.meaning) + "\n";
  }
  out +=
      "\nDates are YYYY-MM-DD. Free text (narratives, summaries, notes) and identity data in\n"
      "--fields-json come from a file or stdin (\"-\"): arguments are visible in `ps` and shell\n"
      "history. More: meldkluis COMMAND --help, and docs/cli.md.\n";
  return out;
}

std::string noun_help(std::string_view noun) {
  std::vector<const Command*> verbs;
  for (const Command& c : command_table()) {
    if (c.noun == noun) verbs.push_back(&c);
  }
  return "Gebruik / Usage: meldkluis " + std::string(noun) + " VERB [options]\n\n" +
         aligned(command_lines(verbs)) + "\nMore: meldkluis " + std::string(noun) +
         " VERB --help\n";
}

std::string command_help(const Command& command) {
  std::string usage = command.usage.empty() ? "" : " " + command.usage;
  std::string out =
      "Gebruik / Usage: meldkluis " + command.path() + usage + "\n\n" + command.summary + "\n";
  if (!command.details.empty()) out += "\n" + command.details + "\n";
  if (!command.options.empty()) out += "\nOptions:\n" + option_lines(command.options);
  out += "\nGlobal options:\n" + option_lines(global_option_specs());
  return out;
}

}  // namespace mk::cli

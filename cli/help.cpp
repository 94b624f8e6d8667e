#include "cli/help.hpp"

#include <algorithm>

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

std::string option_lines(const std::vector<OptionSpec>& options) {
  std::vector<std::string> left;
  std::size_t width = 0;
  for (const OptionSpec& o : options) {
    std::string l = "  --" + o.name;
    if (!o.value_name.empty()) l += " " + o.value_name;
    if (o.kind == OptionKind::kRepeated) l += "...";
    width = std::max(width, l.size());
    left.push_back(std::move(l));
  }
  std::string out;
  for (std::size_t i = 0; i < options.size(); ++i)
    out += padded(left[i], width) + options[i].help + "\n";
  return out;
}

std::string command_lines(const std::vector<const Command*>& commands) {
  std::size_t width = 0;
  for (const Command* c : commands)
    width = std::max(width, c->path().size() + 2);
  std::string out;
  for (const Command* c : commands)
    out += padded("  " + c->path(), width) + c->summary + "\n";
  return out;
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
                    "Commands:\n" +
                    command_lines(all) +
                    "  help [COMMAND]     show help / hulp tonen\n\n"
                    "Global options (before or after the command):\n" +
                    option_lines(global_option_specs()) +
                    "  --version          print the version\n\n" + "Exit codes:\n";
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
         command_lines(verbs) + "\nMore: meldkluis " + std::string(noun) + " VERB --help\n";
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

#include "cli/dispatch.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "cli/command.hpp"
#include "cli/help.hpp"
#include "cli/output.hpp"

namespace mk::cli {
namespace {

// Where the command words are in the command line: every token that is neither an option nor the
// value of a global option, up to "--".
std::vector<std::size_t> word_positions(const std::vector<std::string>& tokens) {
  std::vector<std::size_t> words;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t == "--") break;
    if (t.size() > 2 && t.starts_with("--")) {
      std::string name = t.substr(2, t.find('=') - 2);
      if (t.find('=') == std::string::npos && global_option_takes_value(name)) ++i;
      continue;
    }
    if (t.size() > 1 && t[0] == '-') continue;
    words.push_back(i);
  }
  return words;
}

bool wants(const std::vector<std::string>& tokens, std::string_view flag) {
  for (const std::string& t : tokens) {
    if (t == "--") return false;
    if (t == flag || (flag == "--help" && t == "-h")) return true;
  }
  return false;
}

// " (did you mean \"signal\"?)" when `typed` is close to one of `known`. What the user typed is
// never repeated: a misplaced value may be a name.
std::string suggestion(std::string_view typed, const std::vector<std::string>& known) {
  std::vector<OptionSpec> candidates;
  for (const std::string& k : known)
    candidates.push_back({k, OptionKind::kFlag, "", ""});
  std::string best = closest_option(typed, candidates);
  return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
}

std::vector<std::string> nouns() {
  std::vector<std::string> out = {"help"};
  for (const Command& c : command_table()) {
    if (std::find(out.begin(), out.end(), c.noun) == out.end()) out.push_back(c.noun);
  }
  return out;
}

std::vector<std::string> verbs_of(std::string_view noun) {
  std::vector<std::string> out;
  for (const Command& c : command_table()) {
    if (c.noun == noun) out.push_back(c.verb);
  }
  return out;
}

bool is_noun(std::string_view word) {
  for (const Command& c : command_table()) {
    if (c.noun == word) return true;
  }
  return false;
}

const Command* find_command(std::string_view noun, std::string_view verb) {
  for (const Command& c : command_table()) {
    if (c.noun == noun && c.verb == verb) return &c;
  }
  return nullptr;
}

int print_out(const std::string& text) {
  std::fputs(text.c_str(), stdout);
  return 0;
}

int fail(const Exit& e) {
  print_error(e);
  return static_cast<int>(e.code());
}

// meldkluis help [NOUN [VERB]]
int run_help(const std::vector<std::string>& words) {
  if (words.empty()) return print_out(overview_help());
  if (!is_noun(words[0])) {
    return fail(
        Exit::usage("unknown command" + suggestion(words[0], nouns()), "see: meldkluis help"));
  }
  if (const Command* c = find_command(words[0], "")) return print_out(command_help(*c));
  if (words.size() == 1) return print_out(noun_help(words[0]));
  if (const Command* c = find_command(words[0], words[1])) return print_out(command_help(*c));
  return fail(
      Exit::usage("unknown subcommand of " + words[0] + suggestion(words[1], verbs_of(words[0])),
                  "see: meldkluis help " + words[0]));
}

Exit run_command(const Command& command, const std::vector<std::string>& rest) {
  std::vector<OptionSpec> options = command.options;
  const std::vector<OptionSpec>& globals = global_option_specs();
  options.insert(options.end(), globals.begin(), globals.end());
  MK_CLI_TRY(ParsedArgs args, parse_arguments(rest, options, command.positionals, command.path()));
  GlobalOptions global_values = read_global_options(args);
  return command.run(Invocation{command, args, global_values});
}

}  // namespace

int run(const std::vector<std::string>& tokens) {
  std::vector<std::size_t> words = word_positions(tokens);
  if (words.empty()) {
    if (wants(tokens, "--version")) return print_out(version_text() + "\n");
    if (wants(tokens, "--help")) return print_out(overview_help());
    return fail(Exit::usage("missing command", "see: meldkluis help"));
  }
  const std::string& noun = tokens[words[0]];
  // "help" is also the noun of help requests: `help add ...` is a command, `help case` the help.
  bool help_request = words.size() > 1 && find_command(noun, tokens[words[1]]) != nullptr;
  if (noun == "help" && !help_request) {
    std::vector<std::string> rest;
    for (std::size_t i = 1; i < words.size(); ++i)
      rest.push_back(tokens[words[i]]);
    return run_help(rest);
  }
  if (!is_noun(noun)) {
    return fail(Exit::usage("unknown command" + suggestion(noun, nouns()), "see: meldkluis help"));
  }
  std::vector<std::size_t> consumed = {words[0]};
  const Command* command = find_command(noun, "");
  if (!command) {
    if (words.size() < 2) {
      if (wants(tokens, "--help")) return print_out(noun_help(noun));
      return fail(Exit::usage(noun + " needs a subcommand", "see: meldkluis " + noun + " --help"));
    }
    command = find_command(noun, tokens[words[1]]);
    if (!command) {
      return fail(Exit::usage(
          "unknown subcommand of " + noun + suggestion(tokens[words[1]], verbs_of(noun)),
          "see: meldkluis " + noun + " --help"));
    }
    consumed.push_back(words[1]);
  }
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (std::find(consumed.begin(), consumed.end(), i) == consumed.end()) rest.push_back(tokens[i]);
  }
  if (wants(rest, "--help")) return print_out(command_help(*command));
  Exit result = run_command(*command, rest);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    if (result.is_ok()) result = Exit(ExitCode::kIo, "cannot write to stdout");
  }
  return result.is_ok() ? 0 : fail(result);
}

}  // namespace mk::cli

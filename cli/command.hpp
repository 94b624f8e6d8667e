// The command table: every `meldkluis NOUN [VERB]` with its options, help text and handler. Each
// commands_*.cpp contributes its nouns; dispatch.cpp finds the command and runs it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/global_options.hpp"
#include "cli/outcome.hpp"

namespace mk::cli {

struct Command;

// What a handler gets: its parsed arguments and the global options.
struct Invocation {
  const Command& command;
  const ParsedArgs& args;
  const GlobalOptions& globals;
};

using Handler = Exit (*)(const Invocation&);

struct Command {
  std::string noun;     // "signal"
  std::string verb;     // "add"; empty for one-word commands ("init")
  std::string usage;    // after "meldkluis signal add ": "--received DATE --source KIND [...]"
  std::string summary;  // one line for the command list
  std::string details;  // paragraphs shown by --help; may be empty
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
  Handler run = nullptr;

  std::string path() const { return verb.empty() ? noun : noun + " " + verb; }
};

// The commands of each file, in the order `meldkluis help` lists them.
std::vector<Command> init_commands();
std::vector<Command> keyslot_commands();
std::vector<Command> signal_commands();
std::vector<Command> person_commands();
std::vector<Command> case_commands();
std::vector<Command> retention_commands();
std::vector<Command> partner_commands();
std::vector<Command> consent_commands();
std::vector<Command> share_commands();
std::vector<Command> package_commands();
std::vector<Command> indicators_commands();
std::vector<Command> audit_commands();
std::vector<Command> import_commands();
std::vector<Command> meldcode_commands();  // case meldcode, case decide
std::vector<Command> help_commands();      // help requests: help add|list|update|close|overdue
std::vector<Command> training_commands();
std::vector<Command> report_commands();    // report [compliance]
std::vector<Command> backup_commands();    // backup create|verify|restore|list|forget
std::vector<Command> witness_commands();   // witness keygen|cosign
std::vector<Command> policy_commands();    // policy diff|history
std::vector<Command> register_commands();  // register (AVG art. 30)

// Every command.
const std::vector<Command>& command_table();

}  // namespace mk::cli

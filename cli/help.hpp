// Help texts: the overview (`meldkluis help`, with the exit codes), a noun's verbs, and one
// command's usage, options and notes.
#pragma once

#include <string>
#include <string_view>

#include "cli/command.hpp"

namespace mk::cli {

std::string version_text();                    // "meldkluis 0.1.0"
std::string overview_help();                   // every command, the global options, the exit codes
std::string noun_help(std::string_view noun);  // the verbs of "signal"
std::string command_help(const Command& command);

}  // namespace mk::cli

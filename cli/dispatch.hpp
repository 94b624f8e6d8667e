// From argv to a finished command: find the noun and verb (global options may come before them),
// parse the rest, run the handler, print any error, and return the exit code.
#pragma once

#include <string>
#include <vector>

namespace mk::cli {

int run(const std::vector<std::string>& tokens);

}  // namespace mk::cli

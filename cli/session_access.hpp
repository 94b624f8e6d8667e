// Opening the vault named by the global options: resolve the folder, read the passphrase (file or
// terminal prompt), open a service session with the system clock and the policies in force.
#pragma once

#include "base/clock.hpp"
#include "cli/global_options.hpp"
#include "cli/outcome.hpp"
#include "service/session.hpp"

namespace mk::cli {

// The clock every command uses.
const Clock& system_clock();

Outcome<service::Session> open_session(const GlobalOptions& globals);

}  // namespace mk::cli

// The options of `signal add` and `signal update`, and turning them into a SignalInput, a
// SignalPatch or a SignalFilter. Values are checked for form here (dates, enum names); whether
// codes exist and ids resolve is the service's business.
#pragma once

#include <vector>

#include "cli/arguments.hpp"
#include "cli/outcome.hpp"
#include "vault/signal.hpp"

namespace mk::cli {

// --received --source --team --reporter --narrative-file --nature-file --form --indicator --minor
// --scale --severity --person
std::vector<OptionSpec> signal_field_options();

// Reads --narrative-file and --nature-file too. --received and --source must be present.
Outcome<vault::SignalInput> signal_input_from(const ParsedArgs& args);

// Every option optional; also --clear-reporter, --clear-forms, --clear-indicators, --status.
Outcome<vault::SignalPatch> signal_patch_from(const ParsedArgs& args);

// --status --form --from --to
Outcome<vault::SignalFilter> signal_filter_from(const ParsedArgs& args);

}  // namespace mk::cli

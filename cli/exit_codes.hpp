// The documented exit codes of `meldkluis` (docs/cli.md) and the one place that maps the service
// layer's error codes onto them.
#pragma once

#include <span>
#include <string_view>

#include "base/status.hpp"

namespace mk::cli {

enum class ExitCode : int {
  kOk = 0,
  kInternal = 1,
  kUsage = 2,
  kInvalidInput = 3,
  kNotFound = 4,
  kWrongPassphrase = 5,
  kVaultCorrupt = 6,
  kVaultInUse = 7,
  kPolicyInvalid = 8,
  kDisclosureRefused = 9,
  kForbidden = 10,
  kConflict = 11,
  kIo = 12,
};

ExitCode exit_code_for(Code code);

// One line of the exit-code table shown by `meldkluis help`.
struct ExitCodeDoc {
  ExitCode code;
  std::string_view meaning;
};
std::span<const ExitCodeDoc> exit_code_table();

}  // namespace mk::cli

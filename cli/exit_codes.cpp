#include "cli/exit_codes.hpp"

#include <array>

namespace mk::cli {

ExitCode exit_code_for(Code code) {
  switch (code) {
    case Code::kOk:
      return ExitCode::kOk;
    case Code::kInvalidInput:
      return ExitCode::kInvalidInput;
    case Code::kNotFound:
      return ExitCode::kNotFound;
    case Code::kWrongPassphrase:
      return ExitCode::kWrongPassphrase;
    case Code::kVaultCorrupt:
      return ExitCode::kVaultCorrupt;
    case Code::kVaultInUse:
      return ExitCode::kVaultInUse;
    case Code::kPolicyInvalid:
      return ExitCode::kPolicyInvalid;
    case Code::kDisclosureRefused:
      return ExitCode::kDisclosureRefused;
    case Code::kForbidden:
      return ExitCode::kForbidden;
    case Code::kConflict:
      return ExitCode::kConflict;
    case Code::kIo:
      return ExitCode::kIo;
    case Code::kInternal:
      return ExitCode::kInternal;
  }
  return ExitCode::kInternal;
}

std::span<const ExitCodeDoc> exit_code_table() {
  static constexpr std::array<ExitCodeDoc, 13> kTable = {{
      {ExitCode::kOk, "ok"},
      {ExitCode::kInternal, "internal error"},
      {ExitCode::kUsage, "usage error (unknown option, missing value, ...)"},
      {ExitCode::kInvalidInput, "invalid input; nothing was written"},
      {ExitCode::kNotFound, "not found (record, key slot, vault or file)"},
      {ExitCode::kWrongPassphrase, "wrong passphrase; nothing was written"},
      {ExitCode::kVaultCorrupt, "vault corrupt or tampered"},
      {ExitCode::kVaultInUse, "vault in use by another process"},
      {ExitCode::kPolicyInvalid, "a policy file is invalid"},
      {ExitCode::kDisclosureRefused, "disclosure refused by policy"},
      {ExitCode::kForbidden, "forbidden for this role"},
      {ExitCode::kConflict, "conflict with the current state"},
      {ExitCode::kIo, "I/O error"},
  }};
  return kTable;
}

}  // namespace mk::cli

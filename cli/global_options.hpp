// The options every command accepts, before or after the noun: --vault, --passphrase-file, --slot,
// --json, --policy-dir, --reason, --help.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/outcome.hpp"

namespace mk::cli {

struct GlobalOptions {
  std::optional<std::filesystem::path> vault;  // --vault, else $MELDKLUIS_VAULT
  std::optional<std::filesystem::path> passphrase_file;
  std::optional<std::string> slot;
  std::optional<std::filesystem::path> policy_dir;  // else service::default_policy_dir()
  std::optional<std::string> reason;                // the purpose, for the audit log
  bool json = false;
};

const std::vector<OptionSpec>& global_option_specs();

// True when `name` (without "--") is a global option that takes a value.
bool global_option_takes_value(std::string_view name);

GlobalOptions read_global_options(const ParsedArgs& args);

// The vault folder: --vault, else $MELDKLUIS_VAULT; a usage error when neither is set.
Outcome<std::filesystem::path> vault_dir(const GlobalOptions& globals);

// The policy folder: --policy-dir, else service::default_policy_dir().
std::filesystem::path policy_dir(const GlobalOptions& globals);

}  // namespace mk::cli

// A small, generic command-line parser: flags, single-valued and repeated options, and
// positionals. Options are long only ("--name VALUE" or "--name=VALUE"); "--" ends the options.
// Structural mistakes (unknown option, missing value, a single-valued option given twice, a value
// for a flag, too many or too few positionals) are usage errors; whether a value makes sense is the
// command's business.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/outcome.hpp"

namespace mk::cli {

enum class OptionKind { kFlag, kSingle, kRepeated };

struct OptionSpec {
  std::string name;  // without the leading "--"
  OptionKind kind = OptionKind::kFlag;
  std::string value_name;  // "DATE", "FILE|-" ...; empty for flags
  std::string help;
};

struct PositionalSpec {
  std::string name;  // "ID"
  bool required = true;
  std::string help;
};

class ParsedArgs {
 public:
  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }
  // The value of a single-valued option, if given.
  std::optional<std::string> value(std::string_view name) const;
  // Every value of a repeated option, in order (empty when not given).
  const std::vector<std::string>& values(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  friend Outcome<ParsedArgs> parse_arguments(std::span<const std::string>,
                                             std::span<const OptionSpec>,
                                             std::span<const PositionalSpec>, std::string_view);
  std::map<std::string, std::vector<std::string>, std::less<>> values_;  // flags hold no value
  std::vector<std::string> positionals_;
};

// Parses `tokens` against `options` and `positionals`. `command` ("signal add") names the command
// in hints.
Outcome<ParsedArgs> parse_arguments(std::span<const std::string> tokens,
                                    std::span<const OptionSpec> options,
                                    std::span<const PositionalSpec> positionals,
                                    std::string_view command);

// The option a mistyped name most likely meant, for "did you mean" hints; empty when none is close.
std::string closest_option(std::string_view typed, std::span<const OptionSpec> options);

}  // namespace mk::cli

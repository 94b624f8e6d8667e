#include "cli/arguments.hpp"

#include <algorithm>

namespace mk::cli {
namespace {

std::string see_help(std::string_view command) {
  return "see: meldkluis " + std::string(command) + (command.empty() ? "" : " ") + "--help";
}

const OptionSpec* find_option(std::span<const OptionSpec> options, std::string_view name) {
  for (const OptionSpec& o : options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

bool looks_like_option(std::string_view token) {
  return token.size() > 2 && token.substr(0, 2) == "--";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.front();
}

const std::vector<std::string>& ParsedArgs::values(std::string_view name) const {
  static const std::vector<std::string> kNone;
  auto it = values_.find(name);
  return it == values_.end() ? kNone : it->second;
}

std::string closest_option(std::string_view typed, std::span<const OptionSpec> options) {
  std::string best;
  std::size_t best_distance = 3;  // at most two edits away
  for (const OptionSpec& o : options) {
    std::size_t d = edit_distance(typed, o.name);
    if (d < best_distance) {
      best_distance = d;
      best = o.name;
    }
  }
  return best;
}

Outcome<ParsedArgs> parse_arguments(std::span<const std::string> tokens,
                                    std::span<const OptionSpec> options,
                                    std::span<const PositionalSpec> positionals,
                                    std::string_view command) {
  ParsedArgs out;
  bool options_ended = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (options_ended || token == "-" || token.empty() || token[0] != '-') {
      out.positionals_.push_back(token);
      continue;
    }
    if (token == "--") {
      options_ended = true;
      continue;
    }
    std::string_view body = token;
    if (token == "-h") {
      body = "--help";
    } else if (!looks_like_option(token)) {
      return Exit::usage("unknown option " + token.substr(0, 2) + " (options are long: --name)",
                         see_help(command));
    }
    body.remove_prefix(2);
    std::size_t eq = body.find('=');
    std::string_view name = body.substr(0, eq);
    const OptionSpec* spec = find_option(options, name);
    if (!spec) {
      std::string hint = closest_option(name, options);
      std::string message = "unknown option --" + std::string(name);
      if (!hint.empty()) message += " (did you mean --" + hint + "?)";
      return Exit::usage(message, see_help(command));
    }
    std::vector<std::string>& slot = out.values_[spec->name];
    if (spec->kind == OptionKind::kFlag) {
      if (eq != std::string_view::npos) {
        return Exit::usage("--" + spec->name + " takes no value", see_help(command));
      }
      continue;  // giving a flag twice is harmless
    }
    std::string value;
    if (eq != std::string_view::npos) {
      value = std::string(body.substr(eq + 1));
    } else if (i + 1 < tokens.size() && !looks_like_option(tokens[i + 1]) &&
               tokens[i + 1] != "--") {
      value = tokens[++i];
    } else {
      return Exit::usage("--" + spec->name + " needs a value (" + spec->value_name + ")",
                         see_help(command));
    }
    if (spec->kind == OptionKind::kSingle && !slot.empty()) {
      return Exit::usage("--" + spec->name + " may be given only once", see_help(command));
    }
    slot.push_back(std::move(value));
  }

  if (out.has("help")) return out;  // help needs no complete command line
  std::size_t required = static_cast<std::size_t>(std::count_if(
      positionals.begin(), positionals.end(), [](const PositionalSpec& p) { return p.required; }));
  if (out.positionals_.size() < required) {
    return Exit::usage("missing " + positionals[out.positionals_.size()].name, see_help(command));
  }
  if (out.positionals_.size() > positionals.size()) {
    return Exit::usage("unexpected extra argument (values go with an option: --name VALUE)",
                       see_help(command));
  }
  return out;
}

}  // namespace mk::cli

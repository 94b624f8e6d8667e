#include "cli/global_options.hpp"

#include <cstdlib>

#include "service/session.hpp"

namespace mk::cli {

const std::vector<OptionSpec>& global_option_specs() {
  static const std::vector<OptionSpec> kSpecs = {
      {"vault", OptionKind::kSingle, "DIR", "the vault folder (else $MELDKLUIS_VAULT)"},
      {"passphrase-file", OptionKind::kSingle, "FILE",
       "the passphrase is FILE's first line (else: a prompt)"},
      {"slot", OptionKind::kSingle, "NAME", "try only this key slot"},
      {"json", OptionKind::kFlag, "", "print JSON on stdout"},
      {"policy-dir", OptionKind::kSingle, "DIR",
       "the policy folder (else $MELDKLUIS_POLICY_DIR, else the built-in one)"},
      {"reason", OptionKind::kSingle, "TEXT",
       "doel of reden, zonder persoonsgegevens / purpose or reason, no personal data (for the "
       "audit log; one line)"},
      {"help", OptionKind::kFlag, "", "show help for the command"},
  };
  return kSpecs;
}

bool global_option_takes_value(std::string_view name) {
  for (const OptionSpec& o : global_option_specs()) {
    if (o.name == name) return o.kind != OptionKind::kFlag;
  }
  return false;
}

GlobalOptions read_global_options(const ParsedArgs& args) {
  GlobalOptions g;
  if (auto v = args.value("vault")) g.vault = *v;
  if (auto v = args.value("passphrase-file")) g.passphrase_file = *v;
  if (auto v = args.value("slot")) g.slot = *v;
  if (auto v = args.value("policy-dir")) g.policy_dir = *v;
  if (auto v = args.value("reason")) g.reason = *v;
  g.json = args.has("json");
  return g;
}

Outcome<std::filesystem::path> vault_dir(const GlobalOptions& globals) {
  if (globals.vault && !globals.vault->empty()) return *globals.vault;
  if (const char* env = std::getenv("MELDKLUIS_VAULT"); env && *env) {
    return std::filesystem::path(env);
  }
  return Exit::usage("no vault given", "use --vault DIR or set MELDKLUIS_VAULT");
}

std::filesystem::path policy_dir(const GlobalOptions& globals) {
  if (globals.policy_dir && !globals.policy_dir->empty()) return *globals.policy_dir;
  return service::default_policy_dir();
}

}  // namespace mk::cli

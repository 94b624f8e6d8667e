#include "cli/command.hpp"

namespace mk::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> kTable = [] {
    std::vector<Command> all;
    for (auto part : {init_commands,    keyslot_commands,   signal_commands,     person_commands,
                      case_commands,    retention_commands, partner_commands,    consent_commands,
                      share_commands,   package_commands,   indicators_commands, audit_commands,
                      import_commands,  meldcode_commands,  help_commands,       training_commands,
                      report_commands,  backup_commands,    policy_commands,     witness_commands,
                      register_commands}) {
      std::vector<Command> some = part();
      all.insert(all.end(), some.begin(), some.end());
    }
    return all;
  }();
  return kTable;
}

}  // namespace mk::cli

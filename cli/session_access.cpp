#include "cli/session_access.hpp"

#include "cli/passphrase_input.hpp"

namespace mk::cli {

const Clock& system_clock() {
  static const SystemClock kClock;
  return kClock;
}

Outcome<service::Session> open_session(const GlobalOptions& globals) {
  MK_CLI_TRY(std::filesystem::path dir, vault_dir(globals));
  MK_CLI_TRY(crypto::SecretBuffer passphrase,
             read_passphrase(globals.passphrase_file, "--passphrase-file"));
  MK_CLI_TRY(service::Session session,
             service::Session::open(dir, passphrase, globals.slot, system_clock(),
                                    service::origin_here("cli"), policy_dir(globals)));
  if (globals.reason) {
    if (Status s = session.set_reason(*globals.reason); !s.is_ok()) return Exit(s);
  }
  return session;
}

}  // namespace mk::cli

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
  MK_CLI_TRY(service::Session session, service::Session::open(dir, passphrase, globals.slot,
                                                              system_clock(), policy_dir(globals)));
  return session;
}

}  // namespace mk::cli

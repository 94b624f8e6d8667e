// meldkluis init: create a vault and show its recovery key once.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/passphrase_input.hpp"
#include "cli/private_file.hpp"
#include "cli/session_access.hpp"
#include "cli/text_input.hpp"
#include "service/session.hpp"

namespace mk::cli {
namespace {

constexpr std::string_view kRecoveryWarning =
    "LET OP: dit is de herstelsleutel van de kluis. Hij wordt maar EEN KEER getoond.\n"
    "Schrijf hem op papier en bewaar dat veilig, apart van de computer. Wie hem heeft, kan\n"
    "alles in de kluis lezen; wie hem kwijt is en het wachtwoord vergeet, kan er niets meer mee.\n"
    "\n"
    "WARNING: this is the vault's recovery key. It is shown only ONCE.\n"
    "Write it down on paper and keep that safe, away from the computer. Whoever holds it can\n"
    "read everything in the vault; lose it and forget the passphrase, and the vault is lost.\n";

// Straight to the descriptor, past stdio's buffer, so no copy of the key lingers there.
void put_secret(const crypto::SecretBuffer& secret) {
  std::fflush(stdout);
  std::size_t done = 0;
  while (done < secret.size()) {
    ssize_t n = ::write(STDOUT_FILENO, secret.data() + done, secret.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // a failed stdout is reported by the dispatcher
    done += static_cast<std::size_t>(n);
  }
}

Exit run_init(const Invocation& inv) {
  MK_CLI_TRY(std::filesystem::path dir, vault_dir(inv.globals));
  MK_CLI_TRY(int kdf_ms,
             int_option(inv.args, "kdf-ms", 1, 60000, service::kDefaultKdfMilliseconds));
  std::optional<PrivateFile> key_file;
  if (auto out = inv.args.value("recovery-key-out")) {
    MK_CLI_TRY(PrivateFile f, PrivateFile::create(*out, "--recovery-key-out"));
    key_file.emplace(std::move(f));
  }
  auto fail = [&](Exit e) {
    if (key_file) key_file->discard();
    return e;
  };
  Outcome<crypto::SecretBuffer> passphrase =
      read_new_passphrase(inv.globals.passphrase_file, "--passphrase-file");
  if (!passphrase) return fail(passphrase.exit());
  Result<service::Session::Created> created =
      service::Session::create(dir, *passphrase, service::kdf_for_target(kdf_ms), system_clock(),
                               service::origin_here("cli"), policy_dir(inv.globals));
  if (!created) return fail(created.status());
  const crypto::SecretBuffer& key = created->recovery_key;

  std::string where = dir.string();
  notice("Kluis aangemaakt in " + where + " / Vault created in " + where);
  if (key_file) {
    crypto::SecretBuffer line(key.size() + 1);
    std::memcpy(line.data(), key.data(), key.size());
    line.data()[key.size()] = '\n';
    Exit written = key_file->write_and_close(line.view());
    if (written.is_ok()) {
      notice(
          "Herstelsleutel geschreven naar --recovery-key-out; druk hem af en wis het bestand.\n"
          "Recovery key written to --recovery-key-out; print it and delete the file.");
      if (inv.globals.json) {
        json::Value o = json::Value::object();
        o.set("vault", where);
        o.set("slot", created->session.vault().slot_name());
        o.set("recovery_key_file", *inv.args.value("recovery-key-out"));
        print_json(o);
      }
      return Exit::ok();
    }
    // The vault exists now: showing the key beats losing it.
    print_error(written);
  }
  if (inv.globals.json) {
    std::string key_text(key.as_text());
    json::Value o = json::Value::object();
    o.set("vault", where);
    o.set("slot", created->session.vault().slot_name());
    o.set("recovery_key", key_text);
    o.set("warning", std::string(kRecoveryWarning));
    std::string text = json::serialize(o, true);
    std::fwrite(text.data(), 1, text.size(), stdout);
    wipe_string(text);
    wipe_string(key_text);
  } else {
    std::fputs("\n", stdout);
    std::fwrite(kRecoveryWarning.data(), 1, kRecoveryWarning.size(), stdout);
    std::fputs("\n    ", stdout);
    put_secret(key);
    std::fputs("\n\n", stdout);
  }
  std::fflush(stdout);
  return key_file ? Exit(ExitCode::kIo, "the recovery key was printed instead of written")
                  : Exit::ok();
}

}  // namespace

std::vector<Command> init_commands() {
  return {{
      "init",
      "",
      "[--kdf-ms N] [--recovery-key-out FILE]",
      "create a new vault / nieuwe kluis aanmaken",
      "Creates the vault folder given by --vault (or $MELDKLUIS_VAULT), which must not exist or\n"
      "be empty, with a key slot \"coordinator\" under your passphrase and a recovery key.\n"
      "When prompting, the passphrase is asked twice (at least 10 characters).\n"
      "\n"
      "The recovery key is shown ONCE: write it down. With --recovery-key-out it is written to a\n"
      "new file (mode 0600) instead of the screen.",
      {
          {"kdf-ms", OptionKind::kSingle, "N",
           "target time of the passphrase key derivation in milliseconds (default 500)"},
          {"recovery-key-out", OptionKind::kSingle, "FILE",
           "write the recovery key to this new file (mode 0600) instead of printing it"},
      },
      {},
      run_init,
  }};
}

}  // namespace mk::cli

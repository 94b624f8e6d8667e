// meldkluis keyslot list|add|remove|passwd: who can unlock the vault, and with what.
#include "cli/command.hpp"
#include "cli/json_views.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/passphrase_input.hpp"
#include "cli/session_access.hpp"
#include "service/keyslots.hpp"
#include "vault/role.hpp"

namespace mk::cli {
namespace {

const OptionSpec kNewPassphraseFile = {
    "new-passphrase-file", OptionKind::kSingle, "FILE",
    "read the new passphrase from the first line of FILE (else it is asked twice)"};
const OptionSpec kKdfMs = {"kdf-ms", OptionKind::kSingle, "N",
                           "target time of the key derivation in milliseconds (default 500)"};

std::optional<vault::Role> parse_slot_role(std::string_view name) {
  if (name == "coordinator") return vault::Role::kCoordinator;
  if (name == "compliance") return vault::Role::kCompliance;
  return std::nullopt;
}

std::optional<std::filesystem::path> new_passphrase_file(const ParsedArgs& args) {
  if (auto v = args.value("new-passphrase-file")) return std::filesystem::path(*v);
  return std::nullopt;
}

// The new passphrase: a file is read before the vault is opened (so a bad path fails early); a
// prompt comes after, once the current passphrase has been accepted.
class NewPassphrase {
 public:
  explicit NewPassphrase(const ParsedArgs& args) : file_(new_passphrase_file(args)) {}
  Exit read_early() {
    if (!file_) return Exit::ok();
    MK_CLI_TRY(value_, read_passphrase_file(*file_, "--new-passphrase-file"));
    return Exit::ok();
  }
  Outcome<const crypto::SecretBuffer*> get() {
    if (!file_) {
      MK_CLI_TRY(value_, read_new_passphrase(std::nullopt, "the new passphrase"));
    }
    return &value_;
  }

 private:
  std::optional<std::filesystem::path> file_;
  crypto::SecretBuffer value_;
};

std::string kdf_text(const crypto::PwhashParams& kdf) {
  std::uint64_t kib = kdf.memlimit / 1024;
  std::string memory = kib >= 1024 && kib % 1024 == 0 ? std::to_string(kib / 1024) + "MiB"
                                                      : std::to_string(kib) + "KiB";
  return "argon2id13 ops=" + std::to_string(kdf.opslimit) + " mem=" + memory;
}

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  std::vector<vault::SlotInfo> slots = service::list_key_slots(session);
  if (inv.globals.json) {
    print_json(to_json_array(slots));
    return Exit::ok();
  }
  Table table({"NAAM/NAME", "ROL/ROLE", "SLEUTELAFLEIDING/KDF"});
  for (const vault::SlotInfo& s : slots)
    table.add({s.name, std::string(vault::role_name(s.role)), kdf_text(s.kdf)});
  table.print();
  return Exit::ok();
}

void print_done(const Invocation& inv, const std::string& name, std::string_view result,
                std::string_view message) {
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("slot", name);
    o.set("result", result);
    print_json(o);
  }
  notice(std::string(message));
}

Exit run_add(const Invocation& inv) {
  const std::string& name = inv.args.positionals().at(0);
  if (Exit e = require_option(inv.args, "role", inv.command.path()); !e.is_ok()) return e;
  std::optional<vault::Role> role = parse_slot_role(*inv.args.value("role"));
  if (!role) return Exit::invalid("--role: must be one of coordinator, compliance");
  MK_CLI_TRY(int kdf_ms,
             int_option(inv.args, "kdf-ms", 1, 60000, service::kDefaultKdfMilliseconds));
  NewPassphrase fresh(inv.args);
  if (Exit e = fresh.read_early(); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(const crypto::SecretBuffer* passphrase, fresh.get());
  if (Status s = service::add_key_slot(session, name, *role, *passphrase, kdf_ms); !s.is_ok()) {
    return s;
  }
  print_done(inv, name, "added",
             "Sleutelslot " + name + " toegevoegd / Key slot " + name + " added");
  return Exit::ok();
}

Exit run_remove(const Invocation& inv) {
  const std::string& name = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::remove_key_slot(session, name); !s.is_ok()) return s;
  print_done(inv, name, "removed",
             "Sleutelslot " + name + " verwijderd / Key slot " + name + " removed");
  return Exit::ok();
}

Exit run_passwd(const Invocation& inv) {
  std::string name = inv.args.positionals().empty() ? "" : inv.args.positionals().front();
  MK_CLI_TRY(int kdf_ms,
             int_option(inv.args, "kdf-ms", 1, 60000, service::kDefaultKdfMilliseconds));
  NewPassphrase fresh(inv.args);
  if (Exit e = fresh.read_early(); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(const crypto::SecretBuffer* passphrase, fresh.get());
  if (name.empty()) name = session.vault().slot_name();
  if (Status s = service::change_passphrase(session, name, *passphrase, kdf_ms); !s.is_ok()) {
    return s;
  }
  print_done(inv, name, "changed",
             "Wachtwoord van " + name + " gewijzigd / Passphrase of " + name + " changed");
  return Exit::ok();
}

}  // namespace

std::vector<Command> keyslot_commands() {
  return {
      {"keyslot",
       "list",
       "",
       "list the key slots / sleutelsloten tonen",
       "Shows each slot's name, role and key-derivation cost; never key material.",
       {},
       {},
       run_list},
      {"keyslot",
       "add",
       "NAME --role coordinator|compliance [--new-passphrase-file FILE] [--kdf-ms N]",
       "add a key slot / sleutelslot toevoegen",
       "Adds a slot that opens the vault with its own passphrase. A compliance slot sees\n"
       "metadata, the audit log and the disclosure register, never identities or narratives.\n"
       "Only a coordinator (or the recovery key) can add slots. Slot names: 1-32 of a-z 0-9 . _ -",
       {{"role", OptionKind::kSingle, "ROLE", "coordinator or compliance"},
        kNewPassphraseFile,
        kKdfMs},
       {{"NAME", true, "the new slot's name"}},
       run_add},
      {"keyslot",
       "remove",
       "NAME",
       "remove a key slot / sleutelslot verwijderen",
       "The last coordinator slot cannot be removed.",
       {},
       {{"NAME", true, "the slot"}},
       run_remove},
      {"keyslot",
       "passwd",
       "[NAME] [--new-passphrase-file FILE] [--kdf-ms N]",
       "change a slot's passphrase / wachtwoord wijzigen",
       "Changes the passphrase of NAME, or of the slot you opened the vault with. Changing\n"
       "another slot's passphrase needs a coordinator.",
       {kNewPassphraseFile, kKdfMs},
       {{"NAME", false, "the slot (default: your own)"}},
       run_passwd},
  };
}

}  // namespace mk::cli

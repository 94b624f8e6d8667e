// meldkluis person add|show|list|find|update: victims, suspects, reporters and others; and the
// data subject's rights: person access|erase|restrict|unrestrict (rectification is update).
#include <cstdio>

#include "cli/command.hpp"
#include "cli/confirmation.hpp"
#include "cli/json_views.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/passphrase_input.hpp"
#include "cli/person_options.hpp"
#include "cli/session_access.hpp"
#include "service/casework.hpp"
#include "service/subject_rights.hpp"

namespace mk::cli {
namespace {

constexpr std::string_view kRoles = "victim, suspect, reporter, other";

Outcome<std::optional<vault::PersonRole>> role_option(const ParsedArgs& args) {
  return enum_option<vault::PersonRole>(args, "role", vault::parse_person_role, kRoles);
}

std::string yes_no(bool b) {
  return b ? "ja / yes" : "nee / no";
}

std::string field_names(const std::vector<vault::PersonField>& fields) {
  std::vector<std::string> names;
  for (vault::PersonField f : fields)
    names.emplace_back(vault::person_field_name(f));
  return or_dash(join(names, ","));
}

Exit run_add(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "role", "person add"); !e.is_ok()) return e;
  MK_CLI_TRY(std::optional<vault::PersonRole> role, role_option(inv.args));
  MK_CLI_TRY(FieldValues fields, person_fields_from(inv.args, false));
  vault::PersonIdentity identity;
  for (auto& [field, value] : fields)
    identity.set(field, std::move(value));
  wipe_fields(fields);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::string id, service::add_person(session, *role, identity));
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id);
    o.set("result", "created");
    print_json(o);
  } else {
    std::fputs((id + "\n").c_str(), stdout);
  }
  notice("Persoon " + id + " geregistreerd / Person registered");
  return Exit::ok();
}

void print_person(const vault::Person& p) {
  Fields rows = {{"Persoon / Person", p.summary.id},
                 {"Rol / Role", std::string(vault::person_role_name(p.summary.role))},
                 {"Beperkt / Restricted", yes_no(p.summary.restricted)}};
  for (vault::PersonField f : vault::kPersonFields) {
    if (const auto& v = p.identity.get(f)) rows.emplace_back(field_label(f), *v);
  }
  rows.emplace_back("Aangemaakt / Created", format_instant(p.summary.created));
  rows.emplace_back("Gewijzigd / Updated", format_instant(p.summary.updated));
  print_fields(rows);
}

Exit run_show(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::Person person, service::show_person(session, inv.args.positionals().at(0)));
  if (inv.globals.json) {
    print_json(to_json(person));
  } else {
    print_person(person);
  }
  return Exit::ok();
}

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::PersonSummary> persons, service::list_persons(session));
  if (inv.globals.json) {
    print_json(to_json_array(persons));
    return Exit::ok();
  }
  if (persons.empty()) {
    notice("Geen personen / No persons");
    return Exit::ok();
  }
  Table table({"ID", "ROL/ROLE", "BEPERKT/RESTRICTED", "VELDEN/FIELDS", "GEWIJZIGD/UPDATED"});
  for (const vault::PersonSummary& p : persons) {
    table.add({p.id, std::string(vault::person_role_name(p.role)), p.restricted ? "ja" : "nee",
               field_names(p.fields_present), format_instant(p.updated)});
  }
  table.print();
  return Exit::ok();
}

Outcome<vault::PersonIndexKind> find_kind(const vault::PersonIdentity& q) {
  using F = vault::PersonField;
  bool name = q.get(F::kName).has_value(), dob = q.get(F::kDateOfBirth).has_value();
  bool bsn = q.get(F::kBsn).has_value(), document = q.get(F::kDocumentNumber).has_value();
  int kinds = (name || dob ? 1 : 0) + (bsn ? 1 : 0) + (document ? 1 : 0);
  bool other = q.get(F::kNationality) || q.get(F::kAddress) || q.get(F::kPhone);
  if (kinds != 1 || other || name != dob) {
    return Exit::usage("search by one of: --name with --dob, --bsn, or --document",
                       "see: meldkluis person find --help");
  }
  if (bsn) return vault::PersonIndexKind::kBsn;
  if (document) return vault::PersonIndexKind::kDocument;
  return vault::PersonIndexKind::kNameDob;
}

Exit run_find(const Invocation& inv) {
  MK_CLI_TRY(FieldValues fields, person_fields_from(inv.args, false));
  vault::PersonIdentity query;
  for (auto& [field, value] : fields)
    query.set(field, std::move(value));
  wipe_fields(fields);
  MK_CLI_TRY(vault::PersonIndexKind kind, find_kind(query));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::Person> found, service::find_persons(session, kind, query));
  if (inv.globals.json) {
    print_json(to_json_array(found));
    return Exit::ok();
  }
  if (found.empty()) {
    notice("Niemand gevonden / No one found");
    return Exit::ok();
  }
  using F = vault::PersonField;
  Table table({"ID", "ROL/ROLE", "NAAM/NAME", "GEBOREN/BORN", "BSN", "DOCUMENT"});
  for (const vault::Person& p : found) {
    const vault::PersonIdentity& i = p.identity;
    table.add({p.summary.id, std::string(vault::person_role_name(p.summary.role)),
               i.get(F::kName).value_or("-"), i.get(F::kDateOfBirth).value_or("-"),
               i.get(F::kBsn).value_or("-"), i.get(F::kDocumentNumber).value_or("-")});
  }
  table.print();
  return Exit::ok();
}

Exit run_update(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  vault::PersonPatch patch;
  MK_CLI_TRY(patch.role, role_option(inv.args));
  MK_CLI_TRY(patch.fields, person_fields_from(inv.args, true));
  for (const std::string& name : inv.args.values("clear")) {
    std::optional<vault::PersonField> field = field_by_any_name(name);
    if (!field) {
      wipe_fields(patch.fields);
      return Exit::invalid(
          "--clear: unknown field (fields: name, date_of_birth, nationality, "
          "bsn, document_number, address, phone)");
    }
    for (const auto& given : patch.fields) {
      if (given.first == *field) {
        wipe_fields(patch.fields);
        return Exit::usage(std::string(vault::person_field_name(*field)) +
                           " is both set and cleared");
      }
    }
    patch.fields.emplace_back(*field, std::nullopt);
  }
  if (!patch.role && patch.fields.empty()) {
    return Exit::usage("nothing to change", "see: meldkluis person update --help");
  }
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  Status s = service::update_person(session, id, patch);
  wipe_fields(patch.fields);
  if (!s.is_ok()) return s;
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id);
    o.set("result", "updated");
    print_json(o);
  }
  notice("Persoon " + id + " bijgewerkt / Person updated");
  return Exit::ok();
}

void print_changed(const Invocation& inv, const std::string& id, std::string_view result,
                   const std::string& message) {
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id);
    o.set("result", result);
    print_json(o);
  }
  notice(message);
}

// The whole subject-access document on stdout, after a warning and (on a terminal) a question.
Exit access_to_terminal(const Invocation& inv, const std::string& id, bool yes) {
  if (Exit e = require_terminal_or_yes(yes, "person access"); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  notice("Let op: alle gegevens van persoon " + id +
         " worden nu getoond, identificerende gegevens inbegrepen; dit wordt vastgelegd in\n"
         "het auditlog.\n"
         "Warning: everything the vault holds on person " +
         id + ", identifying data included, is about to be shown; this is audited.");
  MK_CLI_TRY(bool go, confirm("Tonen? / Show?", yes));
  if (!go) {
    notice("Afgebroken, niets getoond / Cancelled, nothing was shown");
    return Exit::ok();
  }
  MK_CLI_TRY(crypto::SecretBuffer document,
             service::subject_access(session, id, service::AccessDestination::kTerminal));
  std::string_view text = document.as_text();
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (text.empty() || text.back() != '\n') std::fputc('\n', stdout);
  return Exit::ok();
}

// The document as an age file at --out, for an age recipient or under a passphrase.
Exit access_to_file(const Invocation& inv, const std::string& id, const std::string& out) {
  std::optional<std::string> to = inv.args.value("to");
  std::optional<std::string> passphrase_file = inv.args.value("passphrase-out-file");
  if (to && passphrase_file) {
    return Exit::usage("give one of --to and --passphrase-out-file",
                       "see: meldkluis person access --help");
  }
  if (!to && !passphrase_file && !terminal_available()) {
    return Exit::usage("no terminal to ask for the file's passphrase",
                       "give --to age1... or --passphrase-out-file FILE");
  }
  service::AccessRecipient recipient;
  recipient.age_recipient = to;
  if (passphrase_file) {
    MK_CLI_TRY(recipient.passphrase,
               read_passphrase_file(*passphrase_file, "--passphrase-out-file"));
  }
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (!to && !passphrase_file) {
    MK_CLI_TRY(crypto::SecretBuffer first,
               prompt_passphrase("Wachtwoord voor het bestand / File passphrase"));
    MK_CLI_TRY(crypto::SecretBuffer second,
               prompt_passphrase("Herhaal het wachtwoord / Repeat the passphrase"));
    if (!first.equals(second)) {
      return Exit::invalid("the two passphrases differ / de wachtwoorden verschillen");
    }
    recipient.passphrase = std::move(first);
  }
  if (Status s = service::export_subject_access(session, id, out, recipient); !s.is_ok()) return s;
  print_changed(inv, id, "exported",
                "Inzage-export van persoon " + id + " geschreven (age) / Subject access export " +
                    "written (age)");
  return Exit::ok();
}

Exit run_access(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  bool to_terminal = inv.args.has("terminal");
  std::optional<std::string> out = inv.args.value("out");
  if (to_terminal == out.has_value()) {
    return Exit::usage("give either --out FILE or --terminal",
                       "see: meldkluis person access --help");
  }
  if (to_terminal) {
    if (inv.args.has("to") || inv.args.has("passphrase-out-file")) {
      return Exit::usage("--to and --passphrase-out-file go with --out",
                         "see: meldkluis person access --help");
    }
    return access_to_terminal(inv, id, inv.args.has("yes"));
  }
  if (inv.args.has("yes")) {
    return Exit::usage("--yes goes with --terminal", "see: meldkluis person access --help");
  }
  return access_to_file(inv, id, *out);
}

// The erasure's reason is the global --reason: it goes to the person.erase audit entry (and is
// the command's audit reason as well).
Exit run_erase(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  if (!inv.globals.reason) {
    return Exit::usage("missing --reason: an erasure records why it was done",
                       "see: meldkluis person erase --help");
  }
  bool yes = inv.args.has("yes");
  if (Exit e = require_terminal_or_yes(yes, "person erase"); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(bool go, confirm("Persoon " + id + " wordt onherroepelijk vernietigd / Person " + id +
                                  " will be shredded irreversibly. Doorgaan? / Continue?",
                              yes));
  if (!go) {
    notice("Afgebroken, niets vernietigd / Cancelled, nothing was shredded");
    return Exit::ok();
  }
  if (Status s = service::erase_person(session, id, *inv.globals.reason); !s.is_ok()) return s;
  print_changed(inv, id, "erased", "Persoon " + id + " vernietigd / Person erased");
  return Exit::ok();
}

Exit set_restriction(const Invocation& inv, bool restricted) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::restrict_person(session, id, restricted); !s.is_ok()) return s;
  if (restricted) {
    print_changed(inv, id, "restricted", "Persoon " + id + " beperkt / Person restricted");
  } else {
    print_changed(inv, id, "unrestricted",
                  "Beperking van persoon " + id + " opgeheven / Restriction lifted");
  }
  return Exit::ok();
}

Exit run_restrict(const Invocation& inv) {
  return set_restriction(inv, true);
}

Exit run_unrestrict(const Invocation& inv) {
  return set_restriction(inv, false);
}

constexpr std::string_view kPrivacyNote =
    "Privacy: options on the command line are visible to other users in `ps` and stay in\n"
    "your shell history. For real data use --fields-json FILE (or - for stdin), a JSON object\n"
    "of field name -> string, e.g.\n"
    "  {\"name\": \"Fatima el Amrani\", \"date_of_birth\": \"1994-03-12\", \"bsn\": "
    "\"111222333\"}\n"
    "Field names: name, date_of_birth, nationality, bsn, document_number, address, phone.";

}  // namespace

std::vector<Command> person_commands() {
  const PositionalSpec id{"ID", true, "the person (P-...)"};
  std::vector<OptionSpec> add_options = person_field_options();
  add_options.insert(add_options.begin(),
                     {"role", OptionKind::kSingle, "ROLE", "victim, suspect, reporter or other"});
  std::vector<OptionSpec> update_options = add_options;
  update_options.push_back(
      {"clear", OptionKind::kRepeated, "FIELD", "remove a field (repeatable)"});
  return {
      {"person",
       "add",
       "--role victim|suspect|reporter|other [--name N] [--dob DATE] [--nationality X]\n"
       "    [--bsn B] [--document D] [--address A] [--phone P] [--fields-json FILE|-]",
       "register a person / persoon registreren",
       "Prints the new id alone on stdout (with --json: {\"id\": ...}).\n\n" +
           std::string(kPrivacyNote),
       add_options,
       {},
       run_add},
      {"person",
       "show",
       "ID",
       "show a person's identity / persoon tonen",
       "Decrypts the identity; the read is audited. Not allowed for a compliance slot.",
       {},
       {id},
       run_show},
      {"person",
       "list",
       "",
       "list persons, without identities / personen tonen",
       "Metadata only: id, role, restriction and which fields are filled in.",
       {},
       {},
       run_list},
      {"person",
       "find",
       "(--name N --dob DATE | --bsn B | --document D | --fields-json FILE|-)",
       "find persons by name and date of birth, BSN or document / persoon zoeken",
       "Exact matches after normalisation (case, accents, word order of the name).\n\n" +
           std::string(kPrivacyNote),
       person_field_options(),
       {},
       run_find},
      {"person",
       "update",
       "ID [--role R] [field options] [--fields-json FILE|-] [--clear FIELD]...",
       "change a person / persoon wijzigen",
       "Only the fields given change. In --fields-json, null clears a field. This is also\n"
       "rectification (AVG art. 16): the audit log records which fields changed, never a "
       "value.\n\n" +
           std::string(kPrivacyNote),
       update_options,
       {id},
       run_update},
      {"person",
       "access",
       "ID (--out FILE [--to age1... | --passphrase-out-file FILE] | --terminal [--yes])",
       "everything held on a person (AVG art. 15) / inzageverzoek",
       "The subject-access document (JSON, format meldkluis-subject-access/1): identity, role,\n"
       "restriction, linked signals and cases (not their narratives), holds, and the audit trail\n"
       "of actions on the person. Audited as person.access. Not allowed for a compliance slot.\n\n"
       "--out FILE writes it as an age file (new, mode 0600; the plaintext never touches the\n"
       "disk) for --to, an age X25519 recipient (age1..., e.g. from age-keygen), or under a\n"
       "passphrase from --passphrase-out-file FILE (first line), or else asked twice on the\n"
       "terminal. It opens with the standard `age -d`.\n\n"
       "--terminal prints it on stdout, after a warning that identifying data is about to be\n"
       "shown and a question on the terminal; --yes answers it in advance (required without a\n"
       "terminal). With --yes and stdout redirected, the plaintext goes where you sent it: use\n"
       "--out for anything that leaves the screen.",
       {{"out", OptionKind::kSingle, "FILE", "write an age-encrypted file (must be new)"},
        {"to", OptionKind::kSingle, "age1...", "the age recipient who can open FILE"},
        {"passphrase-out-file", OptionKind::kSingle, "FILE",
         "FILE's first line is the passphrase that opens the age file"},
        {"terminal", OptionKind::kFlag, "", "show it on the screen (stdout) instead"},
        {"yes", OptionKind::kFlag, "", "with --terminal: do not ask for confirmation"}},
       {id},
       run_access},
      {"person",
       "erase",
       "ID --reason TEXT [--yes]",
       "erase a person on request (AVG art. 17) / persoon vernietigen",
       "Crypto-shreds the person now: their key is destroyed and their rows deleted, so no copy\n"
       "of their data (backups included) can be read again. --reason (required; one line, at\n"
       "most 200 characters, no personal data) is the global --reason: it is recorded in the\n"
       "person.erase audit entry. Asks for confirmation on the terminal; --yes confirms in\n"
       "advance (required without a terminal). A legal hold on a linked case blocks it (exit\n"
       "11). Not allowed for a compliance slot (exit 10).",
       {{"yes", OptionKind::kFlag, "", "do not ask for confirmation"}},
       {id},
       run_erase},
      {"person",
       "restrict",
       "ID",
       "restrict processing (AVG art. 18) / verwerking beperken",
       "Sets the restriction flag: while it is set, nothing about the person is shared. Shown by\n"
       "person show and person list.",
       {},
       {id},
       run_restrict},
      {"person",
       "unrestrict",
       "ID",
       "lift the restriction / beperking opheffen",
       "",
       {},
       {id},
       run_unrestrict},
  };
}

}  // namespace mk::cli

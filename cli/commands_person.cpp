// meldkluis person add|show|list|find|update: victims, suspects, reporters and others.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/json_views.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/person_options.hpp"
#include "cli/session_access.hpp"
#include "service/casework.hpp"

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
       "Only the fields given change. In --fields-json, null clears a field.\n\n" +
           std::string(kPrivacyNote),
       update_options,
       {id},
       run_update},
  };
}

}  // namespace mk::cli

// meldkluis partner add|list|show|remove|keygen: the partners packages go to.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/sharing_views.hpp"
#include "service/sharing.hpp"

namespace mk::cli {
namespace {

void print_done(const Invocation& inv, const std::string& id, std::string_view result,
                const std::string& message) {
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id).set("result", result);
    print_json(o);
  }
  notice(message);
}

Exit run_add(const Invocation& inv) {
  for (std::string_view name : {"name", "kind", "recipient"}) {
    if (Exit e = require_option(inv.args, name, "partner add"); !e.is_ok()) return e;
  }
  vault::Partner partner;
  partner.id = inv.args.positionals().at(0);
  partner.name = *inv.args.value("name");
  partner.kind = *inv.args.value("kind");
  partner.contact = inv.args.value("contact").value_or("");
  partner.age_recipient = *inv.args.value("recipient");
  partner.purposes = inv.args.values("purpose");
  if (partner.purposes.empty()) {
    return Exit::usage("missing --purpose: a partner receives data for at least one purpose",
                       "see: meldkluis partner add --help");
  }
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::add_partner(session, partner); !s.is_ok()) return s;
  print_done(inv, partner.id, "created", "Partner " + partner.id + " geregistreerd / registered");
  return Exit::ok();
}

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::Partner> partners, service::list_partners(session));
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (const vault::Partner& p : partners)
      out.push(to_json(p));
    print_json(out);
    return Exit::ok();
  }
  if (partners.empty()) {
    notice("Geen partners / No partners (meldkluis partner add)");
    return Exit::ok();
  }
  Table table({"ID", "NAAM/NAME", "SOORT/KIND", "DOELEN/PURPOSES", "AGE"});
  for (const vault::Partner& p : partners)
    table.add({p.id, p.name, p.kind, join(p.purposes, ","), p.age_recipient});
  table.print();
  return Exit::ok();
}

Exit run_show(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::Partner p, service::show_partner(session, inv.args.positionals().at(0)));
  if (inv.globals.json) {
    print_json(to_json(p));
    return Exit::ok();
  }
  print_fields({{"Partner", p.id},
                {"Naam / Name", p.name},
                {"Soort / Kind", p.kind},
                {"Contact", or_dash(p.contact)},
                {"age-ontvanger / age recipient", p.age_recipient},
                {"Doelen / Purposes", join(p.purposes)},
                {"Toegevoegd / Added", format_instant(p.added)}});
  return Exit::ok();
}

Exit run_remove(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::remove_partner(session, id); !s.is_ok()) return s;
  print_done(inv, id, "removed", "Partner " + id + " verwijderd / removed");
  return Exit::ok();
}

Exit run_keygen(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "partner keygen"); !e.is_ok()) return e;
  MK_CLI_TRY(std::string recipient,
             service::partner_keygen(*inv.args.value("out"), system_clock()));
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("recipient", recipient).set("result", "created");
    print_json(o);
  } else {
    std::fputs((recipient + "\n").c_str(), stdout);
  }
  notice(
      "Sleutel geschreven (geheim: alleen voor de partner) / Identity written (secret: for the "
      "partner only).\nRegistreer de partner met / Register the partner with: --recipient " +
      recipient);
  return Exit::ok();
}

}  // namespace

std::vector<Command> partner_commands() {
  const PositionalSpec id{"ID", true,
                          "the partner's id in policies/sharing.json (shop, police...)"};
  return {
      {"partner",
       "add",
       "ID --name NAME --kind KIND [--contact TEXT] --recipient age1... --purpose P [--purpose "
       "P]...",
       "register a partner / partner registreren",
       "ID, KIND and every purpose must be as policies/sharing.json declares the partner; the\n"
       "recipient is the partner's age X25519 key (age1..., from age-keygen or `meldkluis\n"
       "partner keygen`): packages to the partner are encrypted to it.",
       {{"name", OptionKind::kSingle, "NAME", "the partner's name (one line)"},
        {"kind", OptionKind::kSingle, "KIND",
         "police, care_coordination, registration, labour_inspection, child_protection, "
         "safety_house, riec or other"},
        {"contact", OptionKind::kSingle, "TEXT", "whom to contact (one line, no personal data)"},
        {"recipient", OptionKind::kSingle, "age1...", "the partner's age recipient"},
        {"purpose", OptionKind::kRepeated, "P", "a purpose of the partner in sharing.json"}},
       {id},
       run_add},
      {"partner", "list", "", "list partners / partners tonen", "Every role.", {}, {}, run_list},
      {"partner",
       "show",
       "ID",
       "show a partner / partner tonen",
       "Every role.",
       {},
       {id},
       run_show},
      {"partner",
       "remove",
       "ID",
       "remove a partner / partner verwijderen",
       "The disclosure register keeps the rows about the partner; consents naming it stay.",
       {},
       {id},
       run_remove},
      {"partner",
       "keygen",
       "--out FILE",
       "make an age identity for a partner / age-sleutel maken",
       "For a partner without age tooling: writes a new age identity file (as age-keygen does;\n"
       "new file, mode 0600) and prints its recipient (age1...) on stdout. Give FILE to the\n"
       "partner over a safe channel and delete your copy. Needs no vault.",
       {{"out", OptionKind::kSingle, "FILE", "the identity file to write (must be new)"}},
       {},
       run_keygen},
  };
}

}  // namespace mk::cli

// meldkluis consent add|withdraw|list: a person's consents to a disclosure (CoMensha registration
// needs one: from 16 the person signs, under 16 a parent or guardian).
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/sharing_views.hpp"
#include "service/casework.hpp"
#include "service/sharing.hpp"

namespace mk::cli {
namespace {

Exit run_add(const Invocation& inv) {
  for (std::string_view name : {"partner", "purpose", "signer", "date"}) {
    if (Exit e = require_option(inv.args, name, "consent add"); !e.is_ok()) return e;
  }
  const std::string& person = inv.args.positionals().at(0);
  MK_CLI_TRY(std::optional<policies::ConsentSigner> signer,
             enum_option<policies::ConsentSigner>(
                 inv.args, "signer", policies::parse_consent_signer, "self, parent, guardian"));
  MK_CLI_TRY(std::optional<Date> given, date_option(inv.args, "date"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::string id, service::record_consent(session, person, *inv.args.value("partner"),
                                                     *inv.args.value("purpose"), *signer, *given));
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id).set("result", "created");
    print_json(o);
  } else {
    std::fputs((id + "\n").c_str(), stdout);
  }
  notice("Toestemming " + id + " vastgelegd / Consent recorded");
  return Exit::ok();
}

Exit run_withdraw(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(std::optional<Date> date, date_option(inv.args, "date"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  Date day = date.value_or(service::today(session));
  if (Status s = service::withdraw_consent(session, id, day); !s.is_ok()) return s;
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id).set("result", "withdrawn");
    print_json(o);
  }
  notice("Toestemming " + id + " ingetrokken per " + day.to_iso() + " / Consent withdrawn");
  return Exit::ok();
}

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::Consent> consents,
             service::list_consents(session, inv.args.positionals().at(0)));
  Date day = service::today(session);
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (const vault::Consent& c : consents)
      out.push(to_json(c, day));
    print_json(out);
    return Exit::ok();
  }
  if (consents.empty()) {
    notice("Geen toestemmingen / No consents");
    return Exit::ok();
  }
  Table table({"ID", "PARTNER/DOEL", "GETEKEND/SIGNER", "GEGEVEN/GIVEN", "INGETROKKEN/WITHDRAWN",
               "GELDT/IN FORCE"});
  for (const vault::Consent& c : consents) {
    bool in_force = c.given <= day && !(c.withdrawn && *c.withdrawn <= day);
    table.add({c.id, c.partner + "/" + c.purpose, c.signer, c.given.to_iso(),
               c.withdrawn ? c.withdrawn->to_iso() : "-", in_force ? "ja / yes" : "nee / no"});
  }
  table.print();
  return Exit::ok();
}

}  // namespace

std::vector<Command> consent_commands() {
  return {
      {"consent",
       "add",
       "PERSON --partner P --purpose X --signer self|parent|guardian --date DATE",
       "record a consent / toestemming vastleggen",
       "Records that the person (or, for a minor, a parent or guardian) consented in writing on\n"
       "DATE to disclosures to partner P for purpose X (both as in policies/sharing.json). Who\n"
       "must sign is the policy's rule, checked at every preview and export: from\n"
       "consent_self_from_age (16 for CoMensha) the person, younger a parent or guardian.\n"
       "Prints the consent's id (CN-...).",
       {{"partner", OptionKind::kSingle, "P", "the partner (sharing.json id)"},
        {"purpose", OptionKind::kSingle, "X", "the purpose (sharing.json id)"},
        {"signer", OptionKind::kSingle, "WHO", "self, parent or guardian"},
        {"date", OptionKind::kSingle, "DATE", "the day it was signed"}},
       {{"PERSON", true, "the person (P-...)"}},
       run_add},
      {"consent",
       "withdraw",
       "CONSENT_ID [--date DATE]",
       "record a withdrawal / toestemming intrekken",
       "From DATE (default today) the consent no longer counts: exports that need it are\n"
       "refused.",
       {{"date", OptionKind::kSingle, "DATE", "the day it was withdrawn (default today)"}},
       {{"CONSENT_ID", true, "the consent (CN-...)"}},
       run_withdraw},
      {"consent",
       "list",
       "PERSON",
       "list a person's consents / toestemmingen tonen",
       "Withdrawn ones too; \"in force\" is as of today. Every role.",
       {},
       {{"PERSON", true, "the person (P-...)"}},
       run_list},
  };
}

}  // namespace mk::cli

// meldkluis help add|list|update|close|overdue: help requests (hulpverzoeken) against norm times.
// `meldkluis help` alone, or followed by another command's name, is still the help text.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/workflow_views.hpp"
#include "service/casework.hpp"
#include "service/help_requests.hpp"

namespace mk::cli {
namespace {

constexpr char kKinds[] =
    "housing, benefit, brp_registration, medical, shelter, legal_aid, id_papers";

void print_result(const Invocation& inv, const std::string& id, std::string_view result,
                  const std::string& message) {
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id);
    o.set("result", result);
    print_json(o);
  }
  notice(message);
}

std::vector<std::string> headers() {
  return {"ID",     "CASUS/CASE",         "PERSOON/PERSON", "SOORT/KIND",
          "TEAM",   "GEVRAAGD/REQUESTED", "NORM",           "UITERLIJK/DUE",
          "STATUS", "AFGESLOTEN/CLOSED"};
}

std::vector<std::string> row(const vault::HelpRequest& r) {
  return {r.id,
          r.case_id,
          r.person_id.value_or("-"),
          std::string(vault::enum_name(r.kind)),
          r.team,
          r.requested.to_iso(),
          r.norm,
          r.due.to_iso(),
          std::string(vault::enum_name(r.status)),
          r.closed ? r.closed->to_iso() : "-"};
}

Exit run_add(const Invocation& inv) {
  service::NewHelpRequest request;
  request.case_id = inv.args.positionals().at(0);
  if (Exit e = require_option(inv.args, "kind", "help add"); !e.is_ok()) return e;
  if (Exit e = require_option(inv.args, "team", "help add"); !e.is_ok()) return e;
  MK_CLI_TRY(std::optional<vault::HelpKind> kind,
             enum_option<vault::HelpKind>(inv.args, "kind", vault::parse_help_kind, kKinds));
  request.kind = *kind;
  request.team = *inv.args.value("team");
  request.person_id = inv.args.value("person");
  MK_CLI_TRY(request.requested, date_option(inv.args, "requested"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::HelpRequest r, service::add_help_request(session, request));
  if (inv.globals.json) {
    json::Value o = to_json(r);
    o.set("result", "created");
    print_json(o);
  } else {
    std::fputs((r.id + "\n").c_str(), stdout);
  }
  notice("Hulpverzoek " + r.id + " geregistreerd, uiterlijk " + r.due.to_iso() + " (" + r.norm +
         ") / Help request registered, due " + r.due.to_iso());
  return Exit::ok();
}

Exit run_list(const Invocation& inv) {
  std::optional<std::string> case_id = inv.args.value("case");
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::HelpRequest> requests,
             service::list_help_requests(session, case_id));
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (const vault::HelpRequest& r : requests)
      out.push(to_json(r));
    print_json(out);
    return Exit::ok();
  }
  if (requests.empty()) {
    notice("Geen hulpverzoeken / No help requests");
    return Exit::ok();
  }
  Table table(headers());
  for (const vault::HelpRequest& r : requests)
    table.add(row(r));
  table.print();
  return Exit::ok();
}

Exit run_update(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  if (Exit e = require_option(inv.args, "team", "help update"); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::reassign_help_request(session, id, *inv.args.value("team")); !s.is_ok()) {
    return s;
  }
  print_result(inv, id, "updated", "Hulpverzoek " + id + " overgedragen / Help request reassigned");
  return Exit::ok();
}

Exit run_close(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  if (inv.args.has("met") == inv.args.has("unmet")) {
    return Exit::usage("give exactly one of --met and --unmet", "see: meldkluis help close --help");
  }
  MK_CLI_TRY(std::optional<Date> date, date_option(inv.args, "date"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::close_help_request(session, id, inv.args.has("met"), date); !s.is_ok()) {
    return s;
  }
  print_result(inv, id, "closed", "Hulpverzoek " + id + " afgesloten / Help request closed");
  return Exit::ok();
}

Exit run_overdue(const Invocation& inv) {
  MK_CLI_TRY(std::optional<Date> as_of, date_option(inv.args, "as-of"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  Date day = as_of.value_or(service::today(session));
  MK_CLI_TRY(std::vector<vault::HelpRequest> requests,
             service::overdue_help_requests(session, day));
  auto days_late = [&](const vault::HelpRequest& r) {
    return static_cast<int>((day.sys_days() - r.due.sys_days()).count());
  };
  if (inv.globals.json) {
    json::Value items = json::Value::array();
    for (const vault::HelpRequest& r : requests) {
      json::Value o = to_json(r);
      o.set("days_overdue", days_late(r));
      items.push(std::move(o));
    }
    json::Value out = json::Value::object();
    out.set("as_of", day.to_iso());
    out.set("overdue", std::move(items));
    print_json(out);
    return Exit::ok();
  }
  if (requests.empty()) {
    notice("Geen hulpverzoeken over de normtijd op " + day.to_iso() +
           " / No help requests overdue on " + day.to_iso());
    return Exit::ok();
  }
  std::vector<std::string> h = headers();
  h.pop_back();  // all open: no closing date
  h.push_back("DAGEN TE LAAT/DAYS OVERDUE");
  Table table(h);
  for (const vault::HelpRequest& r : requests) {
    std::vector<std::string> cells = row(r);
    cells.pop_back();
    cells.push_back(std::to_string(days_late(r)));
    table.add(std::move(cells));
  }
  table.print();
  notice(std::to_string(requests.size()) + " over de normtijd op " + day.to_iso() + " / " +
         std::to_string(requests.size()) + " overdue on " + day.to_iso());
  return Exit::ok();
}

}  // namespace

std::vector<Command> help_commands() {
  const PositionalSpec id{"ID", true, "the help request (H-...)"};
  const OptionSpec team{"team", OptionKind::kSingle, "TEAM",
                        "the responsible team (a team's name, never a person's)"};
  return {
      {"help",
       "add",
       "CASE --kind KIND --team TEAM [--person P-ID] [--requested DATE]",
       "register a help request / hulpverzoek registreren",
       "KIND is one of housing, benefit, brp_registration, medical, shelter, legal_aid,\n"
       "id_papers. The norm time of that kind in policies/normtimes.json is fixed now: the due\n"
       "date is the requested date (default today) plus the norm, and the policy's version is\n"
       "kept with it. The case must be open; a person must be linked to the case. Prints the\n"
       "new id alone on stdout. Not allowed for a compliance slot (exit 10); an invalid norm-time\n"
       "policy is exit 8.",
       {{"kind", OptionKind::kSingle, "KIND", "what is asked for"},
        team,
        {"person", OptionKind::kSingle, "P-ID", "the person it is for (linked to the case)"},
        {"requested", OptionKind::kSingle, "DATE", "when it was asked (default today)"}},
       {{"CASE", true, "the case (C-...)"}},
       run_add},
      {"help",
       "list",
       "[--case C-ID]",
       "list help requests / hulpverzoeken tonen",
       "Every help request, or the case's, by due date. Every role.",
       {{"case", OptionKind::kSingle, "C-ID", "only this case's requests"}},
       {},
       run_list},
      {"help",
       "update",
       "ID --team TEAM",
       "hand a help request to another team / overdragen",
       "Not allowed for a compliance slot (exit 10).",
       {team},
       {id},
       run_update},
      {"help",
       "close",
       "ID --met|--unmet [--date DATE]",
       "close a help request / hulpverzoek afsluiten",
       "--met: what was asked for was provided; --unmet: closed without it. The date defaults\n"
       "to today. Met on or before the due date counts as within the norm time. A closed request\n"
       "is exit 11.",
       {{"met", OptionKind::kFlag, "", "provided"},
        {"unmet", OptionKind::kFlag, "", "closed without being provided"},
        {"date", OptionKind::kSingle, "DATE", "closing date (default today)"}},
       {id},
       run_close},
      {"help",
       "overdue",
       "[--as-of DATE]",
       "help requests past their norm time / over de normtijd",
       "The open requests whose due date lies before DATE (default today): a request is\n"
       "overdue from the day after its due date. Most overdue first. Every role.",
       {{"as-of", OptionKind::kSingle, "DATE", "the day to look from (default today)"}},
       {},
       run_overdue},
  };
}

}  // namespace mk::cli

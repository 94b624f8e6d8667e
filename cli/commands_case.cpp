// meldkluis case open|link|show|list|close|hold|release|holds: casussen and their legal holds.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/json_views.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/retention_views.hpp"
#include "cli/session_access.hpp"
#include "cli/sharing_views.hpp"
#include "cli/text_input.hpp"
#include "service/casework.hpp"
#include "service/retention.hpp"
#include "service/sharing.hpp"

namespace mk::cli {
namespace {

void print_result(const Invocation& inv, const std::string& id, std::string_view result,
                  const std::string& message) {
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id);
    o.set("result", result);
    print_json(o);
  } else if (result == "created") {
    std::fputs((id + "\n").c_str(), stdout);
  }
  notice(message);
}

Exit run_open(const Invocation& inv) {
  vault::CaseInput input;
  MK_CLI_TRY(std::optional<Date> opened, date_option(inv.args, "opened"));
  input.signal_ids = inv.args.values("signal");
  input.person_ids = inv.args.values("person");
  if (input.signal_ids.empty() && input.person_ids.empty()) {
    return Exit::usage("a case needs at least one --signal or --person",
                       "see: meldkluis case open --help");
  }
  MK_CLI_TRY(input.summary, text_option(inv.args, "summary-file"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  input.opened = opened.value_or(service::today(session));
  MK_CLI_TRY(std::string id, service::open_case(session, input));
  print_result(inv, id, "created", "Casus " + id + " geopend / Case opened");
  return Exit::ok();
}

Exit run_link(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  const std::vector<std::string>& signals = inv.args.values("signal");
  const std::vector<std::string>& persons = inv.args.values("person");
  if (signals.empty() && persons.empty()) {
    return Exit::usage("nothing to link: give --signal or --person",
                       "see: meldkluis case link --help");
  }
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::link_case(session, id, signals, persons); !s.is_ok()) return s;
  print_result(inv, id, "linked", "Casus " + id + " gekoppeld / Case linked");
  return Exit::ok();
}

void print_case(const vault::Case& c) {
  const vault::CaseSummary& s = c.summary;
  print_fields({
      {"Casus / Case", s.id},
      {"Status", std::string(vault::enum_name(s.status))},
      {"Geopend / Opened", s.opened.to_iso()},
      {"Afgesloten / Closed", s.closed ? s.closed->to_iso() : "-"},
      {"Meldingen / Signals", or_dash(join(s.signal_ids))},
      {"Personen / Persons", or_dash(join(s.person_ids))},
      {"Aangemaakt / Created", format_instant(s.created)},
      {"Gewijzigd / Updated", format_instant(s.updated)},
  });
  if (c.summary_text) print_text_block("Samenvatting / Summary", *c.summary_text);
  if (c.closure_note) print_text_block("Afsluiting / Closure note", *c.closure_note);
  bool hidden = (s.has_summary && !c.summary_text) || (s.has_closure_note && !c.closure_note);
  if (hidden) notice("(tekst niet zichtbaar voor deze rol / text not visible to this role)");
}

// The case, then the routing suggestions for it; an invalid routing policy (or sharing policy)
// prints the case and ends with exit 8: no suggestions from a policy with a problem.
Exit run_show(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::Case c, service::show_case(session, id));
  Result<std::vector<policies::RoutingSuggestion>> routing = service::routing_for_case(session, id);
  if (inv.globals.json) {
    json::Value out = to_json(c);
    out.set("routing", routing ? routing_json(*routing) : json::Value());
    print_json(out);
  } else {
    print_case(c);
    if (routing) print_routing(*routing);
  }
  if (!routing) return routing.status();
  return Exit::ok();
}

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::CaseSummary> cases, service::list_cases(session));
  if (inv.globals.json) {
    print_json(to_json_array(cases));
    return Exit::ok();
  }
  if (cases.empty()) {
    notice("Geen casussen / No cases");
    return Exit::ok();
  }
  Table table({"ID", "STATUS", "GEOPEND/OPENED", "AFGESLOTEN/CLOSED", "MELDINGEN/SIGNALS",
               "PERSONEN/PERSONS"});
  for (const vault::CaseSummary& c : cases) {
    table.add({c.id, std::string(vault::enum_name(c.status)), c.opened.to_iso(),
               c.closed ? c.closed->to_iso() : "-", or_dash(join(c.signal_ids, ",")),
               or_dash(join(c.person_ids, ","))});
  }
  table.print();
  return Exit::ok();
}

Exit run_close(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(std::optional<Date> date, date_option(inv.args, "date"));
  MK_CLI_TRY(std::optional<std::string> note, text_option(inv.args, "note-file"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  Status s = service::close_case(session, id, inv.args.has("referred"), date, note);
  if (note) wipe_string(*note);
  if (!s.is_ok()) return s;
  print_result(inv, id, "closed", "Casus " + id + " afgesloten / Case closed");
  return Exit::ok();
}

// The hold's reason is the global --reason: one value names the legal ground on the hold and is
// the audit reason of the command that places it.
Exit run_hold(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  if (!inv.globals.reason) {
    return Exit::usage("missing --reason: a legal hold names its legal ground",
                       "see: meldkluis case hold --help");
  }
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::hold_case(session, id, *inv.globals.reason); !s.is_ok()) return s;
  print_result(inv, id, "held", "Casus " + id + " bevroren (legal hold) / Legal hold placed");
  return Exit::ok();
}

Exit run_release(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::release_case(session, id); !s.is_ok()) return s;
  print_result(inv, id, "released",
               "Bevriezing van casus " + id + " opgeheven / Legal hold released");
  return Exit::ok();
}

Exit run_holds(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::LegalHold> holds,
             service::list_holds(session, inv.args.has("all")));
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (const vault::LegalHold& h : holds)
      out.push(to_json(h));
    print_json(out);
    return Exit::ok();
  }
  if (holds.empty()) {
    notice("Geen bevriezingen / No legal holds");
    return Exit::ok();
  }
  Table table({"CASUS/CASE", "REDEN/REASON", "GEPLAATST/PLACED", "DOOR/BY", "OPGEHEVEN/RELEASED",
               "DOOR/BY"});
  for (const vault::LegalHold& h : holds) {
    table.add({h.case_id, h.reason, format_instant(h.placed), h.placed_by,
               h.released ? format_instant(*h.released) : "-", or_dash(h.released_by)});
  }
  table.print();
  return Exit::ok();
}

}  // namespace

std::vector<Command> case_commands() {
  const PositionalSpec id{"ID", true, "the case (C-...)"};
  const OptionSpec signal{"signal", OptionKind::kRepeated, "S-ID", "a signal (repeatable)"};
  const OptionSpec person{"person", OptionKind::kRepeated, "P-ID", "a person (repeatable)"};
  return {
      {"case",
       "open",
       "[--opened DATE] [--signal ID]... [--person ID]... [--summary-file FILE|-]",
       "open a case / casus openen",
       "Needs at least one signal or person. The date defaults to today. Prints the new id\n"
       "alone on stdout (with --json: {\"id\": ...}). The summary is read from a file or stdin\n"
       "(\"-\"), never from an argument.",
       {{"opened", OptionKind::kSingle, "DATE", "opening date (default today)"},
        signal,
        person,
        {"summary-file", OptionKind::kSingle, "FILE|-", "the case summary"}},
       {},
       run_open},
      {"case",
       "link",
       "ID [--signal ID]... [--person ID]...",
       "link signals or persons to an open case / koppelen",
       "",
       {signal, person},
       {id},
       run_link},
      {"case",
       "show",
       "ID",
       "show a case / casus tonen",
       "A compliance slot sees the metadata only. Ends with the routing suggestions of\n"
       "policies/routing.json for the case's signals and persons (--json: \"routing\"); an\n"
       "invalid routing or sharing policy shows the case, then exits 8.",
       {},
       {id},
       run_show},
      {"case", "list", "", "list cases / casussen tonen", "", {}, {}, run_list},
      {"case",
       "close",
       "ID [--date DATE] [--referred] [--note-file FILE|-]",
       "close a case / casus afsluiten",
       "--referred closes it as referred to a partner (closed_referred). The date defaults to\n"
       "today. The note is read from a file or stdin (\"-\").",
       {{"date", OptionKind::kSingle, "DATE", "closing date (default today)"},
        {"referred", OptionKind::kFlag, "", "the case was referred to a partner"},
        {"note-file", OptionKind::kSingle, "FILE|-", "a closing note"}},
       {id},
       run_close},
      {"case",
       "hold",
       "ID --reason TEXT",
       "place a legal hold on a case / casus bevriezen",
       "While the hold is in force, retention shreds nothing of the case, its signals and its\n"
       "persons, and a person linked to it cannot be erased. --reason (required) names the legal\n"
       "ground (\"strafrechtelijk onderzoek, verzoek OM 2026-11\"), never a person; one line, at\n"
       "most 200 characters. It is the global --reason: the same text is the hold's reason and\n"
       "the audit reason of this command. Not allowed for a compliance slot (exit 10); a case\n"
       "already held is exit 11.",
       {},
       {id},
       run_hold},
      {"case",
       "release",
       "ID",
       "release a case's legal hold / bevriezing opheffen",
       "The released hold stays listed (case holds --all). A case without a hold in force is\n"
       "exit 11. Not allowed for a compliance slot (exit 10).",
       {},
       {id},
       run_release},
      {"case",
       "holds",
       "[--all]",
       "list legal holds / bevriezingen tonen",
       "The holds in force, oldest first; with --all also released ones. Every role.",
       {{"all", OptionKind::kFlag, "", "include released holds"}},
       {},
       run_holds},
  };
}

}  // namespace mk::cli

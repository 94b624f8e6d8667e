// meldkluis case open|link|show|list|close: casussen.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/json_views.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/text_input.hpp"
#include "service/casework.hpp"

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

Exit run_show(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::Case c, service::show_case(session, inv.args.positionals().at(0)));
  if (inv.globals.json) {
    print_json(to_json(c));
  } else {
    print_case(c);
  }
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
       "A compliance slot sees the metadata only.",
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
  };
}

}  // namespace mk::cli

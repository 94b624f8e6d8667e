// meldkluis signal add|list|show|update|close: meldingen.
#include "cli/command.hpp"
#include "cli/json_views.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/sharing_views.hpp"
#include "cli/signal_options.hpp"
#include "service/casework.hpp"
#include "service/sharing.hpp"

namespace mk::cli {
namespace {

template <typename E>
std::string name_or_dash(const std::optional<E>& v) {
  return v ? std::string(vault::enum_name(*v)) : "-";
}

std::string date_or_dash(const std::optional<Date>& d) {
  return d ? d->to_iso() : "-";
}

// The id alone on stdout (or {"id": ...} with --json), the message for people on stderr.
void print_id(const Invocation& inv, const std::string& id, std::string_view result,
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

Exit run_add(const Invocation& inv) {
  MK_CLI_TRY(vault::SignalInput input, signal_input_from(inv.args));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::string id, service::register_signal(session, input));
  print_id(inv, id, "created", "Melding " + id + " geregistreerd / Signal registered");
  return Exit::ok();
}

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(vault::SignalFilter filter, signal_filter_from(inv.args));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::SignalSummary> signals, service::list_signals(session, filter));
  if (inv.globals.json) {
    print_json(to_json_array(signals));
    return Exit::ok();
  }
  if (signals.empty()) {
    notice("Geen meldingen / No signals");
    return Exit::ok();
  }
  Table table({"ID", "ONTVANGEN/RECEIVED", "BRON/SOURCE", "STATUS", "VORMEN/FORMS",
               "ERNST/SEVERITY", "CASUS/CASE"});
  for (const vault::SignalSummary& s : signals) {
    table.add({s.id, s.received.to_iso(), std::string(vault::enum_name(s.source_kind)),
               std::string(vault::enum_name(s.status)), or_dash(join(s.forms, ",")),
               name_or_dash(s.severity), or_dash(join(s.case_ids, ","))});
  }
  table.print();
  return Exit::ok();
}

void print_signal(const vault::Signal& signal) {
  const vault::SignalSummary& s = signal.summary;
  std::string source(vault::enum_name(s.source_kind));
  if (s.source_team) source += " (" + *s.source_team + ")";
  print_fields({
      {"Melding / Signal", s.id},
      {"Ontvangen / Received", s.received.to_iso()},
      {"Bron / Source", source},
      {"Melder / Reporter", s.reporter_id.value_or("-")},
      {"Vormen / Forms", or_dash(join(s.forms))},
      {"Indicatoren / Indicators", or_dash(join(s.indicators, "\n"))},
      {"Minderjarige / Minor", std::string(vault::enum_name(s.minor))},
      {"Omvang / Scale", name_or_dash(s.scale)},
      {"Ernst / Severity", name_or_dash(s.severity)},
      {"Personen / Persons", or_dash(join(s.person_ids))},
      {"Casussen / Cases", or_dash(join(s.case_ids))},
      {"Status", std::string(vault::enum_name(s.status))},
      {"Uitkomst / Outcome", name_or_dash(s.outcome)},
      {"Afgesloten / Closed", date_or_dash(s.closed)},
      {"Aangemaakt / Created", format_instant(s.created)},
      {"Gewijzigd / Updated", format_instant(s.updated)},
  });
  if (signal.narrative) print_text_block("Verhaal / Narrative", *signal.narrative);
  if (signal.nature) print_text_block("Aard / Nature", *signal.nature);
  bool hidden = (s.has_narrative && !signal.narrative) || (s.has_nature && !signal.nature);
  if (hidden) notice("(tekst niet zichtbaar voor deze rol / text not visible to this role)");
}

// The signal, then the routing suggestions for it; an invalid routing policy (or sharing policy)
// prints the signal and ends with exit 8: no suggestions from a policy with a problem.
Exit run_show(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(vault::Signal signal, service::show_signal(session, id));
  Result<std::vector<policies::RoutingSuggestion>> routing =
      service::routing_for_signal(session, id);
  if (inv.globals.json) {
    json::Value out = to_json(signal);
    out.set("routing", routing ? routing_json(*routing) : json::Value());
    print_json(out);
  } else {
    print_signal(signal);
    if (routing) print_routing(*routing);
  }
  if (!routing) return routing.status();
  return Exit::ok();
}

Exit run_update(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(vault::SignalPatch patch, signal_patch_from(inv.args));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::update_signal(session, id, patch); !s.is_ok()) return s;
  print_id(inv, id, "updated", "Melding " + id + " bijgewerkt / Signal updated");
  return Exit::ok();
}

Exit run_close(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  if (Exit e = require_option(inv.args, "outcome", "signal close"); !e.is_ok()) return e;
  MK_CLI_TRY(std::optional<vault::SignalOutcome> outcome,
             enum_option<vault::SignalOutcome>(
                 inv.args, "outcome", vault::parse_signal_outcome,
                 "no_suspicion, insufficient_information, referred, case_opened, other"));
  MK_CLI_TRY(std::optional<Date> date, date_option(inv.args, "date"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::close_signal(session, id, *outcome, date); !s.is_ok()) return s;
  print_id(inv, id, "closed", "Melding " + id + " afgesloten / Signal closed");
  return Exit::ok();
}

std::vector<OptionSpec> update_options() {
  std::vector<OptionSpec> o = signal_field_options();
  o.push_back({"clear-reporter", OptionKind::kFlag, "", "remove the reporter"});
  o.push_back({"clear-forms", OptionKind::kFlag, "", "remove every form"});
  o.push_back({"clear-indicators", OptionKind::kFlag, "", "remove every indicator"});
  o.push_back({"status", OptionKind::kSingle, "S", "new or in_assessment"});
  return o;
}

constexpr std::string_view kTextNote =
    "Narrative and nature are read from a file or from stdin (\"-\"), never from an argument:\n"
    "arguments are visible to other users in `ps` and stay in shell history.";

}  // namespace

std::vector<Command> signal_commands() {
  const PositionalSpec id{"ID", true, "the signal (S-...)"};
  return {
      {"signal",
       "add",
       "--received DATE --source KIND [--team T] [--reporter P-ID] [--narrative-file FILE|-]\n"
       "    [--nature-file FILE|-] [--form CODE]... [--indicator CODE]... [--minor "
       "yes|no|unknown]\n"
       "    [--scale single|multiple|organised] [--severity low|medium|high|acute] [--person "
       "P-ID]...",
       "register a signal / melding registreren",
       "Prints the new id alone on stdout (with --json: {\"id\": ...}); the message goes to\n"
       "stderr. Form and indicator codes: meldkluis indicators list.\n\n" +
           std::string(kTextNote),
       signal_field_options(),
       {},
       run_add},
      {"signal",
       "list",
       "[--status S] [--form F] [--from DATE] [--to DATE]",
       "list signals, newest first / meldingen tonen",
       "Metadata only; dates filter on the received date, both ends inclusive.",
       {{"status", OptionKind::kSingle, "S", "new, in_assessment or closed"},
        {"form", OptionKind::kSingle, "F", "only signals suspected of this form"},
        {"from", OptionKind::kSingle, "DATE", "received on or after"},
        {"to", OptionKind::kSingle, "DATE", "received on or before"}},
       {},
       run_list},
      {"signal",
       "show",
       "ID",
       "show a signal / melding tonen",
       "A compliance slot sees the metadata only. Ends with the routing suggestions of\n"
       "policies/routing.json (which partner, and why; --json: \"routing\"); an invalid routing\n"
       "or sharing policy shows the signal, then exits 8.",
       {},
       {id},
       run_show},
      {"signal",
       "update",
       "ID [options of add] [--clear-reporter] [--clear-forms] [--clear-indicators]\n"
       "    [--status new|in_assessment]",
       "change an open signal / melding wijzigen",
       "Only the options given change. --form and --indicator replace the whole list; --person\n"
       "adds persons.\n\n" +
           std::string(kTextNote),
       update_options(),
       {id},
       run_update},
      {"signal",
       "close",
       "ID --outcome no_suspicion|insufficient_information|referred|case_opened|other [--date "
       "DATE]",
       "close a signal with an outcome / melding afsluiten",
       "The date defaults to today.",
       {{"outcome", OptionKind::kSingle, "OUTCOME", "why the signal is closed"},
        {"date", OptionKind::kSingle, "DATE", "closing date (default today)"}},
       {id},
       run_close},
  };
}

}  // namespace mk::cli

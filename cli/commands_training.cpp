// meldkluis training add|list: the training and awareness log (CCV basic level: active
// signalling).
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/workflow_views.hpp"
#include "service/training.hpp"

namespace mk::cli {
namespace {

Exit run_add(const Invocation& inv) {
  for (std::string_view name : {"date", "team", "count", "subject"}) {
    if (Exit e = require_option(inv.args, name, "training add"); !e.is_ok()) return e;
  }
  vault::TrainingInput input;
  MK_CLI_TRY(std::optional<Date> held, date_option(inv.args, "date"));
  input.held = *held;
  input.team = *inv.args.value("team");
  MK_CLI_TRY(input.trained, int_option(inv.args, "count", 1, vault::kMaxTrained, 1));
  input.subject = *inv.args.value("subject");
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::string id, service::add_training(session, input));
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", id);
    o.set("result", "created");
    print_json(o);
  } else {
    std::fputs((id + "\n").c_str(), stdout);
  }
  notice("Training " + id + " vastgelegd / Training recorded");
  return Exit::ok();
}

Exit run_list(const Invocation& inv) {
  std::optional<int> year;
  if (inv.args.has("year")) {
    MK_CLI_TRY(int y, int_option(inv.args, "year", 1900, 9998, 1900));
    year = y;
  }
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::TrainingEntry> entries, service::list_trainings(session, year));
  int trained = 0;
  for (const vault::TrainingEntry& e : entries)
    trained += e.trained;
  if (inv.globals.json) {
    json::Value items = json::Value::array();
    for (const vault::TrainingEntry& e : entries)
      items.push(to_json(e));
    json::Value out = json::Value::object();
    out.set("year", year ? json::Value(*year) : json::Value());
    out.set("sessions", static_cast<std::int64_t>(entries.size()));
    out.set("trained", trained);
    out.set("trainings", std::move(items));
    print_json(out);
    return Exit::ok();
  }
  if (entries.empty()) {
    notice("Geen trainingen / No trainings");
    return Exit::ok();
  }
  Table table({"ID", "DATUM/DATE", "TEAM", "AANTAL/TRAINED", "ONDERWERP/SUBJECT"});
  for (const vault::TrainingEntry& e : entries)
    table.add({e.id, e.held.to_iso(), e.team, std::to_string(e.trained), e.subject});
  table.print();
  std::fputs(("\nTotaal / Total: " + std::to_string(trained) + " getraind in " +
              std::to_string(entries.size()) + " trainingen / trained in " +
              std::to_string(entries.size()) + " sessions\n")
                 .c_str(),
             stdout);
  return Exit::ok();
}

}  // namespace

std::vector<Command> training_commands() {
  return {
      {"training",
       "add",
       "--date DATE --team TEAM --count N --subject TEXT",
       "record a training / training vastleggen",
       "For the CCV basic level (active signalling): which team was trained, when, how many\n"
       "people and on what. Team and subject are one line each (at most 100 and 200\n"
       "characters) and name no person. Prints the new id. Only a coordinator may record\n"
       "trainings (a compliance slot: exit 10).",
       {{"date", OptionKind::kSingle, "DATE", "when it was held"},
        {"team", OptionKind::kSingle, "TEAM", "the team trained (\"Burgerzaken\")"},
        {"count", OptionKind::kSingle, "N", "how many people took part (1-10000)"},
        {"subject", OptionKind::kSingle, "TEXT", "what it was about"}},
       {},
       run_add},
      {"training",
       "list",
       "[--year YYYY]",
       "list trainings / trainingen tonen",
       "Every training, or those of one year, oldest first, with the total trained. Every\n"
       "role.",
       {{"year", OptionKind::kSingle, "YYYY", "only this year"}},
       {},
       run_list},
  };
}

}  // namespace mk::cli

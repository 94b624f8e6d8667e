// meldkluis retention plan|sweep: what the retention policy says is due (read-only, any date), and
// shredding it. The rules are the service's (service/retention.hpp); this file asks, shows and
// draws the progress.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/confirmation.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/progress_bar.hpp"
#include "cli/retention_views.hpp"
#include "cli/session_access.hpp"
#include "service/backup.hpp"
#include "service/casework.hpp"
#include "service/retention.hpp"

namespace mk::cli {
namespace {

// The policy, its version and the date, then `counts`, aligned as one block.
void print_plan_header(const service::RetentionPlan& plan, const Fields& counts) {
  Fields rows = {
      {"Bewaarbeleid / Retention policy", plan.policy_file},
      {"Versie / Version (SHA-256)", plan.policy_hash},
      {"Peildatum / As of", plan.as_of.to_iso()},
  };
  rows.insert(rows.end(), counts.begin(), counts.end());
  print_fields(rows);
}

void print_unconfirmed_footer(const std::vector<service::PlanItem>& items) {
  std::vector<std::string> rules = unconfirmed_rules(items);
  if (rules.empty()) return;
  std::string line =
      "* regel niet bevestigd door de archivaris / rule not confirmed by the archivist: " +
      join(rules) + "\n";
  std::fputs(line.c_str(), stdout);
}

std::string count_text(std::size_t n) {
  return std::to_string(n);
}

Exit run_plan(const Invocation& inv) {
  MK_CLI_TRY(std::optional<Date> as_of, date_option(inv.args, "as-of"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(service::RetentionPlan plan,
             service::plan_retention(session, as_of.value_or(service::today(session))));
  if (inv.globals.json) {
    print_json(to_json(plan));
    return Exit::ok();
  }
  std::size_t shreddable = plan.shreddable();
  print_plan_header(plan, {{"Te vernietigen / To shred", count_text(shreddable)},
                           {"Bevroren / Held", count_text(plan.due.size() - shreddable)}});
  if (plan.due.empty()) {
    notice("Niets vervalt op of voor de peildatum / Nothing is due on or before the as-of date");
    return Exit::ok();
  }
  std::fputs("\n", stdout);
  Table table(plan_table_headers());
  for (const service::PlanItem& item : plan.due)
    table.add(plan_table_row(item));
  table.print();
  if (!unconfirmed_rules(plan.due).empty()) std::fputs("\n", stdout);
  print_unconfirmed_footer(plan.due);
  return Exit::ok();
}

const service::PlanItem* find_item(const service::RetentionPlan& plan, const std::string& id) {
  for (const service::PlanItem& item : plan.due) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

void print_sweep_report(const service::SweepReport& report) {
  print_plan_header(report.plan, {{"Vernietigd / Shredded", count_text(report.shredded.size())},
                                  {"Bevroren / Held", count_text(report.held.size())}});
  if (!report.shredded.empty()) {
    std::fputs("\nVernietigd / Shredded:\n", stdout);
    Table table({"SOORT/KIND", "ID", "REGEL/RULE", "ACTIE/ACTION"});
    for (const std::string& id : report.shredded) {
      const service::PlanItem* item = find_item(report.plan, id);
      table.add({item ? std::string(vault::enum_name(item->kind)) : "-", id,
                 item ? item->rule : "-", item ? item->action : "-"});
    }
    table.print();
  }
  if (!report.held.empty()) {
    std::fputs("\nBevroren, niet vernietigd / Held, not shredded:\n", stdout);
    Table table({"SOORT/KIND", "ID", "BEVROREN DOOR/HELD BY"});
    for (const std::string& id : report.held) {
      const service::PlanItem* item = find_item(report.plan, id);
      table.add({item ? std::string(vault::enum_name(item->kind)) : "-", id,
                 item ? or_dash(join(item->held_by, ",")) : "-"});
    }
    table.print();
  }
}

Exit run_sweep(const Invocation& inv) {
  bool yes = inv.args.has("yes");
  if (Exit e = require_terminal_or_yes(yes, "retention sweep"); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  // The same plan the sweep will execute, to say what is about to happen.
  MK_CLI_TRY(service::RetentionPlan plan,
             service::plan_retention(session, service::today(session)));
  std::size_t shreddable = plan.shreddable();
  if (shreddable > 0 && !yes) {
    std::string question =
        count_text(shreddable) + " onderwerp(en) worden onherroepelijk vernietigd, " +
        count_text(plan.due.size() - shreddable) + " bevroren / " + count_text(shreddable) +
        " subject(s) will be shredded irreversibly, " + count_text(plan.due.size() - shreddable) +
        " held.\nDoorgaan? / Continue?";
    MK_CLI_TRY(bool go, confirm(question, false));
    if (!go) {
      if (inv.globals.json) {
        json::Value o = json::Value::object();
        o.set("result", "cancelled");
        print_json(o);
      }
      notice("Afgebroken, niets vernietigd / Cancelled, nothing was shredded");
      return Exit::ok();
    }
  }
  service::SweepProgress last;
  ProgressBar bar("Vernietigen / Shredding", !inv.globals.json);
  Result<service::SweepReport> report =
      service::sweep_retention(session, [&](const service::SweepProgress& p) {
        last = p;
        bar.update(p.done, p.total);
      });
  bar.finish();
  if (!report) {
    if (last.done > 0) {
      notice(count_text(last.done) + " van " + count_text(last.total) +
             " vernietigd voor de fout; draai sweep opnieuw om af te maken / " +
             count_text(last.done) + " of " + count_text(last.total) +
             " shredded before the error; run sweep again to finish");
    }
    return Exit(report.status());
  }
  if (inv.globals.json) {
    print_json(to_json(*report));
  } else {
    print_sweep_report(*report);
  }
  notice(count_text(report->shredded.size()) + " vernietigd, " + count_text(report->held.size()) +
         " bevroren / " + count_text(report->shredded.size()) + " shredded, " +
         count_text(report->held.size()) + " held");
  if (Result<std::size_t> n = service::count_backups_to_destroy(session); n && *n > 0) {
    notice(count_text(*n) +
           " back-up(s) te vernietigen / backup(s) to destroy: meldkluis backup list");
  }
  return Exit::ok();
}

}  // namespace

std::vector<Command> retention_commands() {
  return {
      {"retention",
       "plan",
       "[--as-of DATE]",
       "show what retention makes due / bewaartermijnen: wat vervalt",
       "Read-only, for every role (also a compliance slot); audits nothing. Lists every record\n"
       "due on or before DATE (default today) under the retention policy (retention.json in the\n"
       "policy folder): kind, id, role, the deciding rule, trigger and its date, due date, action\n"
       "(shred or deidentify) and, when a legal hold blocks it, the cases holding it. A rule the\n"
       "archivist has not confirmed is marked \"*\" and named once below the table. An invalid\n"
       "retention policy is exit 8 with file:line:col.",
       {{"as-of", OptionKind::kSingle, "DATE", "the date to plan for (default today)"}},
       {},
       run_plan},
      {"retention",
       "sweep",
       "[--yes]",
       "shred what is due today / vernietigen wat vervalt",
       "Shreds every record the plan for today lists without a legal hold, one record at a time,\n"
       "each audited (retention.shred) with its rule and the policy's hash. Shows the count and\n"
       "asks for confirmation on the terminal; --yes confirms in advance (required without a\n"
       "terminal: exit 2 otherwise). A progress bar is drawn on stderr when it is a terminal.\n"
       "Prints what was shredded and what was held. Interrupted or failed half-way: what was\n"
       "shredded stays shredded, and running sweep again finishes the rest. An invalid retention\n"
       "policy is exit 8 and nothing is swept. Not allowed for a compliance slot (exit 10).",
       {{"yes", OptionKind::kFlag, "", "do not ask for confirmation"}},
       {},
       run_sweep},
  };
}

}  // namespace mk::cli

// meldkluis import csv: the registrations a coordinator kept in a spreadsheet before Meldkluis.
// The rules are the service's (service/legacy_import.hpp); this file reads the file, prints the
// validation report and draws the progress.
#include <cstdint>
#include <cstdio>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/progress_bar.hpp"
#include "cli/session_access.hpp"
#include "service/import_mapping.hpp"
#include "service/legacy_import.hpp"

namespace mk::cli {
namespace {

std::string count_text(std::size_t n) {
  return std::to_string(n);
}

json::Value strings_json(const std::vector<std::string>& items) {
  json::Value out = json::Value::array();
  for (const std::string& s : items)
    out.push(s);
  return out;
}

json::Value report_json(const service::ImportPlan& plan, std::string_view result,
                        const service::ImportResult* imported) {
  json::Value o = json::Value::object();
  o.set("result", result);
  o.set("file_sha256", plan.file_sha256);
  o.set("mapping", plan.mapping_file);
  o.set("mapping_sha256", plan.mapping_sha256);
  o.set("delimiter", std::string(1, plan.delimiter));
  o.set("rows", static_cast<std::int64_t>(plan.rows));
  o.set("blank_rows", static_cast<std::int64_t>(plan.blank_rows));
  o.set("closed", static_cast<std::int64_t>(plan.closed()));
  o.set("reporters", static_cast<std::int64_t>(plan.reporters()));
  json::Value problems = json::Value::array();
  for (const service::ImportProblem& p : plan.problems) {
    json::Value item = json::Value::object();
    item.set("row", static_cast<std::int64_t>(p.row));
    item.set("column", p.column.empty() ? json::Value() : json::Value(p.column));
    item.set("reason", p.reason);
    problems.push(std::move(item));
  }
  o.set("problems", std::move(problems));
  o.set("signal_ids", strings_json(imported ? imported->signal_ids : std::vector<std::string>{}));
  o.set("reporter_ids",
        strings_json(imported ? imported->reporter_ids : std::vector<std::string>{}));
  return o;
}

void print_report(const service::ImportPlan& plan) {
  print_fields({
      {"Bestand / File (SHA-256)", plan.file_sha256},
      {"Koppeling / Mapping", plan.mapping_file},
      {"Versie / Version (SHA-256)", plan.mapping_sha256},
      {"Scheidingsteken / Delimiter", std::string(1, plan.delimiter)},
      {"Rijen / Rows", count_text(plan.rows)},
      {"Lege rijen overgeslagen / Blank rows skipped", count_text(plan.blank_rows)},
      {"Afgesloten / Closed", count_text(plan.closed())},
      {"Melders / Reporters", count_text(plan.reporters())},
      {"Problemen / Problems", count_text(plan.problems.size())},
  });
  if (plan.problems.empty()) return;
  std::fputs("\n", stdout);
  Table table({"RIJ/ROW", "KOLOM/COLUMN", "REDEN/REASON"});
  for (const service::ImportProblem& p : plan.problems)
    table.add({count_text(p.row), or_dash(p.column), p.reason});
  table.print();
}

std::size_t rows_with_problems(const service::ImportPlan& plan) {
  std::size_t rows = 0, last = 0;
  for (const service::ImportProblem& p : plan.problems) {
    if (p.row != last) ++rows;
    last = p.row;
  }
  return rows;
}

Exit run_csv(const Invocation& inv) {
  std::optional<std::string> mapping_path = inv.args.value("mapping");
  if (!mapping_path) {
    return Exit::usage("import csv needs --mapping", "see: meldkluis import csv --help");
  }
  const bool dry_run = inv.args.has("dry-run");
  MK_CLI_TRY(std::string bytes, service::read_legacy_csv(inv.args.positionals().at(0)));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(service::ImportMapping mapping,
             service::load_import_mapping(*mapping_path, session.policies().indicators));
  MK_CLI_TRY(service::ImportPlan plan, service::plan_legacy_import(session, bytes, mapping));

  if (!plan.ok()) {
    if (inv.globals.json) {
      print_json(report_json(plan, "refused", nullptr));
    } else {
      print_report(plan);
    }
    return Exit(ExitCode::kInvalidInput,
                count_text(plan.problems.size()) + " probleem/problemen in " +
                    count_text(rows_with_problems(plan)) + " rij(en); niets geïmporteerd / " +
                    count_text(plan.problems.size()) + " problem(s) in " +
                    count_text(rows_with_problems(plan)) + " row(s); nothing was imported");
  }
  if (dry_run) {
    if (inv.globals.json) {
      print_json(report_json(plan, "checked", nullptr));
    } else {
      print_report(plan);
    }
    notice("Proefrun: " + count_text(plan.rows) + " rij(en) in orde, niets geïmporteerd / " +
           "Dry run: " + count_text(plan.rows) + " row(s) valid, nothing was imported");
    return Exit::ok();
  }

  ProgressBar bar("Importeren / Importing", !inv.globals.json);
  Result<service::ImportResult> imported = service::import_legacy(
      session, plan, [&](std::size_t done, std::size_t total) { bar.update(done, total); });
  bar.finish();
  if (!imported) return Exit(imported.status());
  if (inv.globals.json) {
    print_json(report_json(plan, "imported", &*imported));
  } else {
    print_report(plan);
  }
  notice(count_text(imported->signal_ids.size()) + " melding(en) en " +
         count_text(imported->reporter_ids.size()) + " melder(s) geïmporteerd / " +
         count_text(imported->signal_ids.size()) + " signal(s) and " +
         count_text(imported->reporter_ids.size()) + " reporter(s) imported");
  return Exit::ok();
}

}  // namespace

std::vector<Command> import_commands() {
  return {
      {"import",
       "csv",
       "FILE --mapping MAP [--dry-run]",
       "import a legacy spreadsheet (CSV) / oude registratie importeren",
       "Reads FILE (CSV UTF-8, ',' or ';', a header row; at most 32 MiB) through the column\n"
       "mapping MAP (docs/formats/csv-import.md; policies/csv_import_nl.json is a typical Dutch\n"
       "sheet) and checks every row first. Any problem: the report (row, column, reason; never a\n"
       "cell's value) on stdout, exit 3, and nothing is imported. --dry-run checks and reports\n"
       "only. Otherwise every row becomes a signal (and a reporter person when the row names\n"
       "one) in one transaction: all rows or none, audited as import.csv plus the usual entries\n"
       "per record. A progress bar is drawn on stderr when it is a terminal. Not allowed for a\n"
       "compliance slot (exit 10).",
       {{"mapping", OptionKind::kSingle, "MAP", "the column mapping (JSON)"},
        {"dry-run", OptionKind::kFlag, "", "check and report only; write nothing"}},
       {{"FILE", true, "the CSV file"}},
       run_csv},
  };
}

}  // namespace mk::cli

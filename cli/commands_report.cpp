// meldkluis report: the mayor's periodic report (PDF, optionally CSV) and, as `report compliance`,
// the compliance officer's report (PDF, optionally JSON). One command with an optional word, since
// a noun with a command of its own takes no subcommands (dispatch.cpp). The counting, suppression
// and rendering are the service's and reports/'s; this file parses and prints.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "reports/offscreen_gui.hpp"
#include "service/compliance_report.hpp"
#include "service/mayor_report.hpp"
#include "service/period.hpp"

namespace mk::cli {
namespace {

Exit refuse_option(const ParsedArgs& args, std::string_view name, std::string_view form) {
  if (!args.has(name)) return Exit::ok();
  return Exit::usage("--" + std::string(name) + " does not go with " + std::string(form),
                     "see: meldkluis report --help");
}

Exit run_mayor(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "period", "report"); !e.is_ok()) return e;
  if (Exit e = require_option(inv.args, "out", "report"); !e.is_ok()) return e;
  if (Exit e = refuse_option(inv.args, "json", "the mayor's report"); !e.is_ok()) return e;
  MK_CLI_TRY(service::ReportPeriod period, service::parse_report_period(*inv.args.value("period")));
  service::MayorReportFiles files;
  files.pdf = *inv.args.value("out");
  if (std::optional<std::string> csv = inv.args.value("csv")) files.csv = *csv;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  reports::OffscreenGui gui;
  MK_CLI_TRY(service::MayorReportSummary summary,
             service::write_mayor_report(session, period, files));
  Fields rows = {{"Periode / Period", period.name()},
                 {"PDF", files.pdf.string()},
                 {"Onderdrukt / Suppressed", std::to_string(summary.withheld)},
                 {"Beleidsversie / Policy version", summary.policy_hash}};
  if (files.csv) rows.insert(rows.begin() + 2, {"CSV", files.csv->string()});
  print_fields(rows);
  return Exit::ok();
}

Exit run_compliance(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "report compliance"); !e.is_ok()) return e;
  for (std::string_view name : {"period", "csv"}) {
    if (Exit e = refuse_option(inv.args, name, "report compliance"); !e.is_ok()) return e;
  }
  service::ComplianceReportFiles files;
  files.pdf = *inv.args.value("out");
  if (std::optional<std::string> json = inv.args.value("json")) files.json = *json;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  reports::OffscreenGui gui;
  MK_CLI_TRY(reports::ComplianceReport report, service::write_compliance_report(session, files));
  Fields rows = {
      {"PDF", files.pdf.string()},
      {"Auditlog / Audit log",
       report.audit.verified ? "geverifieerd / verified" : "NIET geverifieerd / NOT verified"},
      {"Verstrekkingen / Disclosures",
       std::to_string(report.disclosures.size()) + " partner/grondslag / partner/basis"}};
  if (files.json) rows.insert(rows.begin() + 1, {"JSON", files.json->string()});
  print_fields(rows);
  return Exit::ok();
}

Exit run_report(const Invocation& inv) {
  const std::vector<std::string>& words = inv.args.positionals();
  if (words.empty()) return run_mayor(inv);
  if (words[0] == "compliance") return run_compliance(inv);
  return Exit::usage("unknown report \"" + words[0] + "\" (only: compliance)",
                     "see: meldkluis report --help");
}

}  // namespace

std::vector<Command> report_commands() {
  return {
      {"report",
       "",
       "--period P --out FILE.pdf [--csv FILE.csv] | compliance --out FILE.pdf [--json FILE.json]",
       "periodic report to the mayor, or compliance report / rapportages",
       "meldkluis report --period 2026-Q3|2026-H1|2026 --out report.pdf [--csv report.csv]\n"
       "  The mayor's report over the period: signals by form (form mentions), by source and\n"
       "  outcome, by outcome; referrals per partner kind; help requests met within norm time;\n"
       "  cases opened and closed; the trend over the last four periods. Counted from live\n"
       "  records and the de-identified facts of shredded ones; small counts suppressed under\n"
       "  reporting.json (marker x). No ids, names or free text. Audited (report.mayor).\n"
       "meldkluis report compliance --out FILE.pdf [--json FILE.json]\n"
       "  Disclosures per partner and legal basis, retention status (due, overdue: due more than\n"
       "  30 days ago and not held, held), the audit log's verification and last checkpoint, key\n"
       "  slots. Also for a compliance slot. Audited (report.compliance).\n"
       "Files are never replaced: an existing file is exit 11 and nothing is written.",
       {{"period", OptionKind::kSingle, "P", "2026, 2026-H1 or 2026-Q3 (mayor's report)"},
        {"out", OptionKind::kSingle, "FILE.pdf", "the PDF to write (must not exist)"},
        {"csv", OptionKind::kSingle, "FILE.csv", "also the counts as CSV (mayor's report)"},
        {"json", OptionKind::kSingle, "FILE.json", "also as JSON (compliance report)"}},
       {{"WHAT", false, "compliance for the compliance report; absent for the mayor's"}},
       run_report},
  };
}

}  // namespace mk::cli

// The mayor's periodic report (issue 6, item 4): the counts of one period as a
// reports::ReportDocument, from live records and the de-identified statistical facts of shredded
// ones (vault/statistical_facts.hpp), published under policies/reporting.json and written as PDF
// (and CSV). It holds counts and labels only: no id, no name, no free text.
//
// Tables (every table counts each signal, case, disclosure or help request once, live or shredded):
//   signals_by_form       forms x months of the period, by received date. A signal suspected of
//                         two forms counts in both rows (the title says "form mentions"); a signal
//                         without a form counts in the row "no form given".
//   signals_by_source     source kinds x outcome ("still open" for a signal not closed).
//   signals_by_outcome    outcomes x one column.
//   referrals_by_partner  partner kinds x one column: disclosures recorded in the period (shredded
//                         disclosures are known by partner kind only, so rows are kinds).
//   help_requests         kinds x met within norm time / not met within norm time / open, by the
//                         date requested. Requests of shredded cases have no kind: their row is
//                         "kind not kept", counted by the case's opening month.
//   cases                 opened / closed x months (no column totals).
//   trend                 signals received, cases opened, referrals x the last four periods.
// Counts that are the same thing in two tables (the signals' total in four places, each outcome's
// total in two, cases opened and referrals in the trend) are linked as SameCount, all pairs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/result.hpp"
#include "policies/reporting_policy.hpp"
#include "reports/report_document.hpp"
#include "service/period.hpp"
#include "service/session.hpp"

namespace mk::service {

// Loads policies/reporting.json from the session's policy folder (kPolicyInvalid when invalid).
Result<policies::ReportingPolicy> load_reporting(Session& s);

// The exact counts of `period` (never rendered as they are: see reports::publish_report). Read
// only: audits nothing. Every role may count (only metadata is read).
Result<reports::ReportDocument> build_mayor_report(Session& s, const ReportPeriod& period);

// The report as every renderer sees it: built, then published under policies/reporting.json (small
// counts withheld). What the GUI shows on screen. Read only: audits nothing. Every role.
Result<reports::PublishedReport> publish_mayor_report(Session& s, const ReportPeriod& period);

struct MayorReportFiles {
  std::filesystem::path pdf;
  std::optional<std::filesystem::path> csv;
};

struct MayorReportSummary {
  std::size_t withheld = 0;  // counts withheld over all tables (suppression)
  std::string policy_hash;
};

// Builds, publishes and renders the report and writes the files (write_new_file: never replacing;
// kConflict when one exists, and then nothing is written). Requires a QGuiApplication (see
// reports/offscreen_gui.hpp). Audits "report.mayor" with detail "period=<period>".
Result<MayorReportSummary> write_mayor_report(Session& s, const ReportPeriod& period,
                                              const MayorReportFiles& files);

// The CSV alone, at `csv` (write_new_file: never replacing; kConflict when it exists). Audits
// "report.mayor" with detail "period=<period>;format=csv".
Result<MayorReportSummary> write_mayor_report_csv(Session& s, const ReportPeriod& period,
                                                  const std::filesystem::path& csv);

}  // namespace mk::service

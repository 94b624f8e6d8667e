// The mayor's periodic report (issue 6): counts of signals, referrals, help requests and cases
// over one period, and a trend over the last periods. Plain data, filled by the service layer from
// live records and the statistics of shredded ones. It holds counts and labels only: no id, no
// name, no free text about anyone exists here.
//
// A ReportDocument holds exact counts and is never rendered; publish_report turns it into a
// PublishedReport, in which every small count is already withheld (suppression.hpp). The renderers
// (report_pdf.hpp, report_csv.hpp) take only a PublishedReport, so nothing can be shown
// unsuppressed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "policies/reporting_policy.hpp"
#include "reports/suppression.hpp"
#include "reports/table.hpp"

namespace mk::reports {

// A report period: a year "2026", a half "2026-H1"/"2026-H2" or a quarter "2026-Q1".."2026-Q4",
// years 1800..9999.
bool is_report_period(std::string_view period);

// A place in one of the report's tables: a cell, or a total. row == the table's rows() is its row
// of column totals, column == columns() its column of row totals, both its grand total.
struct TablePlace {
  std::string table;  // the table's id
  std::size_t row = 0;
  std::size_t column = 0;
};

// Two places of the report that count the same thing: the trend's cell for this period and the
// number of signals in the period, say, or a table by outcome and the outcome totals of a table by
// source and outcome. Tables are suppressed one by one; without this, one table could show a count
// another withholds to protect a small one, and a reader could combine them. A count withheld in
// one place is withheld in the other too (and that table protects it in turn), until both agree.
struct SameCount {
  TablePlace a;
  TablePlace b;
};

struct ReportDocument {
  std::string period;        // "2026-Q3"
  std::string municipality;  // "Gemeente Rijswijk"
  Date created{2000, 1, 1};
  // The main tables, each a CountTable with its own labels. Suggested shapes:
  CountTable signals_by_form;       // rows: forms of exploitation; columns: months of the period
  CountTable signals_by_source;     // rows: sources (team, partner, resident, anonymous); columns:
                                    // outcomes
  CountTable signals_by_outcome;    // rows: outcomes; one column
  CountTable referrals_by_partner;  // rows: partners; columns: purposes or one column
  CountTable help_requests;         // rows: kinds; columns: met within norm time, late, open
  CountTable cases;                 // rows: opened, closed; columns: months (no column totals)
  // Rows: one series each (signals received, ...), counting the same kind of thing if the table
  // has column totals; columns: the last periods, oldest first, the report's period last.
  CountTable trend;
  // Every pair of places that count the same thing (see SameCount). The service lists them all.
  std::vector<SameCount> same_counts;
};

// What a renderer may show: the document with every table suppressed and rounded under a policy,
// and the policy's rules, to explain them in a footnote.
struct PublishedReport {
  std::string period;
  std::string municipality;
  Date created{2000, 1, 1};
  std::vector<PublishedTable> tables;  // the six main tables, in the order of ReportDocument
  PublishedTable trend;
  int threshold = 5;
  std::string threshold_reference;
  std::optional<policies::RoundingRule> rounding;
  std::string policy_hash;  // the reporting policy's version (SHA-256 hex)
};

// Validates the document (kInvalidInput naming what is wrong: a period that is_report_period
// refuses, a municipality that is not a valid text (check_text), a table that validate_table
// refuses, two tables with one id, a SameCount naming an unknown table or a place outside it, or
// two places with different counts) and publishes every table under `policy` (publish_table),
// withholding a count named in a SameCount wherever its twin is withheld, until every pair agrees.
Result<PublishedReport> publish_report(const ReportDocument& document,
                                       const policies::ReportingPolicy& policy);

}  // namespace mk::reports

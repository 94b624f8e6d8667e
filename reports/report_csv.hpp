// The mayor's report as CSV, beside the PDF, for whoever wants the numbers in a spreadsheet.
//
// RFC 4180: fields separated by commas, records ended by CRLF, a field quoted ("...", with '"'
// doubled) when it holds a comma, a quote, CR or LF. UTF-8 without a byte-order mark. The file is a
// header section and then one section per table, sections separated by an empty record:
//
//   Rapportage mensenhandel aan de burgemeester        header: one record per fact
//   Gemeente,Gemeente Voorbeeld
//   Periode,2026-Q3
//   Aangemaakt,2026-10-05                               ISO 8601 dates
//   Drempel,5
//   Onderdrukt,x,"minder dan 5, of weggelaten ..."      the marker and what it means
//   Bron drempel,"..."                                  the policy's reference for the threshold
//   Afronding,10,"..."                                  only with rounding: multiple, reference
//   Beleidsversie,<sha-256 hex of the reporting policy>
//
//   Meldingen naar vorm                                 a table: its title,
//   Vorm,jul,aug,sep,Totaal                             the row heading and column labels,
//   Seksuele uitbuiting,12,x,7,x                        a record per row with its total,
//   Totaal,20,x,9,38                                    and the column totals (if it has them)
//
// Withheld counts are written as the marker "x". Sections differ in their number of fields (RFC
// 4180 says records "should" have the same number; spreadsheets read this fine). Labels are in the
// chosen language only.
#pragma once

#include <string>

#include "reports/label.hpp"
#include "reports/report_document.hpp"

namespace mk::reports {

std::string render_report_csv(const PublishedReport& report, Language language = Language::kDutch);

// One table's section (title, header, rows, totals), without the empty record before it.
std::string render_table_csv(const PublishedTable& table, Language language = Language::kDutch);

// One CSV field, quoted when RFC 4180 requires it.
std::string csv_field(std::string_view text);

}  // namespace mk::reports

#include "reports/report_csv.hpp"

#include <string_view>
#include <vector>

#include "reports/report_texts.hpp"

namespace mk::reports {

namespace {

void record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

void table_section(std::string& out, const PublishedTable& t, Language lang) {
  const Label total = texts::kTotal;
  record(out, {primary(t.title, lang)});
  std::vector<std::string> header{primary(t.row_heading, lang)};
  for (const Label& l : t.column_labels)
    header.push_back(primary(l, lang));
  header.push_back(primary(total, lang));
  record(out, header);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    std::vector<std::string> fields{primary(t.row_labels[r], lang)};
    for (const auto& n : t.cells[r])
      fields.push_back(count_text(n));
    fields.push_back(count_text(t.row_totals[r]));
    record(out, fields);
  }
  if (t.has_column_totals) {
    std::vector<std::string> fields{primary(total, lang)};
    for (const auto& n : t.column_totals)
      fields.push_back(count_text(n));
    fields.push_back(count_text(t.grand_total));
    record(out, fields);
  }
}

}  // namespace

std::string render_table_csv(const PublishedTable& table, Language language) {
  std::string out;
  table_section(out, table, language);
  return out;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string render_report_csv(const PublishedReport& report, Language lang) {
  std::string out;
  auto p = [&](const Label& l) { return primary(l, lang); };
  record(out, {p(texts::kReportTitle)});
  record(out, {p(texts::kMunicipality), report.municipality});
  record(out, {p(texts::kPeriod), report.period});
  record(out, {p(texts::kCreated), report.created.to_iso()});
  record(out, {p(texts::kThreshold), std::to_string(report.threshold)});
  record(out, {p(texts::kWithheld), std::string(kSuppressedMarker),
               p(texts::marker_meaning(report.threshold))});
  record(out, {p(texts::kThresholdReference), report.threshold_reference});
  if (report.rounding) {
    record(out, {p(texts::kRounding), std::to_string(report.rounding->multiple),
                 report.rounding->reference});
  }
  record(out, {p(texts::kPolicyVersion), report.policy_hash});
  for (const PublishedTable& t : report.tables) {
    out += "\r\n";
    table_section(out, t, lang);
  }
  out += "\r\n";
  table_section(out, report.trend, lang);
  return out;
}

}  // namespace mk::reports

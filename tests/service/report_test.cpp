// The mayor's report and the compliance report (service/mayor_report.hpp,
// service/compliance_report.hpp) over a synthetic year of 2026: 240 signals spread over the year,
// some closed without suspicion early in the year and de-identified by the retention sweep of
// 2027, so the report counts live records and statistical facts alike.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "reports/offscreen_gui.hpp"
#include "reports/report_document.hpp"
#include "service/audit.hpp"
#include "service/casework.hpp"
#include "service/compliance_report.hpp"
#include "service/help_requests.hpp"
#include "service/keyslots.hpp"
#include "service/mayor_report.hpp"
#include "service/period.hpp"
#include "service/retention.hpp"
#include "service/service_fixture.hpp"

namespace mk::service::test {
namespace {

constexpr std::string_view kCanaryName = "Kanarie Rapportagevink";
constexpr std::string_view kComplianceSlotPassphrase = "Functionaris gegevensbescherming 2026";

std::string must(Result<std::string> r) {
  MK_REQUIRE_OK(r);
  return *r;
}

struct Year {
  int signals = 0;
  std::int64_t form_mentions = 0;
  std::set<std::string> ids;  // every signal, person and case id made
};

// 240 signals over 2026 (20 a month): forms cycle through the catalogue (every 7th signal has two,
// every 11th none); sources mostly municipal teams and partners, few residents and anonymous tips;
// every 5th closed without suspicion ten days after receipt, every 5th+1 referred, every 5th+2 for
// insufficient information. Four cases, two closed, with help requests. A victim with a canary name
// is linked to the first signals.
Year build_year(Session& s) {
  namespace syn = vault::test::synthetic;
  Year y;
  vault::PersonIdentity id = syn::identity_of(syn::kIoana);
  id.set(vault::PersonField::kName, std::string(kCanaryName));
  const std::string victim = must(add_person(s, vault::PersonRole::kVictim, id));
  y.ids.insert(victim);
  const std::vector<std::string> forms = {"sexual", "labour", "criminal", "other"};
  std::vector<std::string> case_signals;
  for (int i = 0; i < 240; ++i) {
    vault::SignalInput in;
    in.received = Date(2026, static_cast<unsigned>(i / 20 + 1), static_cast<unsigned>(i % 20 + 1));
    const int src = i % 20;
    in.source_kind = src < 11   ? vault::SourceKind::kInternalTeam
                     : src < 17 ? vault::SourceKind::kPartner
                     : src < 19 ? vault::SourceKind::kResident
                                : vault::SourceKind::kAnonymous;
    if (in.source_kind == vault::SourceKind::kInternalTeam) in.source_team = "Wijkteam Oost";
    if (i % 11 != 0) {
      in.forms = {forms[static_cast<std::size_t>(i) % forms.size()]};
      if (i % 7 == 0) in.forms.push_back(forms[(static_cast<std::size_t>(i) + 1) % forms.size()]);
      std::sort(in.forms.begin(), in.forms.end());
    }
    y.form_mentions += static_cast<std::int64_t>(in.forms.size());
    if (i < 3) in.person_ids = {victim};
    in.narrative = "Melding " + std::to_string(i) + " over " + std::string(kCanaryName);
    const std::string sig = must(register_signal(s, in));
    y.ids.insert(sig);
    ++y.signals;
    const Date closed = Date::from_sys_days(in.received.sys_days() + std::chrono::days(10));
    if (i % 5 == 0) {
      MK_REQUIRE_OK(close_signal(s, sig, vault::SignalOutcome::kNoSuspicion, closed));
    } else if (i % 5 == 1) {
      MK_REQUIRE_OK(close_signal(s, sig, vault::SignalOutcome::kReferred, closed));
    } else if (i % 5 == 2) {
      MK_REQUIRE_OK(close_signal(s, sig, vault::SignalOutcome::kInsufficientInformation, closed));
    } else if (i % 60 == 3) {
      MK_REQUIRE_OK(close_signal(s, sig, vault::SignalOutcome::kCaseOpened, closed));
      vault::CaseInput c;
      c.opened = closed;
      c.signal_ids = {sig};
      const std::string case_id = must(open_case(s, c));
      y.ids.insert(case_id);
      NewHelpRequest h;
      h.case_id = case_id;
      h.kind = vault::HelpKind::kHousing;
      h.team = "Team Wonen";
      h.requested = closed;
      Result<vault::HelpRequest> added = add_help_request(s, h);
      MK_REQUIRE_OK(added);
      if (i < 120) {
        MK_REQUIRE_OK(close_help_request(s, added->id, true, closed));
        MK_REQUIRE_OK(close_case(s, case_id, false,
                                 Date::from_sys_days(closed.sys_days() + std::chrono::days(30)),
                                 std::nullopt));
      }
    }
  }
  return y;
}

// A count table's exact count at a place (row == rows(): column totals; column == columns(): row
// totals).
std::int64_t exact(const reports::CountTable& t, std::size_t r, std::size_t c) {
  if (r == t.rows() && c == t.columns()) return t.grand_total();
  if (r == t.rows()) return t.column_total(c);
  if (c == t.columns()) return t.row_total(r);
  return t.cells[r][c];
}

std::optional<std::int64_t> shown(const reports::PublishedTable& t, std::size_t r, std::size_t c) {
  if (r == t.rows() && c == t.columns()) return t.grand_total;
  if (r == t.rows()) return t.column_totals[c];
  if (c == t.columns()) return t.row_totals[r];
  return t.cells[r][c];
}

std::string run_tool(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;)
    out.append(buf, n);
  REQUIRE(pclose(p) == 0);
  return out;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_no_identities(const std::string& text, const Year& y) {
  CHECK(text.find(kCanaryName) == std::string::npos);
  CHECK(text.find("Kanarie") == std::string::npos);
  for (const std::string& id : y.ids) {
    INFO(id);
    CHECK(text.find(id) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("report period: parse, name, months and the periods before", "[report]") {
  Result<ReportPeriod> q3 = parse_report_period("2026-Q3");
  MK_REQUIRE_OK(q3);
  CHECK(q3->name() == "2026-Q3");
  CHECK(q3->first_day() == Date(2026, 7, 1));
  CHECK(q3->last_day() == Date(2026, 9, 30));
  CHECK(q3->contains_month("2026-09"));
  CHECK_FALSE(q3->contains_month("2026-10"));
  CHECK_FALSE(q3->contains_month("2026-9"));
  Result<ReportPeriod> h1 = parse_report_period("2026-H1");
  MK_REQUIRE_OK(h1);
  CHECK(h1->last_day() == Date(2026, 6, 30));
  Result<ReportPeriod> year = parse_report_period("2024");
  MK_REQUIRE_OK(year);
  CHECK(year->last_day() == Date(2024, 12, 31));

  std::vector<std::string> names;
  for (const ReportPeriod& p : trend_periods(*parse_report_period("2026-Q2"), 4)) {
    names.push_back(p.name());
  }
  CHECK(names == std::vector<std::string>{"2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"});
  names.clear();
  for (const ReportPeriod& p : trend_periods(*h1, 4))
    names.push_back(p.name());
  CHECK(names == std::vector<std::string>{"2024-H2", "2025-H1", "2025-H2", "2026-H1"});
  CHECK(previous_period(*year)->name() == "2023");

  for (std::string_view bad : {"2026-Q5", "2026-H3", "26", "2026-q1", "2026Q1", "", "2026-Q1 "}) {
    INFO(bad);
    Result<ReportPeriod> r = parse_report_period(bad);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
  }
}

TEST_CASE("mayor's report over a synthetic year counts every signal once, suppresses small cells",
          "[report]") {
  TestSession t(Date(2026, 12, 31));
  const Year y = build_year(t.s());
  // In May 2027 the signals closed without suspicion or for lack of information before May 2026
  // are due (one year after closing) and the sweep de-identifies them into statistical facts.
  t.reopen(Date(2027, 5, 10));
  Result<SweepReport> swept = sweep_retention(t.s(), {});
  MK_REQUIRE_OK(swept);
  Result<std::vector<vault::SignalSummary>> live = list_signals(t.s(), vault::SignalFilter{});
  MK_REQUIRE_OK(live);
  REQUIRE(live->size() < static_cast<std::size_t>(y.signals) - 20);  // facts matter

  Result<reports::ReportDocument> doc = build_mayor_report(t.s(), *parse_report_period("2026"));
  MK_REQUIRE_OK(doc);
  // Each signal once per table (forms: once per form mentioned, or in the "no form" row).
  CHECK(doc->signals_by_source.grand_total() == y.signals);
  CHECK(doc->signals_by_outcome.grand_total() == y.signals);
  CHECK(doc->trend.row_total(0) == y.signals);
  CHECK(doc->trend.cells[0].back() == y.signals);
  CHECK(doc->signals_by_form.grand_total() == y.form_mentions + (240 / 11 + 1));
  CHECK(doc->signals_by_outcome.cells[0][0] == 48);  // every 5th: no suspicion
  CHECK(doc->signals_by_outcome.cells[2][0] == 48);  // referred
  CHECK(doc->cases.row_total(0) == 4);
  CHECK(doc->cases.row_total(1) == 2);
  CHECK(doc->help_requests.grand_total() == 4);

  Result<policies::ReportingPolicy> policy = load_reporting(t.s());
  MK_REQUIRE_OK(policy);
  const int threshold = policy->suppression().threshold;
  Result<reports::PublishedReport> pub = reports::publish_report(*doc, *policy);
  MK_REQUIRE_OK(pub);
  std::vector<const reports::CountTable*> exact_tables = {
      &doc->signals_by_form,      &doc->signals_by_source, &doc->signals_by_outcome,
      &doc->referrals_by_partner, &doc->help_requests,     &doc->cases};
  std::vector<const reports::PublishedTable*> shown_tables;
  for (const reports::PublishedTable& p : pub->tables)
    shown_tables.push_back(&p);
  exact_tables.push_back(&doc->trend);
  shown_tables.push_back(&pub->trend);
  REQUIRE(exact_tables.size() == shown_tables.size());
  std::size_t withheld = 0;
  for (std::size_t k = 0; k < exact_tables.size(); ++k) {
    const reports::CountTable& e = *exact_tables[k];
    const reports::PublishedTable& p = *shown_tables[k];
    INFO(e.id);
    const std::size_t rows = e.rows() + (e.column_totals ? 1 : 0);
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c <= e.columns(); ++c) {
        const std::int64_t n = exact(e, r, c);
        const std::optional<std::int64_t> s = shown(p, r, c);
        INFO("row " << r << " column " << c);
        if (n > 0 && n < threshold) CHECK_FALSE(s.has_value());  // primary suppression
        if (s) CHECK(*s == n);
        if (!s) CHECK(n > 0);  // zeros are shown
        withheld += s ? 0 : 1;
      }
      // No line holds a single withheld count: it could be worked out from the others.
      std::size_t in_row = 0;
      for (std::size_t c = 0; c <= e.columns(); ++c)
        in_row += shown(p, r, c) ? 0 : 1;
      CHECK(in_row != 1);
    }
    for (std::size_t c = 0; c <= e.columns() && e.column_totals; ++c) {
      std::size_t in_column = 0;
      for (std::size_t r = 0; r <= e.rows(); ++r)
        in_column += shown(p, r, c) ? 0 : 1;
      CHECK(in_column != 1);
    }
  }
  CHECK(withheld > 0);  // the year has small cells (anonymous tips per outcome, help requests)
  // Linked places agree: the signals' total is shown or withheld alike everywhere.
  for (const reports::SameCount& link : doc->same_counts) {
    auto find = [&](const std::string& id) {
      for (std::size_t k = 0; k < exact_tables.size(); ++k) {
        if (exact_tables[k]->id == id) return shown_tables[k];
      }
      FAIL("no table " << id);
      return shown_tables[0];
    };
    CHECK(shown(*find(link.a.table), link.a.row, link.a.column) ==
          shown(*find(link.b.table), link.b.row, link.b.column));
  }

  // Written as PDF and CSV, audited, with nothing about anyone in them.
  reports::OffscreenGui gui;
  MayorReportFiles files{t.temp() / "rapportage-2026.pdf", t.temp() / "rapportage-2026.csv"};
  Result<MayorReportSummary> written =
      write_mayor_report(t.s(), *parse_report_period("2026"), files);
  MK_REQUIRE_OK(written);
  CHECK(written->withheld == withheld);
  const std::string pdf_text = run_tool("pdftotext -layout '" + files.pdf.string() + "' -");
  CHECK(pdf_text.find("Meldingen naar vorm") != std::string::npos);
  CHECK(pdf_text.find("2026") != std::string::npos);
  check_no_identities(pdf_text, y);
  const std::string csv = slurp(*files.csv);
  CHECK(csv.find("Meldingen naar bron en afloop") != std::string::npos);
  CHECK(csv.find("Totaal,") != std::string::npos);
  check_no_identities(csv, y);
  // Page 2 holds the first tables and their charts: kept for a person to look at.
  run_tool("pdftoppm -png -r 60 -f 2 -l 2 -singlefile '" + files.pdf.string() +
           "' /tmp/mayor-report");
  std::filesystem::copy_file(files.pdf, "/tmp/mayor-report.pdf",
                             std::filesystem::copy_options::overwrite_existing);
  CHECK(std::filesystem::file_size("/tmp/mayor-report.png") > 10000);

  Result<std::vector<vault::AuditEntry>> log = list_audit_entries(t.s(), vault::AuditQuery{});
  MK_REQUIRE_OK(log);
  REQUIRE(!log->empty());
  CHECK(log->back().action == "report.mayor");
  CHECK(log->back().detail == "period=2026");

  // Never replacing: a second run to the same files is a conflict and changes nothing.
  const std::string before = slurp(files.pdf);
  Result<MayorReportSummary> again =
      write_mayor_report(t.s(), *parse_report_period("2026"), {t.temp() / "nieuw.pdf", files.csv});
  REQUIRE_FALSE(again);
  CHECK(again.status().code() == Code::kConflict);
  CHECK_FALSE(std::filesystem::exists(t.temp() / "nieuw.pdf"));
  CHECK(slurp(files.pdf) == before);
  Result<std::vector<vault::AuditEntry>> log2 = list_audit_entries(t.s(), vault::AuditQuery{});
  MK_REQUIRE_OK(log2);
  CHECK(log2->size() == log->size());
}

TEST_CASE("compliance report: the compliance slot makes it, without identities", "[report]") {
  TestSession t(Date(2026, 12, 31));
  const Year y = build_year(t.s());
  MK_REQUIRE_OK(add_key_slot(t.s(), "fg", vault::Role::kCompliance,
                             vault::test::secret(kComplianceSlotPassphrase), 1));
  MK_REQUIRE_OK(t.s().checkpoint());
  t.close();
  // On 20 February 2027 the signals closed without suspicion or for lack of information up to
  // 20 February 2026 are due (one year on); the audit log verifies.
  t.clock().set(instant_of(Date(2027, 2, 20)));
  Result<Session> fg = Session::open(t.dir(), vault::test::secret(kComplianceSlotPassphrase),
                                     std::string("fg"), t.clock(), "test");
  MK_REQUIRE_OK(fg);
  Result<reports::ComplianceReport> report = build_compliance_report(*fg);
  MK_REQUIRE_OK(report);
  CHECK(report->audit.verified);
  REQUIRE(report->audit.last_checkpoint.has_value());
  CHECK(report->audit.last_checkpoint->root_hash.size() == 64);
  CHECK(report->audit.last_checkpoint->size > 240);
  // Due: the signals closed without suspicion or for lack of information up to 10 Feb 2026 (one
  // year on); overdue: those due before 21 January 2027 (30 days' grace).
  CHECK(report->retention.due > 0);
  CHECK(report->retention.overdue > 0);
  CHECK(report->retention.overdue < report->retention.due);
  CHECK(report->retention.held == 0);
  REQUIRE(report->key_slots.size() >= 2);
  bool has_fg = false;
  for (const reports::KeySlotInfo& k : report->key_slots)
    has_fg |= k.name == "fg" && k.role == "compliance";
  CHECK(has_fg);

  reports::OffscreenGui gui;
  ComplianceReportFiles files{t.temp() / "verantwoording.pdf", t.temp() / "verantwoording.json"};
  MK_REQUIRE_OK(write_compliance_report(*fg, files));
  const std::string pdf_text = run_tool("pdftotext -layout '" + files.pdf.string() + "' -");
  CHECK(pdf_text.find("fg") != std::string::npos);
  check_no_identities(pdf_text, y);
  const std::string json = slurp(*files.json);
  CHECK(json.find("meldkluis-compliance-report/1") != std::string::npos);
  check_no_identities(json, y);
  Result<std::vector<vault::AuditEntry>> log = list_audit_entries(*fg, vault::AuditQuery{});
  MK_REQUIRE_OK(log);
  CHECK(log->back().action == "report.compliance");
  CHECK(log->back().actor == "fg");
}

}  // namespace mk::service::test

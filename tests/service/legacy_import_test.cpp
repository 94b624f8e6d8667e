// Importing a legacy spreadsheet: every row is checked before anything is written, every problem is
// named (row, column, reason) without the cell's value, a refused file leaves the vault byte for
// byte as it was, and a good file imports whole, in one transaction, audited.
#include "service/legacy_import.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "service/audit.hpp"
#include "service/casework.hpp"
#include "service/legacy_sheet.hpp"
#include "service/service_fixture.hpp"
#include "support/folder_snapshot.hpp"
#include "vault/person_store.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;
using namespace mk::legacy_test;
namespace fs = std::filesystem;

namespace {

const Date kToday(2026, 6, 1);

ImportMapping dutch_mapping(Session& s) {
  Result<ImportMapping> m = load_import_mapping(
      fs::path(MELDKLUIS_SOURCE_DIR) / "policies" / "csv_import_nl.json", s.policies().indicators);
  MK_REQUIRE_OK(m);
  return std::move(*m);
}

std::size_t signal_count(Session& s) {
  Result<std::vector<vault::SignalSummary>> all = list_signals(s, {});
  MK_REQUIRE_OK(all);
  return all->size();
}

std::vector<vault::AuditEntry> audit_entries(Session& s) {
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(s, {});
  MK_REQUIRE_OK(entries);
  return *entries;
}

std::string describe(const std::vector<ImportProblem>& problems) {
  std::string out;
  for (const ImportProblem& p : problems)
    out += std::to_string(p.row) + " | " + p.column + " | " + p.reason + "\n";
  return out;
}

struct Problem {
  std::size_t row;
  std::string column;
  std::string reason;
  friend bool operator==(const Problem&, const Problem&) = default;
};

std::vector<Problem> problems_of(const ImportPlan& plan) {
  std::vector<Problem> out;
  for (const ImportProblem& p : plan.problems)
    out.push_back({p.row, p.column, p.reason});
  return out;
}

// The five mistakes of the refused sheet: data row index -> column and the bad value.
struct Mistake {
  std::size_t index;
  Col column;
  std::string value;
};

std::vector<Mistake> five_mistakes(const Sheet& sheet) {
  // The received date of row index 611, and a closing date two weeks before it.
  std::optional<Date> received = Date::parse_iso("2022-06-15");
  (void)sheet;
  return {
      {16, kReceived, "31-02-2021"},   // row 18: no such date
      {239, kForms, "mensensmokkel"},  // row 241: smuggling is not one of the words
      {480, kSource, "huisarts"},      // row 482: not one of the mapping's sources
      {611, kClosed, dutch_date(Date::from_sys_days(received->sys_days() - std::chrono::days(14)))},
      {998, kNarrative, std::string(20001, 'x')},  // row 1000: longer than the vault allows
  };
}

// Applies the mistakes; row 611 is made a closed signal received on 15-06-2022.
std::vector<std::vector<std::string>> with_mistakes(const Sheet& sheet,
                                                    const std::vector<Mistake>& mistakes) {
  std::vector<std::vector<std::string>> rows = sheet.rows;
  for (const Mistake& m : mistakes) {
    if (m.column == kClosed) {
      rows[m.index][kReceived] = "15-06-2022";
      rows[m.index][kStatus] = "afgesloten";
      rows[m.index][kOutcome] = "doorverwezen";
    }
    rows[m.index][m.column] = m.value;
  }
  return rows;
}

}  // namespace

TEST_CASE("a sheet with 5 bad rows among 1,000 is refused whole; the corrected sheet imports all") {
  TestSession ts(kToday);
  ImportMapping mapping = dutch_mapping(ts.s());
  Sheet sheet = make_sheet(1000);
  std::vector<Mistake> mistakes = five_mistakes(sheet);
  const std::string bad_csv = to_csv(with_mistakes(sheet, mistakes));

  CHECK(signal_count(ts.s()) == 0);
  const std::size_t audit_before = audit_entries(ts.s()).size();
  const testing::FolderSnapshot before = testing::snapshot(ts.dir());

  Result<ImportPlan> plan = plan_legacy_import(ts.s(), bad_csv, mapping);
  MK_REQUIRE_OK(plan);
  CHECK(plan->rows == 1000);
  CHECK_FALSE(plan->ok());
  INFO(describe(plan->problems));
  const std::vector<Problem> expected = {
      {18, "Datum melding", "is not a date written dd-mm-jjjj or jjjj-mm-dd"},
      {241, "Vorm", "item 1 is not one of the mapping's words for forms"},
      {482, "Bron", "is not one of the mapping's words for source_kind"},
      {613, "Datum afgesloten", "lies before the received date"},
      {1000, "Omschrijving", "is longer than 20000 characters"},
  };
  CHECK(problems_of(*plan) == expected);

  // No problem quotes the cell it is about.
  for (const ImportProblem& p : plan->problems) {
    for (const Mistake& m : mistakes) {
      CHECK(p.reason.find(m.value) == std::string::npos);
      CHECK(p.column.find(m.value) == std::string::npos);
    }
  }

  // Importing the refused plan writes nothing: the vault folder is byte for byte the same.
  int progress_calls = 0;
  Result<ImportResult> refused =
      import_legacy(ts.s(), *plan, [&](std::size_t, std::size_t) { ++progress_calls; });
  REQUIRE_FALSE(refused);
  CHECK(refused.status().code() == Code::kInvalidInput);
  CHECK(refused.status().message() == "5 problem(s) in the file; nothing was imported");
  CHECK(progress_calls == 0);
  CHECK(testing::snapshot(ts.dir()) == before);
  CHECK(signal_count(ts.s()) == 0);
  CHECK(audit_entries(ts.s()).size() == audit_before);

  // The corrected sheet: all 1,000 rows, in one go.
  const std::string good_csv = to_csv(sheet.rows);
  Result<ImportPlan> good = plan_legacy_import(ts.s(), good_csv, mapping);
  MK_REQUIRE_OK(good);
  INFO(describe(good->problems));
  REQUIRE(good->ok());
  CHECK(good->rows == 1000);
  CHECK(good->closed() == sheet.closed);
  CHECK(good->reporters() == sheet.reporters);
  CHECK(good->delimiter == ';');

  std::vector<std::size_t> seen;
  Result<ImportResult> done = import_legacy(ts.s(), *good, [&](std::size_t d, std::size_t total) {
    CHECK(total == 1000);
    seen.push_back(d);
  });
  MK_REQUIRE_OK(done);
  CHECK(done->signal_ids.size() == 1000);
  CHECK(std::set<std::string>(done->signal_ids.begin(), done->signal_ids.end()).size() == 1000);
  CHECK(done->reporter_ids.size() == sheet.reporters);
  REQUIRE(seen.size() == 1000);
  CHECK(seen.front() == 1);
  CHECK(seen.back() == 1000);

  // Counted from the vault: 1,000 signals, with the states of the sheet.
  Result<std::vector<vault::SignalSummary>> all = list_signals(ts.s(), {});
  MK_REQUIRE_OK(all);
  CHECK(all->size() == 1000);
  std::map<vault::SignalStatus, std::size_t> by_status;
  std::size_t with_reporter = 0;
  for (const vault::SignalSummary& s : *all) {
    ++by_status[s.status];
    if (s.reporter_id) ++with_reporter;
    CHECK(s.received >= Date(2019, 1, 1));
    CHECK(s.received <= Date(2025, 12, 31));
  }
  CHECK(by_status[vault::SignalStatus::kClosed] == sheet.closed);
  CHECK(by_status[vault::SignalStatus::kInAssessment] == sheet.in_assessment);
  CHECK(with_reporter == sheet.reporters);

  // Audited as one import.csv entry plus the entries of every record.
  std::vector<vault::AuditEntry> entries = audit_entries(ts.s());
  std::map<std::string, std::size_t> actions;
  const vault::AuditEntry* import_entry = nullptr;
  for (std::size_t i = audit_before; i < entries.size(); ++i) {
    ++actions[entries[i].action];
    if (entries[i].action == "import.csv") import_entry = &entries[i];
  }
  CHECK(actions["import.csv"] == 1);
  CHECK(actions["signal.add"] == 1000);
  CHECK(actions["person.add"] == sheet.reporters);
  CHECK(actions["signal.close"] == sheet.closed);
  CHECK(actions["signal.update"] == sheet.in_assessment);
  REQUIRE(import_entry);
  CHECK(import_entry->detail ==
        "rows=1000 signals=1000 reporters=" + std::to_string(sheet.reporters) +
            " closed=" + std::to_string(sheet.closed) + " file_sha256=" + good->file_sha256 +
            " mapping_sha256=" + mapping.hash);
  for (std::size_t i = audit_before; i < entries.size(); ++i) {
    CHECK(entries[i].detail.find("Wijkteam") == std::string::npos);
    CHECK(entries[i].detail.find("Fatima") == std::string::npos);
  }
}

TEST_CASE("an imported row reads back as the sheet had it") {
  TestSession ts(kToday);
  ImportMapping mapping = dutch_mapping(ts.s());
  std::vector<std::vector<std::string>> rows = {
      {"1", "12-03-2021", "Wijkteam", "Wijkteam Oost",
       "Cliënte vertelt dat haar \"vriend\" haar inkomsten beheert;\nze heeft geen eigen bankpas.",
       "arbeid, Seksuele uitbuiting", "lange werkdagen; paspoort ingenomen", "ja", "afgesloten",
       "Doorverwezen", "2-4-2021", "Fatima el Amrani"},
      {"2", "2024-11-30", "anoniem", "", "", "", "", "", "in behandeling", "", "", ""},
  };
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), to_csv(rows), mapping);
  MK_REQUIRE_OK(plan);
  INFO(describe(plan->problems));
  REQUIRE(plan->ok());
  Result<ImportResult> done = import_legacy(ts.s(), *plan);
  MK_REQUIRE_OK(done);
  REQUIRE(done->signal_ids.size() == 2);
  REQUIRE(done->reporter_ids.size() == 1);

  Result<vault::Signal> first = show_signal(ts.s(), done->signal_ids[0]);
  MK_REQUIRE_OK(first);
  const vault::SignalSummary& s = first->summary;
  CHECK(s.received == Date(2021, 3, 12));
  CHECK(s.source_kind == vault::SourceKind::kInternalTeam);
  CHECK(s.source_team == "Wijkteam Oost");
  CHECK(
      first->narrative ==
      "Cliënte vertelt dat haar \"vriend\" haar inkomsten beheert;\nze heeft geen eigen bankpas.");
  CHECK(s.forms == std::vector<std::string>{"labour", "sexual"});
  CHECK(s.indicators ==
        std::vector<std::string>{"exploitation.passport_withheld", "labour.long_hours"});
  CHECK(s.minor == vault::MinorInvolved::kYes);
  CHECK(s.status == vault::SignalStatus::kClosed);
  CHECK(s.outcome == vault::SignalOutcome::kReferred);
  CHECK(s.closed == Date(2021, 4, 2));
  CHECK(s.reporter_id == done->reporter_ids[0]);
  Result<vault::Person> reporter = show_person(ts.s(), done->reporter_ids[0]);
  MK_REQUIRE_OK(reporter);
  CHECK(reporter->summary.role == vault::PersonRole::kReporter);
  CHECK(reporter->identity.get(vault::PersonField::kName) == "Fatima el Amrani");

  Result<vault::Signal> second = show_signal(ts.s(), done->signal_ids[1]);
  MK_REQUIRE_OK(second);
  CHECK(second->summary.source_kind == vault::SourceKind::kAnonymous);
  CHECK(second->summary.status == vault::SignalStatus::kInAssessment);
  CHECK(second->summary.minor == vault::MinorInvolved::kUnknown);
  CHECK_FALSE(second->narrative);
  CHECK_FALSE(second->summary.reporter_id);
}

TEST_CASE("a dry run (the plan) writes nothing") {
  TestSession ts(kToday);
  ImportMapping mapping = dutch_mapping(ts.s());
  Sheet sheet = make_sheet(50);
  const testing::FolderSnapshot before = testing::snapshot(ts.dir());
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), to_csv(sheet.rows), mapping);
  MK_REQUIRE_OK(plan);
  CHECK(plan->ok());
  CHECK(plan->rows == 50);
  CHECK(plan->records.size() == 50);
  CHECK(testing::snapshot(ts.dir()) == before);
  CHECK(signal_count(ts.s()) == 0);
}

TEST_CASE("semicolons, a byte order mark and quoted line breaks; commas without; blank rows") {
  TestSession ts(kToday);
  ImportMapping mapping = dutch_mapping(ts.s());
  // Dutch Excel: BOM, ';', CRLF, a narrative over three lines holding ';' and quotes.
  const std::string text =
      "\xEF\xBB\xBF"
      "Nr.;Datum melding;Bron;Team of organisatie;Omschrijving;Vorm;Signalen;Minderjarig;Status;"
      "Uitkomst;Datum afgesloten;Naam melder\r\n"
      "1;05-09-2020;politie;Politie Haaglanden, AVIM;\"Controle bij een autowasstraat;\r\n"
      "vier mannen zonder \"\"contract\"\".\r\nPaspoorten bij de baas.\";arbeid;paspoort "
      "ingenomen;nee;afgesloten;casus;18-09-2020;\r\n"
      ";;;;;;;;;;;\r\n"
      "2;06-09-2020;inwoner;;Buurman hoort 's nachts geschreeuw.;;;;nieuw;;;Sanne de Vries\r\n";
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), text, mapping);
  MK_REQUIRE_OK(plan);
  INFO(describe(plan->problems));
  REQUIRE(plan->ok());
  CHECK(plan->rows == 2);
  CHECK(plan->blank_rows == 1);
  REQUIRE(plan->records.size() == 2);
  CHECK(plan->records[0].row == 2);
  CHECK(plan->records[1].row == 4);
  Result<ImportResult> done = import_legacy(ts.s(), *plan);
  MK_REQUIRE_OK(done);
  Result<vault::Signal> first = show_signal(ts.s(), done->signal_ids[0]);
  MK_REQUIRE_OK(first);
  CHECK(
      first->narrative ==
      "Controle bij een autowasstraat;\nvier mannen zonder \"contract\".\nPaspoorten bij de baas.");
  CHECK(first->summary.source_team == "Politie Haaglanden, AVIM");
  CHECK(first->summary.outcome == vault::SignalOutcome::kCaseOpened);

  // The same registrations written by LibreOffice with ',' and LF, no BOM: the mapping says ';',
  // so a mapping without a delimiter is needed; the header decides.
  std::string comma =
      to_csv({{"1", "2020-09-05", "politie", "Politie Haaglanden, AVIM",
               "Controle bij een autowasstraat", "arbeid", "", "nee", "", "", "", ""}},
             ',', false);
  ImportMapping detect = mapping;
  detect.delimiter.reset();
  Result<ImportPlan> by_comma = plan_legacy_import(ts.s(), comma, detect);
  MK_REQUIRE_OK(by_comma);
  INFO(describe(by_comma->problems));
  CHECK(by_comma->ok());
  CHECK(by_comma->delimiter == ',');
  // Read with the mapping's ';', the comma file is one column, and its quoted team name sits
  // inside an unquoted field: not CSV.
  Result<ImportPlan> wrong = plan_legacy_import(ts.s(), comma, mapping);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.status().message() ==
        "row 2, column 1 (line 2): a quote inside an unquoted field (quote the whole field and "
        "double the quotes inside it)");
}

TEST_CASE("every kind of row problem is found, all in one report, without cell values") {
  TestSession ts(kToday);
  ImportMapping mapping = dutch_mapping(ts.s());
  const std::string canary = "Kanarie";
  // Every row carries the canary in the cell that is wrong.
  std::vector<std::vector<std::string>> rows = {
      {"1", "", "wijkteam", "", "", "", "", "", "", "", "", ""},
      {"2", "01-07-2026", "wijkteam", "", "", "", "", "", "", "", "", ""},
      {"3", "12-03-" + canary, "wijkteam", "", "", "", "", "", "", "", "", ""},
      {"4", "12-03-2021", "", "", "", "", "", "", "", "", "", ""},
      {"5", "12-03-2021", "wijkteam", "Team\n" + canary, "", "", "", "", "", "", "", ""},
      {"6", "12-03-2021", "wijkteam", "", "", "arbeid, " + canary, "", "", "", "", "", ""},
      {"7", "12-03-2021", "wijkteam", "", "", "", "geweld; " + canary, "", "", "", "", ""},
      {"8", "12-03-2021", "wijkteam", "", "", "", "", canary, "", "", "", ""},
      {"9", "12-03-2021", "anoniem", "", "", "", "", "", "", "", "", canary + " de Vries"},
      {"10", "12-03-2021", "wijkteam", "", "", "", "", "", "afgesloten", "", "", ""},
      {"11", "12-03-2021", "wijkteam", "", "", "", "", "", "nieuw", "casus", "01-04-2021", ""},
      {"12", "12-03-2021", "wijkteam", "", "", "", "", "", "", "", "01-04-2021", ""},
      {"13", "12-03-2021", "wijkteam", "", "", "", "", "", canary, "", "", ""},
      {"14", "12-03-2021", "wijkteam", "", canary + "\x01", "", "", "", "", "", "", ""},
      {"15", "12-03-2021", "wijkteam", "", "", "", "", "", "", "", "", std::string(201, 'K')},
      {"16", "31-12-1899", "wijkteam", "", "", "", "", "", "", "", "", ""},
  };
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), to_csv(rows), mapping);
  MK_REQUIRE_OK(plan);
  INFO(describe(plan->problems));
  const std::vector<Problem> expected = {
      {2, "Datum melding", "is empty"},
      {3, "Datum melding", "lies in the future"},
      {4, "Datum melding", "is not a date written dd-mm-jjjj or jjjj-mm-dd"},
      {5, "Bron", "is empty"},
      {6, "Team of organisatie", "must be a single line"},
      {7, "Vorm", "item 2 is not one of the mapping's words for forms"},
      {8, "Signalen", "item 2 is not one of the mapping's words for indicators"},
      {9, "Minderjarig", "is not one of the mapping's words for minor"},
      {10, "Naam melder", "is filled in, but an anonymous signal has no reporter"},
      {11, "Uitkomst", "is empty; a closed signal needs an outcome"},
      {11, "Datum afgesloten", "is empty; a closed signal needs the date it was closed"},
      {12, "Uitkomst", "is filled in, but the signal is not closed"},
      {12, "Datum afgesloten", "is filled in, but the signal is not closed"},
      {13, "Uitkomst", "is empty; a closed signal needs an outcome"},
      {14, "Status", "is not one of the mapping's words for status"},
      {15, "Omschrijving", "contains a control character"},
      {16, "Naam melder", "is longer than 200 characters"},
      {17, "Datum melding", "lies before 1900"},
  };
  CHECK(problems_of(*plan) == expected);
  for (const ImportProblem& p : plan->problems) {
    CHECK(p.reason.find(canary) == std::string::npos);
    CHECK(p.column.find(canary) == std::string::npos);
  }
  Result<ImportResult> refused = import_legacy(ts.s(), *plan);
  CHECK(refused.status().code() == Code::kInvalidInput);
  CHECK(signal_count(ts.s()) == 0);
}

TEST_CASE("header problems are named by the mapping's column or by position, never by text") {
  TestSession ts(kToday);
  ImportMapping mapping = dutch_mapping(ts.s());
  // "Naam melder" is missing; a column with a name as its header (a sheet without a header row
  // would look like this) is neither mapped nor ignored; "Bron" comes twice.
  std::vector<std::string> header = kHeader;
  header.back() = "Jan Kanarie";
  header.push_back("bron");
  std::vector<std::vector<std::string>> rows = {
      {"1", "12-03-2021", "wijkteam", "", "", "", "", "", "", "", "", "", "x"}};
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), to_csv(rows, ';', true, header), mapping);
  MK_REQUIRE_OK(plan);
  INFO(describe(plan->problems));
  const std::vector<Problem> expected = {
      {1, "",
       "column 12 (L) is not in the mapping (map it in \"fields\" or list it in "
       "\"ignore_columns\")"},
      {1, "", "column 13 (M) has the same header as column 3 (C)"},
      {1, "Naam melder", "is not in the file's header"},
  };
  CHECK(problems_of(*plan) == expected);

  // A header and nothing below it.
  Result<ImportPlan> empty = plan_legacy_import(ts.s(), to_csv({}), mapping);
  MK_REQUIRE_OK(empty);
  CHECK(problems_of(*empty) ==
        std::vector<Problem>{{1, "", "the file has no rows below the header"}});

  // A file that is not CSV at all is an error with its place, not a report.
  Result<ImportPlan> broken =
      plan_legacy_import(ts.s(), to_csv({}) + "1;\"Jan Kanarie\"x;3\r\n", mapping);
  REQUIRE_FALSE(broken);
  CHECK(broken.status().code() == Code::kInvalidInput);
  CHECK(broken.status().message() ==
        "row 2, column 2 (line 2): text after the closing quote of a quoted field (double the "
        "quotes inside it)");
}

TEST_CASE("list cells without words hold catalogue codes") {
  TestSession ts(kToday);
  const std::string mapping_text = R"({
  "format": "meldkluis-csv-import/1",
  "fields": [
    {"field": "received", "column": "received"},
    {"field": "source_kind", "column": "source",
     "values": [{"value": "partner", "words": ["partner"]}]},
    {"field": "forms", "column": "forms"},
    {"field": "indicators", "column": "indicators"}
  ]
})";
  Result<ImportMapping> mapping =
      parse_import_mapping(mapping_text, "codes.json", ts.s().policies().indicators);
  MK_REQUIRE_OK(mapping);
  const std::string text =
      "received,source,forms,indicators\n"
      "2023-01-05,partner,labour;sexual,labour.long_hours\n"
      "2023-01-06,partner,arbeid,labour.long_hours;labour.nonsense\n";
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), text, *mapping);
  MK_REQUIRE_OK(plan);
  CHECK(plan->delimiter == ',');
  CHECK(problems_of(*plan) ==
        std::vector<Problem>{
            {3, "forms", "item 1 is not a form code of the indicator catalogue"},
            {3, "indicators", "item 2 is not an indicator code of the indicator catalogue"}});
  REQUIRE(plan->records.size() == 2);
  CHECK(plan->records[0].signal.forms == std::vector<std::string>{"labour", "sexual"});
}

TEST_CASE("the compliance role cannot import; the refusal is audited, nothing written") {
  TestSession ts(kToday);
  MK_REQUIRE_OK(ts.s().vault().add_slot(vault::test::kComplianceSlot, vault::Role::kCompliance,
                                        vault::test::secret(vault::test::kCompliancePassphrase),
                                        crypto::pwhash_params_for_tests()));
  ImportMapping mapping = dutch_mapping(ts.s());
  ts.close();
  Result<Session> fg =
      Session::open(ts.dir(), vault::test::secret(vault::test::kCompliancePassphrase),
                    std::string(vault::test::kComplianceSlot), ts.clock(), "test");
  MK_REQUIRE_OK(fg);
  Result<ImportPlan> plan = plan_legacy_import(*fg, to_csv(make_sheet(3).rows), mapping);
  MK_REQUIRE_OK(plan);
  REQUIRE(plan->ok());
  Result<ImportResult> done = import_legacy(*fg, *plan);
  CHECK(done.status().code() == Code::kForbidden);
  CHECK(signal_count(*fg) == 0);
}

TEST_CASE("the example of docs/formats/csv-import.md imports as described") {
  TestSession ts(kToday);
  std::string doc = testing::read_file_bytes(fs::path(MELDKLUIS_SOURCE_DIR) / "docs" / "formats" /
                                             "csv-import.md");
  auto block = [&](const std::string& fence, std::size_t from) {
    std::size_t start = doc.find(fence, from);
    REQUIRE(start != std::string::npos);
    start = doc.find('\n', start) + 1;
    std::size_t end = doc.find("```", start);
    REQUIRE(end != std::string::npos);
    return std::make_pair(doc.substr(start, end - start), end + 3);
  };
  auto [mapping_text, after] = block("```json", 0);
  std::string sheet = block("```", after).first;
  Result<ImportMapping> mapping =
      parse_import_mapping(mapping_text, "example.json", ts.s().policies().indicators);
  MK_REQUIRE_OK(mapping);
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), sheet, *mapping);
  MK_REQUIRE_OK(plan);
  INFO(describe(plan->problems));
  REQUIRE(plan->ok());
  CHECK(plan->rows == 2);
  CHECK(plan->closed() == 1);
  CHECK(plan->reporters() == 1);
  CHECK(plan->records[0].signal.narrative ==
        "Cliënte zegt dat haar \"vriend\" haar loon beheert;\ngeen eigen bankpas.");
  CHECK(plan->records[0].signal.forms == std::vector<std::string>{"labour", "sexual"});
  CHECK(plan->records[1].signal.source_kind == vault::SourceKind::kAnonymous);
  CHECK(plan->records[1].status == vault::SignalStatus::kInAssessment);
}

TEST_CASE("a row the vault refuses while writing rolls back every row before it") {
  TestSession ts(kToday);
  ImportMapping mapping = dutch_mapping(ts.s());
  Result<ImportPlan> plan = plan_legacy_import(ts.s(), to_csv(make_sheet(600).rows), mapping);
  MK_REQUIRE_OK(plan);
  REQUIRE(plan->ok());
  // Row 502 is changed after the check into something the vault refuses: an anonymous signal
  // with a reporter. Its reporter person is written first, then the signal fails.
  plan->records[500].signal.source_kind = vault::SourceKind::kAnonymous;
  plan->records[500].reporter_name = "Sanne de Vries";
  const std::size_t audit_before = audit_entries(ts.s()).size();
  std::size_t done_rows = 0;
  Result<ImportResult> done =
      import_legacy(ts.s(), *plan, [&](std::size_t d, std::size_t) { done_rows = d; });
  REQUIRE_FALSE(done);
  CHECK(done.status().message() == "row 502: reporter_id: an anonymous signal has no reporter");
  CHECK(done_rows == 500);
  CHECK(audit_entries(ts.s()).size() == audit_before);  // (person.list below is audited)
  CHECK(signal_count(ts.s()) == 0);
  Result<std::vector<vault::PersonSummary>> persons = list_persons(ts.s());
  MK_REQUIRE_OK(persons);
  CHECK(persons->empty());
}

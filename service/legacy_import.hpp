// Importing the registrations a coordinator kept in a spreadsheet before Meldkluis: a CSV file
// (base/csv.hpp) read through a column mapping (service/import_mapping.hpp) into signals, and, for
// rows naming a reporter, persons with role reporter.
//
// Two steps, so a GUI and the CLI can show the validation report (and a dry run) before anything
// is written:
//   1. plan_legacy_import checks EVERY row and collects every problem (row, column, reason); it
//      writes nothing, and a refused file leaves the vault folder byte for byte as it was;
//   2. import_legacy writes a plan without problems in ONE unit of work: all rows or none.
//
// Problems name the row (as a spreadsheet numbers it: the header is row 1), the column (its header
// as the mapping names it) and the reason, never a cell's value: a legacy sheet holds names and
// narratives, and the report is printed, logged and mailed around.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "service/import_mapping.hpp"
#include "service/session.hpp"
#include "vault/signal.hpp"

namespace mk::service {

struct ImportProblem {
  std::size_t row = 0;  // 1-based spreadsheet row; 1 is the header
  std::string column;   // the column's header (as the mapping writes it); empty: the whole row
  std::string reason;   // never a cell's value
};

// One data row, checked and converted.
struct LegacyRecord {
  std::size_t row = 0;
  vault::SignalInput signal;                 // reporter_id unset: the import creates the reporter
  std::optional<std::string> reporter_name;  // a reporter person to create and link
  vault::SignalStatus status = vault::SignalStatus::kNew;
  std::optional<vault::SignalOutcome> outcome;  // set exactly when status is kClosed
  std::optional<Date> closed;                   // set exactly when status is kClosed
};

struct ImportPlan {
  std::string file_sha256;  // lowercase hex SHA-256 of the CSV's bytes
  std::string mapping_file;
  std::string mapping_sha256;
  char delimiter = ',';
  std::size_t rows = 0;                 // data rows read (without the header and blank rows)
  std::size_t blank_rows = 0;           // rows whose every cell is empty: skipped
  std::vector<ImportProblem> problems;  // by row, then by the mapping's column order
  std::vector<LegacyRecord> records;    // one per data row; complete only when ok()

  bool ok() const { return problems.empty(); }
  std::size_t reporters() const;  // rows that create a reporter
  std::size_t closed() const;     // rows imported as closed signals
};

// Checks `csv` (the file's bytes) against `mapping` and the policies of `s` (form and indicator
// codes), with today from the session's clock (dates must not lie in the future). Writes nothing.
//
// A file that is not well-formed CSV is kInvalidInput with the place ("row 12, column 3 (line 14):
// a quote inside an unquoted field"), as is an empty one. Everything else is a problem in the
// plan: header problems on row 1 (a mapped column missing, a column neither mapped nor ignored
// (named by position: "column 4 (D)"), a header given twice, no data rows), then each row's
// problems. Rows are checked with the rules the vault applies (base/date.hpp,
// vault/field_rules.hpp, vault/signal_store.hpp) so a plan without problems imports without error.
Result<ImportPlan> plan_legacy_import(Session& s, std::string_view csv,
                                      const ImportMapping& mapping);

struct ImportResult {
  std::vector<std::string> signal_ids;    // in row order
  std::vector<std::string> reporter_ids;  // persons created, in row order
};

// `progress(done, total)` is called after each row is written (never from another thread).
using ImportProgress = std::function<void(std::size_t done, std::size_t total)>;

// Writes every record of `plan` in one unit of work: for each row, its reporter (person.add), the
// signal (signal.add), its status (signal.update for in_assessment; signal.close with outcome and
// date for closed). Audits "import.csv" with the counts and the SHA-256 of the file and the
// mapping. kInvalidInput, and nothing written, when the plan has problems or no records; any error
// on a row
// ("row 12: ...") rolls everything back. kForbidden for a role without the field keys.
Result<ImportResult> import_legacy(Session& s, const ImportPlan& plan,
                                   const ImportProgress& progress = {});

// Reads a CSV file for plan_legacy_import: kNotFound, kIo, or kInvalidInput when it is larger than
// csv::Limits::max_bytes. Messages name the file by its file name only.
Result<std::string> read_legacy_csv(const std::filesystem::path& path);

}  // namespace mk::service

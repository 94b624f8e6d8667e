// The column mapping of a legacy CSV import (format: docs/formats/csv-import.md): which column of
// the coordinator's old spreadsheet holds which signal field, and which of the spreadsheet's words
// ("wijkteam", "ja", "afgesloten") stand for which Meldkluis value ("internal_team", "yes",
// "closed"). policies/csv_import_nl.json is the mapping of a typical Dutch sheet.
//
// Read strictly, like a policy file (policies/strict_reader.hpp): unknown keys, unknown fields,
// a field or column mapped twice, a word listed twice, a value that is not a Meldkluis value or
// not a code of the indicator catalogue are errors. They are kInvalidInput (the mapping is input
// to one import, not the municipality's policy) with the message "FILE:LINE:COL: reason".
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "policies/indicator_catalogue.hpp"

namespace mk::service {

// The `format` value this version reads.
inline constexpr std::string_view kImportMappingFormat = "meldkluis-csv-import/1";

// Mapping files are small, hand-edited documents.
inline constexpr std::size_t kMaxImportMappingBytes = 256 * 1024;

// The signal fields a column can fill.
enum class ImportField {
  kReceived,      // date, required
  kSourceKind,    // words -> internal_team, partner, resident, anonymous; required
  kSourceTeam,    // one line of text
  kNarrative,     // text, line breaks allowed
  kNature,        // text, line breaks allowed (aard)
  kForms,         // a list; words -> form codes (without "values": the cells hold form codes)
  kIndicators,    // a list; words -> indicator codes (without "values": indicator codes)
  kMinor,         // words -> yes, no, unknown (empty: unknown)
  kScale,         // words -> single, multiple, organised
  kSeverity,      // words -> low, medium, high, acute
  kStatus,        // words -> new, in_assessment, closed
  kOutcome,       // words -> no_suspicion, insufficient_information, referred, case_opened, other
  kClosed,        // date
  kReporterName,  // a name: creates a person with role reporter
};

// The name used in mapping files, reports and messages: "received", "source_kind", ...
std::string_view import_field_name(ImportField field);

struct ColumnMapping {
  ImportField field = ImportField::kReceived;
  std::string column;  // the header of the column, as the mapping writes it
  // The spreadsheet's words, folded (base/text_fold.hpp), to a Meldkluis value or code. Empty when
  // the mapping gives no "values" (then list cells hold catalogue codes).
  std::map<std::string, std::string, std::less<>> words;
};

struct ImportMapping {
  std::string file;  // the name given to the parser, for messages
  std::string hash;  // lowercase hex SHA-256 of the file's bytes: recorded with the import
  std::optional<char> delimiter;       // ',' or ';'; nullopt: detected from the header row
  std::vector<ColumnMapping> columns;  // in file order; one per field at most
  std::vector<std::string> ignored;    // headers of columns deliberately left out

  // The mapping of `field`, or nullptr when no column fills it.
  const ColumnMapping* find(ImportField field) const;
};

// Parses mapping text; `file_name` starts every message; form and indicator codes are checked
// against `catalogue`.
Result<ImportMapping> parse_import_mapping(std::string_view text, std::string_view file_name,
                                           const policies::IndicatorCatalogue& catalogue);

// Reads and parses the file at `path` (named in messages by its file name only). kNotFound or kIo
// when it cannot be read, kInvalidInput when it is larger than kMaxImportMappingBytes or invalid.
Result<ImportMapping> load_import_mapping(const std::filesystem::path& path,
                                          const policies::IndicatorCatalogue& catalogue);

}  // namespace mk::service

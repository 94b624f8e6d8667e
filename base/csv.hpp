// A strict reader of comma-separated values (RFC 4180), for the spreadsheets a coordinator kept
// before Meldkluis (Excel and LibreOffice "CSV UTF-8"; Dutch Excel separates with ';').
//
// Strict means, beyond RFC 4180:
//  - text is UTF-8; a UTF-8 byte order mark at the start is skipped; a UTF-16 or UTF-32 file, a
//    NUL byte or invalid UTF-8 is an error;
//  - records end with CRLF or LF; a CR alone outside quotes is an error;
//  - a field that starts with '"' is quoted: it may hold the delimiter, line breaks and doubled
//    quotes (""), and must be followed by the delimiter, a line break or the end of the file;
//    a '"' inside an unquoted field is an error;
//  - every record has as many fields as the first one; an empty line is an error, except at the
//    very end of the file (one-column files aside, where it is a record with one empty field);
//  - sizes are bounded (Limits): a hostile or wrong file is refused, never read without end.
//
// Errors are kInvalidInput with the place and the reason, never the text of a field (it may be
// personal data): "row 12, column 3 (line 14): a quote inside an unquoted field". Rows are numbered
// as a spreadsheet numbers them (the first record is row 1; a record with line breaks inside a
// quoted field is still one row), columns from 1; the line is the file's line where the record
// starts. The parser never aborts or throws on any input.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace mk::csv {

struct Limits {
  std::size_t max_bytes = std::size_t{32} << 20;       // the whole file
  std::size_t max_records = 100000;                    // rows, the first one included
  std::size_t max_fields = 256;                        // per record
  std::size_t max_field_bytes = std::size_t{1} << 18;  // per field, after unquoting
};

struct Options {
  // ',' or ';'. nullopt: the one that occurs (outside quotes) in the first record; ',' when
  // neither does; an error when both occur equally often. Any other delimiter is an error.
  std::optional<char> delimiter;
  Limits limits;
};

struct Record {
  std::size_t row = 0;              // 1-based; the first record (a header) is row 1
  std::size_t line = 0;             // 1-based line of the file where the record starts
  std::vector<std::string> fields;  // column c (1-based) is fields[c - 1]; valid UTF-8
};

struct Table {
  char delimiter = ',';
  std::vector<Record> records;  // at least one
};

// Parses `bytes`. An empty file (after the byte order mark) is an error.
Result<Table> parse(std::string_view bytes, const Options& options = {});

// The spreadsheet name of a 1-based column: 1 -> "A", 26 -> "Z", 27 -> "AA". Requires column >= 1.
std::string column_letters(std::size_t column);

}  // namespace mk::csv

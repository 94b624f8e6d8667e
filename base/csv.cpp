#include "base/csv.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "base/utf8.hpp"

namespace mk::csv {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The byte order marks of encodings we refuse, so the message can say what is wrong.
bool looks_utf16_or_32(std::string_view s) {
  return starts_with(s, "\xFF\xFE") || starts_with(s, "\xFE\xFF") ||
         starts_with(s, std::string_view("\x00\x00\xFE\xFF", 4));
}

Status error_at(std::size_t row, std::size_t column, std::size_t line, std::string_view reason) {
  return invalid_input("row " + std::to_string(row) + ", column " + std::to_string(column) +
                       " (line " + std::to_string(line) + "): " + std::string(reason));
}

// The delimiter of the first record: counts ',' and ';' outside quotes up to its end.
Result<char> detect_delimiter(std::string_view text) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote flips twice: no change
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted && c == ',') {
      ++commas;
    } else if (!quoted && c == ';') {
      ++semicolons;
    }
  }
  if (commas > 0 && commas == semicolons) {
    return invalid_input(
        "row 1: cannot tell whether ',' or ';' separates the columns (both occur equally often); "
        "name the delimiter");
  }
  return semicolons > commas ? ';' : ',';
}

class Parser {
 public:
  Parser(std::string_view text, char delimiter, const Limits& limits)
      : text_(text), delimiter_(delimiter), limits_(limits) {}

  Result<std::vector<Record>> run() {
    std::vector<Record> records;
    while (pos_ < text_.size()) {
      if (at_line_break() && (records.empty() || records.front().fields.size() != 1)) {
        if (only_line_breaks_remain()) break;
        std::size_t row = records.size() + 1;
        return error_at(row, 1, line_, row == 1 ? "the first row is empty" : "an empty line");
      }
      if (records.size() == limits_.max_records) {
        return error_at(records.size() + 1, 1, line_,
                        "more than " + std::to_string(limits_.max_records) + " rows");
      }
      Record record;
      record.row = records.size() + 1;
      record.line = line_;
      MK_RETURN_IF_ERROR(read_record(record));
      if (!records.empty() && record.fields.size() != records.front().fields.size()) {
        std::size_t expected = records.front().fields.size();
        return error_at(record.row, std::min(record.fields.size(), expected) + 1, record.line,
                        "the row has " + std::to_string(record.fields.size()) +
                            " fields, the first row has " + std::to_string(expected));
      }
      records.push_back(std::move(record));
    }
    if (records.empty()) return invalid_input("the file is empty");
    return records;
  }

 private:
  bool at_line_break() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  bool only_line_breaks_remain() const {
    return text_.find_first_not_of("\r\n", pos_) == std::string_view::npos;
  }

  // Consumes a line break at pos_ (CRLF or LF). A CR without LF is an error.
  Status consume_line_break(const Record& record, std::size_t column) {
    if (text_[pos_] == '\r') {
      if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n') {
        return error_at(record.row, column, line_,
                        "a carriage return (CR) without a line feed (LF) after it");
      }
      ++pos_;
    }
    ++pos_;
    ++line_;
    return Status::ok();
  }

  // Reads one record, including its line break (if any).
  Status read_record(Record& record) {
    for (;;) {
      std::size_t column = record.fields.size() + 1;
      if (column > limits_.max_fields) {
        return error_at(record.row, column, record.line,
                        "more than " + std::to_string(limits_.max_fields) + " columns");
      }
      std::string field;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        MK_RETURN_IF_ERROR(read_quoted(record, column, field));
      } else {
        MK_RETURN_IF_ERROR(read_plain(record, column, field));
      }
      if (!is_valid_utf8(field)) {
        return error_at(record.row, column, record.line,
                        "not valid UTF-8 (save the file as \"CSV UTF-8\")");
      }
      record.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return Status::ok();
      if (text_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      return consume_line_break(record, column);  // read_* stop only at these
    }
  }

  Status append(const Record& record, std::size_t column, std::string& field,
                std::string_view bytes) {
    if (field.size() + bytes.size() > limits_.max_field_bytes) {
      return error_at(record.row, column, record.line,
                      "a field longer than " + std::to_string(limits_.max_field_bytes) + " bytes");
    }
    field.append(bytes);
    return Status::ok();
  }

  Status read_plain(const Record& record, std::size_t column, std::string& field) {
    std::size_t start = pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == delimiter_ || c == '\n' || c == '\r') break;
      if (c == '"') {
        return error_at(record.row, column, line_,
                        "a quote inside an unquoted field (quote the whole field and double "
                        "the quotes inside it)");
      }
      ++pos_;
    }
    return append(record, column, field, text_.substr(start, pos_ - start));
  }

  Status read_quoted(const Record& record, std::size_t column, std::string& field) {
    const std::size_t opened_line = line_;
    ++pos_;  // the opening quote
    for (;;) {
      std::size_t next = text_.find_first_of("\"\n", pos_);
      if (next == std::string_view::npos) {
        return error_at(record.row, column, opened_line,
                        "a quoted field is not closed before the end of the file");
      }
      MK_RETURN_IF_ERROR(append(record, column, field, text_.substr(pos_, next - pos_)));
      pos_ = next + 1;
      if (text_[next] == '\n') {
        ++line_;
        MK_RETURN_IF_ERROR(append(record, column, field, "\n"));
        continue;
      }
      // A quote: doubled, it stands for one quote; alone, it closes the field.
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        MK_RETURN_IF_ERROR(append(record, column, field, "\""));
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
          text_[pos_] != '\r') {
        return error_at(record.row, column, line_,
                        "text after the closing quote of a quoted field (double the quotes "
                        "inside it)");
      }
      return Status::ok();
    }
  }

  std::string_view text_;
  char delimiter_;
  Limits limits_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

}  // namespace

Result<Table> parse(std::string_view bytes, const Options& options) {
  if (bytes.size() > options.limits.max_bytes) {
    return invalid_input("the file is larger than " + std::to_string(options.limits.max_bytes) +
                         " bytes");
  }
  if (looks_utf16_or_32(bytes)) {
    return invalid_input("the file is UTF-16 or UTF-32; save it as \"CSV UTF-8\"");
  }
  std::string_view text = bytes;
  if (starts_with(text, kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < nul; ++i)
      line += text[i] == '\n' ? 1 : 0;
    return invalid_input("line " + std::to_string(line) +
                         ": a NUL byte (is the file UTF-16? save it as \"CSV UTF-8\")");
  }
  Table table;
  if (options.delimiter) {
    if (*options.delimiter != ',' && *options.delimiter != ';') {
      return invalid_input("the delimiter must be ',' or ';'");
    }
    table.delimiter = *options.delimiter;
  } else {
    MK_ASSIGN_OR_RETURN(table.delimiter, detect_delimiter(text));
  }
  MK_ASSIGN_OR_RETURN(table.records, Parser(text, table.delimiter, options.limits).run());
  return table;
}

std::string column_letters(std::size_t column) {
  if (column == 0) std::abort();
  std::string out;
  while (column > 0) {
    --column;
    out.insert(out.begin(), static_cast<char>('A' + column % 26));
    column /= 26;
  }
  return out;
}

}  // namespace mk::csv

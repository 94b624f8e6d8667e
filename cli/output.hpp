// Printing: JSON on stdout, compact aligned tables and field lists for people, and errors and
// notices on stderr as "meldkluis: <message>".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.hpp"
#include "cli/outcome.hpp"

namespace mk::cli {

// Pretty JSON and a final newline on stdout.
void print_json(const json::Value& value);

// A message for people on stderr (stdout stays clean for scripts).
void notice(std::string_view message);

// "meldkluis: <message>" and, when there is one, "  (<hint>)" on stderr.
void print_error(const Exit& exit);

// Columns padded to their widest cell (counted in UTF-8 code points), separated by two spaces.
class Table {
 public:
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  void print() const;  // to stdout

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// "Label   value" lines with the values aligned; a multi-line value continues indented.
using Fields = std::vector<std::pair<std::string, std::string>>;
void print_fields(const Fields& fields);

// A titled block of free text, indented by two spaces ("Verhaal / Narrative:").
void print_text_block(std::string_view title, std::string_view text);

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");
std::string or_dash(const std::string& s);  // "-" for empty

}  // namespace mk::cli

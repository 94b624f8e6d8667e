// base/csv.hpp: csv::parse on any bytes, with the delimiter detected, then forced to ';'. A table
// that parses has at least one record, records of equal width, valid UTF-8 fields and rows
// numbered 1, 2, ...
#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/csv.hpp"
#include "base/utf8.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

void check(const mk::Result<mk::csv::Table>& table) {
  using namespace mk;
  if (!table) {
    fuzz::require_code(table.status(), Code::kInvalidInput, "csv::parse: error code");
    return;
  }
  fuzz::require(!table->records.empty(), "csv: a table without records");
  fuzz::require(table->delimiter == ',' || table->delimiter == ';', "csv: delimiter");
  const std::size_t width = table->records.front().fields.size();
  std::size_t row = 1;
  for (const auto& record : table->records) {
    fuzz::require(record.row == row++, "csv: rows not numbered 1, 2, ...");
    fuzz::require(record.fields.size() == width, "csv: records of unequal width");
    for (const auto& field : record.fields) {
      fuzz::require(is_valid_utf8(field), "csv: a field that is not UTF-8");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  const auto text = fuzz::as_text(data, size);
  check(csv::parse(text));
  csv::Options semicolon;
  semicolon.delimiter = ';';
  semicolon.limits.max_records = 1000;
  semicolon.limits.max_fields = 16;
  check(csv::parse(text, semicolon));
  return 0;
}

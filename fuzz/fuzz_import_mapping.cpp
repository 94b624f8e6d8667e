// service/import_mapping.hpp: parse_import_mapping (the column mapping of a legacy CSV import) on
// any text, with the shipped indicator catalogue. Failure is kInvalidInput naming the file;
// success has at most one column per field, each column named, and the SHA-256 of the text.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "fuzz/shipped_policies.hpp"
#include "service/import_mapping.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  constexpr std::string_view kFile = "fuzz.json";
  const auto text = fuzz::as_text(data, size);
  auto mapping = service::parse_import_mapping(text, kFile, fuzz::shipped_catalogue());
  if (!mapping) {
    fuzz::require_code(mapping.status(), Code::kInvalidInput, "import mapping: error code");
    fuzz::require(std::string_view(mapping.status().message()).substr(0, kFile.size()) == kFile,
                  "import mapping: message does not start with the file name");
    return 0;
  }
  fuzz::require(mapping->hash == to_hex(crypto::sha256(as_bytes(text))), "import mapping: hash");
  std::set<service::ImportField> fields;
  for (const auto& column : mapping->columns) {
    fuzz::require(fields.insert(column.field).second, "import mapping: a field mapped twice");
    fuzz::require(mapping->find(column.field) == &column, "import mapping: find");
  }
  if (mapping->delimiter) {
    fuzz::require(*mapping->delimiter == ',' || *mapping->delimiter == ';',
                  "import mapping: delimiter");
  }
  return 0;
}

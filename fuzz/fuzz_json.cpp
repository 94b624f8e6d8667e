// base/json.hpp: json::parse on any bytes. A value that parses serialises (compact and pretty) to
// text that parses again to the same serialisation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/json.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  auto parsed = json::parse(fuzz::as_text(data, size));
  if (!parsed) {
    fuzz::require_code(parsed.status(), Code::kInvalidInput, "json::parse: error code");
    return 0;
  }
  const std::string compact = json::serialize(*parsed);
  const std::string pretty = json::serialize(*parsed, true);
  auto again = json::parse(compact);
  fuzz::require(again.is_ok(), "json: serialize output does not parse");
  fuzz::require(json::serialize(*again) == compact, "json: compact round trip differs");
  auto again_pretty = json::parse(pretty);
  fuzz::require(again_pretty.is_ok(), "json: pretty output does not parse");
  fuzz::require(json::serialize(*again_pretty) == compact, "json: pretty round trip differs");
  return 0;
}

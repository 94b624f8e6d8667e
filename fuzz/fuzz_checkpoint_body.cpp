// tlog/checkpoint.hpp: parse_checkpoint_body on any text. A body that parses is a valid
// checkpoint whose checkpoint_body is exactly the text (the parser is its inverse).
#include <cstddef>
#include <cstdint>

#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "tlog/checkpoint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  const auto text = fuzz::as_text(data, size);
  auto checkpoint = tlog::parse_checkpoint_body(text);
  if (!checkpoint) {
    fuzz::require_code(checkpoint.status(), Code::kInvalidInput, "checkpoint body: error code");
    return 0;
  }
  fuzz::require(tlog::is_valid_checkpoint(*checkpoint), "checkpoint body: not valid");
  fuzz::require(tlog::checkpoint_body(*checkpoint) == text,
                "checkpoint body: does not serialise back to the text");
  return 0;
}

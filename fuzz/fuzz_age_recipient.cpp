// exchange/age_keys.hpp: parse_age_recipient on any text. A recipient that parses formats back
// to exactly the text (one spelling per key).
#include <cstddef>
#include <cstdint>

#include "exchange/age_keys.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  const auto text = fuzz::as_text(data, size);
  auto recipient = exchange::parse_age_recipient(text);
  if (!recipient) {
    fuzz::require_code(recipient.status(), Code::kInvalidInput, "age recipient: error code");
    return 0;
  }
  fuzz::require(exchange::format_age_recipient(*recipient) == text,
                "age recipient: does not format back to the text");
  return 0;
}

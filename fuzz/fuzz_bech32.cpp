// exchange/bech32.hpp: bech32_decode (no length limit, as age) on any text. A string that decodes
// encodes back, in its letter case, to exactly the text.
#include <cstddef>
#include <cstdint>

#include "exchange/bech32.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  const auto text = fuzz::as_text(data, size);
  auto decoded = exchange::bech32_decode(text, exchange::kBech32NoLengthLimit);
  if (!decoded) {
    fuzz::require_code(decoded.status(), Code::kInvalidInput, "bech32: error code");
    return 0;
  }
  for (const std::uint8_t value : decoded->data)
    fuzz::require(value < 32, "bech32: a value above 31");
  fuzz::require(exchange::bech32_encode(decoded->hrp, decoded->data, decoded->letter_case) == text,
                "bech32: does not encode back to the text");
  return 0;
}

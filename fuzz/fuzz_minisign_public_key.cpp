// exchange/minisign.hpp: parse_minisign_public_key on any text. A key that parses formats to a
// file that parses back to the same key.
#include <cstddef>
#include <cstdint>

#include "exchange/minisign.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  auto key = exchange::parse_minisign_public_key(fuzz::as_text(data, size));
  if (!key) {
    fuzz::require_code(key.status(), Code::kInvalidInput, "minisign public key: error code");
    return 0;
  }
  auto again = exchange::parse_minisign_public_key(exchange::format_minisign_public_key(*key));
  fuzz::require(again.is_ok() && *again == *key, "minisign public key: does not read back");
  return 0;
}

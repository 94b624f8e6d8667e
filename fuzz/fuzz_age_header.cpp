// exchange/age_header.hpp: parse_age_header on any bytes. A header that parses is exactly the
// canonical text of its stanzas (age_header_mac_input), then " ", the unpadded base64 of its MAC
// and "\n": the parser accepts no second spelling of the same header.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/base64.hpp"
#include "exchange/age_header.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  const ByteView file = fuzz::as_view(data, size);
  auto header = exchange::parse_age_header(file);
  if (!header) {
    fuzz::require_code(header.status(), Code::kInvalidInput, "age header: error code");
    return 0;
  }
  fuzz::require(!header->stanzas.empty(), "age header: no stanzas");
  fuzz::require(header->mac.size() == exchange::kAgeHeaderMacSize, "age header: MAC size");
  fuzz::require(header->mac_input_size < header->size && header->size <= size, "age header: sizes");
  const std::string text = exchange::age_header_mac_input(header->stanzas);
  fuzz::require(as_chars(file.first(header->mac_input_size)) == text,
                "age header: the stanzas do not serialise back to the header");
  const std::string mac_line = " " + base64_encode(header->mac, Base64Padding::kUnpadded) + "\n";
  fuzz::require(as_chars(file.subspan(header->mac_input_size,
                                      header->size - header->mac_input_size)) == mac_line,
                "age header: the MAC line is not canonical");
  return 0;
}

// exchange/age_keys.hpp: parse_age_identity_file (as age reads `-i key.txt`) on any text. Each
// identity it yields formats to a line that parse_age_identity reads back to the same key.
#include <cstddef>
#include <cstdint>

#include "exchange/age_keys.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  auto identities = exchange::parse_age_identity_file(fuzz::as_text(data, size));
  if (!identities) {
    fuzz::require_code(identities.status(), Code::kInvalidInput, "age identity file: error code");
    return 0;
  }
  fuzz::require(!identities->empty(), "age identity file: no identities");
  for (const auto& identity : *identities) {
    const crypto::SecretBuffer line = exchange::format_age_identity(identity);
    auto again = exchange::parse_age_identity(line.as_text());
    fuzz::require(again.is_ok() && again->recipient() == identity.recipient(),
                  "age identity: does not read back");
  }
  return 0;
}

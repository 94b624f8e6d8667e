// tlog/note.hpp: parse_verifier_key on any text. A key that parses formats back to exactly the
// text and its key id is the one its name and public key give.
#include <cstddef>
#include <cstdint>

#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "tlog/note.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  const auto text = fuzz::as_text(data, size);
  auto key = tlog::parse_verifier_key(text);
  if (!key) {
    fuzz::require_code(key.status(), Code::kInvalidInput, "verifier key: error code");
    return 0;
  }
  fuzz::require(key->key_id == tlog::ed25519_key_id(key->name, key->public_key),
                "verifier key: key id");
  fuzz::require(tlog::format_verifier_key(*key) == text,
                "verifier key: does not format back to the text");
  return 0;
}

// vault/keyslot_file.hpp: parse_key_slot_file on any text. Random bytes rarely carry a matching
// `sum`, so each input is parsed twice: as given, and with its last line replaced by the correct
// "sum <sha256>" of the lines above, which lets the fuzzer reach the slot grammar behind the
// checksum. A file that parses serialises its slots back to exactly the body it was read from.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "vault/keyslot_file.hpp"

namespace {

void check(std::string_view text) {
  using namespace mk;
  auto parsed = vault::parse_key_slot_file(text);
  if (!parsed) {
    fuzz::require_code(parsed.status(), Code::kVaultCorrupt, "keyslot file: error code");
    return;
  }
  fuzz::require(parsed->file.vault_id.size() == vault::kVaultIdSize, "keyslot file: vault id");
  fuzz::require(!parsed->file.slots.empty() && parsed->file.slots.size() <= vault::kMaxSlots,
                "keyslot file: slot count");
  fuzz::require(vault::serialize_body(parsed->file) == parsed->body,
                "keyslot file: body does not serialise back to itself");
  fuzz::require(text.substr(0, parsed->body.size()) == parsed->body, "keyslot file: body prefix");
}

// `text` with its last line (after the last "\n" before the end) replaced by the correct sum.
std::string with_correct_sum(std::string_view text) {
  std::string_view body = text;
  if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
  const std::size_t last_break = body.rfind('\n');
  body = last_break == std::string_view::npos ? std::string_view{} : text.substr(0, last_break + 1);
  std::string fixed(body);
  fixed.append("sum ").append(mk::to_hex(mk::crypto::sha256(mk::as_bytes(body)))).append("\n");
  return fixed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 2 * mk::vault::kMaxKeySlotFileSize) return 0;
  const auto text = mk::fuzz::as_text(data, size);
  check(text);
  check(with_correct_sum(text));
  return 0;
}

// tlog/checkpoint.hpp: open_checkpoint on any text with the example audit export's log key
// (tests/data/audit/example-export/log-key.txt). A checkpoint that opens was signed by that key:
// its body starts the note, and the note carries a valid signature of it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/note.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  static const tlog::VerifierKey log_key = [] {
    auto key = tlog::parse_verifier_key(
        "meldkluis/00112233445566778899aabbccddeeff+909ac2f3+"
        "AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4");
    fuzz::require(key.is_ok(), "fixture: the log key does not parse");
    return std::move(key).value();
  }();
  const auto text = fuzz::as_text(data, size);
  auto checkpoint = tlog::open_checkpoint(text, log_key);
  if (!checkpoint) {
    fuzz::require_code(checkpoint.status(), Code::kInvalidInput, "open_checkpoint: error code");
    return 0;
  }
  const std::string body = tlog::checkpoint_body(*checkpoint);
  fuzz::require(text.substr(0, body.size()) == body, "open_checkpoint: body is not the note's");
  auto note = tlog::parse_signed_note(text);
  fuzz::require(note.is_ok() && tlog::verify_note_signature(*note, log_key),
                "open_checkpoint: opened without a valid signature");
  return 0;
}

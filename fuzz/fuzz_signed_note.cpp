// tlog/note.hpp: parse_signed_note on any text. A note that parses formats back to exactly the
// text, with a body that is signable text and 1..kMaxNoteSignatures signatures.
#include <cstddef>
#include <cstdint>

#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "tlog/note.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  const auto text = fuzz::as_text(data, size);
  auto note = tlog::parse_signed_note(text);
  if (!note) {
    fuzz::require_code(note.status(), Code::kInvalidInput, "signed note: error code");
    return 0;
  }
  fuzz::require(tlog::is_valid_note_text(note->body), "signed note: body is not note text");
  fuzz::require(!note->signatures.empty() && note->signatures.size() <= tlog::kMaxNoteSignatures,
                "signed note: signature count");
  for (const auto& signature : note->signatures)
    fuzz::require(tlog::is_valid_key_name(signature.name), "signed note: key name");
  fuzz::require(tlog::format_signed_note(*note) == text,
                "signed note: does not format back to the text");
  return 0;
}

// C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the signed head of a transparency log. The body
// of the signed note (see tlog/note.hpp) is
//
//   <origin>\n                  the log's identity, e.g. "example.org/audit"
//   <size>\n                    number of leaves, canonical decimal ("0", "17"; no sign, no leading
//   0) <base64(root)>\n            the RFC 6962 root, 32 bytes, standard padded base64 (44
//   characters)
//   [<extension>\n ...]         optional opaque non-empty lines
//
// A log must never sign two checkpoints that are not consistent (merkle.hpp's consistency proofs
// tell). C2SP asks that the signing key's name match the origin; this code does not require it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "crypto/signing.hpp"
#include "tlog/merkle.hpp"
#include "tlog/note.hpp"

namespace mk::tlog {

struct Checkpoint {
  std::string origin;
  std::uint64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions;

  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// True when checkpoint_body(c) can be written: origin and each extension non-empty, valid UTF-8,
// without newline or other ASCII control characters, and the body at most kMaxNoteSize bytes.
bool is_valid_checkpoint(const Checkpoint& checkpoint);

// The note body of the checkpoint (the form above). Requires is_valid_checkpoint; aborts otherwise.
std::string checkpoint_body(const Checkpoint& checkpoint);

// The inverse of checkpoint_body: kInvalidInput for any body it would not write (too few lines, an
// empty line, a size that is not canonical decimal or exceeds 2^64 - 1, a root that is not
// canonical base64 of 32 bytes, a missing final "\n", bad UTF-8 or control characters, more than
// kMaxNoteSize bytes).
Result<Checkpoint> parse_checkpoint_body(std::string_view body);

// The whole signed note: checkpoint_body(checkpoint) + "\n" + sign_note(body, name, key).
// Requires is_valid_checkpoint(checkpoint) and is_valid_key_name(name); aborts otherwise.
std::string sign_checkpoint(const Checkpoint& checkpoint, std::string_view name,
                            const crypto::SigningKey& key);

// Parses a signed checkpoint note and returns its checkpoint when `log_key` signed it (see
// verify_note_signature; other signatures are ignored). kInvalidInput when the note or its body is
// malformed or carries no valid signature of `log_key`.
Result<Checkpoint> open_checkpoint(std::string_view note_text, const VerifierKey& log_key);

}  // namespace mk::tlog

// C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures: a text, a blank line, and one
// or more signature lines, the form Go's golang.org/x/mod/sumdb/note reads and writes.
//
//   <text, ending in "\n">
//   <blank line>
//   — <key name> <base64(key id (4 bytes, big-endian) || signature)>\n     (one or more)
//
// The em dash is U+2014 and is followed by one space. For Ed25519 (signature type 0x01):
//
//   key id           = first 4 bytes of SHA-256(key name || 0x0A || 0x01 || 32-byte public key)
//   verifier key     = <key name> "+" <hex(key id), 8 lowercase digits> "+" base64(0x01 || public
//   key)
//
// A note may carry several signatures (the log's own, later witness cosignatures); a verifier
// checks the ones from keys it knows and ignores the rest. Parsers here are strict (canonical
// base64, lowercase hex) and bounded (kMaxNoteSize, kMaxNoteSignatures): bad input gives
// kInvalidInput, never an abort.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/signing.hpp"

namespace mk::tlog {

// The largest signed note (text and signatures) the parsers accept, in bytes.
inline constexpr std::size_t kMaxNoteSize = 1 << 20;
// The most signature lines a note may carry (Go's limit; C2SP asks for at least 16).
inline constexpr std::size_t kMaxNoteSignatures = 100;
// The signature type byte of Ed25519 in key ids and verifier keys.
inline constexpr std::uint8_t kEd25519SignatureType = 0x01;

// The first 4 bytes of the key hash, read big-endian (0xc74f20a3 for "PeterNeumann+c74f20a3+...").
using KeyId = std::uint32_t;

// True for a usable key name: non-empty, valid UTF-8, no '+', no Unicode white space (the set
// Go's unicode.IsSpace accepts: ASCII space, \t \n \v \f \r, U+0085, U+00A0, U+1680,
// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and no ASCII control character.
bool is_valid_key_name(std::string_view name);

// True for a text that can be signed: non-empty, ends in "\n", valid UTF-8, no ASCII control
// character other than "\n", at most kMaxNoteSize bytes. (It may contain empty lines.)
bool is_valid_note_text(std::string_view text);

// SHA-256(name || 0x0A || 0x01 || public_key)[:4], big-endian.
KeyId ed25519_key_id(std::string_view name, const crypto::SigningPublicKey& public_key);

// A public key that verifies note signatures, with its name and key id.
struct VerifierKey {
  std::string name;
  KeyId key_id = 0;  // always ed25519_key_id(name, public_key)
  crypto::SigningPublicKey public_key{};
};

// The verifier key for `public_key` under `name`. Requires is_valid_key_name(name); aborts
// otherwise.
VerifierKey make_verifier_key(std::string_view name, const crypto::SigningPublicKey& public_key);

// "name+c74f20a3+ARpc...". Requires a key from make_verifier_key or parse_verifier_key (valid
// name, matching key id); aborts otherwise.
std::string format_verifier_key(const VerifierKey& key);

// The inverse of format_verifier_key. kInvalidInput for anything else: an invalid name, hex that
// is not 8 lowercase digits, non-canonical base64, a type byte other than 0x01, a key that is not
// 32 bytes, or a key id that does not match the name and key.
Result<VerifierKey> parse_verifier_key(std::string_view text);

// One signature line of a note, as parsed: no check that it verifies.
struct NoteSignature {
  std::string name;
  KeyId key_id = 0;
  Bytes signature;  // the bytes after the key id: 64 for Ed25519; other types may differ
};

// A note as parsed: its text ("body", ending in "\n") and its signature lines, in order.
struct SignedNote {
  std::string body;
  std::vector<NoteSignature> signatures;
};

// The signature line "— <name> <base64(key id || Ed25519 signature of body)>\n" for `body`, to be
// placed after the body and a blank line (see format_signed_note). Deterministic. Requires
// is_valid_note_text(body) and is_valid_key_name(name); aborts otherwise.
std::string sign_note(std::string_view body, std::string_view name, const crypto::SigningKey& key);

// The line for a parsed signature, "\n" included. Requires a valid name and a non-empty signature;
// aborts otherwise.
std::string signature_line(const NoteSignature& signature);

// body + "\n" + the signature lines: the note text parse_signed_note reads back as `note`.
// Requires is_valid_note_text(note.body), 1 to kMaxNoteSignatures signatures, and what
// signature_line requires; aborts otherwise.
std::string format_signed_note(const SignedNote& note);

// Parses a signed note. The text is split at its last blank line: before it the body (ending in
// "\n"), after it one to kMaxNoteSignatures signature lines, each "— <name> <base64>\n" with a
// valid key name and canonical padded base64 of at least 5 bytes. The whole note must be valid
// UTF-8 without ASCII control characters other than "\n", at most kMaxNoteSize bytes.
// kInvalidInput for anything else. Verifies nothing.
Result<SignedNote> parse_signed_note(std::string_view text);

// True when the note carries at least one signature line with key's name and key id, and every
// such line is a valid Ed25519 signature of note.body under key. Lines of other keys are ignored.
bool verify_note_signature(const SignedNote& note, const VerifierKey& key);

}  // namespace mk::tlog

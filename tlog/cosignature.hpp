// C2SP tlog-cosignature/v1 with Ed25519 (c2sp.org/tlog-cosignature): a witness's statement, added
// as one more signature line to a checkpoint note (tlog/note.hpp), that as of a given time the
// checkpoint is the largest consistent tree head it has seen for the log.
//
//   key id        = first 4 bytes of SHA-256(name || 0x0A || 0x04 || 32-byte public key)
//   verifier key  = <name> "+" <hex(key id)> "+" base64(0x04 || public key)
//   signature     = 8-byte big-endian POSIX time || Ed25519 signature of the message
//   message       = "cosignature/v1\ntime <decimal time>\n" || note body (final "\n" included)
//
// The line is "— <name> <base64(key id || signature)>\n", as for every signed-note signature. The
// Ed25519 cosignature does not commit to the witness's name: one key must serve one witness.
// Format and test vectors: docs/formats/witness.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "crypto/signing.hpp"
#include "tlog/note.hpp"

namespace mk::tlog {

// The signature type byte of cosignature/v1 (Ed25519) in key ids and verifier keys.
inline constexpr std::uint8_t kCosignatureV1Type = 0x04;
// The largest timestamp a cosignature may carry (C2SP: at most 2^63 - 1).
inline constexpr std::uint64_t kMaxCosignatureTime = (std::uint64_t{1} << 63) - 1;

// SHA-256(name || 0x0A || 0x04 || public_key)[:4], big-endian.
KeyId cosignature_v1_key_id(std::string_view name, const crypto::SigningPublicKey& public_key);

// A witness's public key, with its name and key id (type 0x04; never valid for plain note
// signatures, whose key ids use type 0x01).
struct CosignerKey {
  std::string name;
  KeyId key_id = 0;  // always cosignature_v1_key_id(name, public_key)
  crypto::SigningPublicKey public_key{};

  friend bool operator==(const CosignerKey&, const CosignerKey&) = default;
};

// The cosigner key for `public_key` under `name`. Requires is_valid_key_name(name); aborts
// otherwise.
CosignerKey make_cosigner_key(std::string_view name, const crypto::SigningPublicKey& public_key);

// "name+1a2b3c4d+BB...": the text a witness hands out. Requires a key from make_cosigner_key or
// parse_cosigner_key; aborts otherwise.
std::string format_cosigner_key(const CosignerKey& key);

// The inverse of format_cosigner_key. kInvalidInput for anything else: an invalid name, a key id
// that is not 8 lowercase hex digits, non-canonical base64, a type byte other than 0x04 (a plain
// note key, type 0x01, included), a key that is not 32 bytes, a key id that does not match.
Result<CosignerKey> parse_cosigner_key(std::string_view text);

// "cosignature/v1\ntime <time>\n" + body: the bytes a cosignature signs.
std::string cosignature_message(std::string_view body, std::uint64_t time);

// The signature line of a cosignature of `body` at `time` by `key` under `name`, "\n" included, to
// be appended after a note's other signature lines. Deterministic. Requires
// is_valid_note_text(body), is_valid_key_name(name) and time <= kMaxCosignatureTime; aborts
// otherwise.
std::string cosign(std::string_view body, std::string_view name, const crypto::SigningKey& key,
                   std::uint64_t time);

// The time of `key`'s cosignature on `note`: the note must carry at least one line with key's name
// and key id, and every such line must be 72 bytes (time and signature), carry a time of at most
// kMaxCosignatureTime and a valid signature of the message above; the latest time is returned.
// kNotFound when no line has key's name and key id; kInvalidInput when such a line is bad (a
// tampered cosignature). Lines of other keys are ignored.
Result<std::uint64_t> verify_cosignature(const SignedNote& note, const CosignerKey& key);

}  // namespace mk::tlog

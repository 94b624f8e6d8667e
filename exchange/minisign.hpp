// minisign-compatible Ed25519 signatures (the format of minisign 0.11, jedisct1/minisign), so that
// a partner checks what we send with `minisign -Vm FILE -p KEY.pub`.
//
//   key id           8 bytes, chosen by the key's owner; shown in comments as 16 uppercase hex
//                    digits of the bytes in reverse order (the little-endian integer)
//   public key file  "untrusted comment: minisign public key <ID>\n"
//                    base64("Ed" || key id || Ed25519 public key (32)) "\n"
//   signature file   "untrusted comment: <text>\n"
//                    base64("ED" || key id || Ed25519 signature of BLAKE2b-512(file)) "\n"
//                    "trusted comment: <text>\n"
//                    base64(Ed25519 signature of (the 64 signature bytes above || <text>)) "\n"
//
// base64 is RFC 4648 §4 with "=" padding. We write the prehashed "ED" algorithm only (minisign's
// default); the verifier also accepts the legacy "Ed" algorithm (a signature of the file itself),
// as `minisign -V` does. Parsers are strict: canonical base64, "\n" line ends (a "\r" before it
// is tolerated, as minisign trims it), nothing after the fourth line but one optional "\n".
// Comments are at most kMinisignMaxCommentSize bytes of UTF-8 without control characters.
//
// Status codes: kInvalidInput for a malformed key or signature file, a signature by another key
// id, or a signature or trusted comment that does not verify (the file, signature or comment was
// altered); never an abort on any input.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "crypto/signing.hpp"

namespace mk::exchange {

inline constexpr std::size_t kMinisignKeyIdSize = 8;
inline constexpr std::size_t kMinisignMaxCommentSize = 1024;

using MinisignKeyId = std::array<std::uint8_t, kMinisignKeyIdSize>;

struct MinisignPublicKey {
  MinisignKeyId key_id{};
  crypto::SigningPublicKey public_key{};
  friend bool operator==(const MinisignPublicKey&, const MinisignPublicKey&) = default;
};

// "65DE1212403A1506" for key id bytes 06 15 3a 40 12 12 de 65.
std::string minisign_key_id_hex(const MinisignKeyId& key_id);

// A signing key: an Ed25519 key from a 32-byte seed (e.g. a vault subkey) and its key id.
// Move-only.
class MinisignSigningKey {
 public:
  // Requires seed.size() == crypto::kSigningSeedSize; aborts otherwise.
  MinisignSigningKey(const crypto::SecretBuffer& seed, const MinisignKeyId& key_id);

  MinisignPublicKey public_key() const { return {key_id_, key_.public_key()}; }

  // The signature file for `file`, trusted comment
  // "timestamp:<unix_time>\tfile:<file_name>\thashed" (what minisign -S writes). kInvalidInput when
  // file_name is empty, longer than 255 bytes, not UTF-8, or has a control character or "/".
  Result<std::string> sign(ByteView file, std::int64_t unix_time, std::string_view file_name) const;

  // The signature file for `file` with the given comments (each valid as said above; the
  // untrusted one without its "untrusted comment: " prefix). kInvalidInput otherwise.
  Result<std::string> sign_with_comments(ByteView file, std::string_view untrusted_comment,
                                         std::string_view trusted_comment) const;

 private:
  crypto::SigningKey key_;
  MinisignKeyId key_id_;
};

// The public key file ("untrusted comment: minisign public key <ID>\n<base64>\n").
std::string format_minisign_public_key(const MinisignPublicKey& key);
// Parses a public key file as above (any valid untrusted comment), or the bare base64 line (as
// `minisign -P` takes it). kInvalidInput otherwise.
Result<MinisignPublicKey> parse_minisign_public_key(std::string_view text);

struct MinisignVerified {
  std::string trusted_comment;  // authenticated by the global signature
  bool prehashed = true;        // "ED"; false for a legacy "Ed" signature
};

// Checks `signature_file` for `file` under `key`: the key ids match, the signature of the file
// (or its BLAKE2b-512) verifies, and the global signature over signature || trusted comment
// verifies. Returns the trusted comment. kInvalidInput for anything else.
Result<MinisignVerified> minisign_verify(ByteView file, std::string_view signature_file,
                                         const MinisignPublicKey& key);

}  // namespace mk::exchange

// The X25519 recipient stanza of age v1 (c2sp.org/age, "X25519 recipient stanza"):
//
//   -> X25519 <base64(ephemeral share)>
//   <base64(body)>
//
//   ephemeral share = X25519(ephemeral secret, basepoint), a fresh secret for every stanza
//   shared secret   = X25519(ephemeral secret, recipient) = X25519(identity, ephemeral share)
//   wrap key        = HKDF-SHA-256(ikm = shared secret, salt = share || recipient,
//                                  info = "age-encryption.org/v1/X25519")
//   body            = ChaCha20-Poly1305(wrap key, nonce = 12 zero bytes, file key)  (32 bytes)
#pragma once

#include <optional>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "exchange/age_header.hpp"
#include "exchange/age_keys.hpp"

namespace mk::exchange {

inline constexpr std::string_view kAgeX25519StanzaType = "X25519";

// A stanza wrapping `file_key` (kAgeFileKeySize bytes; aborts otherwise) for `recipient`.
// kInvalidInput when the recipient is a low-order point (the shared secret would be all zeros,
// which no identity can accept): a Bech32 key can hold one.
Result<AgeStanza> age_x25519_wrap(const crypto::SecretBuffer& file_key,
                                  const AgeRecipient& recipient);

// The file key, if `stanza` wraps one for `identity`:
//   - nullopt: the stanza is not of type X25519, or it is but was made for another recipient
//     (the body does not authenticate);
//   - kInvalidInput: an X25519 stanza that is malformed (not exactly one argument, the share not
//     canonical base64 of 32 bytes, a body not exactly 32 bytes: checked before any decryption)
//     or whose shared secret is all zeros (a low-order share): the spec says to reject the file.
Result<std::optional<crypto::SecretBuffer>> age_x25519_unwrap(const AgeStanza& stanza,
                                                              const AgeIdentity& identity);

}  // namespace mk::exchange

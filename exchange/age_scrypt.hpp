// The scrypt (passphrase) recipient stanza of age v1 (c2sp.org/age, "scrypt recipient stanza"):
//
//   -> scrypt <base64(salt)> <log2(N)>
//   <base64(body)>
//
//   salt     = 16 fresh random bytes for every stanza
//   wrap key = scrypt(N = 2^log2(N), r = 8, p = 1, dkLen = 32,
//                     S = "age-encryption.org/v1/scrypt" || salt, P = passphrase)
//   body     = ChaCha20-Poly1305(wrap key, nonce = 12 zero bytes, file key)  (32 bytes)
//
// log2(N) is written in decimal without leading zeros. A scrypt stanza must be the only stanza of
// its header (age_decrypt checks that for the whole header).
#pragma once

#include <optional>
#include <string_view>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "exchange/age_header.hpp"

namespace mk::exchange {

inline constexpr std::string_view kAgeScryptStanzaType = "scrypt";
inline constexpr std::size_t kAgeScryptSaltSize = 16;
// age's own default work factor (2^18: 256 MiB, about a second).
inline constexpr int kAgeDefaultScryptWorkFactor = 18;
// The largest work factor we write or, by default, read (age's own limit: 2^22, 4 GiB).
inline constexpr int kAgeMaxScryptWorkFactor = 22;

// Encrypting to a passphrase. Move-only.
struct AgePassphraseRecipient {
  crypto::SecretBuffer passphrase;
  int work_factor = kAgeDefaultScryptWorkFactor;  // log2(N), 1..kAgeMaxScryptWorkFactor
};

// Decrypting with a passphrase. Move-only.
struct AgePassphraseIdentity {
  crypto::SecretBuffer passphrase;
  // Files asking for more are refused before any work: a forged header cannot make us allocate
  // 2^log2(N) KiB. At most kAgeMaxScryptWorkFactor.
  int max_work_factor = kAgeMaxScryptWorkFactor;
};

// A stanza wrapping `file_key` (kAgeFileKeySize bytes; aborts otherwise) under the passphrase.
// kInvalidInput for an empty passphrase or a work factor outside [1, kAgeMaxScryptWorkFactor];
// kInternal when scrypt cannot have its memory.
Result<AgeStanza> age_scrypt_wrap(const crypto::SecretBuffer& file_key,
                                  const AgePassphraseRecipient& recipient);

// The file key, if `stanza` wraps one under the passphrase:
//   - nullopt: not a scrypt stanza, or the passphrase is not the one (the body does not
//     authenticate);
//   - kInvalidInput: a malformed scrypt stanza (not exactly two arguments, the salt not canonical
//     base64 of 16 bytes, the work factor not ^[1-9][0-9]*$, a body not exactly 32 bytes) or a work
//     factor above identity.max_work_factor: all checked before scrypt runs;
//   - kInternal: scrypt could not have its memory.
Result<std::optional<crypto::SecretBuffer>> age_scrypt_unwrap(
    const AgeStanza& stanza, const AgePassphraseIdentity& identity);

}  // namespace mk::exchange

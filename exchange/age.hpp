// age v1 files (c2sp.org/age), binary format: what we send partners, readable with the standard
// `age` tool (`age -d -i key.txt file.age`). We write X25519 recipients (one file to one or more
// partners' "age1…" keys) or a single scrypt passphrase stanza; we read the same, plus any other
// stanza types, which an identity ignores. ASCII armor and plugin/SSH recipients are not
// supported. The format parts are in age_header.hpp, age_stream.hpp, age_x25519.hpp and
// age_scrypt.hpp; docs/formats/age-and-minisign.md describes them with test vectors.
//
// Status codes:
//   kInvalidInput    malformed or altered file (header grammar, unsupported version, a malformed
//                    stanza of the identity's type, a low-order X25519 share, an scrypt stanza
//                    beside other stanzas, a work factor above the limit, a header MAC that does
//                    not verify, a payload chunk that fails, trailing data, a file over
//                    kAgeMaxPlaintextSize), or bad arguments (no recipients, empty passphrase,
//                    work factor out of range, a low-order recipient key);
//   kWrongPassphrase no stanza opens with the identities or passphrase given (also: a passphrase
//                    file read with an identity, and the reverse);
//   kInternal        scrypt could not have its memory.
// Decryption is all or nothing and never aborts on any file.
#pragma once

#include <span>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "exchange/age_keys.hpp"
#include "exchange/age_scrypt.hpp"
#include "exchange/age_stream.hpp"

namespace mk::exchange {

// An age file encrypting `plaintext` to every recipient (one X25519 stanza each, in order), with a
// fresh file key, ephemeral keys and payload nonce. kInvalidInput when `recipients` is empty, one
// is a low-order point, or the plaintext is over kAgeMaxPlaintextSize.
Result<Bytes> age_encrypt(ByteView plaintext, std::span<const AgeRecipient> recipients);

// An age file encrypting `plaintext` under a passphrase (one scrypt stanza). kInvalidInput for an
// empty passphrase, a work factor outside [1, kAgeMaxScryptWorkFactor] or a plaintext over
// kAgeMaxPlaintextSize; kInternal when scrypt cannot have its memory.
Result<Bytes> age_encrypt_with_passphrase(ByteView plaintext,
                                          const AgePassphraseRecipient& recipient);

// The plaintext of an age file, with the first identity that opens a stanza (tried stanza by
// stanza, as age does). Codes as above.
Result<crypto::SecretBuffer> age_decrypt(ByteView file, std::span<const AgeIdentity> identities);
Result<crypto::SecretBuffer> age_decrypt(ByteView file, const AgeIdentity& identity);

// The plaintext of an age file encrypted under a passphrase. Codes as above.
Result<crypto::SecretBuffer> age_decrypt_with_passphrase(ByteView file,
                                                         const AgePassphraseIdentity& identity);

}  // namespace mk::exchange

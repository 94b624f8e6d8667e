// age X25519 keys in the text forms `age-keygen` writes (c2sp.org/age, "The X25519 recipient
// type"):
//
//   recipient  "age1" + Bech32 of the 32-byte public key, HRP "age", lowercase
//   identity   "AGE-SECRET-KEY-1" + Bech32 of the 32-byte secret, HRP "AGE-SECRET-KEY-", uppercase
//
//   identity file (age-keygen):
//     # created: 2026-11-29T08:30:00Z
//     # public key: age1…
//     AGE-SECRET-KEY-1…
//
// Parsers are strict: the HRP and case must be exactly as above (age compares the HRP as
// written), no length limit (as age), no surrounding white space. Bad input gives kInvalidInput,
// never an abort, and the message never repeats the key. Secrets (identities, their text) stay in
// crypto::SecretBuffer.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "crypto/x25519.hpp"

namespace mk::exchange {

inline constexpr std::string_view kAgeRecipientHrp = "age";
inline constexpr std::string_view kAgeIdentityHrp = "AGE-SECRET-KEY-";

// The public half: what a partner publishes and we encrypt to.
struct AgeRecipient {
  crypto::X25519PublicKey public_key{};
  friend bool operator==(const AgeRecipient&, const AgeRecipient&) = default;
};

// The secret half. Move-only.
class AgeIdentity {
 public:
  // A new identity from the operating system's CSPRNG (as age-keygen).
  static AgeIdentity generate();
  // The identity of a 32-byte secret. Requires secret.size() == 32; aborts otherwise.
  static AgeIdentity from_secret(crypto::SecretBuffer secret);

  const crypto::SecretBuffer& secret() const { return pair_.secret; }
  AgeRecipient recipient() const { return {pair_.public_key}; }

 private:
  explicit AgeIdentity(crypto::X25519KeyPair pair) : pair_(std::move(pair)) {}
  crypto::X25519KeyPair pair_;
};

// "age1…" (lowercase).
std::string format_age_recipient(const AgeRecipient& recipient);
// The inverse; kInvalidInput for anything else (another HRP, uppercase, a bad checksum, not 32
// bytes).
Result<AgeRecipient> parse_age_recipient(std::string_view text);

// "AGE-SECRET-KEY-1…" (uppercase), in secure memory.
crypto::SecretBuffer format_age_identity(const AgeIdentity& identity);
// The inverse; kInvalidInput for anything else (lowercase, another HRP, a bad checksum, not 32
// bytes).
Result<AgeIdentity> parse_age_identity(std::string_view text);

// An identity file as age-keygen writes it (the three lines above, each ending in "\n"), in secure
// memory. `created` is written in UTC.
crypto::SecretBuffer format_age_identity_file(const AgeIdentity& identity, Instant created);

// The identities of an identity file as age reads it: one per line; empty lines and lines starting
// with "#" are ignored; a line may end in "\n" or "\r\n". kInvalidInput (naming the line number)
// for any other line, and for a file without identities.
Result<std::vector<AgeIdentity>> parse_age_identity_file(std::string_view text);

}  // namespace mk::exchange

#include "exchange/age_keys.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "exchange/bech32.hpp"

namespace mk::exchange {

AgeIdentity AgeIdentity::generate() {
  return AgeIdentity(crypto::X25519KeyPair::generate());
}

AgeIdentity AgeIdentity::from_secret(crypto::SecretBuffer secret) {
  if (secret.size() != crypto::kX25519SecretSize) std::abort();
  return AgeIdentity(crypto::X25519KeyPair::from_secret(std::move(secret)));
}

std::string format_age_recipient(const AgeRecipient& recipient) {
  return bech32_encode(kAgeRecipientHrp, bech32_bytes_to_values(recipient.public_key),
                       LetterCase::kLower);
}

Result<AgeRecipient> parse_age_recipient(std::string_view text) {
  auto decoded = bech32_decode(text, kBech32NoLengthLimit);
  if (!decoded) return decoded.status().with_context("age recipient");
  // age compares the HRP as written: "AGE1…" is not a recipient.
  if (decoded->hrp != kAgeRecipientHrp || decoded->letter_case != LetterCase::kLower) {
    return invalid_input("age recipient: does not start with \"age1\" (lowercase)");
  }
  auto bytes = bech32_values_to_bytes(decoded->data);
  if (!bytes) return invalid_input("age recipient: bech32: invalid padding");
  if (bytes->size() != crypto::kX25519PublicKeySize) {
    return invalid_input("age recipient: not a 32-byte key");
  }
  AgeRecipient out;
  std::copy(bytes->begin(), bytes->end(), out.public_key.begin());
  return out;
}

crypto::SecretBuffer format_age_identity(const AgeIdentity& identity) {
  return bech32_encode_secret(kAgeIdentityHrp, identity.secret(), LetterCase::kUpper);
}

Result<AgeIdentity> parse_age_identity(std::string_view text) {
  auto secret = bech32_decode_secret(text, kAgeIdentityHrp, crypto::kX25519SecretSize);
  if (!secret) {
    return invalid_input("age identity: not an \"AGE-SECRET-KEY-1…\" key (uppercase, 32 bytes)");
  }
  return AgeIdentity::from_secret(std::move(*secret));
}

crypto::SecretBuffer format_age_identity_file(const AgeIdentity& identity, Instant created) {
  std::string head = "# created: " + format_instant(created) +
                     "\n# public key: " + format_age_recipient(identity.recipient()) + "\n";
  crypto::SecretBuffer key = format_age_identity(identity);
  crypto::SecretBuffer out(head.size() + key.size() + 1);
  std::copy(head.begin(), head.end(), out.data());
  std::copy(key.data(), key.data() + key.size(), out.data() + head.size());
  out.data()[out.size() - 1] = '\n';
  return out;
}

Result<std::vector<AgeIdentity>> parse_age_identity_file(std::string_view text) {
  std::vector<AgeIdentity> out;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto identity = parse_age_identity(line);
    if (!identity) {
      return invalid_input("age identity file, line " + std::to_string(line_number) +
                           ": not an age identity");
    }
    out.push_back(std::move(*identity));
  }
  if (out.empty()) return invalid_input("age identity file: no identity in it");
  return out;
}

}  // namespace mk::exchange

#include "exchange/age_scrypt.hpp"

#include <algorithm>
#include <cstdlib>

#include "base/base64.hpp"
#include "crypto/chacha20poly1305.hpp"
#include "crypto/random.hpp"
#include "crypto/scrypt.hpp"

namespace mk::exchange {
namespace {

constexpr std::string_view kSaltLabel = "age-encryption.org/v1/scrypt";

std::optional<crypto::SecretBuffer> wrap_key(const crypto::SecretBuffer& passphrase, ByteView salt,
                                             int work_factor) {
  Bytes full_salt(kSaltLabel.begin(), kSaltLabel.end());
  full_salt.insert(full_salt.end(), salt.begin(), salt.end());
  return crypto::scrypt(passphrase, full_salt, work_factor, 32);
}

// ^[1-9][0-9]*$ as an int, or -1. Values of more than two digits are returned as 100 (above any
// limit) rather than parsed.
int parse_work_factor(std::string_view text) {
  if (text.empty() || text[0] < '1' || text[0] > '9') return -1;
  for (char c : text)
    if (c < '0' || c > '9') return -1;
  if (text.size() > 2) return 100;
  int value = 0;
  for (char c : text)
    value = value * 10 + (c - '0');
  return value;
}

}  // namespace

Result<AgeStanza> age_scrypt_wrap(const crypto::SecretBuffer& file_key,
                                  const AgePassphraseRecipient& recipient) {
  if (file_key.size() != kAgeFileKeySize) std::abort();
  if (recipient.passphrase.empty()) return invalid_input("age passphrase: empty");
  if (recipient.work_factor < 1 || recipient.work_factor > kAgeMaxScryptWorkFactor) {
    return invalid_input("age passphrase: work factor must be 1.." +
                         std::to_string(kAgeMaxScryptWorkFactor));
  }
  Bytes salt = crypto::random_bytes(kAgeScryptSaltSize);
  auto key = wrap_key(recipient.passphrase, salt, recipient.work_factor);
  if (!key) return internal_error("scrypt: could not allocate its memory");
  AgeStanza stanza;
  stanza.type = std::string(kAgeScryptStanzaType);
  stanza.args.push_back(base64_encode(salt, Base64Padding::kUnpadded));
  stanza.args.push_back(std::to_string(recipient.work_factor));
  stanza.body =
      crypto::chacha20poly1305_encrypt(*key, crypto::ChaCha20Poly1305Nonce{}, file_key.view());
  return stanza;
}

Result<std::optional<crypto::SecretBuffer>> age_scrypt_unwrap(
    const AgeStanza& stanza, const AgePassphraseIdentity& identity) {
  if (stanza.type != kAgeScryptStanzaType) return std::optional<crypto::SecretBuffer>();
  if (stanza.args.size() != 2) {
    return invalid_input("age scrypt stanza: expected exactly two arguments");
  }
  auto salt = base64_decode(stanza.args[0], Base64Padding::kUnpadded);
  if (!salt || salt->size() != kAgeScryptSaltSize) {
    return invalid_input("age scrypt stanza: salt is not canonical base64 of 16 bytes");
  }
  int work_factor = parse_work_factor(stanza.args[1]);
  if (work_factor < 0) {
    return invalid_input(
        "age scrypt stanza: work factor is not a decimal number without leading "
        "zeros");
  }
  int limit =
      std::min({identity.max_work_factor, kAgeMaxScryptWorkFactor, crypto::kScryptMaxLog2N});
  if (work_factor > limit) {
    return invalid_input(
        "age scrypt stanza: work factor " +
        (work_factor > 99 ? std::string("above 99") : std::to_string(work_factor)) +
        " is above our limit of " + std::to_string(limit));
  }
  if (stanza.body.size() != kAgeFileKeySize + crypto::kChaCha20Poly1305TagSize) {
    return invalid_input("age scrypt stanza: body is not 32 bytes");
  }
  auto key = wrap_key(identity.passphrase, *salt, work_factor);
  if (!key) return internal_error("scrypt: could not allocate its memory");
  return crypto::chacha20poly1305_decrypt_secret(*key, crypto::ChaCha20Poly1305Nonce{},
                                                 stanza.body);
}

}  // namespace mk::exchange

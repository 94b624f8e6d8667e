#include "exchange/age.hpp"

#include <functional>

#include "crypto/random.hpp"
#include "exchange/age_header.hpp"
#include "exchange/age_x25519.hpp"

namespace mk::exchange {
namespace {

Status check_plaintext_size(ByteView plaintext) {
  if (plaintext.size() > kAgeMaxPlaintextSize) {
    return invalid_input("age: plaintext larger than " +
                         std::to_string(kAgeMaxPlaintextSize >> 20) + " MiB");
  }
  return Status::ok();
}

Bytes assemble(const std::vector<AgeStanza>& stanzas, const crypto::SecretBuffer& file_key,
               ByteView plaintext) {
  std::string header = serialize_age_header(stanzas, file_key);
  AgePayloadNonce nonce;
  Bytes random = crypto::random_bytes(nonce.size());
  std::copy(random.begin(), random.end(), nonce.begin());
  Bytes payload = age_stream_encrypt(file_key, nonce, plaintext);
  Bytes out(header.begin(), header.end());
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

using Unwrap = std::function<Result<std::optional<crypto::SecretBuffer>>(const AgeStanza& stanza)>;

// Parses the header, finds the file key with `unwrap`, checks the MAC and decrypts the payload.
Result<crypto::SecretBuffer> decrypt(ByteView file, const Unwrap& unwrap,
                                     const char* no_match_message) {
  MK_ASSIGN_OR_RETURN(AgeHeader header, parse_age_header(file));
  for (const AgeStanza& s : header.stanzas) {
    if (s.type == kAgeScryptStanzaType && header.stanzas.size() != 1) {
      return invalid_input("age header: an scrypt stanza must be the only stanza");
    }
  }
  std::optional<crypto::SecretBuffer> file_key;
  for (const AgeStanza& s : header.stanzas) {
    MK_ASSIGN_OR_RETURN(file_key, unwrap(s));
    if (file_key) break;
  }
  if (!file_key) return Status(Code::kWrongPassphrase, no_match_message);
  if (!age_header_mac_verifies(*file_key, header, file)) {
    return invalid_input("age header: MAC does not verify (the header was altered)");
  }
  return age_stream_decrypt(*file_key, file.subspan(header.size));
}

}  // namespace

Result<Bytes> age_encrypt(ByteView plaintext, std::span<const AgeRecipient> recipients) {
  if (recipients.empty()) return invalid_input("age: no recipients");
  MK_RETURN_IF_ERROR(check_plaintext_size(plaintext));
  crypto::SecretBuffer file_key = crypto::SecretBuffer::random(kAgeFileKeySize);
  std::vector<AgeStanza> stanzas;
  for (const AgeRecipient& r : recipients) {
    MK_ASSIGN_OR_RETURN(AgeStanza stanza, age_x25519_wrap(file_key, r));
    stanzas.push_back(std::move(stanza));
  }
  return assemble(stanzas, file_key, plaintext);
}

Result<Bytes> age_encrypt_with_passphrase(ByteView plaintext,
                                          const AgePassphraseRecipient& recipient) {
  MK_RETURN_IF_ERROR(check_plaintext_size(plaintext));
  crypto::SecretBuffer file_key = crypto::SecretBuffer::random(kAgeFileKeySize);
  MK_ASSIGN_OR_RETURN(AgeStanza stanza, age_scrypt_wrap(file_key, recipient));
  std::vector<AgeStanza> stanzas;
  stanzas.push_back(std::move(stanza));
  return assemble(stanzas, file_key, plaintext);
}

Result<crypto::SecretBuffer> age_decrypt(ByteView file, std::span<const AgeIdentity> identities) {
  return decrypt(
      file,
      [&](const AgeStanza& s) -> Result<std::optional<crypto::SecretBuffer>> {
        for (const AgeIdentity& identity : identities) {
          MK_ASSIGN_OR_RETURN(auto key, age_x25519_unwrap(s, identity));
          if (key) return key;
        }
        return std::optional<crypto::SecretBuffer>();
      },
      "age: no identity given opens this file");
}

Result<crypto::SecretBuffer> age_decrypt(ByteView file, const AgeIdentity& identity) {
  return age_decrypt(file, std::span<const AgeIdentity>(&identity, 1));
}

Result<crypto::SecretBuffer> age_decrypt_with_passphrase(ByteView file,
                                                         const AgePassphraseIdentity& identity) {
  return decrypt(
      file, [&](const AgeStanza& s) { return age_scrypt_unwrap(s, identity); },
      "age: the passphrase does not open this file");
}

}  // namespace mk::exchange

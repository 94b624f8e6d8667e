#include "exchange/age_x25519.hpp"

#include <cstdlib>

#include "base/base64.hpp"
#include "crypto/chacha20poly1305.hpp"
#include "crypto/hmac.hpp"
#include "crypto/x25519.hpp"

namespace mk::exchange {
namespace {

constexpr std::string_view kInfo = "age-encryption.org/v1/X25519";

crypto::SecretBuffer wrap_key(const crypto::SecretBuffer& shared, ByteView share,
                              const crypto::X25519PublicKey& recipient) {
  Bytes salt(share.begin(), share.end());
  salt.insert(salt.end(), recipient.begin(), recipient.end());
  return crypto::hkdf_sha256(salt, shared, as_bytes(kInfo), 32);
}

}  // namespace

Result<AgeStanza> age_x25519_wrap(const crypto::SecretBuffer& file_key,
                                  const AgeRecipient& recipient) {
  if (file_key.size() != kAgeFileKeySize) std::abort();
  crypto::X25519KeyPair ephemeral = crypto::X25519KeyPair::generate();
  auto shared = crypto::x25519_shared_secret(ephemeral.secret, recipient.public_key);
  if (!shared) return invalid_input("age recipient: a low-order point, not a usable key");
  crypto::SecretBuffer key = wrap_key(*shared, ephemeral.public_key, recipient.public_key);
  AgeStanza stanza;
  stanza.type = std::string(kAgeX25519StanzaType);
  stanza.args.push_back(base64_encode(ephemeral.public_key, Base64Padding::kUnpadded));
  stanza.body =
      crypto::chacha20poly1305_encrypt(key, crypto::ChaCha20Poly1305Nonce{}, file_key.view());
  return stanza;
}

Result<std::optional<crypto::SecretBuffer>> age_x25519_unwrap(const AgeStanza& stanza,
                                                              const AgeIdentity& identity) {
  if (stanza.type != kAgeX25519StanzaType) return std::optional<crypto::SecretBuffer>();
  if (stanza.args.size() != 1) {
    return invalid_input("age X25519 stanza: expected exactly one argument");
  }
  auto share = base64_decode(stanza.args[0], Base64Padding::kUnpadded);
  if (!share || share->size() != crypto::kX25519PublicKeySize) {
    return invalid_input("age X25519 stanza: share is not canonical base64 of 32 bytes");
  }
  if (stanza.body.size() != kAgeFileKeySize + crypto::kChaCha20Poly1305TagSize) {
    return invalid_input("age X25519 stanza: body is not 32 bytes");
  }
  auto shared = crypto::x25519_shared_secret(identity.secret(), *share);
  if (!shared) {
    return invalid_input("age X25519 stanza: low-order share (all-zero shared secret)");
  }
  crypto::SecretBuffer key = wrap_key(*shared, *share, identity.recipient().public_key);
  auto file_key =
      crypto::chacha20poly1305_decrypt_secret(key, crypto::ChaCha20Poly1305Nonce{}, stanza.body);
  return file_key;  // nullopt: made for another recipient
}

}  // namespace mk::exchange

#include "tlog/cosignature.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "base/base64.hpp"
#include "base/bytes.hpp"
#include "crypto/hash.hpp"

namespace mk::tlog {
namespace {

constexpr std::size_t kKeyIdSize = 4;
constexpr std::size_t kTimeSize = 8;
constexpr std::size_t kCosignatureSize = kTimeSize + crypto::kSignatureSize;

std::array<std::uint8_t, kKeyIdSize> key_id_bytes(KeyId id) {
  return {static_cast<std::uint8_t>(id >> 24), static_cast<std::uint8_t>(id >> 16),
          static_cast<std::uint8_t>(id >> 8), static_cast<std::uint8_t>(id)};
}

std::optional<KeyId> parse_lowercase_hex_id(std::string_view hex) {
  if (hex.size() != 2 * kKeyIdSize) return std::nullopt;
  KeyId id = 0;
  for (char c : hex) {
    KeyId v;
    if (c >= '0' && c <= '9') {
      v = static_cast<KeyId>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v = static_cast<KeyId>(c - 'a' + 10);
    } else {
      return std::nullopt;
    }
    id = (id << 4) | v;
  }
  return id;
}

std::uint64_t read_time(const Bytes& signature) {
  std::uint64_t t = 0;
  for (std::size_t i = 0; i < kTimeSize; ++i)
    t = (t << 8) | signature[i];
  return t;
}

}  // namespace

KeyId cosignature_v1_key_id(std::string_view name, const crypto::SigningPublicKey& public_key) {
  static constexpr std::uint8_t kSeparator[2] = {0x0A, kCosignatureV1Type};
  crypto::Sha256Digest digest =
      crypto::Sha256().update(as_bytes(name)).update(kSeparator).update(public_key).finish();
  return (KeyId{digest[0]} << 24) | (KeyId{digest[1]} << 16) | (KeyId{digest[2]} << 8) |
         KeyId{digest[3]};
}

CosignerKey make_cosigner_key(std::string_view name, const crypto::SigningPublicKey& public_key) {
  if (!is_valid_key_name(name)) std::abort();
  return CosignerKey{std::string(name), cosignature_v1_key_id(name, public_key), public_key};
}

std::string format_cosigner_key(const CosignerKey& key) {
  if (!is_valid_key_name(key.name) ||
      key.key_id != cosignature_v1_key_id(key.name, key.public_key)) {
    std::abort();
  }
  Bytes typed_key;
  typed_key.push_back(kCosignatureV1Type);
  typed_key.insert(typed_key.end(), key.public_key.begin(), key.public_key.end());
  return key.name + "+" + to_hex(key_id_bytes(key.key_id)) + "+" + base64_encode(typed_key);
}

Result<CosignerKey> parse_cosigner_key(std::string_view text) {
  if (text.size() > kMaxNoteSize) return invalid_input("witness key: too long");
  std::size_t first = text.find('+');
  if (first == std::string_view::npos) return invalid_input("witness key: no '+' after the name");
  std::size_t second = text.find('+', first + 1);
  if (second == std::string_view::npos) {
    return invalid_input("witness key: no '+' after the key id");
  }
  std::string_view name = text.substr(0, first);
  if (!is_valid_key_name(name)) return invalid_input("witness key: invalid key name");
  std::optional<KeyId> id = parse_lowercase_hex_id(text.substr(first + 1, second - first - 1));
  if (!id) return invalid_input("witness key: the key id is not 8 lowercase hex digits");
  std::optional<Bytes> typed_key = base64_decode(text.substr(second + 1));
  if (!typed_key) return invalid_input("witness key: the key is not canonical base64");
  if (typed_key->size() != 1 + crypto::kSigningPublicKeySize ||
      (*typed_key)[0] != kCosignatureV1Type) {
    return invalid_input("witness key: not a cosignature/v1 key (type 0x04, 32 bytes)");
  }
  CosignerKey key;
  key.name = std::string(name);
  std::copy(typed_key->begin() + 1, typed_key->end(), key.public_key.begin());
  key.key_id = cosignature_v1_key_id(name, key.public_key);
  if (key.key_id != *id)
    return invalid_input("witness key: the key id does not match name and key");
  return key;
}

std::string cosignature_message(std::string_view body, std::uint64_t time) {
  std::string message = "cosignature/v1\ntime " + std::to_string(time) + "\n";
  message.append(body);
  return message;
}

std::string cosign(std::string_view body, std::string_view name, const crypto::SigningKey& key,
                   std::uint64_t time) {
  if (!is_valid_note_text(body) || !is_valid_key_name(name) || time > kMaxCosignatureTime) {
    std::abort();
  }
  crypto::Signature signature = key.sign(as_bytes(cosignature_message(body, time)));
  NoteSignature line;
  line.name = std::string(name);
  line.key_id = cosignature_v1_key_id(name, key.public_key());
  for (std::size_t i = 0; i < kTimeSize; ++i) {
    line.signature.push_back(static_cast<std::uint8_t>(time >> (8 * (kTimeSize - 1 - i))));
  }
  line.signature.insert(line.signature.end(), signature.begin(), signature.end());
  return signature_line(line);
}

Result<std::uint64_t> verify_cosignature(const SignedNote& note, const CosignerKey& key) {
  std::optional<std::uint64_t> latest;
  for (const NoteSignature& sig : note.signatures) {
    if (sig.name != key.name || sig.key_id != key.key_id) continue;
    if (sig.signature.size() != kCosignatureSize) {
      return invalid_input("the cosignature of witness \"" + key.name + "\" has the wrong length");
    }
    std::uint64_t time = read_time(sig.signature);
    if (time > kMaxCosignatureTime) {
      return invalid_input("the cosignature of witness \"" + key.name + "\" has an invalid time");
    }
    std::string message = cosignature_message(note.body, time);
    if (!crypto::verify_signature(key.public_key, as_bytes(message),
                                  ByteView(sig.signature).subspan(kTimeSize))) {
      return invalid_input("the cosignature of witness \"" + key.name + "\" does not verify");
    }
    latest = std::max(latest.value_or(0), time);
  }
  if (!latest) return not_found("the note carries no cosignature of witness \"" + key.name + "\"");
  return *latest;
}

}  // namespace mk::tlog

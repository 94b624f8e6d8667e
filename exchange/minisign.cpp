#include "exchange/minisign.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <vector>

#include "base/base64.hpp"
#include "base/utf8.hpp"
#include "crypto/hash.hpp"

namespace mk::exchange {
namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr std::string_view kKeyAlgorithm = "Ed";
constexpr std::string_view kPrehashedAlgorithm = "ED";
constexpr std::string_view kLegacyAlgorithm = "Ed";
constexpr std::size_t kAlgorithmSize = 2;
constexpr std::size_t kPublicKeyBlobSize =
    kAlgorithmSize + kMinisignKeyIdSize + crypto::kSigningPublicKeySize;
constexpr std::size_t kSignatureBlobSize =
    kAlgorithmSize + kMinisignKeyIdSize + crypto::kSignatureSize;
constexpr std::size_t kMaxFileNameSize = 255;

// A comment we write or accept: UTF-8, no line break, no control character but tab.
bool is_valid_comment(std::string_view text) {
  return text.size() <= kMinisignMaxCommentSize && is_valid_utf8(text) &&
         !has_control_characters(text) && text.find('\n') == std::string_view::npos &&
         text.find('\r') == std::string_view::npos;
}

bool is_valid_file_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxFileNameSize && is_valid_comment(name) &&
         name.find('\t') == std::string_view::npos && name.find('/') == std::string_view::npos;
}

// Splits into lines ending in "\n" (a "\r" before it dropped). The last line may lack its "\n".
// nullopt when there are more than `max_lines` lines.
std::optional<std::vector<std::string_view>> split_lines(std::string_view text,
                                                         std::size_t max_lines) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    if (lines.size() == max_lines) return std::nullopt;
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
  }
  return lines;
}

std::string signature_line(const MinisignKeyId& key_id, const crypto::Signature& signature) {
  Bytes blob(kPrehashedAlgorithm.begin(), kPrehashedAlgorithm.end());
  blob.insert(blob.end(), key_id.begin(), key_id.end());
  blob.insert(blob.end(), signature.begin(), signature.end());
  return base64_encode(blob);
}

Bytes global_message(ByteView signature, std::string_view trusted_comment) {
  Bytes out(signature.begin(), signature.end());
  out.insert(out.end(), trusted_comment.begin(), trusted_comment.end());
  return out;
}

}  // namespace

std::string minisign_key_id_hex(const MinisignKeyId& key_id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (auto it = key_id.rbegin(); it != key_id.rend(); ++it) {
    out.push_back(kHex[*it >> 4]);
    out.push_back(kHex[*it & 15]);
  }
  return out;
}

MinisignSigningKey::MinisignSigningKey(const crypto::SecretBuffer& seed,
                                       const MinisignKeyId& key_id)
    : key_(seed), key_id_(key_id) {}

Result<std::string> MinisignSigningKey::sign(ByteView file, std::int64_t unix_time,
                                             std::string_view file_name) const {
  if (!is_valid_file_name(file_name)) {
    return invalid_input(
        "minisign: file name must be 1..255 bytes of UTF-8 without control "
        "characters, tab or \"/\"");
  }
  std::string trusted =
      "timestamp:" + std::to_string(unix_time) + "\tfile:" + std::string(file_name) + "\thashed";
  return sign_with_comments(file, "signature from minisign secret key", trusted);
}

Result<std::string> MinisignSigningKey::sign_with_comments(ByteView file,
                                                           std::string_view untrusted_comment,
                                                           std::string_view trusted_comment) const {
  if (!is_valid_comment(untrusted_comment) || !is_valid_comment(trusted_comment)) {
    return invalid_input(
        "minisign: a comment must be one line of UTF-8 without control "
        "characters (tab allowed), at most 1024 bytes");
  }
  Bytes digest = crypto::Blake2b(crypto::kBlake2b512Size).update(file).finish();
  crypto::Signature signature = key_.sign(digest);
  crypto::Signature global = key_.sign(global_message(signature, trusted_comment));
  std::string out;
  out += kUntrustedPrefix;
  out += untrusted_comment;
  out += '\n';
  out += signature_line(key_id_, signature);
  out += '\n';
  out += kTrustedPrefix;
  out += trusted_comment;
  out += '\n';
  out += base64_encode(global);
  out += '\n';
  return out;
}

std::string format_minisign_public_key(const MinisignPublicKey& key) {
  Bytes blob(kKeyAlgorithm.begin(), kKeyAlgorithm.end());
  blob.insert(blob.end(), key.key_id.begin(), key.key_id.end());
  blob.insert(blob.end(), key.public_key.begin(), key.public_key.end());
  return std::string(kUntrustedPrefix) + "minisign public key " + minisign_key_id_hex(key.key_id) +
         "\n" + base64_encode(blob) + "\n";
}

Result<MinisignPublicKey> parse_minisign_public_key(std::string_view text) {
  auto lines = split_lines(text, 2);
  if (!lines || lines->empty()) {
    return invalid_input("minisign public key: expected a comment line and a key line");
  }
  std::string_view key_line = lines->back();
  if (lines->size() == 2) {
    std::string_view comment = (*lines)[0];
    if (comment.substr(0, kUntrustedPrefix.size()) != kUntrustedPrefix ||
        !is_valid_comment(comment.substr(kUntrustedPrefix.size()))) {
      return invalid_input("minisign public key: first line is not an \"untrusted comment: \"");
    }
  }
  auto blob = base64_decode(key_line);
  if (!blob || blob->size() != kPublicKeyBlobSize) {
    return invalid_input("minisign public key: key line is not canonical base64 of 42 bytes");
  }
  if (as_chars(ByteView(*blob).subspan(0, kAlgorithmSize)) != kKeyAlgorithm) {
    return invalid_input("minisign public key: not an Ed25519 (\"Ed\") key");
  }
  MinisignPublicKey key;
  std::copy_n(blob->begin() + kAlgorithmSize, kMinisignKeyIdSize, key.key_id.begin());
  std::copy_n(blob->begin() + kAlgorithmSize + kMinisignKeyIdSize, crypto::kSigningPublicKeySize,
              key.public_key.begin());
  return key;
}

Result<MinisignVerified> minisign_verify(ByteView file, std::string_view signature_file,
                                         const MinisignPublicKey& key) {
  auto lines = split_lines(signature_file, 4);
  if (!lines || lines->size() != 4) {
    return invalid_input("minisign signature: expected exactly four lines");
  }
  std::string_view untrusted = (*lines)[0], sig_line = (*lines)[1], trusted = (*lines)[2],
                   global_line = (*lines)[3];
  if (untrusted.substr(0, kUntrustedPrefix.size()) != kUntrustedPrefix ||
      !is_valid_comment(untrusted.substr(kUntrustedPrefix.size()))) {
    return invalid_input("minisign signature: line 1 is not an \"untrusted comment: \"");
  }
  if (trusted.substr(0, kTrustedPrefix.size()) != kTrustedPrefix ||
      !is_valid_comment(trusted.substr(kTrustedPrefix.size()))) {
    return invalid_input("minisign signature: line 3 is not a \"trusted comment: \"");
  }
  std::string_view trusted_comment = trusted.substr(kTrustedPrefix.size());
  auto blob = base64_decode(sig_line);
  if (!blob || blob->size() != kSignatureBlobSize) {
    return invalid_input("minisign signature: line 2 is not canonical base64 of 74 bytes");
  }
  auto global = base64_decode(global_line);
  if (!global || global->size() != crypto::kSignatureSize) {
    return invalid_input("minisign signature: line 4 is not canonical base64 of 64 bytes");
  }
  ByteView blob_view(*blob);
  std::string_view algorithm = as_chars(blob_view.subspan(0, kAlgorithmSize));
  bool prehashed = algorithm == kPrehashedAlgorithm;
  if (!prehashed && algorithm != kLegacyAlgorithm) {
    return invalid_input("minisign signature: unsupported algorithm");
  }
  ByteView key_id = blob_view.subspan(kAlgorithmSize, kMinisignKeyIdSize);
  if (!std::equal(key_id.begin(), key_id.end(), key.key_id.begin())) {
    MinisignKeyId signed_by;
    std::copy(key_id.begin(), key_id.end(), signed_by.begin());
    return invalid_input("minisign signature: made by key " + minisign_key_id_hex(signed_by) +
                         ", not by key " + minisign_key_id_hex(key.key_id));
  }
  ByteView signature = blob_view.subspan(kAlgorithmSize + kMinisignKeyIdSize);
  bool file_ok;
  if (prehashed) {
    Bytes digest = crypto::Blake2b(crypto::kBlake2b512Size).update(file).finish();
    file_ok = crypto::verify_signature(key.public_key, digest, signature);
  } else {
    file_ok = crypto::verify_signature(key.public_key, file, signature);
  }
  if (!file_ok) {
    return invalid_input("minisign signature: does not verify (file or signature altered)");
  }
  if (!crypto::verify_signature(key.public_key, global_message(signature, trusted_comment),
                                *global)) {
    return invalid_input("minisign signature: trusted comment does not verify (altered)");
  }
  MinisignVerified out;
  out.trusted_comment = std::string(trusted_comment);
  out.prehashed = prehashed;
  return out;
}

}  // namespace mk::exchange

#include "tlog/note.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "base/base64.hpp"
#include "base/utf8.hpp"
#include "crypto/hash.hpp"

namespace mk::tlog {

namespace {

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // U+2014 EM DASH, space
constexpr std::size_t kKeyIdSize = 4;

// Go's unicode.IsSpace: Unicode White_Space.
bool is_unicode_space(char32_t cp) {
  switch (cp) {
    case U'\t':
    case U'\n':
    case U'\v':
    case U'\f':
    case U'\r':
    case U' ':
    case U'\u0085':
    case U'\u00A0':
    case U'\u1680':
    case U'\u2028':
    case U'\u2029':
    case U'\u202F':
    case U'\u205F':
    case U'\u3000':
      return true;
    default:
      return cp >= U'\u2000' && cp <= U'\u200A';
  }
}

// Valid UTF-8 and no ASCII control character other than "\n" (C2SP signed-note).
bool is_clean_text(std::string_view text) {
  if (!is_valid_utf8(text)) return false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') return false;
  }
  return true;
}

void put_key_id(KeyId id, std::uint8_t* out) {
  out[0] = static_cast<std::uint8_t>(id >> 24);
  out[1] = static_cast<std::uint8_t>(id >> 16);
  out[2] = static_cast<std::uint8_t>(id >> 8);
  out[3] = static_cast<std::uint8_t>(id);
}

KeyId get_key_id(const std::uint8_t* in) {
  return (KeyId{in[0]} << 24) | (KeyId{in[1]} << 16) | (KeyId{in[2]} << 8) | KeyId{in[3]};
}

std::string line_for(std::string_view name, KeyId key_id, ByteView signature) {
  Bytes blob(kKeyIdSize + signature.size());
  put_key_id(key_id, blob.data());
  std::copy(signature.begin(), signature.end(), blob.begin() + kKeyIdSize);
  std::string line;
  line.reserve(kSignaturePrefix.size() + name.size() + 2 + (blob.size() + 2) / 3 * 4);
  line.append(kSignaturePrefix).append(name).append(" ").append(base64_encode(blob)).append("\n");
  return line;
}

std::optional<KeyId> parse_hex_key_id(std::string_view hex) {
  if (hex.size() != 8) return std::nullopt;
  KeyId id = 0;
  for (char c : hex) {
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else {
      return std::nullopt;  // upper case too: one accepted text per key
    }
    id = (id << 4) | static_cast<KeyId>(v);
  }
  return id;
}

// One signature line without its "\n".
Result<NoteSignature> parse_signature_line(std::string_view line) {
  if (line.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) {
    return invalid_input("signed note: a signature line does not start with an em dash and space");
  }
  line.remove_prefix(kSignaturePrefix.size());
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos) {
    return invalid_input("signed note: a signature line has no space after the key name");
  }
  std::string_view name = line.substr(0, space);
  std::string_view encoded = line.substr(space + 1);
  if (!is_valid_key_name(name)) return invalid_input("signed note: invalid key name");
  std::optional<Bytes> blob = base64_decode(encoded);
  if (!blob) return invalid_input("signed note: a signature is not canonical base64");
  if (blob->size() <= kKeyIdSize) return invalid_input("signed note: a signature is too short");
  NoteSignature sig;
  sig.name = std::string(name);
  sig.key_id = get_key_id(blob->data());
  sig.signature.assign(blob->begin() + kKeyIdSize, blob->end());
  return sig;
}

}  // namespace

bool is_valid_key_name(std::string_view name) {
  if (name.empty() || !is_valid_utf8(name)) return false;
  for (std::size_t pos = 0; pos < name.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(name, pos, cp);
    if (len == 0) return false;
    if (cp < 0x20 || cp == U'+' || is_unicode_space(cp)) return false;
    pos += len;
  }
  return true;
}

bool is_valid_note_text(std::string_view text) {
  return !text.empty() && text.size() <= kMaxNoteSize && text.back() == '\n' && is_clean_text(text);
}

KeyId ed25519_key_id(std::string_view name, const crypto::SigningPublicKey& public_key) {
  static constexpr std::uint8_t kSeparator[2] = {0x0A, kEd25519SignatureType};
  crypto::Sha256 sha;
  crypto::Sha256Digest digest =
      sha.update(as_bytes(name)).update(kSeparator).update(public_key).finish();
  return get_key_id(digest.data());
}

VerifierKey make_verifier_key(std::string_view name, const crypto::SigningPublicKey& public_key) {
  if (!is_valid_key_name(name)) std::abort();
  return VerifierKey{std::string(name), ed25519_key_id(name, public_key), public_key};
}

std::string format_verifier_key(const VerifierKey& key) {
  if (!is_valid_key_name(key.name) || key.key_id != ed25519_key_id(key.name, key.public_key)) {
    std::abort();
  }
  std::uint8_t id[kKeyIdSize];
  put_key_id(key.key_id, id);
  Bytes typed_key;
  typed_key.reserve(1 + key.public_key.size());
  typed_key.push_back(kEd25519SignatureType);
  typed_key.insert(typed_key.end(), key.public_key.begin(), key.public_key.end());
  return key.name + "+" + to_hex(id) + "+" + base64_encode(typed_key);
}

Result<VerifierKey> parse_verifier_key(std::string_view text) {
  if (text.size() > kMaxNoteSize) return invalid_input("verifier key: too long");
  std::size_t first = text.find('+');
  if (first == std::string_view::npos) return invalid_input("verifier key: no '+' after the name");
  std::size_t second = text.find('+', first + 1);
  if (second == std::string_view::npos)
    return invalid_input("verifier key: no '+' after the key id");
  std::string_view name = text.substr(0, first);
  if (!is_valid_key_name(name)) return invalid_input("verifier key: invalid key name");
  std::optional<KeyId> id = parse_hex_key_id(text.substr(first + 1, second - first - 1));
  if (!id) return invalid_input("verifier key: the key id is not 8 lowercase hex digits");
  std::optional<Bytes> typed_key = base64_decode(text.substr(second + 1));
  if (!typed_key) return invalid_input("verifier key: the key is not canonical base64");
  if (typed_key->size() != 1 + crypto::kSigningPublicKeySize ||
      (*typed_key)[0] != kEd25519SignatureType) {
    return invalid_input("verifier key: not an Ed25519 key (type 0x01, 32 bytes)");
  }
  VerifierKey key;
  key.name = std::string(name);
  std::copy(typed_key->begin() + 1, typed_key->end(), key.public_key.begin());
  key.key_id = ed25519_key_id(name, key.public_key);
  if (key.key_id != *id)
    return invalid_input("verifier key: the key id does not match name and key");
  return key;
}

std::string sign_note(std::string_view body, std::string_view name, const crypto::SigningKey& key) {
  if (!is_valid_note_text(body) || !is_valid_key_name(name)) std::abort();
  crypto::Signature signature = key.sign(as_bytes(body));
  return line_for(name, ed25519_key_id(name, key.public_key()), signature);
}

std::string signature_line(const NoteSignature& signature) {
  if (!is_valid_key_name(signature.name) || signature.signature.empty()) std::abort();
  return line_for(signature.name, signature.key_id, signature.signature);
}

std::string format_signed_note(const SignedNote& note) {
  if (!is_valid_note_text(note.body) || note.signatures.empty() ||
      note.signatures.size() > kMaxNoteSignatures) {
    std::abort();
  }
  std::string out = note.body;
  out.push_back('\n');
  for (const NoteSignature& sig : note.signatures)
    out += signature_line(sig);
  return out;
}

Result<SignedNote> parse_signed_note(std::string_view text) {
  if (text.size() > kMaxNoteSize) return invalid_input("signed note: too long");
  if (!is_clean_text(text)) {
    return invalid_input("signed note: not UTF-8, or holds a control character other than newline");
  }
  // The signature lines cannot hold an empty line, so the last one separates text and signatures.
  std::size_t split = text.rfind("\n\n");
  if (split == std::string_view::npos) {
    return invalid_input("signed note: no blank line before the signatures");
  }
  SignedNote note;
  note.body = std::string(text.substr(0, split + 1));
  std::string_view lines = text.substr(split + 2);
  if (lines.empty()) return invalid_input("signed note: no signature lines");
  if (lines.back() != '\n')
    return invalid_input("signed note: the last line does not end in a newline");
  while (!lines.empty()) {
    if (note.signatures.size() == kMaxNoteSignatures) {
      return invalid_input("signed note: more signature lines than allowed");
    }
    std::size_t end = lines.find('\n');  // found: lines ends in "\n"
    MK_ASSIGN_OR_RETURN(NoteSignature sig, parse_signature_line(lines.substr(0, end)));
    note.signatures.push_back(std::move(sig));
    lines.remove_prefix(end + 1);
  }
  return note;
}

bool verify_note_signature(const SignedNote& note, const VerifierKey& key) {
  bool found = false;
  for (const NoteSignature& sig : note.signatures) {
    if (sig.name != key.name || sig.key_id != key.key_id) continue;
    if (!crypto::verify_signature(key.public_key, as_bytes(note.body), sig.signature)) return false;
    found = true;
  }
  return found;
}

}  // namespace mk::tlog

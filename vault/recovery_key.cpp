#include "vault/recovery_key.hpp"

#include "crypto/hash.hpp"

namespace mk::vault {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kKeyChars = 52;

int decode_char(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  for (int i = 0; i < 32; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}

// Writes `chars` base32 characters of the bit string `bytes` (zero-padded at the end).
void encode_bits(std::span<const std::uint8_t> bytes, std::size_t chars, std::uint8_t* out) {
  for (std::size_t i = 0; i < chars; ++i) {
    unsigned value = 0;
    for (std::size_t b = 0; b < 5; ++b) {
      std::size_t bit = i * 5 + b;
      unsigned v = bit / 8 < bytes.size() ? (bytes[bit / 8] >> (7 - bit % 8)) & 1u : 0u;
      value = (value << 1) | v;
    }
    out[i] = static_cast<std::uint8_t>(kAlphabet[value]);
  }
}

// The four checksum characters of a 52-character key text.
void checksum_chars(std::span<const std::uint8_t> key_chars, std::uint8_t* out) {
  crypto::Sha256Digest d = crypto::sha256(key_chars);
  encode_bits(d, 4, out);
}

}  // namespace

crypto::SecretBuffer generate_recovery_key() {
  crypto::SecretBuffer bits = crypto::SecretBuffer::random(kKeyBytes);
  crypto::SecretBuffer plain(kRecoveryKeyChars);
  encode_bits(bits.view(), kKeyChars, plain.data());
  checksum_chars(plain.view().subspan(0, kKeyChars), plain.data() + kKeyChars);
  crypto::SecretBuffer printed(kRecoveryKeyChars + kRecoveryKeyChars / 4 - 1);
  std::size_t o = 0;
  for (std::size_t i = 0; i < kRecoveryKeyChars; ++i) {
    if (i > 0 && i % 4 == 0) printed.data()[o++] = '-';
    printed.data()[o++] = plain.data()[i];
  }
  return printed;
}

std::optional<crypto::SecretBuffer> canonical_recovery_key(std::string_view typed) {
  crypto::SecretBuffer canon(kRecoveryKeyChars);
  std::size_t n = 0;
  for (char c : typed) {
    if (c == '-' || c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    int v = decode_char(c);
    if (v < 0 || n == kRecoveryKeyChars) return std::nullopt;
    canon.data()[n++] = static_cast<std::uint8_t>(kAlphabet[v]);
  }
  if (n != kRecoveryKeyChars) return std::nullopt;
  std::uint8_t check[4];
  checksum_chars(canon.view().subspan(0, kKeyChars), check);
  for (std::size_t i = 0; i < 4; ++i) {
    if (check[i] != canon.data()[kKeyChars + i]) return std::nullopt;
  }
  return canon;
}

}  // namespace mk::vault

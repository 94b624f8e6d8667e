#include "exchange/bech32.hpp"

#include <array>
#include <cstdlib>
#include <span>

namespace mk::exchange {
namespace {

constexpr char kAlphabet[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::size_t kChecksumSize = 6;

constexpr std::array<int, 128> make_reverse() {
  std::array<int, 128> r{};
  for (int& v : r)
    v = -1;
  for (int i = 0; i < 32; ++i)
    r[static_cast<unsigned char>(kAlphabet[i])] = i;
  return r;
}
constexpr std::array<int, 128> kReverse = make_reverse();

char to_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// BIP 173's polymod, fed one 5-bit value at a time.
class Polymod {
 public:
  void feed(std::uint32_t value) {
    static constexpr std::uint32_t kGenerator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                                    0x2a1462b3};
    std::uint32_t top = chk_ >> 25;
    chk_ = ((chk_ & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; ++i)
      if ((top >> i) & 1) chk_ ^= kGenerator[i];
  }
  // hrp_expand(hrp): the high bits of each character, a zero, the low bits. `hrp` is lowercase.
  void feed_hrp(std::string_view hrp) {
    for (char c : hrp)
      feed(static_cast<unsigned char>(c) >> 5);
    feed(0);
    for (char c : hrp)
      feed(static_cast<unsigned char>(c) & 31);
  }
  std::uint32_t value() const { return chk_; }

 private:
  std::uint32_t chk_ = 1;
};

bool valid_hrp_char(char c) {
  return c >= 33 && c <= 126;
}

std::size_t encoded_size(std::string_view hrp, std::size_t values) {
  return hrp.size() + 1 + values + kChecksumSize;
}

// Writes the string of `hrp` and `values` into `out` (encoded_size() characters).
void encode_into(std::string_view hrp, ByteView values, LetterCase letter_case,
                 std::span<char> out) {
  if (hrp.empty() || out.size() != encoded_size(hrp, values.size())) std::abort();
  Polymod chk;
  for (char c : hrp)
    if (!valid_hrp_char(c)) std::abort();
  // The checksum covers the lowercase HRP; write it lowercase, then apply the case at the end.
  std::size_t pos = 0;
  for (char c : hrp)
    out[pos++] = to_lower(c);
  chk.feed_hrp(std::string_view(out.data(), hrp.size()));
  out[pos++] = '1';
  for (std::uint8_t v : values) {
    if (v > 31) std::abort();
    chk.feed(v);
    out[pos++] = kAlphabet[v];
  }
  for (std::size_t i = 0; i < kChecksumSize; ++i)
    chk.feed(0);
  std::uint32_t mod = chk.value() ^ 1;
  for (std::size_t i = 0; i < kChecksumSize; ++i)
    out[pos++] = kAlphabet[(mod >> (5 * (5 - i))) & 31];
  if (letter_case == LetterCase::kUpper) {
    for (char& c : out)
      c = to_upper(c);
  }
}

struct Layout {
  std::size_t separator = 0;  // index of the last '1'
  std::size_t values = 0;     // number of data values, checksum excluded
  LetterCase letter_case = LetterCase::kLower;
};

// Checks everything BIP 173 asks of `text` and writes the data values (checksum excluded) into
// `values` when it is not empty (the caller sizes it from a first call with an empty span).
Result<Layout> decode_into(std::string_view text, std::size_t max_length,
                           std::span<std::uint8_t> values) {
  if (text.size() > max_length) return invalid_input("bech32: string too long");
  bool lower = false, upper = false;
  for (char c : text) {
    if (!valid_hrp_char(c)) return invalid_input("bech32: character out of range");
    if (c >= 'a' && c <= 'z') lower = true;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  if (lower && upper) return invalid_input("bech32: mixed upper and lower case");
  std::size_t sep = text.rfind('1');
  if (sep == std::string_view::npos) return invalid_input("bech32: no separator");
  if (sep == 0) return invalid_input("bech32: empty human-readable part");
  if (text.size() - sep - 1 < kChecksumSize) return invalid_input("bech32: checksum too short");

  Layout layout;
  layout.separator = sep;
  layout.values = text.size() - sep - 1 - kChecksumSize;
  layout.letter_case = upper ? LetterCase::kUpper : LetterCase::kLower;
  if (!values.empty() && values.size() != layout.values) std::abort();

  Polymod chk;
  for (char c : text.substr(0, sep))
    chk.feed(static_cast<unsigned char>(to_lower(c)) >> 5);
  chk.feed(0);
  for (char c : text.substr(0, sep))
    chk.feed(static_cast<unsigned char>(to_lower(c)) & 31);
  for (std::size_t i = sep + 1; i < text.size(); ++i) {
    int v = kReverse[static_cast<unsigned char>(to_lower(text[i]))];
    if (v < 0) return invalid_input("bech32: invalid data character");
    chk.feed(static_cast<std::uint32_t>(v));
    std::size_t index = i - sep - 1;
    if (index < layout.values && !values.empty()) values[index] = static_cast<std::uint8_t>(v);
  }
  if (chk.value() != 1) return invalid_input("bech32: checksum does not verify");
  return layout;
}

std::size_t values_for_bytes(std::size_t bytes) {
  return (bytes * 8 + 4) / 5;
}

// convertbits(8 -> 5, pad): `out` has values_for_bytes(in.size()) entries.
void bytes_to_values_into(ByteView in, std::span<std::uint8_t> out) {
  if (out.size() != values_for_bytes(in.size())) std::abort();
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t pos = 0;
  for (std::uint8_t b : in) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out[pos++] = static_cast<std::uint8_t>((acc >> bits) & 31);
    }
  }
  if (bits > 0) out[pos++] = static_cast<std::uint8_t>((acc << (5 - bits)) & 31);
  acc = 0;
}

// convertbits(5 -> 8, no pad): `out` has values.size() * 5 / 8 entries. False on a value above 31
// or padding of 5+ bits or non-zero padding.
bool values_to_bytes_into(ByteView values, std::span<std::uint8_t> out) {
  if (out.size() != values.size() * 5 / 8) std::abort();
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t pos = 0;
  for (std::uint8_t v : values) {
    if (v > 31) return false;
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[pos++] = static_cast<std::uint8_t>((acc >> bits) & 0xff);
    }
  }
  bool ok = bits < 5 && ((acc << (8 - bits)) & 0xff) == 0;
  acc = 0;
  return ok;
}

}  // namespace

std::string bech32_encode(std::string_view hrp, ByteView data, LetterCase letter_case) {
  std::string out(encoded_size(hrp, data.size()), '\0');
  encode_into(hrp, data, letter_case, out);
  return out;
}

Result<Bech32Decoded> bech32_decode(std::string_view text, std::size_t max_length) {
  MK_ASSIGN_OR_RETURN(Layout layout, decode_into(text, max_length, {}));
  Bech32Decoded out;
  out.data.resize(layout.values);
  if (!out.data.empty()) {
    MK_ASSIGN_OR_RETURN(layout, decode_into(text, max_length, out.data));
  }
  for (char c : text.substr(0, layout.separator))
    out.hrp.push_back(to_lower(c));
  out.letter_case = layout.letter_case;
  return out;
}

Bytes bech32_bytes_to_values(ByteView bytes) {
  Bytes out(values_for_bytes(bytes.size()));
  bytes_to_values_into(bytes, out);
  return out;
}

std::optional<Bytes> bech32_values_to_bytes(ByteView values) {
  Bytes out(values.size() * 5 / 8);
  if (!values_to_bytes_into(values, out)) return std::nullopt;
  return out;
}

crypto::SecretBuffer bech32_encode_secret(std::string_view hrp, const crypto::SecretBuffer& bytes,
                                          LetterCase letter_case) {
  crypto::SecretBuffer values(values_for_bytes(bytes.size()));
  bytes_to_values_into(bytes.view(), values.mutable_view());
  crypto::SecretBuffer out(encoded_size(hrp, values.size()));
  encode_into(hrp, values.view(), letter_case,
              std::span<char>(reinterpret_cast<char*>(out.data()), out.size()));
  return out;
}

Result<crypto::SecretBuffer> bech32_decode_secret(std::string_view text, std::string_view hrp,
                                                  std::size_t size) {
  MK_ASSIGN_OR_RETURN(Layout layout, decode_into(text, kBech32NoLengthLimit, {}));
  if (text.substr(0, layout.separator) != hrp) {
    return invalid_input("bech32: unexpected human-readable part or letter case");
  }
  if (layout.values != values_for_bytes(size)) return invalid_input("bech32: wrong data length");
  crypto::SecretBuffer values(layout.values);
  if (!values.empty()) {
    MK_ASSIGN_OR_RETURN(layout, decode_into(text, kBech32NoLengthLimit, values.mutable_view()));
  }
  crypto::SecretBuffer out(values.size() * 5 / 8);
  if (out.size() != size || !values_to_bytes_into(values.view(), out.mutable_view())) {
    return invalid_input("bech32: invalid padding");
  }
  return out;
}

}  // namespace mk::exchange

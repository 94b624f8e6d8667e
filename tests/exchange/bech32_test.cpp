#include "exchange/bech32.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace mk::exchange {
namespace {

// BIP 173, "Test vectors": valid Bech32 strings.
const char* const kValid[] = {
    "A12UEL5L",
    "a12uel5l",
    "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
    "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
    "?1ezyfcl",
};

// BIP 173, "Test vectors": invalid Bech32 strings, with the reason the BIP gives.
const std::pair<std::string, const char*> kInvalid[] = {
    {std::string("\x20") + "1nwldj5", "HRP character out of range"},
    {std::string("\x7f") + "1axkwrx", "HRP character out of range"},
    {std::string("\x80") + "1eym55h", "HRP character out of range"},
    {"an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
     "overall max length exceeded"},
    {"pzry9x0s0muk", "No separator character"},
    {"1pzry9x0s0muk", "Empty HRP"},
    {"x1b4n0q5v", "Invalid data character"},
    {"li1dgmt3", "Too short checksum"},
    {std::string("de1lg7wt") + "\xff", "Invalid character in checksum"},
    {"A1G7SGD8", "checksum calculated with uppercase form of HRP"},
    {"10a06t8", "empty HRP"},
    {"1qzzfhee", "empty HRP"},
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

TEST_CASE("bech32 accepts the BIP 173 valid vectors and re-encodes them", "[exchange][bech32]") {
  for (const char* v : kValid) {
    INFO(v);
    auto decoded = bech32_decode(v);
    REQUIRE(decoded);
    LetterCase letter_case = std::string(v) == lower(v) ? LetterCase::kLower : LetterCase::kUpper;
    CHECK(decoded->letter_case == letter_case);
    CHECK(bech32_encode(decoded->hrp, decoded->data, letter_case) == v);
    CHECK(decoded->hrp == lower(decoded->hrp));
  }
}

TEST_CASE("bech32 refuses the BIP 173 invalid vectors", "[exchange][bech32]") {
  for (const auto& [text, reason] : kInvalid) {
    INFO(reason);
    auto decoded = bech32_decode(text);
    REQUIRE_FALSE(decoded);
    CHECK(decoded.status().code() == Code::kInvalidInput);
  }
}

TEST_CASE("bech32 refuses mixed case and single changed characters", "[exchange][bech32]") {
  CHECK_FALSE(bech32_decode("A12uEL5L"));
  CHECK_FALSE(bech32_decode("a12UEL5L"));
  std::string good = "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw";
  for (std::size_t i = 0; i < good.size(); ++i) {
    if (good[i] == '1') continue;
    std::string bad = good;
    bad[i] = bad[i] == 'q' ? 'p' : 'q';
    INFO("position " << i);
    CHECK_FALSE(bech32_decode(bad));
  }
}

TEST_CASE("bech32 length limit is BIP 173's by default and can be lifted (as age does)",
          "[exchange][bech32]") {
  // 91 characters with a valid checksum.
  std::string hrp(84, 'a');
  std::string text = bech32_encode(hrp, {});
  REQUIRE(text.size() == 91);
  CHECK_FALSE(bech32_decode(text));
  CHECK(bech32_decode(text, kBech32NoLengthLimit));
}

TEST_CASE("bech32 regroups bytes to 5-bit values and back, strictly", "[exchange][bech32]") {
  // The data of "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw" is the values 0..31, which are
  // these 20 bytes.
  Bytes bytes;
  REQUIRE(from_hex("00443214c74254b635cf84653a56d7c675be77df", bytes));
  auto decoded = bech32_decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
  REQUIRE(decoded);
  Bytes expected_values;
  for (std::uint8_t i = 0; i < 32; ++i)
    expected_values.push_back(i);
  CHECK(decoded->data == expected_values);
  CHECK(bech32_bytes_to_values(bytes) == expected_values);
  auto back = bech32_values_to_bytes(expected_values);
  REQUIRE(back);
  CHECK(*back == bytes);

  // One byte is 8 bits: two values, 2 padding bits that must be zero.
  CHECK(bech32_bytes_to_values(Bytes{0xff}) == Bytes{31, 28});
  CHECK(bech32_values_to_bytes(Bytes{31, 28}) == Bytes{0xff});
  CHECK_FALSE(bech32_values_to_bytes(Bytes{31, 29}));     // non-zero padding
  CHECK_FALSE(bech32_values_to_bytes(Bytes{31, 28, 0}));  // 7 padding bits
  CHECK_FALSE(bech32_values_to_bytes(Bytes{32}));         // not a 5-bit value
  CHECK(bech32_values_to_bytes(Bytes{}) == Bytes{});
}

TEST_CASE("bech32 secret variants keep the HRP's case and exact size", "[exchange][bech32]") {
  auto secret = crypto::SecretBuffer::copy_of(std::string(32, 'B'));
  crypto::SecretBuffer text = bech32_encode_secret("AGE-SECRET-KEY-", secret, LetterCase::kUpper);
  CHECK(text.as_text() ==
        "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  auto back = bech32_decode_secret(text.as_text(), "AGE-SECRET-KEY-", 32);
  REQUIRE(back);
  CHECK(back->equals(secret));
  // Lowercase: the HRP as written differs.
  std::string lowered = lower(std::string(text.as_text()));
  CHECK_FALSE(bech32_decode_secret(lowered, "AGE-SECRET-KEY-", 32));
  CHECK_FALSE(bech32_decode_secret(text.as_text(), "AGE-SECRET-KEY-", 31));
  CHECK_FALSE(bech32_decode_secret(text.as_text(), "AGE-SECRET-KEY-PQ-", 32));
}

}  // namespace
}  // namespace mk::exchange

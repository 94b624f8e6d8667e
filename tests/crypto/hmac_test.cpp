#include "crypto/hmac.hpp"

#include <catch2/catch.hpp>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::secret_hex;
using test::sequence;

Bytes bytes_of(const HmacSha256Tag& t) {
  return Bytes(t.begin(), t.end());
}
Bytes bytes_of(const SecretBuffer& b) {
  return Bytes(b.view().begin(), b.view().end());
}
SecretBuffer repeated(std::uint8_t byte, std::size_t n) {
  return SecretBuffer::copy_of(Bytes(n, byte));
}

TEST_CASE("HMAC-SHA-256 matches RFC 4231", "[crypto][hmac]") {
  // Test case 1.
  CHECK(bytes_of(hmac_sha256(repeated(0x0b, 20), as_bytes("Hi There"))) ==
        hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
  // Test case 2: a key shorter than the hash.
  CHECK(bytes_of(hmac_sha256(SecretBuffer::copy_of(std::string_view("Jefe")),
                             as_bytes("what do ya want for nothing?"))) ==
        hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
  // Test case 3.
  CHECK(bytes_of(hmac_sha256(repeated(0xaa, 20), Bytes(50, 0xdd))) ==
        hex("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"));
  // Test case 4.
  CHECK(bytes_of(hmac_sha256(SecretBuffer::copy_of(sequence(25, 1)), Bytes(50, 0xcd))) ==
        hex("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"));
  // Test case 6: a key longer than the block is hashed first.
  CHECK(bytes_of(hmac_sha256(repeated(0xaa, 131),
                             as_bytes("Test Using Larger Than Block-Size Key - Hash Key First"))) ==
        hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
  // Test case 7.
  CHECK(bytes_of(hmac_sha256(
            repeated(0xaa, 131),
            as_bytes("This is a test using a larger than block-size key and a larger than "
                     "block-size data. The key needs to be hashed before being used by the HMAC "
                     "algorithm."))) ==
        hex("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
}

TEST_CASE("hmac_sha256_verify accepts only the right tag", "[crypto][hmac]") {
  SecretBuffer key = SecretBuffer::random(32);
  ByteView message = as_bytes("audit entry 981");
  HmacSha256Tag tag = hmac_sha256(key, message);
  CHECK(hmac_sha256_verify(key, message, tag));
  for (std::size_t i = 0; i < tag.size(); ++i) {
    HmacSha256Tag bad = tag;
    bad[i] ^= 0x01;
    CHECK_FALSE(hmac_sha256_verify(key, message, bad));
  }
  CHECK_FALSE(hmac_sha256_verify(key, as_bytes("audit entry 982"), tag));
  CHECK_FALSE(hmac_sha256_verify(SecretBuffer::random(32), message, tag));
  CHECK_FALSE(hmac_sha256_verify(key, message, ByteView(tag).first(31)));
  CHECK_FALSE(hmac_sha256_verify(key, message, {}));
}

struct HkdfVector {
  Bytes ikm, salt, info;
  std::size_t length;
  const char* prk;
  const char* okm;
};

TEST_CASE("HKDF-SHA-256 matches RFC 5869 test cases 1-3", "[crypto][hmac]") {
  const HkdfVector vectors[] = {
      {Bytes(22, 0x0b), sequence(13), sequence(10, 0xf0), 42,
       "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
       "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
       "34007208d5b887185865"},
      {sequence(80), sequence(80, 0x60), sequence(80, 0xb0), 82,
       "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
       "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
       "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
       "cc30c58179ec3e87c14c01d5c1f3434f1d87"},
      {Bytes(22, 0x0b), Bytes{}, Bytes{}, 42,
       "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
       "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
       "9d201395faa4b61a96c8"},
  };
  int n = 0;
  for (const auto& v : vectors) {
    INFO("RFC 5869 test case " << ++n);
    SecretBuffer ikm = SecretBuffer::copy_of(v.ikm);
    SecretBuffer prk = hkdf_sha256_extract(v.salt, ikm);
    CHECK(bytes_of(prk) == hex(v.prk));
    CHECK(bytes_of(hkdf_sha256_expand(prk, v.info, v.length)) == hex(v.okm));
    CHECK(bytes_of(hkdf_sha256(v.salt, ikm, v.info, v.length)) == hex(v.okm));
  }
}

TEST_CASE("an empty HKDF salt stands for 32 zero bytes", "[crypto][hmac]") {
  SecretBuffer ikm = SecretBuffer::random(32);
  CHECK(hkdf_sha256_extract({}, ikm).equals(hkdf_sha256_extract(Bytes(32, 0), ikm)));
  CHECK_FALSE(hkdf_sha256_extract({}, ikm).equals(hkdf_sha256_extract(Bytes(32, 1), ikm)));
}

TEST_CASE("HKDF-Expand output is a prefix-consistent stream up to 255 blocks", "[crypto][hmac]") {
  SecretBuffer prk = SecretBuffer::random(32);
  ByteView info = as_bytes("context");
  SecretBuffer longest = hkdf_sha256_expand(prk, info, kHkdfSha256MaxSize);
  REQUIRE(longest.size() == 8160);
  for (std::size_t n : {1, 31, 32, 33, 64, 100, 8159}) {
    INFO("length " << n);
    SecretBuffer part = hkdf_sha256_expand(prk, info, n);
    REQUIRE(part.size() == n);
    CHECK(equal_constant_time(part.view(), longest.view().first(n)));
  }
  // Another info gives unrelated output.
  CHECK_FALSE(
      hkdf_sha256_expand(prk, as_bytes("context2"), 32).equals(hkdf_sha256_expand(prk, info, 32)));
}

}  // namespace
}  // namespace mk::crypto

#include "crypto/aead.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

#include "crypto/aead_detail.hpp"
#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::secret_hex;
using test::sequence;

// A field's associated data as vault/ builds it: format version, table, column, record id, key id.
AssociatedData field_ad(std::uint64_t version = 1, std::string_view table = "person",
                        std::string_view column = "family_name",
                        std::string_view record = "P-7K3M9Q2X", std::uint64_t key_id = 42) {
  AssociatedData ad;
  ad.add_u64(version).add(table).add(column).add(record).add_u64(key_id);
  return ad;
}

TEST_CASE("XChaCha20-Poly1305 matches draft-irtf-cfrg-xchacha-03 A.3.1", "[crypto][aead]") {
  SecretBuffer key = secret_hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  Bytes nonce = hex("404142434445464748494a4b4c4d4e4f5051525354555657");
  Bytes aad = hex("50515253c0c1c2c3c4c5c6c7");
  std::string_view plaintext =
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
      "sunscreen would be it.";
  Bytes expected = nonce;
  Bytes ct_and_tag =
      hex("bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
          "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
          "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
          "21f9664c97637da9768812f615c68b13b52e"
          "c0875924c1c7987947deafd8780acf49");
  expected.insert(expected.end(), ct_and_tag.begin(), ct_and_tag.end());

  Bytes sealed = detail::seal_with_nonce(
      key, std::span<const std::uint8_t, kAeadNonceSize>(nonce.data(), kAeadNonceSize),
      as_bytes(plaintext), aad);
  CHECK(sealed == expected);

  auto opened = detail::open_with_raw_ad(key, expected, aad);
  REQUIRE(opened);
  CHECK(as_chars(*opened) == plaintext);
}

TEST_CASE("AssociatedData is length-prefixed little-endian", "[crypto][aead]") {
  AssociatedData ad;
  ad.add("ab").add("c").add_u64(0x0102030405060708).add_bytes(Bytes{});
  CHECK(ad.encoded() == hex("02000000"
                            "6162"
                            "01000000"
                            "63"
                            "08000000"
                            "0807060504030201"
                            "00000000"));
  CHECK(AssociatedData().encoded().empty());
}

TEST_CASE("seal and open round-trip under random nonces", "[crypto][aead]") {
  SecretBuffer key = SecretBuffer::random(kAeadKeySize);
  for (std::size_t n : {0, 1, 15, 16, 17, 64, 1000}) {
    Bytes plaintext = sequence(n, 7);
    Bytes sealed = seal(key, plaintext, field_ad());
    CHECK(sealed.size() == n + kAeadOverhead);
    auto opened = open(key, sealed, field_ad());
    REQUIRE(opened);
    CHECK(*opened == plaintext);
  }
  // A fresh nonce each time: equal plaintexts give unrelated boxes.
  Bytes a = seal(key, as_bytes("Jansen"), field_ad());
  Bytes b = seal(key, as_bytes("Jansen"), field_ad());
  CHECK(a != b);
  CHECK(Bytes(a.begin(), a.begin() + kAeadNonceSize) !=
        Bytes(b.begin(), b.begin() + kAeadNonceSize));
}

TEST_CASE("open fails when any byte of the box is changed", "[crypto][aead]") {
  SecretBuffer key = SecretBuffer::random(kAeadKeySize);
  for (std::size_t n : {0, 5}) {
    Bytes sealed = seal(key, sequence(n), field_ad());
    for (std::size_t i = 0; i < sealed.size(); ++i) {
      for (std::uint8_t flip : std::initializer_list<std::uint8_t>{0x01, 0x80}) {
        Bytes tampered = sealed;
        tampered[i] ^= flip;
        INFO("length " << n << ", byte " << i << ", flip " << int{flip});
        CHECK_FALSE(open(key, tampered, field_ad()));
        CHECK_FALSE(open_secret(key, tampered, field_ad()));
      }
    }
    REQUIRE(open(key, sealed, field_ad()));
  }
}

TEST_CASE("open fails on a cut, lengthened or too short box", "[crypto][aead]") {
  SecretBuffer key = SecretBuffer::random(kAeadKeySize);
  Bytes sealed = seal(key, as_bytes("1990-01-01"), field_ad());

  Bytes cut(sealed.begin(), sealed.end() - 1);
  CHECK_FALSE(open(key, cut, field_ad()));
  Bytes longer = sealed;
  longer.push_back(0);
  CHECK_FALSE(open(key, longer, field_ad()));
  for (std::size_t n = 0; n < kAeadOverhead; ++n) {
    Bytes short_box(sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(n));
    CHECK_FALSE(open(key, short_box, field_ad()));
    CHECK_FALSE(open_secret(key, short_box, field_ad()));
  }
}

TEST_CASE("open fails under another key, or a key of the wrong size", "[crypto][aead]") {
  SecretBuffer key = SecretBuffer::random(kAeadKeySize);
  Bytes sealed = seal(key, as_bytes("Jansen"), field_ad());
  CHECK_FALSE(open(SecretBuffer::random(kAeadKeySize), sealed, field_ad()));
  for (std::size_t i = 0; i < kAeadKeySize; ++i) {
    SecretBuffer other = key.clone();
    other.mutable_view()[i] ^= 1;
    CHECK_FALSE(open(other, sealed, field_ad()));
  }
  // A key of the wrong size (say, a short value unwrapped from a forged slot) is refused, not
  // fatal.
  SecretBuffer short_key = key.clone();
  short_key.truncate(31);
  CHECK_FALSE(open(short_key, sealed, field_ad()));
  CHECK_FALSE(open(SecretBuffer(), sealed, field_ad()));
  CHECK_FALSE(open_secret(short_key, sealed, field_ad()));
}

TEST_CASE("open fails when any item of the associated data differs", "[crypto][aead]") {
  SecretBuffer key = SecretBuffer::random(kAeadKeySize);
  Bytes sealed = seal(key, as_bytes("Jansen"), field_ad());
  REQUIRE(open(key, sealed, field_ad()));

  CHECK_FALSE(open(key, sealed, field_ad(2)));
  CHECK_FALSE(open(key, sealed, field_ad(1, "signal")));
  CHECK_FALSE(open(key, sealed, field_ad(1, "person", "given_name")));
  CHECK_FALSE(open(key, sealed, field_ad(1, "person", "family_name", "P-7K3M9Q2Y")));
  CHECK_FALSE(open(key, sealed, field_ad(1, "person", "family_name", "P-7K3M9Q2X", 43)));
  CHECK_FALSE(open(key, sealed, AssociatedData()));

  AssociatedData extra = field_ad();
  extra.add("");  // even an empty extra item counts
  CHECK_FALSE(open(key, sealed, extra));
}

TEST_CASE("re-splitting associated data items changes it", "[crypto][aead]") {
  SecretBuffer key = SecretBuffer::random(kAeadKeySize);
  AssociatedData ab_c;
  ab_c.add("ab").add("c");
  AssociatedData a_bc;
  a_bc.add("a").add("bc");
  AssociatedData abc;
  abc.add("abc");
  CHECK(ab_c.encoded() != a_bc.encoded());

  Bytes sealed = seal(key, as_bytes("x"), ab_c);
  CHECK(open(key, sealed, ab_c));
  CHECK_FALSE(open(key, sealed, a_bc));
  CHECK_FALSE(open(key, sealed, abc));

  // A number and its 8 bytes as an item are the same encoding by design (both length 8).
  AssociatedData n;
  n.add_u64(1);
  AssociatedData b;
  b.add_bytes(hex("0100000000000000"));
  CHECK(n.encoded() == b.encoded());
}

TEST_CASE("open_secret returns the plaintext in secure memory", "[crypto][aead]") {
  SecretBuffer wrapping = SecretBuffer::random(kAeadKeySize);
  SecretBuffer data_key = SecretBuffer::random(32);
  AssociatedData ad;
  ad.add("keyslot").add_u64(3);
  Bytes wrapped = seal(wrapping, data_key.view(), ad);

  auto unwrapped = open_secret(wrapping, wrapped, ad);
  REQUIRE(unwrapped);
  CHECK(unwrapped->equals(data_key));

  AssociatedData other;
  other.add("keyslot").add_u64(4);
  CHECK_FALSE(open_secret(wrapping, wrapped, other));

  auto empty = open_secret(wrapping, seal(wrapping, Bytes{}, ad), ad);
  REQUIRE(empty);
  CHECK(empty->empty());
}

}  // namespace
}  // namespace mk::crypto

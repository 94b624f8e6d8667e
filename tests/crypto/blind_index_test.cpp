#include "crypto/blind_index.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "crypto/blind_index_detail.hpp"
#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::sequence;

TEST_CASE("keyed BLAKE2b matches the BLAKE2 reference blake2b-kat.txt", "[crypto][blind_index]") {
  SecretBuffer key = SecretBuffer::copy_of(sequence(64));  // 00 01 ... 3f
  CHECK(detail::keyed_blake2b(key, sequence(0), 64) ==
        hex("10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786"
            "b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"));
  CHECK(detail::keyed_blake2b(key, sequence(1), 64) ==
        hex("961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4"
            "187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd"));
  CHECK(detail::keyed_blake2b(key, sequence(255), 64) ==
        hex("142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e9248"
            "4be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461"));
}

TEST_CASE("a 256-bit blind index is keyed BLAKE2b-256", "[crypto][blind_index]") {
  // Expected value from an independent implementation (CPython's hashlib.blake2b with key 00..1f,
  // digest_size=32), so the index can be recomputed by other tools.
  SecretBuffer key = SecretBuffer::copy_of(sequence(32));
  CHECK(blind_index(key, as_bytes("jansen|1990-01-01"), 256) ==
        hex("27e32a8057143f82e8b63887c1a812e168386618ed5829c6536cd95300ceae79"));
}

TEST_CASE("truncation keeps the leading bits and zeroes the rest of the last byte",
          "[crypto][blind_index]") {
  SecretBuffer key = SecretBuffer::random(32);
  ByteView input = as_bytes("123456782");
  Bytes full = blind_index(key, input, 256);
  REQUIRE(full.size() == 32);
  for (unsigned bits = 1; bits <= 256; ++bits) {
    INFO("bits " << bits);
    Bytes index = blind_index(key, input, bits);
    REQUIRE(index.size() == (bits + 7) / 8);
    for (std::size_t i = 0; i + 1 < index.size(); ++i)
      REQUIRE(index[i] == full[i]);
    unsigned used = bits % 8 == 0 ? 8 : bits % 8;
    auto high = static_cast<std::uint8_t>(0xff << (8 - used));
    REQUIRE((index.back() & ~high & 0xff) == 0);               // the unused low bits are zero
    REQUIRE(index.back() == (full[index.size() - 1] & high));  // the used high bits are kept
  }
  // With a fixed key, only the index's leading bits decide: e.g. 12 bits is 1.5 bytes.
  Bytes twelve = blind_index(key, input, 12);
  CHECK(twelve.size() == 2);
  CHECK((twelve[1] & 0x0f) == 0);
}

TEST_CASE("blind indexes depend on key and input, and repeat for equal ones",
          "[crypto][blind_index]") {
  SecretBuffer key = SecretBuffer::random(32);
  ByteView bsn = as_bytes("123456782");
  CHECK(blind_index(key, bsn, 256) == blind_index(key, bsn, 256));
  CHECK(blind_index(key, bsn, 256) != blind_index(key, as_bytes("123456783"), 256));
  CHECK(blind_index(key, bsn, 256) != blind_index(SecretBuffer::random(32), bsn, 256));
  CHECK(blind_index(key, bsn, 32) != blind_index(SecretBuffer::random(32), bsn, 32));
  // One bit of difference in the key changes the index.
  SecretBuffer near = key.clone();
  near.mutable_view()[31] ^= 1;
  CHECK(blind_index(key, bsn, 64) != blind_index(near, bsn, 64));
  CHECK(blind_index(key, {}, 16).size() == 2);
}

TEST_CASE("plan_blind_index_bits: min(floor(log2(R/2)), ceil(input_bits)), at least 1",
          "[crypto][blind_index]") {
  CHECK(plan_blind_index_bits(1 << 20, 100) == 19);
  CHECK(plan_blind_index_bits(1000, 100) == 8);  // log2(500) = 8.97
  CHECK(plan_blind_index_bits(1024, 100) == 9);  // log2(512) = 9 exactly
  CHECK(plan_blind_index_bits(1023, 100) == 8);
  CHECK(plan_blind_index_bits(1000, 5.3) == 6);  // input entropy is the limit
  CHECK(plan_blind_index_bits(1000, 6) == 6);
  CHECK(plan_blind_index_bits(17'000'000, 29.9) == 23);  // floor(log2(8.5e6)) = 23
  CHECK(plan_blind_index_bits(4, 100) == 1);
  CHECK(plan_blind_index_bits(3, 100) == 1);  // log2(1.5) = 0.58: floor 0, raised to 1
  CHECK(plan_blind_index_bits(2, 100) == 1);
  CHECK(plan_blind_index_bits(0, 100) == 1);
  CHECK(plan_blind_index_bits(-5, 100) == 1);
  CHECK(plan_blind_index_bits(1000, 0) == 1);
  CHECK(plan_blind_index_bits(1000, -3) == 1);
  CHECK(plan_blind_index_bits(std::nan(""), 20) == 1);
  CHECK(plan_blind_index_bits(1000, std::nan("")) == 1);
  CHECK(plan_blind_index_bits(1e100, 1e9) == 256);  // never wider than the hash
  CHECK(plan_blind_index_bits(std::numeric_limits<double>::infinity(), 40) == 40);
}

TEST_CASE("planned indexes leave 2 to 4 rows per value when the input is not the limit",
          "[crypto][blind_index]") {
  for (double rows = 16; rows < 1e12; rows *= 1.37) {
    INFO("rows " << rows);
    unsigned bits = plan_blind_index_bits(rows, 256);
    double c = expected_coincidences(rows, bits, 256);
    CHECK(c >= 2);
    CHECK(c < 4);
    CHECK(c <= std::sqrt(rows));
  }
}

TEST_CASE("expected_coincidences is R / 2^min(bits, input_bits)", "[crypto][blind_index]") {
  CHECK(expected_coincidences(1024, 9, 100) == Approx(2.0));
  CHECK(expected_coincidences(1024, 9, 5) == Approx(32.0));
  CHECK(expected_coincidences(1000, 1, 100) == Approx(500.0));
  CHECK(expected_coincidences(1 << 20, 19, 19.5) == Approx(2.0));
}

}  // namespace
}  // namespace mk::crypto

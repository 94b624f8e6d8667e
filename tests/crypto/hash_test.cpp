#include "crypto/hash.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;

Bytes bytes_of(const Sha256Digest& d) {
  return Bytes(d.begin(), d.end());
}

constexpr std::string_view kMessage448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

TEST_CASE("SHA-256 matches FIPS 180-2", "[crypto][hash]") {
  CHECK(bytes_of(sha256(as_bytes("abc"))) ==
        hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  CHECK(bytes_of(sha256(as_bytes(kMessage448))) ==
        hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
  CHECK(bytes_of(sha256({})) ==
        hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

TEST_CASE("incremental SHA-256 equals one-shot for every split", "[crypto][hash]") {
  ByteView message = as_bytes(kMessage448);
  Sha256Digest expected = sha256(message);
  for (std::size_t cut = 0; cut <= message.size(); ++cut) {
    Sha256 h;
    h.update(message.first(cut)).update(message.subspan(cut));
    REQUIRE(h.finish() == expected);
  }
  // One million 'a' (FIPS 180-2 appendix B.3), fed in uneven pieces.
  std::string chunk(999, 'a');
  Sha256 h;
  std::size_t left = 1'000'000;
  while (left > 0) {
    std::size_t n = std::min(left, chunk.size());
    h.update(as_bytes(std::string_view(chunk).substr(0, n)));
    left -= n;
  }
  CHECK(bytes_of(h.finish()) ==
        hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

TEST_CASE("Sha256::finish starts a new hash", "[crypto][hash]") {
  Sha256 h;
  h.update(as_bytes("ab"));
  CHECK(h.finish() == sha256(as_bytes("ab")));
  h.update(as_bytes("abc"));
  CHECK(h.finish() == sha256(as_bytes("abc")));
  CHECK(h.finish() == sha256({}));
}

TEST_CASE("BLAKE2b matches RFC 7693 and the reference implementation", "[crypto][hash]") {
  // RFC 7693 appendix A: BLAKE2b-512("abc").
  CHECK(blake2b(as_bytes("abc"), 64) ==
        hex("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"));
  CHECK(blake2b({}, 64) == hex("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                               "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce"));
  // BLAKE2b-256 is its own function, not a prefix of BLAKE2b-512 (CPython hashlib, digest_size=32).
  CHECK(blake2b(as_bytes("abc")) ==
        hex("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"));
  CHECK(blake2b(as_bytes("abc"), 16).size() == 16);
}

}  // namespace
}  // namespace mk::crypto

#include "crypto/x25519.hpp"

#include <catch2/catch.hpp>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::secret_hex;

Bytes bytes_of(const X25519PublicKey& k) {
  return Bytes(k.begin(), k.end());
}

// RFC 7748 §6.1.
constexpr const char* kAliceSecret =
    "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
constexpr const char* kAlicePublic =
    "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
constexpr const char* kBobSecret =
    "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
constexpr const char* kBobPublic =
    "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
constexpr const char* kShared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

TEST_CASE("X25519 matches RFC 7748 section 6.1", "[crypto][x25519]") {
  CHECK(bytes_of(x25519_public_key(secret_hex(kAliceSecret))) == hex(kAlicePublic));
  auto bob = X25519KeyPair::from_secret(secret_hex(kBobSecret));
  CHECK(bytes_of(bob.public_key) == hex(kBobPublic));

  auto a = x25519_shared_secret(secret_hex(kAliceSecret), hex(kBobPublic));
  auto b = x25519_shared_secret(bob.secret, hex(kAlicePublic));
  REQUIRE(a);
  REQUIRE(b);
  CHECK(Bytes(a->view().begin(), a->view().end()) == hex(kShared));
  CHECK(a->equals(*b));
}

TEST_CASE("X25519 refuses low-order points (all-zero shared secret)", "[crypto][x25519]") {
  auto secret = secret_hex(kAliceSecret);
  // u = 0, u = 1, and the order-8 point age's test kit uses.
  CHECK_FALSE(x25519_shared_secret(secret, Bytes(32, 0)));
  Bytes one(32, 0);
  one[0] = 1;
  CHECK_FALSE(x25519_shared_secret(secret, one));
  CHECK_FALSE(x25519_shared_secret(
      secret, hex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7")));
}

TEST_CASE("X25519 refuses a peer key of the wrong size without aborting", "[crypto][x25519]") {
  auto secret = secret_hex(kAliceSecret);
  CHECK_FALSE(x25519_shared_secret(secret, Bytes(31, 9)));
  CHECK_FALSE(x25519_shared_secret(secret, Bytes(33, 9)));
  CHECK_FALSE(x25519_shared_secret(secret, Bytes()));
}

TEST_CASE("generated X25519 key pairs agree and differ from each other", "[crypto][x25519]") {
  auto a = X25519KeyPair::generate();
  auto b = X25519KeyPair::generate();
  CHECK(a.secret.size() == kX25519SecretSize);
  CHECK(a.public_key != b.public_key);
  CHECK(a.public_key == x25519_public_key(a.secret));
  auto ab = x25519_shared_secret(a.secret, b.public_key);
  auto ba = x25519_shared_secret(b.secret, a.public_key);
  REQUIRE(ab);
  REQUIRE(ba);
  CHECK(ab->equals(*ba));
}

}  // namespace
}  // namespace mk::crypto

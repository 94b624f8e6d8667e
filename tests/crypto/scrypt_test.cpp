#include "crypto/scrypt.hpp"

#include <catch2/catch.hpp>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;

TEST_CASE("scrypt matches RFC 7914 section 12 (N = 16384, r = 8, p = 1)", "[crypto][scrypt]") {
  auto key = scrypt(SecretBuffer::copy_of("pleaseletmein"), as_bytes("SodiumChloride"), 14, 64);
  REQUIRE(key);
  CHECK(Bytes(key->view().begin(), key->view().end()) ==
        hex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
            "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"));
}

TEST_CASE("scrypt depends on passphrase, salt and work factor", "[crypto][scrypt]") {
  auto base = scrypt(SecretBuffer::copy_of("Wachtwoord-Rijswijk"), as_bytes("zout"), 4);
  REQUIRE(base);
  CHECK(base->size() == 32);
  auto again = scrypt(SecretBuffer::copy_of("Wachtwoord-Rijswijk"), as_bytes("zout"), 4);
  REQUIRE(again);
  CHECK(base->equals(*again));
  auto other_pass = scrypt(SecretBuffer::copy_of("Wachtwoord-Rijswijl"), as_bytes("zout"), 4);
  auto other_salt = scrypt(SecretBuffer::copy_of("Wachtwoord-Rijswijk"), as_bytes("zoet"), 4);
  auto other_n = scrypt(SecretBuffer::copy_of("Wachtwoord-Rijswijk"), as_bytes("zout"), 5);
  REQUIRE(other_pass);
  REQUIRE(other_salt);
  REQUIRE(other_n);
  CHECK_FALSE(base->equals(*other_pass));
  CHECK_FALSE(base->equals(*other_salt));
  CHECK_FALSE(base->equals(*other_n));
  CHECK(scrypt(SecretBuffer(), {}, 1));  // empty passphrase and salt are allowed
}

TEST_CASE("scrypt refuses work factors outside its range without aborting", "[crypto][scrypt]") {
  auto pass = SecretBuffer::copy_of("x");
  CHECK_FALSE(scrypt(pass, as_bytes("s"), 0));
  CHECK_FALSE(scrypt(pass, as_bytes("s"), -3));
  CHECK_FALSE(scrypt(pass, as_bytes("s"), kScryptMaxLog2N + 1));
  CHECK_FALSE(scrypt(pass, as_bytes("s"), 63));
  CHECK_FALSE(scrypt(pass, as_bytes("s"), 4, 0));
  CHECK(scrypt_memory_bytes(18) == (std::uint64_t{256} << 20));
}

}  // namespace
}  // namespace mk::crypto

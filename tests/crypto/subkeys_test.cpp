#include "crypto/subkeys.hpp"

#include <catch2/catch.hpp>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::sequence;

Bytes bytes_of(const SecretBuffer& b) {
  return Bytes(b.view().begin(), b.view().end());
}

// libsodium's own known answers for crypto_kdf (test/default/kdf.c and kdf.exp): master key
// 00 01 ... 1f, context "KDF test".
TEST_CASE("derive_subkey matches libsodium's crypto_kdf vectors", "[crypto][subkeys]") {
  SecretBuffer master = SecretBuffer::copy_of(sequence(32));

  CHECK(bytes_of(derive_subkey(master, "KDF test", 0, 64)) ==
        hex("a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcbeda51d807"
            "1b5d70aae12066dfc94ce943f145aa176c055040c3dd73b0a15e36254d450614"));
  CHECK(bytes_of(derive_subkey(master, "KDF test", 1, 64)) ==
        hex("02507f144fa9bf19010bf7c70b235b4c2663cc00e074f929602a5e2c10a78075"
            "7d2a3993d06debc378a90efdac196dd841817b977d67b786804f6d3cd585bab5"));
  CHECK(bytes_of(derive_subkey(master, "KDF test", 16, 16)) ==
        hex("a529216624ef9161e4cf117272aafff2"));
  CHECK(bytes_of(derive_subkey(master, "KDF test", 17, 17)) ==
        hex("068bd6940b80c6cc2530a68c31d9f4e323"));
  // The default size is 32 bytes.
  CHECK(bytes_of(derive_subkey(master, "KDF test", 32)) ==
        hex("154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618"));
}

TEST_CASE("subkeys differ by id, context and master, and repeat for equal inputs",
          "[crypto][subkeys]") {
  SecretBuffer master = SecretBuffer::random(kMasterKeySize);
  SecretBuffer a = derive_subkey(master, "sqlcphr1", 1);
  CHECK(a.size() == 32);
  CHECK(a.equals(derive_subkey(master, "sqlcphr1", 1)));
  CHECK_FALSE(a.equals(derive_subkey(master, "sqlcphr1", 2)));
  CHECK_FALSE(a.equals(derive_subkey(master, "sqlcphr2", 1)));
  CHECK_FALSE(a.equals(derive_subkey(SecretBuffer::random(kMasterKeySize), "sqlcphr1", 1)));
  CHECK_FALSE(a.equals(master));
}

}  // namespace
}  // namespace mk::crypto

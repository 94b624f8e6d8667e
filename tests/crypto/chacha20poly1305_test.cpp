#include "crypto/chacha20poly1305.hpp"

#include <catch2/catch.hpp>
#include <string_view>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::sequence;

ChaCha20Poly1305Nonce nonce_of(std::string_view text) {
  Bytes b = hex(text);
  ChaCha20Poly1305Nonce n{};
  std::copy(b.begin(), b.end(), n.begin());
  return n;
}

// RFC 8439 §2.8.2.
const std::string_view kPlaintext =
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
    "sunscreen would be it.";
constexpr std::string_view kCiphertextAndTag =
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92"
    "728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b"
    "4831d7bc3ff4def08e4b7a9de576d26586cec64b6116"
    "1ae10b594f09e26a7e902ecbd0600691";

TEST_CASE("ChaCha20-Poly1305 matches RFC 8439 section 2.8.2", "[crypto][chacha20poly1305]") {
  SecretBuffer key = SecretBuffer::copy_of(sequence(32, 0x80));
  auto nonce = nonce_of("070000004041424344454647");
  Bytes ad = hex("50515253c0c1c2c3c4c5c6c7");
  Bytes sealed = chacha20poly1305_encrypt(key, nonce, as_bytes(kPlaintext), ad);
  CHECK(sealed == hex(kCiphertextAndTag));

  Bytes out(kPlaintext.size());
  REQUIRE(chacha20poly1305_decrypt_into(key, nonce, sealed, ad, out));
  CHECK(as_chars(out) == kPlaintext);
}

TEST_CASE("ChaCha20-Poly1305 refuses altered input and leaves no plaintext",
          "[crypto][chacha20poly1305]") {
  SecretBuffer key = SecretBuffer::copy_of(sequence(32, 0x80));
  auto nonce = nonce_of("070000004041424344454647");
  Bytes ad = hex("50515253c0c1c2c3c4c5c6c7");
  Bytes sealed = hex(kCiphertextAndTag);
  Bytes out(sealed.size() - kChaCha20Poly1305TagSize, 0xaa);

  for (std::size_t i : {std::size_t{0}, std::size_t{50}, sealed.size() - 1}) {
    Bytes altered = sealed;
    altered[i] ^= 0x01;
    CHECK_FALSE(chacha20poly1305_decrypt_into(key, nonce, altered, ad, out));
    CHECK(out == Bytes(out.size(), 0));
  }
  CHECK_FALSE(chacha20poly1305_decrypt_into(key, nonce, sealed, Bytes(), out));  // other AD
  auto other_nonce = nonce_of("070000004041424344454648");
  CHECK_FALSE(chacha20poly1305_decrypt_into(key, other_nonce, sealed, ad, out));
  Bytes wrong_size(out.size() + 1);
  CHECK_FALSE(chacha20poly1305_decrypt_into(key, nonce, sealed, ad, wrong_size));
  CHECK_FALSE(chacha20poly1305_decrypt_secret(key, nonce, Bytes(15)));  // shorter than a tag
}

TEST_CASE("ChaCha20-Poly1305 seals an empty plaintext to a bare tag",
          "[crypto][chacha20poly1305]") {
  SecretBuffer key = SecretBuffer::random(32);
  ChaCha20Poly1305Nonce nonce{};
  Bytes sealed = chacha20poly1305_encrypt(key, nonce, {});
  REQUIRE(sealed.size() == kChaCha20Poly1305TagSize);
  auto opened = chacha20poly1305_decrypt_secret(key, nonce, sealed);
  REQUIRE(opened);
  CHECK(opened->empty());
  sealed[0] ^= 1;
  CHECK_FALSE(chacha20poly1305_decrypt_secret(key, nonce, sealed));
}

}  // namespace
}  // namespace mk::crypto

#include "crypto/signing.hpp"

#include <catch2/catch.hpp>
#include <type_traits>
#include <utility>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::secret_hex;

static_assert(!std::is_copy_constructible_v<SigningKey>);
static_assert(std::is_nothrow_move_constructible_v<SigningKey>);
static_assert(std::is_nothrow_move_assignable_v<SigningKey>);

struct Rfc8032Vector {
  const char* seed;
  const char* public_key;
  const char* message;
  const char* signature;
};

// RFC 8032 section 7.1, TEST 1 to 3.
const Rfc8032Vector kVectors[] = {
    {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
};

TEST_CASE("Ed25519 matches RFC 8032 tests 1-3", "[crypto][signing]") {
  for (const auto& v : kVectors) {
    INFO("public key " << v.public_key);
    SigningKey key(secret_hex(v.seed));
    SigningPublicKey pk = key.public_key();
    CHECK(Bytes(pk.begin(), pk.end()) == hex(v.public_key));
    Bytes message = hex(v.message);
    Signature sig = key.sign(message);
    CHECK(Bytes(sig.begin(), sig.end()) == hex(v.signature));
    CHECK(verify_signature(hex(v.public_key), message, hex(v.signature)));
  }
}

TEST_CASE("verify_signature rejects any change", "[crypto][signing]") {
  SigningKey key(SecretBuffer::random(kSigningSeedSize));
  ByteView message = as_bytes("package 2024-017 for SHOP");
  Signature sig = key.sign(message);
  SigningPublicKey pk = key.public_key();
  REQUIRE(verify_signature(pk, message, sig));

  for (std::size_t i = 0; i < sig.size(); ++i) {
    Signature bad = sig;
    bad[i] ^= 0x01;
    INFO("signature byte " << i);
    CHECK_FALSE(verify_signature(pk, message, bad));
  }
  Bytes changed(message.begin(), message.end());
  changed.back() ^= 0x01;
  CHECK_FALSE(verify_signature(pk, changed, sig));
  CHECK_FALSE(verify_signature(pk, message.first(message.size() - 1), sig));

  SigningKey other(SecretBuffer::random(kSigningSeedSize));
  CHECK_FALSE(verify_signature(other.public_key(), message, sig));
}

TEST_CASE("verify_signature refuses malformed input without aborting", "[crypto][signing]") {
  SigningKey key(SecretBuffer::random(kSigningSeedSize));
  ByteView message = as_bytes("m");
  Signature sig = key.sign(message);
  SigningPublicKey pk = key.public_key();
  CHECK_FALSE(verify_signature(ByteView(pk).first(31), message, sig));
  CHECK_FALSE(verify_signature(pk, message, ByteView(sig).first(63)));
  Bytes longer(sig.begin(), sig.end());
  longer.push_back(0);
  CHECK_FALSE(verify_signature(pk, message, longer));
  CHECK_FALSE(verify_signature({}, message, {}));
  // The all-zero public key is a small-order point; libsodium refuses it outright.
  CHECK_FALSE(verify_signature(SigningPublicKey{}, message, Signature{}));
}

TEST_CASE("a signing key is determined by its seed and survives a move", "[crypto][signing]") {
  SecretBuffer seed = SecretBuffer::random(kSigningSeedSize);
  SigningKey a(seed);
  SigningKey b(seed);
  CHECK(a.public_key() == b.public_key());
  ByteView message = as_bytes("checkpoint 17");
  CHECK(a.sign(message) == b.sign(message));  // Ed25519 signatures are deterministic

  SigningPublicKey pk = a.public_key();
  SigningKey moved(std::move(a));
  CHECK(moved.public_key() == pk);
  CHECK(verify_signature(pk, message, moved.sign(message)));

  SigningKey assigned(SecretBuffer::random(kSigningSeedSize));
  assigned = std::move(moved);
  CHECK(assigned.public_key() == pk);

  SecretBuffer other_seed = seed.clone();
  other_seed.mutable_view()[0] ^= 1;
  CHECK(SigningKey(other_seed).public_key() != pk);
}

}  // namespace
}  // namespace mk::crypto

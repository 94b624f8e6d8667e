#include "crypto/password_kdf.hpp"

#include <catch2/catch.hpp>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::sequence;

Bytes bytes_of(const SecretBuffer& b) {
  return Bytes(b.view().begin(), b.view().end());
}

constexpr std::uint64_t kMiB = 1024 * 1024;

// libsodium's own Argon2id vectors (test/default/pwhash_argon2id.c, tv(), and
// pwhash_argon2id.exp): crypto_pwhash with the default algorithm, ARGON2ID13. Only the first 16
// bytes of each listed salt are used.
TEST_CASE("derive_from_passphrase matches libsodium's Argon2id vectors", "[crypto][pwhash]") {
  SECTION("vector 0") {
    Bytes passphrase =
        hex("a347ae92bce9f80f6f595a4480fc9c2fe7e7d7148d371e9487d75f5c23008ffae0"
            "65577a928febd9b1973a5a95073acdbeb6a030cfc0d79caa2dc5cd011cef02c08d"
            "a232d76d52dfbca38ca8dcbd665b17d1665f7cf5fe59772ec909733b24de97d6f5"
            "8d220b20c60d7c07ec1fd93c52c31020300c6c1facd77937a597c7a6");
    REQUIRE(passphrase.size() == 127);
    auto key = derive_from_passphrase(passphrase, hex("5541fbc995d5c197ba290346d2c559de"),
                                      PwhashParams{5, 7256678}, 155);
    REQUIRE(key);
    CHECK(bytes_of(*key) == hex("18acec5d6507739f203d1f5d9f1d862f7c2cdac4f19d2bdff64487e60d969e3c"
                                "ed615337b9eec6ac4461c6ca07f0939741e57c24d0005c7ea171a0ee1e734824"
                                "9d135b38f222e4dad7b9a033ed83f5ca27277393e316582033c74affe2566a2b"
                                "ea47f91f0fd9fe49ece7e1f79f3ad6e9b23e0277c8ecc4b313225748dd2a80f5"
                                "679534a0700e246a79a49b3f74eb89ec6205fe1eeb941c73b1fcf1"));
  }
  SECTION("vector 4") {
    Bytes passphrase =
        hex("4a857e2ee8aa9b6056f2424e84d24a72473378906ee04a46cb05311502d5250b82"
            "ad86b83c8f20a23dbb74f6da60b0b6ecffd67134d45946ac8ebfb3064294bc097d"
            "43ced68642bfb8bbbdd0f50b30118f5e");
    REQUIRE(passphrase.size() == 82);
    auto key = derive_from_passphrase(passphrase, hex("39d82eef32010b8b79cc5ba88ed539fb"),
                                      PwhashParams{3, 1432947}, 190);
    REQUIRE(key);
    CHECK(bytes_of(*key) == hex("08d8cd330c57e1b4643241d05bb468ba4ee4e932cd0858816be9ef15360b27bb"
                                "d06a87130ee92222be267a29b81f5ae8fe8613324cfc4832dc49387fd0602f1c"
                                "57b4d0f3855db94fb7e12eb05f9a484aed4a4307abf586cd3d55c809bc081541"
                                "e00b682772fb2066504ff935b8ebc551a2083882f874bc0fae68e56848ae34c9"
                                "1097c3bf0cca8e75c0797eef3efde3f75e005815018db3cf7c109a812264c4de"
                                "69dcb22322dbbcfa447f5b00ecd1b04a7be1569c8e556adb7bba48adf81d"));
  }
}

TEST_CASE("derive_from_passphrase is deterministic and depends on every input",
          "[crypto][pwhash]") {
  const PwhashParams params = pwhash_params_for_tests();
  const Bytes salt = sequence(kPwhashSaltSize);
  const ByteView passphrase = as_bytes("correct horse battery staple");
  auto base = derive_from_passphrase(passphrase, salt, params);
  REQUIRE(base);
  CHECK(base->size() == 32);

  auto again = derive_from_passphrase(passphrase, salt, params);
  REQUIRE(again);
  CHECK(again->equals(*base));

  auto other_pass = derive_from_passphrase(as_bytes("correct horse battery stapler"), salt, params);
  Bytes other_salt_bytes = salt;
  other_salt_bytes[15] ^= 1;
  auto other_salt = derive_from_passphrase(passphrase, other_salt_bytes, params);
  auto more_ops = derive_from_passphrase(passphrase, salt, {params.opslimit + 1, params.memlimit});
  auto more_mem =
      derive_from_passphrase(passphrase, salt, {params.opslimit, params.memlimit + 1024});
  auto longer = derive_from_passphrase(passphrase, salt, params, 64);
  REQUIRE(other_pass);
  REQUIRE(other_salt);
  REQUIRE(more_ops);
  REQUIRE(more_mem);
  REQUIRE(longer);
  CHECK_FALSE(other_pass->equals(*base));
  CHECK_FALSE(other_salt->equals(*base));
  CHECK_FALSE(more_ops->equals(*base));
  CHECK_FALSE(more_mem->equals(*base));
  // Argon2 hashes the output length in: a longer key does not start with the shorter one.
  CHECK_FALSE(equal_constant_time(longer->view().first(32), base->view()));

  auto empty = derive_from_passphrase({}, salt, params);
  REQUIRE(empty);
  CHECK_FALSE(empty->equals(*base));
}

TEST_CASE("derive_from_passphrase refuses bad parameters and salts", "[crypto][pwhash]") {
  const Bytes salt = sequence(kPwhashSaltSize);
  const ByteView passphrase = as_bytes("pw");
  const PwhashParams ok = pwhash_params_for_tests();
  CHECK_FALSE(derive_from_passphrase(passphrase, sequence(15), ok));
  CHECK_FALSE(derive_from_passphrase(passphrase, sequence(17), ok));
  CHECK_FALSE(derive_from_passphrase(passphrase, {}, ok));
  CHECK_FALSE(derive_from_passphrase(passphrase, salt, {0, ok.memlimit}));
  CHECK_FALSE(derive_from_passphrase(passphrase, salt, {ok.opslimit, 0}));
  CHECK_FALSE(derive_from_passphrase(passphrase, salt, {}));
  // A forged slot asking for a terabyte or a million passes is refused before any work.
  CHECK_FALSE(derive_from_passphrase(passphrase, salt, {1, 1024 * 1024 * kMiB}));
  CHECK_FALSE(derive_from_passphrase(passphrase, salt, {1'000'000, ok.memlimit}));
}

TEST_CASE("pwhash_params_acceptable keeps to libsodium's and our bounds", "[crypto][pwhash]") {
  const PwhashParams min = pwhash_params_for_tests();
  CHECK(pwhash_params_acceptable(min));
  CHECK(min.opslimit == 1);
  CHECK(min.memlimit == 8192);
  CHECK_FALSE(pwhash_params_acceptable({min.opslimit - 1, min.memlimit}));
  CHECK_FALSE(pwhash_params_acceptable({min.opslimit, min.memlimit - 1}));

  CHECK(pwhash_params_acceptable({64, 4096 * kMiB}));
  CHECK_FALSE(pwhash_params_acceptable({65, 256 * kMiB}));
  CHECK_FALSE(pwhash_params_acceptable({3, 4096 * kMiB + 1}));
  CHECK_FALSE(pwhash_params_acceptable({UINT64_MAX, 256 * kMiB}));
  CHECK_FALSE(pwhash_params_acceptable({3, UINT64_MAX}));
  CHECK_FALSE(pwhash_params_acceptable({0, 0}));
  CHECK(pwhash_params_acceptable({3, 256 * kMiB}));
}

TEST_CASE("calibrate returns usable parameters with less memory for small targets",
          "[crypto][pwhash]") {
  PwhashParams params = calibrate(std::chrono::milliseconds(20));
  CHECK(pwhash_params_acceptable(params));
  CHECK(params.memlimit < 256 * kMiB);
  CHECK(params.opslimit >= 1);
  CHECK(derive_from_passphrase(as_bytes("pw"), sequence(kPwhashSaltSize), params));

  PwhashParams tiny = calibrate(std::chrono::milliseconds(1));
  CHECK(pwhash_params_acceptable(tiny));
  CHECK(tiny.memlimit <= params.memlimit);
}

TEST_CASE("calibrate uses 256 MiB from 250 ms up", "[crypto][pwhash][slow]") {
  PwhashParams params = calibrate(std::chrono::milliseconds(250));
  CHECK(params.memlimit == 256 * kMiB);
  CHECK(pwhash_params_acceptable(params));
}

}  // namespace
}  // namespace mk::crypto

#include "exchange/minisign.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/base64.hpp"
#include "exchange_test_util.hpp"

namespace mk::exchange {
namespace {

// The test vector of docs/formats/age-and-minisign.md: Ed25519 seed 00 01 .. 1f, key id
// 01 02 .. 08, the file "Meldkluis testpakket\n" signed at 2026-03-21T08:00:00Z (1774080000).
// Computed independently with PyNaCl and hashlib, and checked with `minisign -V` 0.11.
constexpr std::string_view kPublicKeyFile =
    "untrusted comment: minisign public key 0807060504030201\n"
    "RWQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\n";
constexpr std::string_view kFile = "Meldkluis testpakket\n";
constexpr std::int64_t kTime = 1774080000;
constexpr std::string_view kSignatureFile =
    "untrusted comment: signature from minisign secret key\n"
    "RUQBAgMEBQYHCI8ZOerTmL92ZVX7xH+4xSzJe4pJf9CalXzqLs6ht7/"
    "N0LakGH1k30B5f63kFWyVc72eL1+kmVRI7yz55qo"
    "Faw4=\n"
    "trusted comment: timestamp:1774080000\tfile:pakket-2026-014.age\thashed\n"
    "Q4ulfPzCengDaNCCIfslrveilBhXJtTgGiC7C7QUmxJasuA1vaRVHc7zMNajf+htv0gbphlaGx6qNrD3Zy35DQ==\n";

MinisignKeyId sequence_key_id() {
  return {1, 2, 3, 4, 5, 6, 7, 8};
}

MinisignSigningKey vector_key() {
  Bytes seed(32);
  for (std::size_t i = 0; i < seed.size(); ++i)
    seed[i] = static_cast<std::uint8_t>(i);
  return MinisignSigningKey(crypto::SecretBuffer::copy_of(seed), sequence_key_id());
}

MinisignSigningKey random_key() {
  return MinisignSigningKey(crypto::SecretBuffer::random(32), sequence_key_id());
}

// Replaces line `index` (0-based) of a four-line signature file.
std::string with_line(std::string_view sig, std::size_t index, const std::string& line) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < sig.size()) {
    std::size_t end = sig.find('\n', pos);
    lines.emplace_back(sig.substr(pos, end - pos));
    pos = end + 1;
  }
  lines.at(index) = line;
  std::string out;
  for (const auto& l : lines)
    out += l + "\n";
  return out;
}

std::string line_of(std::string_view sig, std::size_t index) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < index; ++i)
    pos = sig.find('\n', pos) + 1;
  return std::string(sig.substr(pos, sig.find('\n', pos) - pos));
}

// The signature file with one byte of the Ed25519 signature of the file flipped.
std::string with_flipped_signature(std::string_view sig) {
  auto blob = base64_decode(line_of(sig, 1));
  REQUIRE(blob);
  (*blob)[40] ^= 0x01;
  return with_line(sig, 1, base64_encode(*blob));
}

TEST_CASE("minisign: the documented test vector, byte for byte", "[exchange][minisign]") {
  MinisignSigningKey key = vector_key();
  CHECK(format_minisign_public_key(key.public_key()) == kPublicKeyFile);
  auto sig = key.sign(as_bytes(kFile), kTime, "pakket-2026-014.age");
  REQUIRE(sig);
  CHECK(*sig == kSignatureFile);

  auto pub = parse_minisign_public_key(kPublicKeyFile);
  REQUIRE(pub);
  CHECK(*pub == key.public_key());
  CHECK(minisign_key_id_hex(pub->key_id) == "0807060504030201");
  auto verified = minisign_verify(as_bytes(kFile), kSignatureFile, *pub);
  REQUIRE(verified);
  CHECK(verified->trusted_comment == "timestamp:1774080000\tfile:pakket-2026-014.age\thashed");
  CHECK(verified->prehashed);
}

TEST_CASE("minisign: public keys parse from the file or the bare line, strictly",
          "[exchange][minisign]") {
  CHECK(parse_minisign_public_key("RWQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4"));
  CHECK(
      parse_minisign_public_key("untrusted comment: minisign public key 0807060504030201\r\n"
                                "RWQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\r\n"));
  const char* bad[] = {
      "",
      "comment: x\nRWQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\n",
      "untrusted comment: x\nRWQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\nextra\n",
      "untrusted comment: x\nRWQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG\n",    // short
      "untrusted comment: x\nRWQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4=\n",  // padding
      "untrusted comment: x\nRUQBAgMEBQYHCAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\n",  // "ED"
  };
  for (const char* text : bad) {
    INFO(text);
    auto k = parse_minisign_public_key(text);
    REQUIRE_FALSE(k);
    CHECK(k.status().code() == Code::kInvalidInput);
  }
}

TEST_CASE("minisign: a changed file, signature, trusted comment or key is refused",
          "[exchange][minisign]") {
  auto pub = parse_minisign_public_key(kPublicKeyFile);
  REQUIRE(pub);
  auto refused = [&](std::string_view file, std::string_view sig, const MinisignPublicKey& k) {
    auto r = minisign_verify(as_bytes(file), sig, k);
    if (r) return false;
    CHECK(r.status().code() == Code::kInvalidInput);
    return true;
  };
  CHECK(refused("Meldkluis testpakket!", kSignatureFile, *pub));
  CHECK(refused("", kSignatureFile, *pub));
  CHECK(refused(kFile, with_flipped_signature(kSignatureFile), *pub));
  CHECK(
      refused(kFile,
              with_line(kSignatureFile, 2,
                        "trusted comment: timestamp:1774080001\tfile:pakket-2026-014.age\thashed"),
              *pub));
  // The key id is signed over: another key id, same key, is refused.
  MinisignPublicKey other_id = *pub;
  other_id.key_id[0] ^= 1;
  CHECK(refused(kFile, kSignatureFile, other_id));
  // Another key with the same key id.
  CHECK(refused(kFile, kSignatureFile, random_key().public_key()));
  // The untrusted comment is not signed: changing it changes nothing.
  CHECK(minisign_verify(as_bytes(kFile), with_line(kSignatureFile, 0, "untrusted comment: anders"),
                        *pub));
  // Malformed files.
  const std::string malformed[] = {
      "",
      std::string(kSignatureFile.substr(0, kSignatureFile.rfind('Q'))),  // no global signature
      std::string(kSignatureFile) + "\n",                                // a fifth line
      with_line(kSignatureFile, 0, "comment: x"),
      with_line(kSignatureFile, 2, "trusted: x"),
      with_line(kSignatureFile, 2, "trusted comment: a\x01z"),
      with_line(kSignatureFile, 1, line_of(kSignatureFile, 1) + "="),
      with_line(kSignatureFile, 3, line_of(kSignatureFile, 3).substr(4)),
  };
  for (const std::string& sig : malformed) {
    INFO(sig);
    CHECK(refused(kFile, sig, *pub));
  }
}

TEST_CASE("minisign: bad signing arguments are refused", "[exchange][minisign]") {
  MinisignSigningKey key = random_key();
  for (std::string_view name : {std::string_view(""), std::string_view("a/b.age"),
                                std::string_view("a\tb"), std::string_view("a\nb")}) {
    auto r = key.sign(as_bytes(kFile), kTime, name);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
  }
  CHECK_FALSE(key.sign_with_comments(as_bytes(kFile), "ok", "two\nlines"));
  CHECK_FALSE(key.sign_with_comments(as_bytes(kFile), "two\nlines", "ok"));
  CHECK_FALSE(key.sign_with_comments(as_bytes(kFile), "ok", std::string(1025, 'x')));
  CHECK(key.sign_with_comments(as_bytes(kFile), "ok", "Gemeente Rijswijk \xe2\x80\x94 pakket"));
}

TEST_CASE("minisign -V verifies our signatures and refuses altered ones",
          "[exchange][minisign][interop]") {
  std::string minisign = test::require_tool("minisign");
  test::ScratchDir dir;
  MinisignSigningKey key = random_key();
  test::write_file(dir.file("key.pub"), format_minisign_public_key(key.public_key()));
  std::string data = "Pakket voor CoMensha, Gemeente Rijswijk, maart 2026\n";
  auto sig = key.sign(as_bytes(data), kTime, "pakket.age");
  REQUIRE(sig);
  auto verify = [&](const std::string& file, const std::string& signature) {
    test::write_file(dir.file("pakket.age"), file);
    test::write_file(dir.file("pakket.age.minisig"), signature);
    return testing::run_process(
        {minisign, "-Vm", dir.file("pakket.age"), "-p", dir.file("key.pub")});
  };
  auto ok = verify(data, *sig);
  INFO(ok.output);
  REQUIRE(ok.exit_code == 0);
  CHECK(ok.output.find("timestamp:1774080000\tfile:pakket.age\thashed") != std::string::npos);

  std::string altered_file = data;
  altered_file[3] ^= 0x01;
  CHECK(verify(altered_file, *sig).exit_code != 0);
  CHECK(verify(data, with_flipped_signature(*sig)).exit_code != 0);
  CHECK(
      verify(data, with_line(*sig, 2, "trusted comment: timestamp:1774080000\tfile:x.age\thashed"))
          .exit_code != 0);
}

TEST_CASE("we verify signatures made by minisign -S with a key from minisign -G -W",
          "[exchange][minisign][interop]") {
  std::string minisign = test::require_tool("minisign");
  test::ScratchDir dir;
  auto gen = testing::run_process(
      {minisign, "-G", "-W", "-p", dir.file("key.pub"), "-s", dir.file("key.sec")});
  INFO(gen.output);
  REQUIRE(gen.exit_code == 0);
  auto pub = parse_minisign_public_key(test::read_text(dir.file("key.pub")));
  REQUIRE(pub);

  std::string data = "Terugmelding van de AVIM over pseudoniem K7M-3QX\n";
  test::write_file(dir.file("reply.txt"), data);
  auto s = testing::run_process({minisign, "-S", "-s", dir.file("key.sec"), "-m",
                                 dir.file("reply.txt"), "-t", "terugmelding 2026-04-02"});
  INFO(s.output);
  REQUIRE(s.exit_code == 0);
  std::string sig = test::read_text(dir.file("reply.txt.minisig"));
  auto verified = minisign_verify(as_bytes(data), sig, *pub);
  REQUIRE(verified);
  CHECK(verified->trusted_comment == "terugmelding 2026-04-02");
  CHECK(verified->prehashed);

  std::string altered = data;
  altered.back() = '!';
  CHECK_FALSE(minisign_verify(as_bytes(altered), sig, *pub));
  CHECK_FALSE(minisign_verify(as_bytes(data), with_flipped_signature(sig), *pub));
  CHECK_FALSE(minisign_verify(as_bytes(data),
                              with_line(sig, 2, "trusted comment: terugmelding 2026-04-03"), *pub));

  // The legacy algorithm ("Ed", minisign -S -l): the file itself is signed.
  auto l = testing::run_process({minisign, "-S", "-l", "-s", dir.file("key.sec"), "-m",
                                 dir.file("reply.txt"), "-x", dir.file("legacy.minisig")});
  REQUIRE(l.exit_code == 0);
  auto legacy = minisign_verify(as_bytes(data), test::read_text(dir.file("legacy.minisig")), *pub);
  REQUIRE(legacy);
  CHECK_FALSE(legacy->prehashed);
  CHECK_FALSE(
      minisign_verify(as_bytes(altered), test::read_text(dir.file("legacy.minisig")), *pub));
}

}  // namespace
}  // namespace mk::exchange

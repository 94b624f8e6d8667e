#include "exchange/age.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/base64.hpp"
#include "crypto/random.hpp"
#include "exchange/age_header.hpp"
#include "exchange/age_scrypt.hpp"
#include "exchange/age_x25519.hpp"

namespace mk::exchange {
namespace {

// A synthetic package body: what a partner gets, minimised and pseudonymised.
const std::string kPackage =
    "{\"formaat\":1,\"partner\":\"CoMensha\",\"doel\":\"registratie\",\"grondslag\":"
    "\"toestemming\","
    "\"pseudoniem\":\"K7M-3QX\",\"melding\":{\"ontvangen\":\"2026-03-14\",\"vorm\":\"arbeid\","
    "\"gemeente\":\"Rijswijk\"}}\n";

// A cheap work factor for tests; real files use kAgeDefaultScryptWorkFactor.
constexpr int kTestWorkFactor = 10;

AgePassphraseRecipient passphrase_recipient(std::string_view pass, int wf = kTestWorkFactor) {
  return {crypto::SecretBuffer::copy_of(pass), wf};
}
AgePassphraseIdentity passphrase_identity(std::string_view pass, int max = 22) {
  return {crypto::SecretBuffer::copy_of(pass), max};
}

std::string text_of(const crypto::SecretBuffer& b) {
  return std::string(b.as_text());
}

std::size_t header_size(const Bytes& file) {
  auto header = parse_age_header(file);
  REQUIRE(header);
  return header->size;
}

TEST_CASE("age round trip to one and to several X25519 recipients", "[exchange][age]") {
  AgeIdentity comensha = AgeIdentity::generate();
  AgeIdentity politie = AgeIdentity::generate();
  AgeIdentity outsider = AgeIdentity::generate();
  AgeRecipient both[] = {comensha.recipient(), politie.recipient()};

  auto file = age_encrypt(as_bytes(kPackage), both);
  REQUIRE(file);
  CHECK(as_chars(*file).substr(0, 22) == "age-encryption.org/v1\n");
  auto header = parse_age_header(*file);
  REQUIRE(header);
  CHECK(header->stanzas.size() == 2);

  for (const AgeIdentity* id : {&comensha, &politie}) {
    auto plain = age_decrypt(*file, *id);
    REQUIRE(plain);
    CHECK(text_of(*plain) == kPackage);
  }
  auto refused = age_decrypt(*file, outsider);
  REQUIRE_FALSE(refused);
  CHECK(refused.status().code() == Code::kWrongPassphrase);

  // A list of identities: the one that matches is found wherever it is.
  std::vector<AgeIdentity> ids;
  ids.push_back(AgeIdentity::generate());
  ids.push_back(std::move(politie));
  auto plain = age_decrypt(*file, ids);
  REQUIRE(plain);
  CHECK(text_of(*plain) == kPackage);
}

TEST_CASE("age encrypts each file afresh", "[exchange][age]") {
  AgeIdentity id = AgeIdentity::generate();
  AgeRecipient r[] = {id.recipient()};
  auto a = age_encrypt(as_bytes(kPackage), r);
  auto b = age_encrypt(as_bytes(kPackage), r);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a != *b);  // new file key, ephemeral share and nonce
  CHECK(a->size() == b->size());
}

TEST_CASE("age payload chunking: empty, exactly 64 KiB, 64 KiB + 1, several chunks",
          "[exchange][age]") {
  AgeIdentity id = AgeIdentity::generate();
  AgeRecipient r[] = {id.recipient()};
  struct Case {
    std::size_t size;
    std::size_t chunks;
  };
  for (Case c :
       {Case{0, 1}, Case{1, 1}, Case{kAgeChunkSize - 1, 1}, Case{kAgeChunkSize, 1},
        Case{kAgeChunkSize + 1, 2}, Case{3 * kAgeChunkSize, 3}, Case{3 * kAgeChunkSize + 5, 4}}) {
    INFO("plaintext of " << c.size << " bytes");
    Bytes plaintext = crypto::random_bytes(c.size);
    auto file = age_encrypt(plaintext, r);
    REQUIRE(file);
    // header || nonce || the plaintext plus one 16-byte tag per chunk
    CHECK(file->size() == header_size(*file) + 16 + c.size + 16 * c.chunks);
    auto plain = age_decrypt(*file, id);
    REQUIRE(plain);
    CHECK(Bytes(plain->view().begin(), plain->view().end()) == plaintext);
  }
}

TEST_CASE("age passphrase round trip, and wrong passphrases", "[exchange][age][scrypt]") {
  auto file = age_encrypt_with_passphrase(as_bytes(kPackage), passphrase_recipient("Zeeheld-42"));
  REQUIRE(file);
  auto header = parse_age_header(*file);
  REQUIRE(header);
  REQUIRE(header->stanzas.size() == 1);
  CHECK(header->stanzas[0].type == "scrypt");
  CHECK(header->stanzas[0].args.size() == 2);
  CHECK(header->stanzas[0].args[1] == "10");

  auto plain = age_decrypt_with_passphrase(*file, passphrase_identity("Zeeheld-42"));
  REQUIRE(plain);
  CHECK(text_of(*plain) == kPackage);

  auto wrong = age_decrypt_with_passphrase(*file, passphrase_identity("Zeeheld-43"));
  REQUIRE_FALSE(wrong);
  CHECK(wrong.status().code() == Code::kWrongPassphrase);
  // An X25519 identity does not open a passphrase file, nor a passphrase an X25519 file.
  auto with_key = age_decrypt(*file, AgeIdentity::generate());
  REQUIRE_FALSE(with_key);
  CHECK(with_key.status().code() == Code::kWrongPassphrase);
  AgeIdentity id = AgeIdentity::generate();
  AgeRecipient r[] = {id.recipient()};
  auto x_file = age_encrypt(as_bytes(kPackage), r);
  REQUIRE(x_file);
  auto with_pass = age_decrypt_with_passphrase(*x_file, passphrase_identity("Zeeheld-42"));
  REQUIRE_FALSE(with_pass);
  CHECK(with_pass.status().code() == Code::kWrongPassphrase);
}

TEST_CASE("age refuses bad encryption arguments", "[exchange][age]") {
  auto none = age_encrypt(as_bytes(kPackage), {});
  REQUIRE_FALSE(none);
  CHECK(none.status().code() == Code::kInvalidInput);
  for (int wf : {0, -1, kAgeMaxScryptWorkFactor + 1}) {
    auto r = age_encrypt_with_passphrase(as_bytes(kPackage), passphrase_recipient("x", wf));
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
  }
  auto empty = age_encrypt_with_passphrase(as_bytes(kPackage), passphrase_recipient(""));
  REQUIRE_FALSE(empty);
  CHECK(empty.status().code() == Code::kInvalidInput);
  // A low-order point is a syntactically valid recipient, but no key.
  AgeRecipient low_order[] = {AgeRecipient{}};  // u = 0
  auto low = age_encrypt(as_bytes(kPackage), low_order);
  REQUIRE_FALSE(low);
  CHECK(low.status().code() == Code::kInvalidInput);
}

TEST_CASE("age refuses a work factor above the reader's limit before running scrypt",
          "[exchange][age][scrypt]") {
  auto file = age_encrypt_with_passphrase(as_bytes(kPackage), passphrase_recipient("p", 12));
  REQUIRE(file);
  auto refused = age_decrypt_with_passphrase(*file, passphrase_identity("p", 11));
  REQUIRE_FALSE(refused);
  CHECK(refused.status().code() == Code::kInvalidInput);
  CHECK(refused.status().message().find("work factor 12") != std::string::npos);
  CHECK(age_decrypt_with_passphrase(*file, passphrase_identity("p", 12)));
}

// A file whose header holds `stanzas` (all wrapping `file_key`), MAC'd correctly, with a payload.
Bytes file_with_stanzas(const std::vector<AgeStanza>& stanzas, const crypto::SecretBuffer& file_key,
                        std::string_view plaintext) {
  std::string header = serialize_age_header(stanzas, file_key);
  AgePayloadNonce nonce{};
  Bytes payload = age_stream_encrypt(file_key, nonce, as_bytes(plaintext));
  Bytes out(header.begin(), header.end());
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

TEST_CASE("age refuses an scrypt stanza beside any other stanza", "[exchange][age][scrypt]") {
  auto file_key = crypto::SecretBuffer::random(kAgeFileKeySize);
  AgeIdentity id = AgeIdentity::generate();
  auto x = age_x25519_wrap(file_key, id.recipient());
  auto s1 = age_scrypt_wrap(file_key, passphrase_recipient("een"));
  auto s2 = age_scrypt_wrap(file_key, passphrase_recipient("twee"));
  REQUIRE(x);
  REQUIRE(s1);
  REQUIRE(s2);
  // Sanity: each alone opens.
  CHECK(age_decrypt(file_with_stanzas({*x}, file_key, kPackage), id));
  CHECK(age_decrypt_with_passphrase(file_with_stanzas({*s1}, file_key, kPackage),
                                    passphrase_identity("een")));

  for (const auto& stanzas : {std::vector<AgeStanza>{*s1, *x}, std::vector<AgeStanza>{*x, *s1},
                              std::vector<AgeStanza>{*s1, *s2}}) {
    Bytes file = file_with_stanzas(stanzas, file_key, kPackage);
    auto by_pass = age_decrypt_with_passphrase(file, passphrase_identity("een"));
    REQUIRE_FALSE(by_pass);
    CHECK(by_pass.status().code() == Code::kInvalidInput);
    auto by_key = age_decrypt(file, id);
    REQUIRE_FALSE(by_key);
    CHECK(by_key.status().code() == Code::kInvalidInput);
  }
}

TEST_CASE("age refuses scrypt stanzas with malformed arguments before running scrypt",
          "[exchange][age][scrypt]") {
  auto file_key = crypto::SecretBuffer::random(kAgeFileKeySize);
  auto made = age_scrypt_wrap(file_key, passphrase_recipient("p"));
  REQUIRE(made);
  const AgeStanza good = *made;
  REQUIRE(age_decrypt_with_passphrase(file_with_stanzas({good}, file_key, kPackage),
                                      passphrase_identity("p")));
  auto expect_invalid = [&](AgeStanza stanza, const char* what) {
    INFO(what);
    auto r = age_decrypt_with_passphrase(file_with_stanzas({stanza}, file_key, kPackage),
                                         passphrase_identity("p"));
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
  };
  for (const char* wf :
       {"0", "010", "+10", "-10", "1e1", "0x0a", "10.0", "23", "100", "99999999999999999999999"}) {
    AgeStanza s = good;
    s.args[1] = wf;
    expect_invalid(s, wf);
  }
  AgeStanza s = good;
  s.args.push_back("extra");
  expect_invalid(s, "three arguments");
  s = good;
  s.args.pop_back();
  expect_invalid(s, "one argument");
  s = good;
  s.args[0] = base64_encode(crypto::random_bytes(15), Base64Padding::kUnpadded);
  expect_invalid(s, "15-byte salt");
  s = good;
  s.body.push_back(0);
  expect_invalid(s, "33-byte body");
}

TEST_CASE("age ignores stanzas of unknown types", "[exchange][age]") {
  auto file_key = crypto::SecretBuffer::random(kAgeFileKeySize);
  AgeIdentity id = AgeIdentity::generate();
  auto x = age_x25519_wrap(file_key, id.recipient());
  REQUIRE(x);
  AgeStanza grease{"example.org/grease", {"!\"#$%&'", "~"}, crypto::random_bytes(100)};
  Bytes file = file_with_stanzas({grease, *x}, file_key, kPackage);
  auto plain = age_decrypt(file, id);
  REQUIRE(plain);
  CHECK(text_of(*plain) == kPackage);
}

TEST_CASE("age: every single-byte change of a file is refused", "[exchange][age][tamper]") {
  AgeIdentity id = AgeIdentity::generate();
  AgeRecipient r[] = {id.recipient()};
  auto file = age_encrypt(as_bytes(kPackage), r);
  REQUIRE(file);
  for (std::size_t i = 0; i < file->size(); ++i) {
    for (int flip : {0x01, 0x80}) {
      Bytes altered = *file;
      altered[i] = static_cast<std::uint8_t>(altered[i] ^ flip);
      auto plain = age_decrypt(altered, id);
      if (plain) FAIL("a change at byte " << i << " went unnoticed");
      CHECK((plain.status().code() == Code::kInvalidInput ||
             plain.status().code() == Code::kWrongPassphrase));
    }
  }
}

TEST_CASE("age: header MAC, payload, truncation and trailing data", "[exchange][age][tamper]") {
  AgeIdentity id = AgeIdentity::generate();
  AgeRecipient r[] = {id.recipient()};
  Bytes plaintext = crypto::random_bytes(kAgeChunkSize + 100);  // two chunks
  auto made = age_encrypt(plaintext, r);
  REQUIRE(made);
  const Bytes& file = *made;
  std::size_t hsize = header_size(file);
  auto expect_invalid = [&](const Bytes& bad, const char* what) {
    INFO(what);
    auto plain = age_decrypt(bad, id);
    REQUIRE_FALSE(plain);
    CHECK(plain.status().code() == Code::kInvalidInput);
  };

  SECTION("a stanza added to the header, MAC kept: the MAC does not verify") {
    std::string text(as_chars(file).substr(0, hsize));
    std::size_t mac_line = text.rfind("--- ");
    Bytes bad(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(mac_line));
    std::string extra = "-> example.org/extra\n\n";
    bad.insert(bad.end(), extra.begin(), extra.end());
    bad.insert(bad.end(), file.begin() + static_cast<std::ptrdiff_t>(mac_line), file.end());
    expect_invalid(bad, "added stanza");
  }
  SECTION("the MAC replaced by another valid one") {
    std::string text(as_chars(file).substr(0, hsize));
    std::size_t mac_at = text.rfind("--- ") + 4;
    Bytes bad = file;
    std::string other = base64_encode(crypto::random_bytes(32), Base64Padding::kUnpadded);
    std::copy(other.begin(), other.end(), bad.begin() + static_cast<std::ptrdiff_t>(mac_at));
    expect_invalid(bad, "other MAC");
  }
  SECTION("payload nonce, first chunk, last tag") {
    for (std::size_t at :
         {hsize, hsize + 15, hsize + 16, hsize + 16 + kAgeChunkSize + 15, file.size() - 1}) {
      Bytes bad = file;
      bad[at] ^= 0x20;
      expect_invalid(bad, "payload byte changed");
    }
  }
  SECTION("truncated: no payload, part of the nonce, a partial chunk, the whole last chunk") {
    for (std::size_t keep : {hsize, hsize + 8, hsize + 16, file.size() - 1, file.size() - 16,
                             hsize + 16 + kAgeChunkSize + 16}) {
      Bytes bad(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(keep));
      expect_invalid(bad, "truncated");
    }
    expect_invalid(Bytes(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(hsize - 1)),
                   "header cut");
    expect_invalid(Bytes(), "empty file");
  }
  SECTION("trailing data after the last chunk") {
    for (std::size_t extra : {1, 15, 16, 17, 100}) {
      Bytes bad = file;
      bad.insert(bad.end(), extra, 0);
      expect_invalid(bad, "trailing data");
    }
  }
  SECTION("the two chunks swapped is refused (nonces bind the order)") {
    // Only meaningful with equal sizes: use a three-chunk file and swap its first two chunks.
    Bytes three_plain = crypto::random_bytes(2 * kAgeChunkSize + 1);
    auto three = age_encrypt(three_plain, r);
    REQUIRE(three);
    std::size_t h = header_size(*three) + 16, c = kAgeChunkSize + 16;
    Bytes bad = *three;
    std::swap_ranges(bad.begin() + static_cast<std::ptrdiff_t>(h),
                     bad.begin() + static_cast<std::ptrdiff_t>(h + c),
                     bad.begin() + static_cast<std::ptrdiff_t>(h + c));
    expect_invalid(bad, "swapped chunks");
  }
}

TEST_CASE("age payload: an empty last chunk only for an empty plaintext", "[exchange][age]") {
  auto file_key = crypto::SecretBuffer::random(kAgeFileKeySize);
  AgePayloadNonce nonce{};
  // Empty plaintext: the nonce and one empty final chunk (a bare tag).
  Bytes empty = age_stream_encrypt(file_key, nonce, {});
  REQUIRE(empty.size() == 16 + 16);
  auto opened = age_stream_decrypt(file_key, empty);
  REQUIRE(opened);
  CHECK(opened->empty());
  // Exactly 64 KiB: one full final chunk, no empty chunk after it.
  Bytes full(kAgeChunkSize, 0x41);
  CHECK(age_stream_encrypt(file_key, nonce, full).size() == 16 + kAgeChunkSize + 16);
  // A full chunk followed by a tag's worth of bytes is refused before any decryption. (An
  // authentic empty final chunk after a full one is the CCTV vector stream_last_chunk_empty.)
  full.push_back(0x42);
  Bytes two = age_stream_encrypt(file_key, nonce, full);
  Bytes bad(two.begin(), two.begin() + 16 + static_cast<std::ptrdiff_t>(kAgeChunkSize) + 16);
  bad.insert(bad.end(), 16, 0);
  auto refused = age_stream_decrypt(file_key, bad);
  REQUIRE_FALSE(refused);
  CHECK(refused.status().code() == Code::kInvalidInput);
}

}  // namespace
}  // namespace mk::exchange

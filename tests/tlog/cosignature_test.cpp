// C2SP tlog-cosignature/v1: the vector of docs/formats/witness.md (computed independently with
// PyNaCl), round trips, and the refusals a verifier relies on: wrong type, wrong key id, a
// tampered time or signature.
#include "tlog/cosignature.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "base/base64.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog_test_util.hpp"

namespace mk::tlog {
namespace {

using test::hex;

// docs/formats/witness.md, vector 1: the seed of Go's PeterNeumann test key, the checkpoint body
// and time of the C2SP tlog-cosignature example.
constexpr std::string_view kSeedHex =
    "810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173";
constexpr std::string_view kWitnessName = "witness.example.com/w1";
constexpr std::string_view kWitnessKey =
    "witness.example.com/w1+d46a2b1b+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr std::string_view kBody =
    "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
constexpr std::uint64_t kTime = 1679315147;
const std::string kLine =
    "\u2014 witness.example.com/w1 "
    "1GorGwAAAABkGFDLJeR//"
    "pqzhnEKVvEm2wWbh2RJ6oru5+cUUfm5X9NnlaGr8aSH9QE5RVZD4QGlxl2F5UpVIIi94p178KLfq"
    "PPsAA==\n";

crypto::SigningKey vector_key() {
  return crypto::SigningKey(crypto::SecretBuffer::copy_of(hex(kSeedHex)));
}

crypto::SigningKey key_from(std::uint8_t fill) {
  Bytes seed(32, fill);
  return crypto::SigningKey(crypto::SecretBuffer::copy_of(seed));
}

// A note of kBody signed by a log key, then cosigned by the vector's witness.
SignedNote cosigned_note(std::string_view line) {
  crypto::SigningKey log = key_from(7);
  std::string text = std::string(kBody) + "\n" +
                     sign_note(kBody, "example.com/behind-the-sofa", log) + std::string(line);
  auto note = parse_signed_note(text);
  REQUIRE(note);
  return *note;
}

TEST_CASE("cosignature: the published vector of witness.md") {
  crypto::SigningKey key = vector_key();
  CosignerKey cosigner = make_cosigner_key(kWitnessName, key.public_key());
  CHECK(format_cosigner_key(cosigner) == kWitnessKey);
  CHECK(cosignature_message(kBody, kTime) ==
        "cosignature/v1\ntime 1679315147\n" + std::string(kBody));
  CHECK(cosign(kBody, kWitnessName, key, kTime) == kLine);

  auto parsed = parse_cosigner_key(kWitnessKey);
  REQUIRE(parsed);
  CHECK(*parsed == cosigner);
  auto time = verify_cosignature(cosigned_note(kLine), *parsed);
  REQUIRE(time);
  CHECK(*time == kTime);
}

TEST_CASE("cosignature: the key id commits to type 0x04, not the note type 0x01") {
  crypto::SigningKey key = vector_key();
  CHECK(cosignature_v1_key_id(kWitnessName, key.public_key()) == 0xd46a2b1bU);
  CHECK(cosignature_v1_key_id(kWitnessName, key.public_key()) !=
        ed25519_key_id(kWitnessName, key.public_key()));
  // A plain note signature by the same key under the same name is no cosignature.
  std::string text = std::string(kBody) + "\n" + sign_note(kBody, kWitnessName, key);
  auto note = parse_signed_note(text);
  REQUIRE(note);
  auto none = verify_cosignature(*note, make_cosigner_key(kWitnessName, key.public_key()));
  REQUIRE_FALSE(none);
  CHECK(none.status().code() == Code::kNotFound);
}

TEST_CASE("cosignature: verifier keys of the wrong type, id or shape are refused") {
  crypto::SigningKey key = vector_key();
  std::string note_key = format_verifier_key(make_verifier_key(kWitnessName, key.public_key()));
  CHECK_FALSE(parse_cosigner_key(note_key));  // type 0x01
  std::string wrong_id = std::string(kWitnessKey);
  wrong_id.replace(wrong_id.find("d46a2b1b"), 8, "d46a2b1c");
  CHECK_FALSE(parse_cosigner_key(wrong_id));
  std::string upper_id = std::string(kWitnessKey);
  upper_id.replace(upper_id.find("d46a2b1b"), 8, "D46A2B1B");
  CHECK_FALSE(parse_cosigner_key(upper_id));
  CHECK_FALSE(parse_cosigner_key("witness.example.com/w1+d46a2b1b"));
  CHECK_FALSE(parse_cosigner_key("witness example+d46a2b1b+BBpc"));
  CHECK_FALSE(parse_cosigner_key(""));
}

TEST_CASE("cosignature: round trip with several witnesses, each ignoring the others' lines") {
  crypto::SigningKey a = key_from(1);
  crypto::SigningKey b = key_from(2);
  std::string line_a = cosign(kBody, "fg.gemeente-zaanstad.nl/witness", a, 1764403200);
  std::string line_b = cosign(kBody, "ciso.gemeente-zaanstad.nl/witness", b, 1764406800);
  SignedNote note = cosigned_note(line_a + line_b);
  auto ta = verify_cosignature(
      note, make_cosigner_key("fg.gemeente-zaanstad.nl/witness", a.public_key()));
  auto tb = verify_cosignature(
      note, make_cosigner_key("ciso.gemeente-zaanstad.nl/witness", b.public_key()));
  REQUIRE(ta);
  REQUIRE(tb);
  CHECK(*ta == 1764403200);
  CHECK(*tb == 1764406800);
  // The same key under another name has another key id: not found.
  CHECK_FALSE(verify_cosignature(note, make_cosigner_key("other", a.public_key())));
}

TEST_CASE("cosignature: a tampered time, signature, body or length is refused") {
  CosignerKey cosigner = make_cosigner_key(kWitnessName, vector_key().public_key());
  SignedNote good = cosigned_note(kLine);
  REQUIRE(verify_cosignature(good, cosigner));

  auto tampered = [&](auto edit) {
    SignedNote note = good;
    NoteSignature& sig = note.signatures.back();
    edit(note, sig);
    auto r = verify_cosignature(note, cosigner);
    REQUIRE_FALSE(r);
    return r.status().code();
  };
  // The time moved one second later: the signature no longer covers it.
  CHECK(tampered([](SignedNote&, NoteSignature& s) { s.signature[7] ^= 1; }) ==
        Code::kInvalidInput);
  CHECK(tampered([](SignedNote&, NoteSignature& s) { s.signature[40] ^= 0x80; }) ==
        Code::kInvalidInput);
  CHECK(tampered([](SignedNote& n, NoteSignature&) { n.body[30] = '4'; }) == Code::kInvalidInput);
  CHECK(tampered([](SignedNote&, NoteSignature& s) { s.signature.pop_back(); }) ==
        Code::kInvalidInput);
  CHECK(tampered([](SignedNote&, NoteSignature& s) { s.signature[0] = 0x80; }) ==
        Code::kInvalidInput);
}

}  // namespace
}  // namespace mk::tlog

#include "tlog/note.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "base/base64.hpp"
#include "crypto/hash.hpp"
#include "tlog_test_util.hpp"

namespace mk::tlog {
namespace {

using test::hex;

// golang.org/x/mod/sumdb/note note_test.go: the PeterNeumann and EnochRoot keys and signatures.
constexpr std::string_view kPeterKey =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
// Go's signer key "PRIVATE+KEY+PeterNeumann+c74f20a3+" + base64(0x01 || Ed25519 seed).
constexpr std::string_view kPeterPrivate = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr std::string_view kEnochKey =
    "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
constexpr std::string_view kText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
const std::string kPeterSig =
    "\u2014 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const std::string kEnochSig =
    "\u2014 EnochRoot "
    "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/"
    "5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

VerifierKey key_of(std::string_view text) {
  auto key = parse_verifier_key(text);
  REQUIRE(key);
  return *key;
}

crypto::SigningKey peter_signing_key() {
  auto typed_seed = base64_decode(kPeterPrivate);
  REQUIRE(typed_seed);
  REQUIRE(typed_seed->size() == 33);
  REQUIRE((*typed_seed)[0] == 0x01);
  return crypto::SigningKey(
      crypto::SecretBuffer::copy_of(ByteView(*typed_seed).subspan(1, crypto::kSigningSeedSize)));
}

std::string note_text(std::string_view body, std::string_view lines) {
  return std::string(body) + "\n" + std::string(lines);
}

TEST_CASE("the Go sumdb/note PeterNeumann vector verifies", "[tlog][note]") {
  VerifierKey peter = key_of(kPeterKey);
  CHECK(peter.name == "PeterNeumann");
  CHECK(peter.key_id == 0xc74f20a3);
  CHECK(format_verifier_key(peter) == kPeterKey);

  auto note = parse_signed_note(note_text(kText, kPeterSig));
  REQUIRE(note);
  CHECK(note->body == kText);
  REQUIRE(note->signatures.size() == 1);
  CHECK(note->signatures[0].name == "PeterNeumann");
  CHECK(note->signatures[0].key_id == 0xc74f20a3);
  CHECK(note->signatures[0].signature.size() == 64);
  CHECK(verify_note_signature(*note, peter));
  CHECK(format_signed_note(*note) == note_text(kText, kPeterSig));
}

TEST_CASE("signing with Go's PeterNeumann key gives Go's exact signature line", "[tlog][note]") {
  crypto::SigningKey key = peter_signing_key();
  VerifierKey peter = key_of(kPeterKey);
  CHECK(key.public_key() == peter.public_key);
  CHECK(make_verifier_key("PeterNeumann", key.public_key()).key_id == peter.key_id);
  CHECK(format_verifier_key(make_verifier_key("PeterNeumann", key.public_key())) == kPeterKey);
  CHECK(sign_note(kText, "PeterNeumann", key) == kPeterSig);
}

TEST_CASE("Go's two-signature note: each key verifies its own line only", "[tlog][note]") {
  VerifierKey peter = key_of(kPeterKey);
  VerifierKey enoch = key_of(kEnochKey);
  CHECK(enoch.key_id == 0xaf0cfe78);
  auto both = parse_signed_note(note_text(kText, kPeterSig + kEnochSig));
  REQUIRE(both);
  REQUIRE(both->signatures.size() == 2);
  CHECK(verify_note_signature(*both, peter));
  CHECK(verify_note_signature(*both, enoch));

  auto only_enoch = parse_signed_note(note_text(kText, kEnochSig));
  REQUIRE(only_enoch);
  CHECK_FALSE(verify_note_signature(*only_enoch, peter));  // no line of Peter's key
  CHECK(verify_note_signature(*only_enoch, enoch));

  // Go's "invalid signature" case: four characters inserted into Peter's base64.
  std::string bad = kPeterSig.substr(0, 60) + "ABCD" + kPeterSig.substr(60);
  auto tampered = parse_signed_note(note_text(kText, bad));
  REQUIRE(tampered);
  CHECK_FALSE(verify_note_signature(*tampered, peter));
  // A failing line of a known key rejects the note even beside a good one (C2SP: SHOULD reject).
  auto mixed = parse_signed_note(note_text(kText, kPeterSig + bad));
  REQUIRE(mixed);
  CHECK_FALSE(verify_note_signature(*mixed, peter));
  // The same good line twice is fine.
  auto twice = parse_signed_note(note_text(kText, kPeterSig + kPeterSig));
  REQUIRE(twice);
  CHECK(verify_note_signature(*twice, peter));
}

TEST_CASE("Go's malformed notes are refused", "[tlog][note]") {
  std::string text(kText);
  const std::string bad[] = {
      text,
      text + "\n",
      text + "\n" + kPeterSig.substr(0, kPeterSig.size() - 1),
      "\x01" + text + "\n" + kPeterSig,
      "\xff" + text + "\n" + kPeterSig,
      text + "\n" +
          "\u2014 Bad Name "
          "x08go/ZJkuBS9UG/"
          "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
      text + "\n" + kPeterSig + "Unexpected line.\n",
  };
  for (const std::string& msg : bad) {
    INFO(msg);
    auto note = parse_signed_note(msg);
    REQUIRE_FALSE(note);
    CHECK(note.status().code() == Code::kInvalidInput);
  }
}

TEST_CASE("more malformed notes are refused", "[tlog][note]") {
  std::string text(kText);
  std::string blob = kPeterSig.substr(kPeterSig.find(' ', 4) + 1);
  blob.pop_back();  // no "\n"
  const std::string bad[] = {
      "",
      "\n",
      "\n\n",
      text + "\n\n" + kPeterSig.substr(0, kPeterSig.size() - 1) + "\n\n",  // nothing after a blank
      text + "\n" + "- PeterNeumann " + blob + "\n",                       // hyphen, not em dash
      text + "\n" + "\u2014PeterNeumann " + blob + "\n",         // no space after the dash
      text + "\n" + "\u2014  " + blob + "\n",                    // empty name
      text + "\n" + "\u2014 Peter+Neumann " + blob + "\n",       // '+' in the name
      text + "\n" + "\u2014 Peter\u00a0Neumann " + blob + "\n",  // NBSP in the name
      text + "\n" + "\u2014 Peter\u3000Neumann " + blob + "\n",  // ideographic space
      text + "\n" + "\u2014 PeterNeumann " + blob + " \n",       // trailing space
      text + "\n" + "\u2014 PeterNeumann  " + blob + "\n",       // two spaces
      text + "\n" + "\u2014 PeterNeumann\n",                     // no signature
      text + "\n" + "\u2014 PeterNeumann \n",                    // empty signature
      text + "\n" + "\u2014 PeterNeumann " + blob.substr(0, blob.size() - 1) + "\n",  // no padding
      text + "\n" + "\u2014 PeterNeumann AAAAAA==\n",        // 4 bytes: a key id, no signature
      text + "\n" + "\u2014 PeterNeumann AAAAAAB=\n",        // non-canonical trailing bits
      text + "\n" + "\u2014 PeterNeumann " + blob + "\r\n",  // CRLF
      "If\tyou\n\n" + kPeterSig,                             // a tab
      text + "\n" + kPeterSig + "x",                         // text after the last newline
  };
  for (const std::string& msg : bad) {
    INFO(msg);
    CHECK_FALSE(parse_signed_note(msg));
  }
  CHECK(parse_signed_note(text + "\n" + "\u2014 PeterNeumann AAAAAAA=\n"));  // 5 bytes: parses

  // A blank line between signature lines makes the lines before it part of the body (C2SP splits
  // at the last blank line), so the signature no longer matches.
  auto moved = parse_signed_note(text + "\n" + kPeterSig + "\n" + kPeterSig);
  REQUIRE(moved);
  CHECK(moved->body == text + "\n" + kPeterSig);
  CHECK_FALSE(verify_note_signature(*moved, key_of(kPeterKey)));
}

TEST_CASE("signature lines are limited in number and notes in size", "[tlog][note]") {
  VerifierKey peter = key_of(kPeterKey);
  std::string hundred;
  for (int i = 0; i < 100; ++i)
    hundred += kPeterSig;
  auto ok = parse_signed_note(note_text(kText, hundred));
  REQUIRE(ok);
  CHECK(ok->signatures.size() == kMaxNoteSignatures);
  CHECK(verify_note_signature(*ok, peter));
  CHECK_FALSE(parse_signed_note(note_text(kText, hundred + kPeterSig)));

  std::string big(kMaxNoteSize, 'a');
  big[100] = '\n';
  CHECK_FALSE(parse_signed_note(big + "\n\n" + kPeterSig));
  CHECK_FALSE(parse_verifier_key(std::string(kMaxNoteSize + 1, 'a')));
  CHECK_FALSE(is_valid_note_text(std::string(kMaxNoteSize, 'a') + "\n"));
}

TEST_CASE("a body may hold empty lines: the last blank line splits", "[tlog][note]") {
  // C2SP: "The note text MAY contain empty lines; the text is separated from the signatures by
  // the last empty line in the note." (Go's Open does the same.)
  crypto::SigningKey key = peter_signing_key();
  VerifierKey peter = key_of(kPeterKey);
  std::string body = "first\n\nthird\n\n";
  std::string line = sign_note(body, "PeterNeumann", key);
  auto note = parse_signed_note(note_text(body, line));
  REQUIRE(note);
  CHECK(note->body == body);
  CHECK(verify_note_signature(*note, peter));
}

TEST_CASE("a hand-checked Ed25519 note key: key id spelled out byte by byte", "[tlog][note]") {
  // Seed 00 01 .. 1f. Public key and key id recomputed independently with PyNaCl and hashlib.
  crypto::SigningKey key(crypto::SecretBuffer::copy_of(
      hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")));
  crypto::SigningPublicKey pk = key.public_key();
  CHECK(Bytes(pk.begin(), pk.end()) ==
        hex("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8"));

  // SHA-256("example.org/audit" || 0x0A || 0x01 || public key), spelled out.
  Bytes preimage =
      hex("6578616d706c652e6f72672f6175646974"  // "example.org/audit"
          "0a"                                  // newline
          "01"                                  // Ed25519
          "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
  crypto::Sha256Digest digest = crypto::sha256(preimage);
  CHECK(Bytes(digest.begin(), digest.begin() + 4) == hex("1026b77e"));
  CHECK(ed25519_key_id("example.org/audit", pk) == 0x1026b77e);

  VerifierKey vkey = make_verifier_key("example.org/audit", pk);
  CHECK(format_verifier_key(vkey) ==
        "example.org/audit+1026b77e+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4");

  // The signature is deterministic: this line was produced by PyNaCl from the same seed.
  std::string body = "example.org/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n";
  std::string line = sign_note(body, "example.org/audit", key);
  CHECK(line ==
        "\u2014 example.org/audit "
        "ECa3fixZebvr5KUnxRhCH+"
        "fpQSN9w3m1GFcjbMQYl9eZAP5H86tcTTFeIks4RHkYTXeIexbDYLIjJuf3zPEhym6FWws=\n");
  auto note = parse_signed_note(note_text(body, line));
  REQUIRE(note);
  CHECK(verify_note_signature(*note, vkey));
  CHECK_FALSE(verify_note_signature(*note, key_of(kPeterKey)));
}

TEST_CASE("several signers cosign one note", "[tlog][note]") {
  crypto::SigningKey log_key(crypto::SecretBuffer::random(32));
  crypto::SigningKey witness_key(crypto::SecretBuffer::random(32));
  VerifierKey log = make_verifier_key("example.org/log", log_key.public_key());
  VerifierKey witness = make_verifier_key("witness.example/w1", witness_key.public_key());
  VerifierKey stranger = make_verifier_key(
      "example.org/log", crypto::SigningKey(crypto::SecretBuffer::random(32)).public_key());
  std::string body = "example.org/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
  std::string text = note_text(
      body, sign_note(body, log.name, log_key) + sign_note(body, witness.name, witness_key));
  auto note = parse_signed_note(text);
  REQUIRE(note);
  CHECK(note->signatures.size() == 2);
  CHECK(verify_note_signature(*note, log));
  CHECK(verify_note_signature(*note, witness));
  CHECK_FALSE(verify_note_signature(*note, stranger));  // same name, other key id: ignored
  CHECK(format_signed_note(*note) == text);

  // A line with the right name and key id but a signature of the wrong length fails.
  SignedNote forged = *note;
  forged.signatures[0].signature.pop_back();
  CHECK_FALSE(verify_note_signature(forged, log));
  forged = *note;
  forged.body = "example.org/log\n4\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
  CHECK_FALSE(verify_note_signature(forged, log));
}

TEST_CASE("any change to a signed note stops it verifying, and never aborts", "[tlog][note]") {
  VerifierKey peter = key_of(kPeterKey);
  const std::string good = note_text(kText, kPeterSig);
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (int delta : {0x01, 0x20, 0x80}) {
      std::string bad = good;
      bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ delta);
      auto note = parse_signed_note(bad);
      if (note) {
        INFO("byte " << i << " xor " << delta);
        CHECK_FALSE(verify_note_signature(*note, peter));
      }
    }
    auto truncated = parse_signed_note(std::string_view(good).substr(0, i));
    if (truncated) CHECK_FALSE(verify_note_signature(*truncated, peter));
  }
}

TEST_CASE("verifier keys: Go's manglings are all refused", "[tlog][note]") {
  REQUIRE(parse_verifier_key(kPeterKey));
  std::string key(kPeterKey);
  for (std::size_t i = 0; i <= key.size(); ++i) {
    for (std::size_t j = i + 1; j <= key.size(); ++j) {
      if (i != 0 || j != key.size()) {
        INFO(key.substr(i, j - i));
        REQUIRE_FALSE(parse_verifier_key(key.substr(i, j - i)));
      }
    }
  }
  for (std::size_t i = 0; i < key.size(); ++i) {
    std::string bad = key;
    ++bad[i];
    INFO(bad);
    REQUIRE_FALSE(parse_verifier_key(bad));
  }
  // Wrong key length and unknown algorithm, each with a matching key hash (from Go's tests).
  CHECK_FALSE(parse_verifier_key(
      "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
  CHECK_FALSE(
      parse_verifier_key("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
  CHECK_FALSE(
      parse_verifier_key("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
  CHECK_FALSE(parse_verifier_key(""));
  CHECK_FALSE(parse_verifier_key("++"));
}

TEST_CASE("key names and note texts", "[tlog][note]") {
  CHECK(is_valid_key_name("example.org/audit"));
  CHECK(is_valid_key_name("gemeente-rijswijk.nl/meldkluis"));
  CHECK(is_valid_key_name("\u00e9"));
  CHECK_FALSE(is_valid_key_name(""));
  CHECK_FALSE(is_valid_key_name("a b"));
  CHECK_FALSE(is_valid_key_name("a+b"));
  CHECK_FALSE(is_valid_key_name("a\tb"));
  CHECK_FALSE(is_valid_key_name("a\x01"));
  CHECK_FALSE(is_valid_key_name("a\u0085"));
  CHECK_FALSE(is_valid_key_name("a\u2003"));
  CHECK_FALSE(is_valid_key_name("a\u2028"));
  CHECK_FALSE(is_valid_key_name("\xc3"));  // truncated UTF-8

  CHECK(is_valid_note_text("a\n"));
  CHECK(is_valid_note_text("a\n\nb\n"));
  CHECK_FALSE(is_valid_note_text(""));
  CHECK_FALSE(is_valid_note_text("a"));
  CHECK_FALSE(is_valid_note_text("a\r\n"));
  CHECK_FALSE(is_valid_note_text("\xff\n"));
}

}  // namespace
}  // namespace mk::tlog

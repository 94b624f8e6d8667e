#include "tlog/checkpoint.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "tlog_test_util.hpp"

namespace mk::tlog {
namespace {

using test::hash_hex;
using test::hex;

// The RFC 6962 vector tree of 8 leaves, as a checkpoint of "example.org/audit".
Checkpoint example_checkpoint() {
  return Checkpoint{"example.org/audit",
                    8,
                    hash_hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
                    {}};
}

crypto::SigningKey example_key() {
  return crypto::SigningKey(crypto::SecretBuffer::copy_of(
      hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")));
}

// docs/formats/checkpoint.md's example, produced independently with PyNaCl and hashlib.
constexpr std::string_view kExampleNote =
    "example.org/audit\n"
    "8\n"
    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
    "\n"
    "\u2014 example.org/audit "
    "ECa3fixZebvr5KUnxRhCH+fpQSN9w3m1GFcjbMQYl9eZAP5H86tcTTFeIks4RHkYTXeIexbDYLIjJuf3zPEhym6FWws="
    "\n";
constexpr std::string_view kExampleKey =
    "example.org/audit+1026b77e+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";

TEST_CASE("checkpoint body: exact form and round trip", "[tlog][checkpoint]") {
  Checkpoint cp = example_checkpoint();
  REQUIRE(is_valid_checkpoint(cp));
  std::string body = checkpoint_body(cp);
  CHECK(body == "example.org/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
  auto parsed = parse_checkpoint_body(body);
  REQUIRE(parsed);
  CHECK(*parsed == cp);

  cp.extensions = {"timestamp 1717171717", "\u00e9xtension with spaces"};
  cp.size = UINT64_MAX;
  body = checkpoint_body(cp);
  CHECK(body ==
        "example.org/audit\n18446744073709551615\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"
        "timestamp 1717171717\n\u00e9xtension with spaces\n");
  parsed = parse_checkpoint_body(body);
  REQUIRE(parsed);
  CHECK(*parsed == cp);

  Checkpoint empty{"o", 0, empty_root(), {}};
  parsed = parse_checkpoint_body(checkpoint_body(empty));
  REQUIRE(parsed);
  CHECK(*parsed == empty);
}

TEST_CASE("a signed checkpoint matches the hand-checked example", "[tlog][checkpoint]") {
  crypto::SigningKey key = example_key();
  std::string note = sign_checkpoint(example_checkpoint(), "example.org/audit", key);
  CHECK(note == kExampleNote);

  auto vkey = parse_verifier_key(kExampleKey);
  REQUIRE(vkey);
  CHECK(vkey->public_key == key.public_key());
  auto opened = open_checkpoint(kExampleNote, *vkey);
  REQUIRE(opened);
  CHECK(*opened == example_checkpoint());
}

TEST_CASE("open_checkpoint refuses other keys, tampering and bad bodies", "[tlog][checkpoint]") {
  auto vkey = parse_verifier_key(kExampleKey);
  REQUIRE(vkey);
  std::string note(kExampleNote);

  crypto::SigningKey other(crypto::SecretBuffer::random(32));
  VerifierKey other_vkey = make_verifier_key("example.org/audit", other.public_key());
  CHECK(open_checkpoint(note, other_vkey).status().code() == Code::kInvalidInput);

  std::string bigger = note;
  bigger.replace(bigger.find("\n8\n"), 3, "\n9\n");
  CHECK_FALSE(open_checkpoint(bigger, *vkey));
  std::string other_root = note;
  other_root[20] = 'Y';
  CHECK_FALSE(open_checkpoint(other_root, *vkey));

  // A witness's extra signature is ignored; the log's own is what counts.
  std::string body = checkpoint_body(example_checkpoint());
  std::string cosigned = note + sign_note(body, "witness.example/w1", other);
  auto opened = open_checkpoint(cosigned, *vkey);
  REQUIRE(opened);
  CHECK(*opened == example_checkpoint());
  CHECK_FALSE(open_checkpoint(body + "\n" + sign_note(body, "witness.example/w1", other), *vkey));

  // A correctly signed note whose body is not a checkpoint.
  crypto::SigningKey key = example_key();
  std::string not_checkpoint =
      "example.org/audit\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n";
  CHECK_FALSE(open_checkpoint(
      not_checkpoint + "\n" + sign_note(not_checkpoint, "example.org/audit", key), *vkey));
}

TEST_CASE("checkpoint bodies that checkpoint_body would not write are refused",
          "[tlog][checkpoint]") {
  const std::string root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";
  const std::string bad[] = {
      "",
      "\n",
      "o\n8\n",                 // two lines
      "o\n8\n" + root,          // no final newline
      "\n8\n" + root + "\n",    // empty origin
      "o\n\n" + root + "\n",    // empty size
      "o\n08\n" + root + "\n",  // leading zero
      "o\n00\n" + root + "\n",
      "o\n+8\n" + root + "\n",
      "o\n-1\n" + root + "\n",
      "o\n 8\n" + root + "\n",
      "o\n8 \n" + root + "\n",
      "o\n0x8\n" + root + "\n",
      "o\n18446744073709551616\n" + root + "\n",               // 2^64
      "o\n100000000000000000000\n" + root + "\n",              // 21 digits
      "o\n8\n" + root.substr(0, 43) + "\n",                    // no padding
      "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=\n",  // non-canonical last bits
      "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/Rg\n",      // 30 bytes
      "o\n8\n" + root + "AAAA\n",                              // 35 bytes
      "o\n8\n" + root + "\n\n",                                // empty extension line
      "o\n8\n" + root + "\next\n\n",
      "o\r\n8\n" + root + "\n",      // CR
      "o\t1\n8\n" + root + "\n",     // tab in origin
      "\xff\n8\n" + root + "\n",     // invalid UTF-8
      "o\n8\n" + root + "\n\xc3\n",  // truncated UTF-8 in an extension
  };
  for (const std::string& body : bad) {
    INFO(body);
    auto parsed = parse_checkpoint_body(body);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.status().code() == Code::kInvalidInput);
  }
  std::string huge = "o\n8\n" + root + "\n" + std::string(kMaxNoteSize, 'e') + "\n";
  CHECK_FALSE(parse_checkpoint_body(huge));
  CHECK(parse_checkpoint_body("o\n0\n" + root + "\n"));
  CHECK(parse_checkpoint_body("o w+x\n18446744073709551615\n" + root + "\n"));  // any origin
}

TEST_CASE("checkpoints that cannot be written are recognised", "[tlog][checkpoint]") {
  Checkpoint cp = example_checkpoint();
  CHECK(is_valid_checkpoint(cp));
  cp.origin = "";
  CHECK_FALSE(is_valid_checkpoint(cp));
  cp.origin = "a\nb";
  CHECK_FALSE(is_valid_checkpoint(cp));
  cp.origin = "a\x7f";  // DEL is not a C0 control: allowed by C2SP
  CHECK(is_valid_checkpoint(cp));
  cp.origin = "o";
  cp.extensions = {""};
  CHECK_FALSE(is_valid_checkpoint(cp));
  cp.extensions = {"x\ry"};
  CHECK_FALSE(is_valid_checkpoint(cp));
  cp.extensions = {std::string(kMaxNoteSize, 'x')};
  CHECK_FALSE(is_valid_checkpoint(cp));
}

}  // namespace
}  // namespace mk::tlog

// Tampering with a signed checkpoint, the note a compliance officer keeps outside the vault: every
// byte changed, every bit of the bytes that carry the size, the root and the signature, and every
// truncation. open_checkpoint must refuse each one, or, only when the change lands in a part that
// carries no meaning for the log's key (the signature line of another key, which it ignores),
// return exactly the original checkpoint. Never a different checkpoint, never a crash.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "tlog/checkpoint.hpp"
#include "tlog_test_util.hpp"

namespace mk::tlog {
namespace {

struct Outcome {
  std::size_t tried = 0;
  std::size_t refused = 0;
  std::size_t harmless = 0;  // accepted as the original, the change inside the ignored line
};

crypto::SigningKey key_from(std::uint8_t first) {
  crypto::SecretBuffer seed(32);
  for (std::size_t i = 0; i < seed.size(); ++i)
    seed.data()[i] = static_cast<std::uint8_t>(first + i);
  return crypto::SigningKey(std::move(seed));
}

// A vault's checkpoint as audit_log.cpp writes it ("meldkluis/<vault id>", the log's size and
// root), with a second signature line by a key the verifier does not know (a witness).
struct Example {
  Checkpoint checkpoint;
  VerifierKey log_key;
  std::string note;
  std::size_t ignored_line_start = 0;  // the witness's line: [start, note.size())
};

Example cosigned_example() {
  crypto::SigningKey log = key_from(0x20);
  crypto::SigningKey witness = key_from(0x60);
  Example e;
  const std::string origin = "meldkluis/5f0c3a9e21b7d48c6a0e9f13d2b4c5a7";
  e.checkpoint = Checkpoint{origin, 1337, test::random_leaf_hashes(1, 2026)[0], {}};
  e.log_key = make_verifier_key(origin, log.public_key());
  const std::string body = checkpoint_body(e.checkpoint);
  e.note = sign_checkpoint(e.checkpoint, origin, log);
  e.ignored_line_start = e.note.size();
  e.note += sign_note(body, "getuige.rijswijk.nl/fg", witness);
  return e;
}

// Opens `text`; counts it refused, or harmless when it opened as the original and the change at
// `changed` lies in the ignored line. Anything else fails the test.
void judge(const Example& e, const std::string& text, std::size_t changed, Outcome& out) {
  ++out.tried;
  Result<Checkpoint> opened = open_checkpoint(text, e.log_key);
  if (!opened) {
    CHECK(opened.status().code() == Code::kInvalidInput);
    ++out.refused;
    return;
  }
  INFO("accepted a note changed at byte " << changed << " of " << e.note.size());
  REQUIRE(*opened == e.checkpoint);          // never a different checkpoint
  REQUIRE(changed >= e.ignored_line_start);  // only in the line of the unknown key
  ++out.harmless;
}

TEST_CASE("every changed byte of a signed checkpoint is refused or provably harmless",
          "[tlog][checkpoint][tamper]") {
  const Example e = cosigned_example();
  REQUIRE(open_checkpoint(e.note, e.log_key));  // control

  Outcome bytes;
  for (std::size_t at = 0; at < e.note.size(); ++at) {
    for (std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80},
                              static_cast<std::uint8_t>(1u << (at % 8)), std::uint8_t{0xff}}) {
      std::string changed = e.note;
      changed[at] = static_cast<char>(static_cast<std::uint8_t>(changed[at]) ^ mask);
      judge(e, changed, at, bytes);
    }
  }
  // Every bit of the bytes that carry meaning: the size, the first and last byte of the root, and
  // bytes of the log's signature (key id and signature proper).
  Outcome bits;
  const std::size_t size_at = e.note.find('\n') + 1;
  const std::size_t root_at = e.note.find('\n', size_at) + 1;
  const std::size_t root_end = e.note.find('\n', root_at) - 1;
  const std::size_t signature_at = e.note.find(' ', e.note.find("\u2014 ") + 4) + 1;
  for (std::size_t at : {size_at, size_at + 3, root_at, root_end, signature_at, signature_at + 5,
                         signature_at + 40, e.ignored_line_start - 2}) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string changed = e.note;
      changed[at] = static_cast<char>(changed[at] ^ (1 << bit));
      judge(e, changed, at, bits);
    }
  }
  // Every truncation, and bytes appended.
  Outcome cuts;
  for (std::size_t n = 0; n < e.note.size(); ++n) {
    judge(e, e.note.substr(0, n), n, cuts);
  }
  const std::string tails[] = {"\n", "x", "\n\u2014 x AAAAAAAA\n", std::string(1, '\0')};
  for (const std::string& tail : tails) {
    judge(e, e.note + tail, e.note.size(), cuts);
  }

  const std::size_t refused = bytes.refused + bits.refused + cuts.refused;
  const std::size_t tried = bytes.tried + bits.tried + cuts.tried;
  WARN("checkpoint tamper: a " << e.note.size() << "-byte cosigned note; " << bytes.tried
                               << " byte changes (4 masks at every offset), " << bits.tried
                               << " single bits, " << cuts.tried
                               << " truncations and tails: " << refused << " of " << tried
                               << " refused, " << bytes.harmless + bits.harmless + cuts.harmless
                               << " accepted as the original (change in the witness's line "
                                  "only), 0 different checkpoints");
  CHECK(bytes.tried >= 4 * 200);
  // The log's own part (body, blank line, its signature line) is never harmless.
  CHECK(bytes.refused >= 4 * e.ignored_line_start);
  CHECK(bits.refused == bits.tried);  // all those bytes lie in the log's own part
}

TEST_CASE("a checkpoint without the witness line refuses every flipped bit",
          "[tlog][checkpoint][tamper]") {
  crypto::SigningKey log = key_from(0x20);
  const std::string origin = "meldkluis/5f0c3a9e21b7d48c6a0e9f13d2b4c5a7";
  Checkpoint cp{origin, 42, test::random_leaf_hashes(1, 7)[0], {}};
  const std::string note = sign_checkpoint(cp, origin, log);
  const VerifierKey key = make_verifier_key(origin, log.public_key());
  REQUIRE(open_checkpoint(note, key));
  std::size_t tried = 0;
  for (std::size_t at = 0; at < note.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string changed = note;
      changed[at] = static_cast<char>(changed[at] ^ (1 << bit));
      INFO("bit " << bit << " of byte " << at);
      REQUIRE_FALSE(open_checkpoint(changed, key));
      ++tried;
    }
  }
  WARN("checkpoint tamper: every bit of a " << note.size() << "-byte note flipped, " << tried
                                            << " of " << tried << " refused");
}

}  // namespace
}  // namespace mk::tlog

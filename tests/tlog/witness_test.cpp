// The witness's decision (tlog/witness.hpp): it cosigns a log that only grew, and refuses a
// rollback, a fork at the same size, and a log that diverged earlier and then grew. Its key and
// state files read back what was written, and bad ones are refused.
#include "tlog/witness.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tlog_test_util.hpp"

namespace mk::tlog {
namespace {

constexpr std::string_view kOrigin = "meldkluis/4f1c2a9e0b7d3e58";

crypto::SigningKey key_from(std::uint8_t fill) {
  Bytes seed(32, fill);
  return crypto::SigningKey(crypto::SecretBuffer::copy_of(seed));
}

WitnessKey witness_key() {
  return WitnessKey{"fg.gemeente-zaanstad.nl/witness", key_from(42)};
}

// A log of synthetic audit entries; `fork_at` rewrites every entry from that index on.
struct Log {
  std::vector<Hash> leaves;
  crypto::SigningKey key = key_from(9);

  explicit Log(std::size_t n, std::size_t fork_at = SIZE_MAX) {
    for (std::size_t i = 0; i < n; ++i) {
      std::string entry = "{\"seq\":" + std::to_string(i) +
                          ",\"action\":\"signal.add\",\"object\":\"S-" + std::to_string(1000 + i) +
                          (i >= fork_at ? "-herschreven" : "") + "\"}";
      leaves.push_back(leaf_hash(as_bytes(entry)));
    }
  }
  VerifierKey verifier() const { return make_verifier_key(kOrigin, key.public_key()); }
  std::string checkpoint(std::size_t size) const {
    Checkpoint cp{
        std::string(kOrigin), size, root_of(std::span<const Hash>(leaves).first(size)), {}};
    return sign_checkpoint(cp, kOrigin, key);
  }
  std::vector<Hash> proof(std::size_t from, std::size_t to) const {
    LeafSpanSource source(leaves);
    auto p = consistency_proof(from, to, source);
    REQUIRE(p);
    return *p;
  }
};

Cosigned cosign_ok(const Log& log, const WitnessState& state, std::size_t from, std::size_t to,
                   std::uint64_t time = 1764403200) {
  auto r = cosign_checkpoint(log.checkpoint(to), log.verifier(), witness_key(), state,
                             log.proof(from, to), time);
  REQUIRE(r);
  return *r;
}

TEST_CASE("witness: cosigns a growing log and remembers the largest checkpoint") {
  Log log(40);
  WitnessState empty;
  Cosigned first = cosign_ok(log, empty, 0, 17);
  REQUIRE(first.state.find(kOrigin) != nullptr);
  CHECK(first.state.find(kOrigin)->size == 17);
  CHECK(first.checkpoint.size == 17);

  // The result carries the log's signature and the witness's cosignature.
  auto note = parse_signed_note(first.note);
  REQUIRE(note);
  CHECK(verify_note_signature(*note, log.verifier()));
  auto time = verify_cosignature(*note, witness_key().cosigner_key());
  REQUIRE(time);
  CHECK(*time == 1764403200);

  Cosigned second = cosign_ok(log, first.state, 17, 40, 1764489600);
  CHECK(second.state.find(kOrigin)->size == 40);
  // Cosigning the same checkpoint again replaces the witness's line instead of adding one.
  auto again =
      cosign_checkpoint(second.note, log.verifier(), witness_key(), second.state, {}, 1764576000);
  REQUIRE(again);
  auto twice = parse_signed_note(again->note);
  REQUIRE(twice);
  CHECK(twice->signatures.size() == 2);
  CHECK(*verify_cosignature(*twice, witness_key().cosigner_key()) == 1764576000);
}

TEST_CASE("witness: a rolled-back checkpoint is refused") {
  Log log(40);
  Cosigned at40 = cosign_ok(log, WitnessState{}, 0, 40);
  auto r = cosign_checkpoint(log.checkpoint(25), log.verifier(), witness_key(), at40.state, {},
                             1764489600);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kConflict);
  CHECK_THAT(r.status().message(), Catch::Contains("shrank from 40 to 25"));
}

TEST_CASE("witness: a fork of the same size is refused") {
  Log log(40);
  Log fork(40, 30);  // entries 30..39 rewritten
  Cosigned at40 = cosign_ok(log, WitnessState{}, 0, 40);
  auto r = cosign_checkpoint(fork.checkpoint(40), fork.verifier(), witness_key(), at40.state, {},
                             1764489600);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kConflict);
  CHECK_THAT(r.status().message(), Catch::Contains("differs from the one cosigned"));
}

TEST_CASE("witness: a log that diverged earlier and then grew is refused") {
  Log log(40);
  Log fork(60, 12);  // rewrote entries from 12 on, then grew past 40
  Cosigned at40 = cosign_ok(log, WitnessState{}, 0, 40);
  // The forked log's own proof from 40 to 60 does not lead from the root the witness holds.
  auto r = cosign_checkpoint(fork.checkpoint(60), fork.verifier(), witness_key(), at40.state,
                             fork.proof(40, 60), 1764489600);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kConflict);
  CHECK_THAT(r.status().message(),
             Catch::Contains("checkpoint 60 is not consistent with the one cosigned at size 40"));
  // Nor does an honest proof of the honest log help the forked checkpoint.
  Log honest(60);
  CHECK_FALSE(cosign_checkpoint(fork.checkpoint(60), fork.verifier(), witness_key(), at40.state,
                                honest.proof(40, 60), 1764489600));
}

TEST_CASE("witness: a checkpoint without the log's valid signature is refused") {
  Log log(10);
  std::string note = log.checkpoint(10);
  Log other(10);
  other.key = key_from(10);
  auto r = cosign_checkpoint(note, other.verifier(), witness_key(), WitnessState{}, {}, 1);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kInvalidInput);
  // A log key other than the one the state recorded for the origin.
  Cosigned first = cosign_ok(log, WitnessState{}, 0, 10);
  auto swapped =
      cosign_checkpoint(other.checkpoint(10), other.verifier(), witness_key(), first.state, {}, 2);
  REQUIRE_FALSE(swapped);
  CHECK(swapped.status().code() == Code::kInvalidInput);
}

TEST_CASE("witness: the state file reads back what was written and refuses bad text") {
  Log log(40);
  WitnessState state = cosign_ok(log, WitnessState{}, 0, 40).state;
  state.put(
      WitnessedLog{"meldkluis/met spatie", format_verifier_key(log.verifier()), 0, empty_root()});
  std::string text = format_witness_state(state);
  CHECK(text.starts_with("meldkluis-witness-state/1\n40 "));
  auto back = parse_witness_state(text);
  REQUIRE(back);
  CHECK(*back == state);

  CHECK_FALSE(parse_witness_state(""));
  CHECK_FALSE(parse_witness_state("meldkluis-witness-state/2\n"));
  CHECK_FALSE(parse_witness_state(text.substr(0, text.size() - 1)));
  std::string leading_zero = text;
  leading_zero.replace(leading_zero.find("\n40 "), 4, "\n040 ");
  CHECK_FALSE(parse_witness_state(leading_zero));
  std::string twice = text + text.substr(text.find('\n') + 1);
  CHECK_FALSE(parse_witness_state(twice));
}

TEST_CASE("witness: the key file reads back the key and refuses bad text") {
  crypto::SecretBuffer seed = crypto::SecretBuffer::random(32);
  crypto::SecretBuffer file =
      format_witness_key_file("fg.gemeente-zaanstad.nl/witness", seed, "2026-11-29T09:00:00Z");
  std::string_view text = file.as_text();
  CHECK(text.starts_with("# "));
  auto key = parse_witness_key_file(text);
  REQUIRE(key);
  CHECK(key->name == "fg.gemeente-zaanstad.nl/witness");
  CHECK(key->key.public_key() == crypto::SigningKey(seed).public_key());
  CHECK_THAT(std::string(text),
             Catch::Contains("# verifier key: " + format_cosigner_key(key->cosigner_key())));

  CHECK_FALSE(parse_witness_key_file("# only a comment\n"));
  CHECK_FALSE(parse_witness_key_file("MELDKLUIS-WITNESS-KEY-1 naam AAAA\n"));
  CHECK_FALSE(parse_witness_key_file("AGE-SECRET-KEY-1QQQ\n"));
  std::string doubled = std::string(text) + std::string(text.substr(text.find("MELDKLUIS")));
  CHECK_FALSE(parse_witness_key_file(doubled));
}

}  // namespace
}  // namespace mk::tlog

// Witness cosignatures as the vault keeps them (vault/audit_witness.hpp): only a cosigned
// checkpoint of this vault's own log is stored, a witness's key is fixed at its first
// cosignature, and verification catches a stored cosignature that was altered or that covers a
// root the log no longer reproduces.
#include "vault/audit_witness.hpp"

#include <catch2/catch.hpp>

#include "tlog/witness.hpp"
#include "vault/audit_log.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {

const std::string kWitness = "fg.gemeente-zaanstad.nl/witness";

crypto::SigningKey seeded(std::uint8_t fill) {
  return crypto::SigningKey(crypto::SecretBuffer::copy_of(Bytes(32, fill)));
}

struct WitnessedVault {
  TestVault tv;
  AuditLog log{"test@werkplek-12"};

  WitnessedVault() {
    tv.vault().set_audit_sink(&log);
    for (int i = 0; i < 5; ++i) {
      synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
    }
  }
  // The latest checkpoint, cosigned by `key` under `name` at 2 March 2026.
  std::string cosigned(const crypto::SigningKey& key, const std::string& name = kWitness) {
    Result<std::string> note = write_checkpoint(tv.vault());
    MK_REQUIRE_OK(note);
    auto parsed = tlog::parse_signed_note(*note);
    REQUIRE(parsed);
    return *note + tlog::cosign(parsed->body, name, key, 1772443800);
  }
  Result<std::uint64_t> store(const std::string& note, const crypto::SigningKey& key) {
    return in_unit(tv.vault(), [&](UnitOfWork& u) {
      return store_cosigned_checkpoint(
          u.vault(), tlog::make_cosigner_key(kWitness, key.public_key()), note, test_now());
    });
  }
};

}  // namespace

TEST_CASE("vault witness: a cosigned checkpoint is stored and verifies; the proof links sizes") {
  WitnessedVault wv;
  crypto::SigningKey key = seeded(1);
  Result<std::uint64_t> size = wv.store(wv.cosigned(key), key);
  MK_REQUIRE_OK(size);
  CHECK(*size == 5);
  Result<WitnessVerification> v = verify_witness_cosignatures(wv.tv.vault());
  MK_REQUIRE_OK(v);
  CHECK(v->ok);
  CHECK(v->witnessed_size == 5);
  CHECK_FALSE(v->oldest_unwitnessed.has_value());

  synthetic::add_person(wv.tv.vault(), PersonRole::kVictim, synthetic::kAnouk);
  Result<WitnessVerification> later = verify_witness_cosignatures(wv.tv.vault());
  MK_REQUIRE_OK(later);
  CHECK(later->oldest_unwitnessed == test_now());
  Result<std::vector<tlog::Hash>> proof = audit_consistency_proof(wv.tv.vault(), 5, 6);
  MK_REQUIRE_OK(proof);
  CHECK_FALSE(proof->empty());
  CHECK(audit_consistency_proof(wv.tv.vault(), 6, 7).status().code() == Code::kNotFound);
  CHECK(audit_consistency_proof(wv.tv.vault(), 6, 5).status().code() == Code::kInvalidInput);
}

TEST_CASE("vault witness: notes that are not this log's, or not cosigned, are refused") {
  WitnessedVault wv;
  crypto::SigningKey key = seeded(1);
  // No cosignature of the witness.
  Result<std::string> plain = write_checkpoint(wv.tv.vault());
  MK_REQUIRE_OK(plain);
  CHECK(wv.store(*plain, key).status().code() == Code::kInvalidInput);
  // A checkpoint another log's key signed.
  tlog::Checkpoint foreign{audit_log_name(wv.tv.vault()), 5, tlog::empty_root(), {}};
  std::string forged = tlog::sign_checkpoint(foreign, audit_log_name(wv.tv.vault()), seeded(9));
  forged += tlog::cosign(tlog::checkpoint_body(foreign), kWitness, key, 1772443800);
  CHECK(wv.store(forged, key).status().code() == Code::kInvalidInput);
  // Another key under a known name.
  MK_REQUIRE_OK(wv.store(wv.cosigned(key), key));
  crypto::SigningKey other = seeded(2);
  CHECK(wv.store(wv.cosigned(other), other).status().code() == Code::kConflict);
}

TEST_CASE("vault witness: an altered stored cosignature fails verification") {
  WitnessedVault wv;
  crypto::SigningKey key = seeded(1);
  MK_REQUIRE_OK(wv.store(wv.cosigned(key), key));
  SECTION("the recorded key swapped for another") {
    std::string other =
        tlog::format_cosigner_key(tlog::make_cosigner_key(kWitness, seeded(3).public_key()));
    REQUIRE(wv.tv.vault()
                .db()
                .exec("UPDATE audit_witnesses SET verifier_key = '" + other + "'")
                .is_ok());
  }
  SECTION("the stored time moved") {
    REQUIRE(wv.tv.vault().db().exec("UPDATE audit_cosigned SET time = time + 1").is_ok());
  }
  SECTION("the cosigned note swapped for one of a size the log does not have") {
    REQUIRE(wv.tv.vault().db().exec("UPDATE audit_cosigned SET size = 4").is_ok());
  }
  SECTION("a cosigned checkpoint of a root the log does not reproduce (history rewritten)") {
    tlog::Checkpoint rewritten{audit_log_name(wv.tv.vault()), 5, tlog::empty_root(), {}};
    std::string note = tlog::sign_checkpoint(rewritten, audit_log_name(wv.tv.vault()),
                                             audit_signing_key(wv.tv.vault()));
    note += tlog::cosign(tlog::checkpoint_body(rewritten), kWitness, key, 1772443800);
    Result<Statement> st = wv.tv.vault().db().prepare("UPDATE audit_cosigned SET note = ?1");
    REQUIRE(st);
    st->bind(1, note);
    REQUIRE(st->run().is_ok());
  }
  Result<WitnessVerification> v = verify_witness_cosignatures(wv.tv.vault());
  MK_REQUIRE_OK(v);
  CHECK_FALSE(v->ok);
  CHECK_FALSE(v->problem.empty());
}

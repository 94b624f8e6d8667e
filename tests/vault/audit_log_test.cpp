// The audit log as the vault writes it: entries in the same unit of work as the change, signed
// checkpoints that never contradict each other, failed unlocks accounted for.
#include "vault/audit_log.hpp"

#include <catch2/catch.hpp>

#include "tlog/compact_range.hpp"
#include "vault/audit_store.hpp"
#include "vault/person_store.hpp"
#include "vault/test_vault_fixture.hpp"
#include "vault/unlock_failures.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {

struct AuditedVault {
  AuditedVault() { tv.vault().set_audit_sink(&log); }
  void reattach() { tv.vault().set_audit_sink(&log); }
  TestVault tv;
  AuditLog log{"test@werkplek-12"};
};

std::vector<AuditEntry> all_entries(Vault& v) {
  Result<std::vector<AuditEntry>> e = read_audit_entries(v, {});
  REQUIRE(e.is_ok());
  return std::move(*e);
}

}  // namespace

TEST_CASE("a change and its audit entry are written together, with ids and no plaintext") {
  AuditedVault av;
  std::string id = synthetic::add_person(av.tv.vault(), PersonRole::kVictim, synthetic::kIoana);
  std::vector<AuditEntry> entries = all_entries(av.tv.vault());
  REQUIRE(entries.size() == 1);
  const AuditEntry& e = entries[0];
  CHECK(e.seq == 0);
  CHECK(e.time == test_now());
  CHECK(e.actor == "coordinator");
  CHECK(e.role == "coordinator");
  CHECK(e.action == "person.add");
  CHECK(e.object == id);
  CHECK(e.result == "ok");
  CHECK(e.origin == "test@werkplek-12");
  std::string leaf = encode_audit_entry(e);
  CHECK(leaf.find("Ioana") == std::string::npos);
  CHECK(leaf.find("390996038") == std::string::npos);

  // A unit of work that fails leaves neither the change nor an entry.
  PersonIdentity bad = synthetic::identity_of(synthetic::kAnouk);
  bad.set(PersonField::kBsn, "123456789");
  CHECK_FALSE(in_unit(av.tv.vault(),
                      [&](UnitOfWork& u) { return add_person(u, PersonRole::kVictim, bad); }));
  CHECK(all_entries(av.tv.vault()).size() == 1);
  CHECK(av.tv.count_rows("persons") == 1);
}

TEST_CASE("checkpoints are signed only when the log grew, and all verify") {
  AuditedVault av;
  Vault& v = av.tv.vault();
  CHECK(latest_checkpoint(v).status().code() == Code::kNotFound);
  synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  Result<std::string> first = write_checkpoint(v);
  MK_REQUIRE_OK(first);
  Result<std::string> again = write_checkpoint(v);
  MK_REQUIRE_OK(again);
  CHECK(*again == *first);
  synthetic::add_person(v, PersonRole::kSuspect, synthetic::kPiotr);
  Result<std::string> second = write_checkpoint(v);
  MK_REQUIRE_OK(second);
  CHECK(*second != *first);
  Result<tlog::Checkpoint> cp = tlog::open_checkpoint(*second, audit_verifier_key(v));
  MK_REQUIRE_OK(cp);
  CHECK(cp->size == 2);
  CHECK(cp->origin == audit_log_name(v));
  Result<AuditVerification> verified = verify_audit_log(v, *first);
  MK_REQUIRE_OK(verified);
  CHECK(verified->ok);
  CHECK(verified->checkpoints_checked == 2);
  Result<InclusionProof> proof = prove_audit_entry(v, 0, std::nullopt);
  MK_REQUIRE_OK(proof);
  CHECK(proof->checkpoint.size == 2);
}

TEST_CASE("the vault refuses to sign a checkpoint inconsistent with the one before") {
  AuditedVault av;
  Vault& v = av.tv.vault();
  synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  synthetic::add_person(v, PersonRole::kVictim, synthetic::kAnouk);
  MK_REQUIRE_OK(write_checkpoint(v));
  // Someone with the database key rewrites history: a new tree head of three forged leaves.
  tlog::CompactRange forged;
  for (int i = 0; i < 3; ++i)
    forged.append(tlog::leaf_hash(as_bytes(std::to_string(i))));
  Result<Statement> st = v.db().prepare("UPDATE meta SET value = ?1 WHERE key = ?2");
  MK_REQUIRE_OK(st);
  st->bind(1, to_hex(forged.serialize())).bind(2, kMetaAuditFrontier);
  MK_REQUIRE_OK(st->run());
  Result<std::string> refused = write_checkpoint(v);
  CHECK(refused.status().code() == Code::kVaultCorrupt);
  CHECK(refused.status().message().find("refusing to sign") != std::string::npos);
  Result<Statement> count = v.db().prepare("SELECT count(*) FROM audit_checkpoints");
  MK_REQUIRE_OK(count);
  REQUIRE(*count->step());
  CHECK(count->column_int(0) == 1);
}

TEST_CASE("failed unlocks are recorded beside the vault and moved into the log once") {
  AuditedVault av;
  av.tv.close();
  MK_REQUIRE_OK(record_failed_unlock(av.tv.dir(), test_now(), "", "cli@werkplek-12"));
  MK_REQUIRE_OK(record_failed_unlock(av.tv.dir(), test_now() + std::chrono::seconds(5),
                                     "coordinator", "cli@werkplek-12"));
  MK_REQUIRE_OK(av.tv.reopen(kCoordinatorPassphrase));
  av.reattach();
  for (int round = 0; round < 2; ++round) {  // a second ingest finds nothing new
    Result<std::size_t> n =
        in_unit(av.tv.vault(), [](UnitOfWork& u) { return ingest_failed_unlocks(u); });
    MK_REQUIRE_OK(n);
    CHECK(*n == (round == 0 ? 2u : 0u));
  }
  std::vector<AuditEntry> entries = all_entries(av.tv.vault());
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].action == "vault.unlock_failed");
  CHECK(entries[0].actor == "*");
  CHECK(entries[0].result == "wrong_passphrase");
  CHECK(entries[1].actor == "coordinator");
  CHECK(entries[1].time == test_now() + std::chrono::seconds(5));
}

TEST_CASE("audit entries decode only from their one canonical form") {
  AuditEntry e{7,
               test_now(),
               "coordinator",
               "coordinator",
               "person.update",
               "P-7K3M9Q2X",
               "ok",
               "cli@werkplek-12",
               "Verzoek \"SHOP\"\t12-03 \\ é \x01\x7f",
               "fields=name"};
  std::string leaf = encode_audit_entry(e);
  Result<AuditEntry> back = decode_audit_entry(leaf);
  MK_REQUIRE_OK(back);
  CHECK(*back == e);
  // Equivalent JSON that is not canonical is refused: spaces, escaped letters, reordering,
  // a leading zero, a \u escape where a short one exists, an upper-case hex escape.
  const std::string variants[] = {
      " " + leaf,
      leaf.substr(0, leaf.size() - 1) + " }",
      std::string(leaf).replace(leaf.find("coordinator"), 1, "\\u0063"),
      std::string(leaf).replace(leaf.find("{\"seq\":7"), 8, "{\"seq\":07"),
      std::string(leaf).replace(leaf.find("\\t"), 2, "\\u0009"),
      std::string(leaf)
          .replace(leaf.find("\\u0001"), 6, "\\u0001")
          .replace(leaf.find("\\u007f"), 6, "\\u007F"),
      std::string(leaf).replace(leaf.find("\"actor\""), 7, "\"actr\""),
  };
  for (const std::string& v : variants) {
    INFO(v);
    CHECK(decode_audit_entry(v).status().code() == Code::kVaultCorrupt);
  }
}

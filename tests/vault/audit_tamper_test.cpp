// Tampering with the audit log by someone who holds the database key: edited, deleted, swapped,
// inserted and appended rows, rewritten nodes, a cut tail, and a vault folder put back from an
// older copy. verify_audit_log must fail each time (ok == false, not an error) and name the first
// bad entry where the evidence allows it.
#include <catch2/catch.hpp>
#include <filesystem>

#include "vault/audit_log.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {

// A vault with a log of `kEntries` entries (ids only) and checkpoints at 4, 8 and 10.
constexpr std::uint64_t kEntries = 10;

class LoggedVault {
 public:
  LoggedVault() {
    attach();
    for (std::uint64_t i = 0; i < kEntries; ++i) {
      add_entry(i);
      if (i + 1 == 4 || i + 1 == 8 || i + 1 == kEntries) MK_REQUIRE_OK(write_checkpoint(vault()));
    }
    Result<AuditVerification> v = verify_audit_log(vault(), std::nullopt);
    MK_REQUIRE_OK(v);
    REQUIRE(v->ok);
    REQUIRE(v->entries == kEntries);
    REQUIRE(v->checkpoints_checked == 3);
  }

  Vault& vault() { return tv.vault(); }
  void attach() { tv.vault().set_audit_sink(&log); }

  void add_entry(std::uint64_t i) {
    tv.clock().advance(std::chrono::seconds(1));
    MK_REQUIRE_OK(in_unit(vault(), [&](UnitOfWork& uow) {
      uow.record({"person.read", "P-" + std::to_string(1000000 + i), "fields=name"});
      return Status::ok();
    }));
  }

  // Runs SQL as someone holding the database key would.
  void sql(const std::string& text) { MK_REQUIRE_OK(vault().db().exec(text)); }

  Bytes column(std::uint64_t seq, const std::string& name) {
    Result<Statement> st =
        vault().db().prepare("SELECT " + name + " FROM audit_entries WHERE seq = ?1");
    MK_REQUIRE_OK(st);
    st->bind(1, static_cast<std::int64_t>(seq));
    REQUIRE(*st->step());
    return st->column_blob(0);
  }

  // Stores `entry` as row `seq` with a matching leaf hash and index columns: a careful forger.
  void put_row(std::uint64_t seq, const AuditEntry& entry, bool insert) {
    std::string leaf = encode_audit_entry(entry);
    Result<Statement> st = vault().db().prepare(
        insert ? "INSERT INTO audit_entries (seq, entry, leaf_hash, time, actor, action, object) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
               : "UPDATE audit_entries SET entry = ?2, leaf_hash = ?3, time = ?4, actor = ?5, "
                 "action = ?6, object = ?7 WHERE seq = ?1");
    MK_REQUIRE_OK(st);
    st->bind(1, static_cast<std::int64_t>(seq))
        .bind_blob(2, as_bytes(leaf))
        .bind_blob(3, tlog::leaf_hash(as_bytes(leaf)))
        .bind(4, format_instant(entry.time))
        .bind(5, entry.actor)
        .bind(6, entry.action)
        .bind(7, entry.object);
    MK_REQUIRE_OK(st->run());
  }

  AuditEntry entry(std::uint64_t seq) {
    Bytes leaf = column(seq, "entry");
    Result<AuditEntry> e = decode_audit_entry(as_chars(leaf));
    MK_REQUIRE_OK(e);
    return *e;
  }

  AuditVerification verify(const std::optional<std::string>& kept = std::nullopt) {
    Result<AuditVerification> v = verify_audit_log(vault(), kept);
    MK_REQUIRE_OK(v);  // tampering is a failed verification, not an error
    INFO(v->problem);
    CHECK_FALSE(v->ok);
    CHECK_FALSE(v->problem.empty());
    return *v;
  }

  TestVault tv;
  AuditLog log{"test@werkplek-12"};
};

}  // namespace

TEST_CASE("audit tamper: an edited entry is named") {
  LoggedVault lv;
  SECTION("a changed object id, still canonical") {
    lv.sql(
        "UPDATE audit_entries SET entry = CAST(replace(CAST(entry AS TEXT), 'P-1000005', "
        "'P-1000009') AS BLOB) WHERE seq = 5");
    AuditVerification v = lv.verify();
    CHECK(v.first_bad_entry == std::optional<std::uint64_t>(5));
    CHECK(v.problem.find("audit entry 5 was edited") != std::string::npos);
  }
  SECTION("bytes that are no longer canonical") {
    lv.sql(
        "UPDATE audit_entries SET entry = CAST(replace(CAST(entry AS TEXT), '\"seq\":2,', "
        "'\"seq\": 2,') AS BLOB) WHERE seq = 2");
    AuditVerification v = lv.verify();
    CHECK(v.first_bad_entry == std::optional<std::uint64_t>(2));
    CHECK(v.problem.find("canonical") != std::string::npos);
  }
  SECTION("an entry rewritten with its leaf hash and index: the signed roots and nodes catch it") {
    AuditEntry e = lv.entry(5);
    e.action = "person.list";
    lv.put_row(5, e, false);
    AuditVerification v = lv.verify();
    // The evidence narrows it to a range only: the stored node over entries 4 and 5.
    CHECK_FALSE(v.first_bad_entry.has_value());
    CHECK(v.problem.find("entries 4 to 5") != std::string::npos);
  }
}

TEST_CASE("audit tamper: a deleted row is named") {
  LoggedVault lv;
  SECTION("a gap") {
    lv.sql("DELETE FROM audit_entries WHERE seq = 3");
    AuditVerification v = lv.verify();
    CHECK(v.first_bad_entry == std::optional<std::uint64_t>(3));
    CHECK(v.problem.find("missing") != std::string::npos);
  }
  SECTION("the rows after it renumbered") {
    lv.sql("DELETE FROM audit_entries WHERE seq = 3");
    lv.sql("UPDATE audit_entries SET seq = -seq WHERE seq > 3");
    lv.sql("UPDATE audit_entries SET seq = -seq - 1 WHERE seq < 0");
    AuditVerification v = lv.verify();
    CHECK(v.first_bad_entry == std::optional<std::uint64_t>(3));
  }
  SECTION("the last rows cut") {
    lv.sql("DELETE FROM audit_entries WHERE seq >= 8");
    AuditVerification v = lv.verify();
    CHECK(v.first_bad_entry == std::optional<std::uint64_t>(8));
    CHECK(v.problem.find("cut") != std::string::npos);
  }
}

TEST_CASE("audit tamper: two swapped entries are named") {
  LoggedVault lv;
  AuditEntry two = lv.entry(2), six = lv.entry(6);
  SECTION("whole rows swapped") {
    lv.put_row(2, six, false);
    lv.put_row(6, two, false);
  }
  SECTION("only the entry bytes swapped") {
    Bytes b2 = lv.column(2, "entry"), b6 = lv.column(6, "entry");
    for (auto [seq, bytes] : {std::pair{2, b6}, std::pair{6, b2}}) {
      Result<Statement> st = lv.vault().db().prepare(
          "UPDATE audit_entries SET entry = ?1 WHERE "
          "seq = ?2");
      MK_REQUIRE_OK(st);
      st->bind_blob(1, bytes).bind(2, seq);
      MK_REQUIRE_OK(st->run());
    }
  }
  AuditVerification v = lv.verify();
  CHECK(v.first_bad_entry == std::optional<std::uint64_t>(2));
}

TEST_CASE("audit tamper: a row inserted in the middle, the rest renumbered, is named") {
  LoggedVault lv;
  std::uint64_t at = GENERATE(as<std::uint64_t>{}, 5, 7, 2);
  INFO("inserted at " << at);
  // Make room: seq at.. move up by one (via negative numbers, as the key is unique).
  lv.sql("UPDATE audit_entries SET seq = -seq - 2 WHERE seq >= " + std::to_string(at));
  lv.sql("UPDATE audit_entries SET seq = -seq - 1 WHERE seq < 0");
  AuditEntry forged = lv.entry(at + 1);
  forged.seq = at;
  forged.action = "signal.list";
  forged.object = "";
  lv.put_row(at, forged, true);
  AuditVerification v = lv.verify();
  CHECK(v.first_bad_entry == std::optional<std::uint64_t>(at));
  CHECK(v.problem.find("inserted") != std::string::npos);
}

TEST_CASE("audit tamper: a forged row appended after the tree head is named") {
  LoggedVault lv;
  AuditEntry forged = lv.entry(kEntries - 1);
  forged.seq = kEntries;
  forged.object = "P-9999999";
  lv.put_row(kEntries, forged, true);
  AuditVerification v = lv.verify();
  CHECK(v.first_bad_entry == std::optional<std::uint64_t>(kEntries));
  CHECK(v.problem.find("inserted") != std::string::npos);
}

TEST_CASE("audit tamper: a changed stored tree node fails verification and proofs") {
  LoggedVault lv;
  lv.sql("UPDATE audit_subtrees SET hash = zeroblob(32) WHERE start = 2 AND width = 2");
  AuditVerification v = lv.verify();
  CHECK(v.problem.find("tree node") != std::string::npos);
  CHECK(prove_audit_entry(lv.vault(), 0, std::nullopt).status().code() == Code::kVaultCorrupt);
}

TEST_CASE("audit tamper: a stored checkpoint with a broken signature fails verification") {
  LoggedVault lv;
  lv.sql(
      "UPDATE audit_checkpoints SET note = replace(note, 'meldkluis/', 'meldkluis/x') WHERE "
      "size = 4");
  AuditVerification v = lv.verify();
  CHECK(v.problem.find("signature") != std::string::npos);
}

TEST_CASE(
    "audit tamper: a vault folder replaced by an older copy fails against a kept checkpoint") {
  TempDir elsewhere;
  LoggedVault lv;
  lv.tv.close();
  const std::filesystem::path old_copy = elsewhere.path() / "old";
  std::filesystem::copy(lv.tv.dir(), old_copy, std::filesystem::copy_options::recursive);

  // More work, and the compliance officer keeps a checkpoint of it outside the vault.
  MK_REQUIRE_OK(lv.tv.reopen(kCoordinatorPassphrase));
  lv.attach();
  for (std::uint64_t i = kEntries; i < kEntries + 3; ++i)
    lv.add_entry(i);
  Result<std::string> kept = write_checkpoint(lv.vault());
  MK_REQUIRE_OK(kept);
  {
    Result<AuditVerification> now = verify_audit_log(lv.vault(), *kept);
    MK_REQUIRE_OK(now);
    CHECK(now->ok);
  }
  lv.tv.close();

  // Someone puts the old folder back.
  std::filesystem::remove_all(lv.tv.dir());
  std::filesystem::copy(old_copy, lv.tv.dir(), std::filesystem::copy_options::recursive);
  MK_REQUIRE_OK(lv.tv.reopen(kCoordinatorPassphrase));
  lv.attach();

  // From inside, the old copy is consistent with itself ...
  Result<AuditVerification> alone = verify_audit_log(lv.vault(), std::nullopt);
  MK_REQUIRE_OK(alone);
  CHECK(alone->ok);
  // ... but not with the checkpoint kept outside.
  AuditVerification v = lv.verify(*kept);
  CHECK(v.first_bad_entry == std::optional<std::uint64_t>(kEntries));
  CHECK(v.problem.find("rolled back") != std::string::npos);
  // And it refuses to prove an entry against that checkpoint.
  CHECK_FALSE(prove_audit_entry(lv.vault(), kEntries, *kept).is_ok());
}

TEST_CASE("audit tamper: a checkpoint of another vault is not accepted as kept") {
  LoggedVault a;
  LoggedVault b;
  Result<std::string> other = latest_checkpoint(b.vault());
  MK_REQUIRE_OK(other);
  AuditVerification v = a.verify(*other);
  CHECK(v.problem.find("not signed by this vault") != std::string::npos);
}

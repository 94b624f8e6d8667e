// What someone holding the vault's files learns: with no key, nothing (not even that it is SQLite);
// with the database key (an administrator, the compliance officer), metadata and ciphertext, but
// no identity and no narrative.
#include <catch2/catch.hpp>

#include "support/folder_snapshot.hpp"
#include "support/run_process.hpp"
#include "vault/case_store.hpp"
#include "vault/person_store.hpp"
#include "vault/signal_store.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {

// Values no real record would hold, so finding one anywhere proves a leak.
const std::vector<std::string> kCanaries = {
    "Kanarie Zwaluwstaart-Oudshoorn",  // name
    "NX9CANARY41",                     // document number
    "Kanariestraat 404, 2281 ZZ Rijswijk",
    "+31 6 9999 4041",
    "KANARIE-VERHAAL: de werkgever bewaart de paspoorten in een kluis",
    "Kanarie-aard: schuldbinding via huur",
    "Kanarie-samenvatting van de casus",
};

struct Filled {
  std::string person;
  std::string other;
  std::string signal;
};

Filled fill_with_canaries(TestVault& tv) {
  PersonIdentity id;
  id.set(PersonField::kName, kCanaries[0]);
  id.set(PersonField::kDateOfBirth, "1990-06-15");
  id.set(PersonField::kNationality, "Bulgaarse");
  id.set(PersonField::kBsn, "123456782");
  id.set(PersonField::kDocumentNumber, kCanaries[1]);
  id.set(PersonField::kAddress, kCanaries[2]);
  id.set(PersonField::kPhone, kCanaries[3]);
  Result<std::string> person = in_unit(
      tv.vault(), [&](UnitOfWork& uow) { return add_person(uow, PersonRole::kVictim, id); });
  MK_REQUIRE_OK(person);
  std::string other = synthetic::add_person(tv.vault(), PersonRole::kSuspect, synthetic::kPiotr);
  SignalInput in = synthetic::labour_signal();
  in.narrative = kCanaries[4];
  in.nature = kCanaries[5];
  in.person_ids = {*person, other};
  Result<std::string> signal =
      in_unit(tv.vault(), [&](UnitOfWork& uow) { return add_signal(uow, in); });
  MK_REQUIRE_OK(signal);
  CaseInput c;
  c.opened = Date(2026, 2, 20);
  c.summary = kCanaries[6];
  c.signal_ids = {*signal};
  c.person_ids = {*person};
  MK_REQUIRE_OK(in_unit(tv.vault(), [&](UnitOfWork& uow) { return open_case(uow, c); }));
  return {*person, other, *signal};
}

std::string database_key_hex(Vault& vault) {
  return to_hex(vault.keys().get(KeyName::kDatabase).view());
}

// Runs SQL through Debian's sqlcipher shell with the raw key and our page size.
testing::ProcessResult sqlcipher(const std::filesystem::path& db, const std::string& key_hex,
                                 const std::string& sql) {
  std::string script = "PRAGMA key = \"x'" + key_hex + "'\";\nPRAGMA cipher_page_size = 4096;\n" +
                       ".mode list\n" + sql + "\n";
  return testing::run_process({"sqlcipher", db.string()}, script);
}

}  // namespace

TEST_CASE("canary values registered in the vault appear in no file under its folder") {
  TestVault tv;
  fill_with_canaries(tv);
  tv.close();
  testing::FolderSnapshot files = testing::snapshot(tv.dir());
  REQUIRE(files.count("vault.db") == 1);
  REQUIRE(files.count("keyslots") == 1);
  for (const auto& [name, bytes] : files) {
    for (const std::string& canary : kCanaries) {
      INFO(name << " / " << canary);
      CHECK_FALSE(testing::contains_bytes(bytes, canary));
      // Also no long fragment of it.
      CHECK_FALSE(testing::contains_bytes(bytes, canary.substr(0, 10)));
    }
  }
}

TEST_CASE("sqlite3 cannot read the database at all") {
  TestVault tv;
  fill_with_canaries(tv);
  tv.close();
  testing::ProcessResult r = testing::run_process(
      {"sqlite3", (tv.dir() / "vault.db").string(), "SELECT * FROM sqlite_master;"});
  INFO(r.output);
  CHECK(r.exit_code != 0);
  CHECK(r.output.find("not a database") != std::string::npos);
  CHECK(r.output.find("persons") == std::string::npos);
}

TEST_CASE("with the SQLCipher key, identifying and narrative columns hold ciphertext only") {
  TestVault tv;
  Filled filled = fill_with_canaries(tv);
  std::string key = database_key_hex(tv.vault());
  tv.close();
  std::filesystem::path db = tv.dir() / "vault.db";

  // The schema and metadata are readable with the key: this is what an administrator sees.
  testing::ProcessResult meta = sqlcipher(db, key, "SELECT id, role FROM persons ORDER BY id;");
  INFO(meta.output);
  REQUIRE(meta.exit_code == 0);
  CHECK(meta.output.find(filled.person + "|victim") != std::string::npos);

  // A full dump of every table holds none of the plaintext.
  testing::ProcessResult dump = sqlcipher(db, key, ".dump");
  REQUIRE(dump.exit_code == 0);
  REQUIRE(dump.output.find("CREATE TABLE persons") != std::string::npos);
  for (const std::string& canary : kCanaries) {
    INFO(canary);
    CHECK(dump.output.find(canary) == std::string::npos);
  }
  CHECK(dump.output.find("123456782") == std::string::npos);   // the BSN
  CHECK(dump.output.find("1990-06-15") == std::string::npos);  // the date of birth

  // Every identity column of the canary person is a sealed blob: format byte 01, 24-byte nonce,
  // ciphertext, 16-byte tag.
  testing::ProcessResult blobs = sqlcipher(
      db, key,
      "SELECT substr(hex(name),1,2), length(name), length(bsn), length(address) FROM persons "
      "WHERE id = '" +
          filled.person + "';");
  REQUIRE(blobs.exit_code == 0);
  CHECK(blobs.output.find("01|" + std::to_string(1 + 24 + kCanaries[0].size() + 16) + "|" +
                          std::to_string(1 + 24 + 9 + 16) + "|" +
                          std::to_string(1 + 24 + kCanaries[2].size() + 16)) != std::string::npos);
}

TEST_CASE("a field ciphertext moved to another row, column or table fails to decrypt") {
  TestVault tv;
  Filled filled = fill_with_canaries(tv);
  Database& db = tv.vault().db();
  auto run_sql = [&](const std::string& sql, const std::string& a, const std::string& b) {
    Result<Statement> st = db.prepare(sql);
    MK_REQUIRE_OK(st);
    st->bind(1, a).bind(2, b);
    MK_REQUIRE_OK(st->run());
  };

  SECTION("another person's row") {
    run_sql("UPDATE persons SET name = (SELECT name FROM persons WHERE id = ?1) WHERE id = ?2",
            filled.person, filled.other);
    Result<Person> p =
        in_unit(tv.vault(), [&](UnitOfWork& u) { return read_person(u, filled.other); });
    CHECK(p.status().code() == Code::kVaultCorrupt);
    CHECK(p.status().message().find("persons.name") != std::string::npos);
  }
  SECTION("another column of the same row") {
    run_sql("UPDATE persons SET address = name WHERE id = ?1 AND ?2 = ?2", filled.person, "");
    Result<Person> p =
        in_unit(tv.vault(), [&](UnitOfWork& u) { return read_person(u, filled.person); });
    CHECK(p.status().code() == Code::kVaultCorrupt);
    CHECK(p.status().message().find("persons.address") != std::string::npos);
  }
  SECTION("another table, with the subject key swapped too") {
    // Even pointing the signal at the person's key does not make the person's name open as the
    // signal's narrative: the associated data names table, column and record.
    run_sql("UPDATE signals SET narrative = (SELECT name FROM persons WHERE id = ?1) WHERE id = ?2",
            filled.person, filled.signal);
    Result<Signal> s =
        in_unit(tv.vault(), [&](UnitOfWork& u) { return read_signal(u, filled.signal); });
    CHECK(s.status().code() == Code::kVaultCorrupt);
  }
  SECTION("another person's wrapped key copied over this person's") {
    run_sql(
        "UPDATE subject_keys SET wrapped = (SELECT wrapped FROM subject_keys WHERE id = "
        "(SELECT key_id FROM persons WHERE id = ?1)) "
        "WHERE id = (SELECT key_id FROM persons WHERE id = ?2)",
        filled.person, filled.other);
    Result<Person> p =
        in_unit(tv.vault(), [&](UnitOfWork& u) { return read_person(u, filled.other); });
    CHECK(p.status().code() == Code::kVaultCorrupt);
  }
  // The untouched record still reads.
  Result<Signal> ok =
      in_unit(tv.vault(), [&](UnitOfWork& u) { return read_signal(u, filled.signal); });
  if (ok.is_ok()) CHECK(ok->narrative == kCanaries[4]);
}

TEST_CASE("the compliance role lists persons and signals but decrypts nothing") {
  TestVault tv;
  Filled filled = fill_with_canaries(tv);
  tv.reopen_as_compliance();
  Result<std::vector<PersonSummary>> persons =
      in_unit(tv.vault(), [&](UnitOfWork& u) { return list_persons(u); });
  MK_REQUIRE_OK(persons);
  CHECK(persons->size() == 2);
  Result<std::vector<SignalSummary>> signals =
      in_unit(tv.vault(), [&](UnitOfWork& u) { return list_signals(u, {}); });
  MK_REQUIRE_OK(signals);
  CHECK(signals->size() == 1);
  CHECK(in_unit(tv.vault(), [&](UnitOfWork& u) { return read_person(u, filled.person); })
            .status()
            .code() == Code::kForbidden);
  CHECK(in_unit(tv.vault(), [&](UnitOfWork& u) { return read_signal(u, filled.signal); })
            .status()
            .code() == Code::kForbidden);
  PersonIdentity q;
  q.set(PersonField::kBsn, "123456782");
  CHECK(
      in_unit(tv.vault(), [&](UnitOfWork& u) { return find_persons(u, PersonIndexKind::kBsn, q); })
          .status()
          .code() == Code::kForbidden);
  CHECK_FALSE(tv.vault().can_read_identities());
  CHECK_FALSE(tv.vault().keys().has(KeyName::kFieldWrap));
}

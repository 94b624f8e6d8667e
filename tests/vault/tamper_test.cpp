// Tampering with the vault's files: every flipped byte of the key-slot file, and flipped bytes
// across every page of the database, must give a clear "corrupt or tampered" error, never a crash
// and never silently different data.
#include <catch2/catch.hpp>

#include "support/folder_snapshot.hpp"
#include "vault/person_store.hpp"
#include "vault/schema.hpp"
#include "vault/signal_store.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {

// Everything the store holds, decrypted, as one string; or the error that stopped the reading.
Result<std::string> read_everything(Vault& vault) {
  MK_RETURN_IF_ERROR(check_store_integrity(vault.db()));
  return in_unit(vault, [&](UnitOfWork& uow) -> Result<std::string> {
    std::string all;
    MK_ASSIGN_OR_RETURN(std::vector<PersonSummary> persons, list_persons(uow));
    for (const PersonSummary& s : persons) {
      MK_ASSIGN_OR_RETURN(Person p, read_person(uow, s.id));
      all += p.summary.id + std::string(person_role_name(p.summary.role));
      for (PersonField f : kPersonFields)
        all += "|" + p.identity.get(f).value_or("-");
    }
    MK_ASSIGN_OR_RETURN(std::vector<SignalSummary> signals, list_signals(uow, {}));
    for (const SignalSummary& s : signals) {
      MK_ASSIGN_OR_RETURN(Signal sig, read_signal(uow, s.id));
      all += sig.summary.id + sig.narrative.value_or("-") + sig.nature.value_or("-");
    }
    return all;
  });
}

// Opens the vault as the coordinator and reads everything.
Result<std::string> open_and_read(TestVault& tv) {
  MK_RETURN_IF_ERROR(tv.reopen(kCoordinatorPassphrase));
  return read_everything(tv.vault());
}

void fill(TestVault& tv) {
  std::string a = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
  synthetic::add_person(tv.vault(), PersonRole::kSuspect, synthetic::kPiotr);
  synthetic::add_person(tv.vault(), PersonRole::kReporter, synthetic::kDaan);
  SignalInput in = synthetic::labour_signal();
  in.person_ids = {a};
  MK_REQUIRE_OK(in_unit(tv.vault(), [&](UnitOfWork& uow) { return add_signal(uow, in); }));
  MK_REQUIRE_OK(in_unit(tv.vault(), [&](UnitOfWork& uow) {
    return add_signal(uow, synthetic::anonymous_tip(Date(2026, 1, 5)));
  }));
}

}  // namespace

TEST_CASE("every flipped byte of the key-slot file is reported as corrupt, writing nothing") {
  TestVault tv;
  tv.reopen_as_compliance();  // three slots: coordinator, recovery, compliance
  tv.close();
  const std::filesystem::path file = tv.dir() / "keyslots";
  const std::string original = testing::read_file_bytes(file);
  REQUIRE(original.size() > 500);
  std::size_t detected = 0;
  for (std::size_t offset = 0; offset < original.size(); ++offset) {
    for (int mask : {0x01, 0x80}) {
      std::string tampered = original;
      tampered[offset] = static_cast<char>(static_cast<unsigned char>(tampered[offset]) ^ mask);
      testing::write_file_bytes(file, tampered);
      testing::FolderSnapshot before = testing::snapshot(tv.dir());
      Status s = tv.reopen(kCoordinatorPassphrase);
      INFO("offset " << offset << " mask " << mask << ": " << s.to_string());
      REQUIRE(s.code() == Code::kVaultCorrupt);
      REQUIRE(s.message().find("corrupt or tampered") != std::string::npos);
      REQUIRE(testing::snapshot(tv.dir()) == before);
      ++detected;
    }
  }
  testing::write_file_bytes(file, original);
  MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
  CHECK(detected == 2 * original.size());
}

TEST_CASE("flipped bytes across every database page are caught or provably harmless") {
  TestVault tv;
  fill(tv);
  Result<std::string> expected = read_everything(tv.vault());
  MK_REQUIRE_OK(expected);
  tv.close();

  const std::filesystem::path file = tv.dir() / "vault.db";
  const std::string original = testing::read_file_bytes(file);
  constexpr std::size_t kPage = 4096;
  // SQLCipher 3 per page: 4048 bytes of ciphertext, a 16-byte IV and a 20-byte HMAC over both,
  // then 12 bytes of padding to a multiple of the AES block that no one reads or authenticates.
  constexpr std::size_t kAuthenticated = 4048 + 16 + 20;
  REQUIRE(original.size() % kPage == 0);
  const std::size_t pages = original.size() / kPage;
  REQUIRE(pages >= 8);

  std::size_t detected = 0, padding = 0;
  const std::size_t in_page[] = {0,    1,    15,   16,   17,   100,  1024, 2047,
                                 3000, 4047, 4048, 4063, 4064, 4083, 4084, 4095};
  for (std::size_t page = 0; page < pages; ++page) {
    for (std::size_t at : in_page) {
      std::size_t offset = page * kPage + at;
      std::string tampered = original;
      tampered[offset] = static_cast<char>(tampered[offset] ^ 0x04);
      testing::write_file_bytes(file, tampered);
      Result<std::string> seen = open_and_read(tv);
      tv.close();
      INFO("page " << page << " byte " << at << ": " << seen.status().to_string());
      if (at >= kAuthenticated) {
        // Padding: not authenticated, and never read: the data must be exactly as before.
        MK_REQUIRE_OK(seen);
        REQUIRE(*seen == *expected);
        ++padding;
      } else {
        REQUIRE(seen.status().code() == Code::kVaultCorrupt);
        ++detected;
      }
    }
  }
  testing::write_file_bytes(file, original);
  Result<std::string> restored = open_and_read(tv);
  MK_REQUIRE_OK(restored);
  CHECK(*restored == *expected);
  CHECK(detected == pages * 14);
  CHECK(padding == pages * 2);
}

TEST_CASE("a truncated or emptied database is reported as corrupt") {
  TestVault tv;
  fill(tv);
  tv.close();
  const std::filesystem::path file = tv.dir() / "vault.db";
  const std::string original = testing::read_file_bytes(file);
  for (std::size_t keep :
       {std::size_t{0}, std::size_t{100}, std::size_t{4096}, original.size() - 4096}) {
    testing::write_file_bytes(file, original.substr(0, keep));
    Result<std::string> seen = open_and_read(tv);
    tv.close();
    INFO("kept " << keep << " bytes: " << seen.status().to_string());
    CHECK(seen.status().code() == Code::kVaultCorrupt);
  }
}

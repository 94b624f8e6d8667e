// Backups through the service layer (service/backup.hpp): a restore equals the original, damage is
// found, a backup older than a shred is listed for destruction, and nothing is ever overwritten or
// left half-written.
#include "service/backup.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "service/retention_world.hpp"
#include "service/subject_rights.hpp"
#include "tlog/merkle.hpp"
#include "vault/audit_store.hpp"
#include "vault/backup_snapshot.hpp"

namespace mk::service::test {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_all(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Every file below `dir`, relative path -> bytes.
std::map<std::string, std::string> folder(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = read_all(e.path());
  }
  return out;
}

std::vector<std::string> entries_of(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

Session open_at(const fs::path& dir, FixedClock& clock) {
  Result<Session> s =
      Session::open(dir, secret(vault::test::kCoordinatorPassphrase), std::nullopt, clock, "test");
  MK_REQUIRE_OK(s);
  return std::move(*s);
}

std::vector<std::string> audit_actions(Session& s) {
  Result<std::vector<vault::AuditEntry>> all = vault::read_audit_entries(s.vault(), {});
  MK_REQUIRE_OK(all);
  std::vector<std::string> out;
  for (const vault::AuditEntry& e : *all)
    out.push_back(e.action);
  return out;
}

}  // namespace

TEST_CASE("a restored backup equals the original: audit root, size and records; it opens",
          "[backup]") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  fs::path file = ts.temp() / "kluis-2026-11-29.mkbackup";
  Result<BackupSummary> made = create_backup(ts.s(), file);
  MK_REQUIRE_OK(made);
  REQUIRE(fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  REQUIRE(made->bytes == fs::file_size(file));
  // No working folder is left beside the file.
  REQUIRE(entries_of(ts.temp()) == std::vector<std::string>{"kluis-2026-11-29.mkbackup", "vault"});

  // The manifest describes the vault as it was: its audit head and record counts.
  Result<vault::BackupManifest> before = vault::describe_store(ts.s().vault().db());
  MK_REQUIRE_OK(before);
  const vault::BackupManifest& m = made->manifest;
  REQUIRE(m.audit_size + 1 == before->audit_size);  // + the backup.create entry
  REQUIRE(m.records == before->records);
  Result<tlog::Hash> original_root =
      tlog::tree_root(m.audit_size, vault::StoreSource(ts.s().vault().db()));
  MK_REQUIRE_OK(original_root);
  REQUIRE(m.audit_root == to_hex(*original_root));
  REQUIRE(m.vault_id == before->vault_id);

  fs::path restored_dir = ts.temp() / "hersteld";
  Result<RestoreSummary> restored =
      restore_backup(file, restored_dir, secret(vault::test::kCoordinatorPassphrase), std::nullopt,
                     ts.clock(), "test");
  MK_REQUIRE_OK(restored);
  REQUIRE(restored->manifest == m);
  REQUIRE(entries_of(ts.temp()) ==
          std::vector<std::string>{"hersteld", "kluis-2026-11-29.mkbackup", "vault"});
  ts.close();

  Session back = open_at(restored_dir, ts.clock());
  Result<vault::BackupManifest> after = vault::describe_store(back.vault().db());
  MK_REQUIRE_OK(after);
  REQUIRE(after->records == m.records);
  REQUIRE(after->vault_id == m.vault_id);
  REQUIRE(after->audit_size == m.audit_size + 1);  // + "backup.restore"
  Result<tlog::Hash> restored_root =
      tlog::tree_root(m.audit_size, vault::StoreSource(back.vault().db()));
  MK_REQUIRE_OK(restored_root);
  REQUIRE(to_hex(*restored_root) == m.audit_root);
  REQUIRE(audit_actions(back).back() == "backup.restore");
  Result<vault::AuditVerification> verified = vault::verify_audit_log(back.vault(), std::nullopt);
  MK_REQUIRE_OK(verified);
  REQUIRE(verified->ok);
  // Identities read back with the passphrase.
  Result<vault::Person> victim = show_person(back, w.v1);
  MK_REQUIRE_OK(victim);
  REQUIRE(victim->identity.get(vault::PersonField::kName) == std::string(kCanaryVictim));
}

TEST_CASE("backup verify refuses every flipped byte and every cut, never succeeding", "[backup]") {
  TestSession ts(world_today());
  build_world(ts.s());
  fs::path file = ts.temp() / "kluis.mkbackup";
  MK_REQUIRE_OK(create_backup(ts.s(), file));
  MK_REQUIRE_OK(verify_backup(ts.s(), file));
  const std::string good = read_all(file);
  crypto::SecretBuffer key = vault::backup_key(ts.s().vault().keys());

  std::size_t tried = 0;
  for (std::size_t offset = 0; offset < good.size(); offset += 97) {
    std::string bad = good;
    bad[offset] = static_cast<char>(bad[offset] ^ 0x01);
    Result<vault::BackupParts> parts = vault::parse_backup(as_bytes(bad));
    bool refused = !parts || !vault::open_backup(*parts, key);
    INFO("offset " << offset);
    REQUIRE(refused);
    ++tried;
  }
  for (std::size_t length = 0; length < good.size(); length += 97) {
    std::string cut = good.substr(0, length);
    Result<vault::BackupParts> parts = vault::parse_backup(as_bytes(cut));
    INFO("length " << length);
    REQUIRE(!parts);
  }
  REQUIRE(tried > 100);

  // Through the use case, with its audit entries: the first byte, one in the manifest, the last.
  for (std::size_t offset : {std::size_t{0}, std::size_t{40}, good.size() / 2, good.size() - 1}) {
    std::string bad = good;
    bad[offset] = static_cast<char>(bad[offset] ^ 0x80);
    fs::path damaged = ts.temp() / ("beschadigd-" + std::to_string(offset));
    write_all(damaged, bad);
    Result<vault::BackupManifest> r = verify_backup(ts.s(), damaged);
    INFO("offset " << offset);
    REQUIRE(vault::test::code_of(r.status()) == Code::kVaultCorrupt);
  }
  fs::path cut = ts.temp() / "afgekapt";
  write_all(cut, good.substr(0, good.size() - 1));
  REQUIRE(vault::test::code_of(verify_backup(ts.s(), cut).status()) == Code::kVaultCorrupt);
  std::vector<std::string> actions = audit_actions(ts.s());
  REQUIRE(std::count(actions.begin(), actions.end(), "backup.verify") == 6);
}

TEST_CASE("another vault cannot verify a backup as its own", "[backup]") {
  TestSession a(world_today());
  TestSession b(world_today());
  fs::path file = a.temp() / "a.mkbackup";
  MK_REQUIRE_OK(create_backup(a.s(), file));
  REQUIRE(vault::test::code_of(verify_backup(b.s(), file).status()) == Code::kVaultCorrupt);
}

TEST_CASE("a backup made before a sweep that shredded a subject must be destroyed; one after not",
          "[backup]") {
  TestSession ts(world_today());
  World w = build_world(ts.s());
  MK_REQUIRE_OK(create_backup(ts.s(), ts.temp() / "voor.mkbackup"));
  Result<std::size_t> none = count_backups_to_destroy(ts.s());
  MK_REQUIRE_OK(none);
  REQUIRE(*none == 0);

  Result<SweepReport> swept = sweep_retention(ts.s());
  MK_REQUIRE_OK(swept);
  REQUIRE(!swept->shredded.empty());
  MK_REQUIRE_OK(create_backup(ts.s(), ts.temp() / "na.mkbackup"));

  Result<std::vector<vault::BackupRecord>> list = list_backups(ts.s());
  MK_REQUIRE_OK(list);
  REQUIRE(list->size() == 2);
  const vault::BackupRecord& older = (*list)[0];
  const vault::BackupRecord& newer = (*list)[1];
  REQUIRE(older.file_name == "voor.mkbackup");
  REQUIRE(older.must_be_destroyed());
  REQUIRE(older.shredded_since >= swept->shredded.size());
  REQUIRE(newer.file_name == "na.mkbackup");
  REQUIRE(!newer.must_be_destroyed());
  Result<std::size_t> one = count_backups_to_destroy(ts.s());
  MK_REQUIRE_OK(one);
  REQUIRE(*one == 1);

  // An erasure after the second backup puts that one on the list too.
  MK_REQUIRE_OK(erase_person(ts.s(), w.v3, "Verzoek betrokkene 2026-11-20"));
  Result<std::size_t> two = count_backups_to_destroy(ts.s());
  MK_REQUIRE_OK(two);
  REQUIRE(*two == 2);

  // The coordinator destroys the older one and says so: audited, off the list.
  MK_REQUIRE_OK(record_backup_destroyed(ts.s(), older.id));
  REQUIRE(vault::test::code_of(record_backup_destroyed(ts.s(), older.id)) == Code::kConflict);
  REQUIRE(vault::test::code_of(record_backup_destroyed(ts.s(), "B-7K3M9Q2X")) == Code::kNotFound);
  Result<std::vector<vault::BackupRecord>> later = list_backups(ts.s());
  MK_REQUIRE_OK(later);
  REQUIRE((*later)[0].destroyed.has_value());
  REQUIRE(!(*later)[0].must_be_destroyed());
  REQUIRE((*later)[1].must_be_destroyed());
  std::vector<std::string> actions = audit_actions(ts.s());
  REQUIRE(std::count(actions.begin(), actions.end(), "backup.create") == 2);
  REQUIRE(std::count(actions.begin(), actions.end(), "backup.destroyed") == 1);
}

TEST_CASE("restore refuses an existing vault or a non-empty folder and leaves it untouched",
          "[backup]") {
  TestSession ts(world_today());
  build_world(ts.s());
  fs::path file = ts.temp() / "kluis.mkbackup";
  MK_REQUIRE_OK(create_backup(ts.s(), file));
  ts.close();
  std::map<std::string, std::string> original = folder(ts.dir());
  std::vector<std::string> beside = entries_of(ts.temp());

  Result<RestoreSummary> over =
      restore_backup(file, ts.dir(), secret(vault::test::kCoordinatorPassphrase), std::nullopt,
                     ts.clock(), "test");
  REQUIRE(vault::test::code_of(over.status()) == Code::kConflict);
  REQUIRE(folder(ts.dir()) == original);

  fs::path other = ts.temp() / "bureau";
  fs::create_directory(other);
  write_all(other / "notitie.txt", "Overleg wijkteam dinsdag");
  beside = entries_of(ts.temp());
  REQUIRE(
      vault::test::code_of(restore_backup(file, other, secret(vault::test::kCoordinatorPassphrase),
                                          std::nullopt, ts.clock(), "test")
                               .status()) == Code::kConflict);
  REQUIRE(read_all(other / "notitie.txt") == "Overleg wijkteam dinsdag");

  // A wrong passphrase restores nothing and leaves no hidden folder.
  REQUIRE(vault::test::code_of(restore_backup(file, ts.temp() / "nieuw",
                                              secret("Verkeerd wachtwoord 123"), std::nullopt,
                                              ts.clock(), "test")
                                   .status()) == Code::kWrongPassphrase);
  // A damaged file neither.
  std::string bad = read_all(file);
  bad[bad.size() - 5] = static_cast<char>(bad[bad.size() - 5] ^ 0x20);
  write_all(ts.temp() / "beschadigd.mkbackup", bad);
  beside = entries_of(ts.temp());
  REQUIRE(
      vault::test::code_of(restore_backup(ts.temp() / "beschadigd.mkbackup", ts.temp() / "nieuw",
                                          secret(vault::test::kCoordinatorPassphrase), std::nullopt,
                                          ts.clock(), "test")
                               .status()) == Code::kVaultCorrupt);
  REQUIRE(entries_of(ts.temp()) == beside);
}

TEST_CASE("a backup file that fails its check after writing is deleted; none is overwritten",
          "[backup]") {
  TestSession ts(world_today());
  fs::path file = ts.temp() / "kluis.mkbackup";
  Result<BackupSummary> made = create_backup(ts.s(), file);
  MK_REQUIRE_OK(made);
  crypto::SecretBuffer key = vault::backup_key(ts.s().vault().keys());
  MK_REQUIRE_OK(verify_written_backup(file, key, made->manifest.backup_id));

  // As if the disk returned other bytes than were written.
  std::string bad = read_all(file);
  bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x04);
  write_all(file, bad);
  Result<vault::BackupManifest> checked =
      verify_written_backup(file, key, made->manifest.backup_id);
  REQUIRE(vault::test::code_of(checked.status()) == Code::kVaultCorrupt);
  REQUIRE(checked.status().message().find("deleted") != std::string::npos);
  REQUIRE(!fs::exists(file));

  // An existing file is never replaced, and a refused backup is not registered.
  write_all(file, "boodschappenlijst");
  REQUIRE(vault::test::code_of(create_backup(ts.s(), file).status()) == Code::kConflict);
  REQUIRE(read_all(file) == "boodschappenlijst");
  Result<std::vector<vault::BackupRecord>> list = list_backups(ts.s());
  MK_REQUIRE_OK(list);
  REQUIRE(list->size() == 1);
}

}  // namespace mk::service::test

#include "service/backup.hpp"

#include <sys/stat.h>

#include <system_error>
#include <utility>

#include "crypto/random.hpp"
#include "service/new_file.hpp"
#include "vault/backup_snapshot.hpp"
#include "vault/file_io.hpp"
#include "vault/keyslot_file.hpp"

namespace mk::service {
namespace fs = std::filesystem;

namespace {

fs::path parent_of(const fs::path& p) {
  return p.parent_path().empty() ? fs::path(".") : p.parent_path();
}

// A new hidden folder beside `target` only this user can enter; removed with everything in it when
// the guard goes out of scope, unless released.
class PrivateFolder {
 public:
  static Result<PrivateFolder> beside(const fs::path& target, const std::string& purpose) {
    fs::path dir = parent_of(target) / ("." + target.filename().string() + "." + purpose + "-" +
                                        crypto::random_base32(8));
    if (::mkdir(dir.c_str(), 0700) != 0) return io_error("cannot create a working folder");
    return PrivateFolder(dir);
  }
  PrivateFolder(PrivateFolder&& other) noexcept
      : path_(std::move(other.path_)), owned_(std::exchange(other.owned_, false)) {}
  PrivateFolder& operator=(PrivateFolder&&) = delete;
  ~PrivateFolder() {
    std::error_code ec;
    if (owned_) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void release() { owned_ = false; }

 private:
  explicit PrivateFolder(fs::path p) : path_(std::move(p)) {}
  fs::path path_;
  bool owned_ = true;
};

Result<Bytes> read_file_bytes(const fs::path& path) {
  MK_ASSIGN_OR_RETURN(std::string text, vault::read_small_file(path, vault::kMaxBackupSize));
  return Bytes(text.begin(), text.end());
}

Status forbidden_refusal(Session& s, const std::string& action, const std::string& object,
                         const char* why) {
  return s.transact(
      action, [&](vault::UnitOfWork&) -> Status { return forbidden(why); }, object);
}

// Audits a verification (ok or the failure's code) and passes its outcome on.
Result<vault::BackupManifest> audit_verification(Session& s, Result<vault::BackupManifest> r) {
  std::string object = r ? r->backup_id : "";
  std::string result = r ? "ok" : std::string(code_name(r.status().code()));
  Status logged = s.transact("backup.verify", [&](vault::UnitOfWork& uow) -> Status {
    uow.record({"backup.verify", object, "", result});
    return Status::ok();
  });
  if (!logged.is_ok()) return logged;
  return r;
}

Result<vault::BackupManifest> check_backup_file(const fs::path& file,
                                                const crypto::SecretBuffer& key) {
  MK_ASSIGN_OR_RETURN(Bytes bytes, read_file_bytes(file));
  MK_ASSIGN_OR_RETURN(vault::BackupParts parts, vault::parse_backup(bytes));
  return vault::open_backup(parts, key);
}

Status write_restored_files(const vault::BackupParts& parts, const fs::path& staging) {
  vault::VaultPaths paths(staging);
  MK_RETURN_IF_ERROR(write_new_file(paths.keyslots(), as_bytes(parts.keyslots)));
  MK_RETURN_IF_ERROR(write_new_file(paths.database(), parts.database));
  return write_new_file(paths.lock(), {});
}

}  // namespace

Result<vault::BackupManifest> verify_written_backup(const fs::path& file,
                                                    const crypto::SecretBuffer& key,
                                                    const std::string& backup_id) {
  Result<vault::BackupManifest> read_back = check_backup_file(file, key);
  Status s = read_back.status();
  if (s.is_ok() && read_back->backup_id != backup_id) {
    s = vault_corrupt("the file read back is not the backup just written");
  }
  if (s.is_ok()) return read_back;
  std::error_code ec;
  fs::remove(file, ec);
  return Status(s.code(),
                "the backup file did not verify after writing and was deleted: " + s.message());
}

Result<BackupSummary> create_backup(Session& s, const fs::path& out) {
  vault::Vault& v = s.vault();
  if (!v.keys().is_full()) {
    return forbidden_refusal(s, "backup.create", "", "only a coordinator makes backups");
  }
  std::error_code ec;
  if (fs::exists(out, ec) || fs::is_symlink(out, ec)) {
    return conflict("the backup file exists; choose a new name");
  }
  if (!fs::is_directory(parent_of(out), ec)) return not_found("the folder does not exist");

  // The snapshot is taken outside any transaction (SQLite copies only from a connection that is
  // not writing); the vault lock keeps every other process out, so nothing commits meanwhile.
  MK_ASSIGN_OR_RETURN(PrivateFolder work, PrivateFolder::beside(out, "snapshot"));
  fs::path copy = work.path() / "vault.db";
  MK_ASSIGN_OR_RETURN(
      vault::BackupManifest manifest,
      vault::snapshot_database(v.db(), v.keys().get(vault::KeyName::kDatabase), copy));
  MK_ASSIGN_OR_RETURN(Bytes database, read_file_bytes(copy));
  MK_ASSIGN_OR_RETURN(std::string keyslots,
                      vault::read_small_file(v.paths().keyslots(), vault::kMaxKeySlotFileSize));
  crypto::SecretBuffer key = vault::backup_key(v.keys());

  // The file is written and verified in the working folder and takes its name only after the
  // register entry committed: no backup ever lies at `out` that the register lacks, not even
  // after a crash (which leaves the hidden working folder, the snapshot in it).
  const fs::path staged = work.path() / out.filename();
  Result<BackupSummary> made = s.transact(
      "backup.create",
      [&](vault::UnitOfWork& uow) -> Result<BackupSummary> {
        MK_ASSIGN_OR_RETURN(manifest.backup_id, vault::new_backup_id(uow));
        manifest.created = uow.now();
        vault::BackupRecord record;
        record.id = manifest.backup_id;
        record.file_name = out.filename().string();
        record.audit_size = manifest.audit_size;
        MK_RETURN_IF_ERROR(vault::record_backup(uow, record));  // checks the name before writing
        MK_ASSIGN_OR_RETURN(Bytes file, vault::encode_backup(manifest, keyslots, database, key));
        MK_RETURN_IF_ERROR(write_new_file(staged, file));
        MK_ASSIGN_OR_RETURN(vault::BackupManifest sealed,
                            verify_written_backup(staged, key, manifest.backup_id));
        uow.record({"backup.create", manifest.backup_id,
                    "audit_size=" + std::to_string(manifest.audit_size)});
        return BackupSummary{std::move(sealed), static_cast<std::uint64_t>(file.size())};
      },
      "");
  if (!made) return made;  // not in the register: the working folder goes, with the file
  if (Status moved = move_new_file(staged, out); !moved.is_ok()) {
    return Status(moved.code(),
                  "backup " + made->manifest.backup_id +
                      " is recorded, but its file could not take its name: " + moved.message());
  }
  return made;
}

Result<vault::BackupManifest> verify_backup(Session& s, const fs::path& file) {
  crypto::SecretBuffer key = vault::backup_key(s.vault().keys());
  return audit_verification(s, check_backup_file(file, key));
}

Result<RestoreSummary> restore_backup(const fs::path& file, const fs::path& dir,
                                      const crypto::SecretBuffer& passphrase,
                                      const std::optional<std::string>& slot, const Clock& clock,
                                      const std::string& origin, const fs::path& policy_dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) || fs::is_symlink(dir, ec)) {
    if (!fs::is_directory(dir, ec) || fs::is_symlink(dir, ec) || !fs::is_empty(dir, ec)) {
      return conflict("cannot restore there: the folder exists and is not empty");
    }
  }
  if (!fs::is_directory(parent_of(dir), ec)) return not_found("the parent folder does not exist");
  MK_ASSIGN_OR_RETURN(Bytes bytes, read_file_bytes(file));
  MK_ASSIGN_OR_RETURN(vault::BackupParts parts, vault::parse_backup(bytes));

  MK_ASSIGN_OR_RETURN(PrivateFolder staging, PrivateFolder::beside(dir, "restoring"));
  MK_RETURN_IF_ERROR(write_restored_files(parts, staging.path()));
  vault::BackupManifest manifest;
  {
    // SQLCipher authenticates every page under the database key as it opens the store; the
    // manifest is checked under the same keys before anything leaves the staging folder.
    MK_ASSIGN_OR_RETURN(Session session,
                        Session::open(staging.path(), passphrase, slot, clock, origin, policy_dir));
    MK_ASSIGN_OR_RETURN(manifest,
                        vault::open_backup(parts, vault::backup_key(session.vault().keys())));
    MK_RETURN_IF_ERROR(session.transact("backup.restore", [&](vault::UnitOfWork& uow) -> Status {
      uow.record({"backup.restore", manifest.backup_id,
                  "audit_size=" + std::to_string(manifest.audit_size)});
      return Status::ok();
    }));
    MK_RETURN_IF_ERROR(session.checkpoint().status());
  }  // closed: SQLite remembers the path, which is about to change
  MK_RETURN_IF_ERROR(vault::sync_directory(staging.path()));
  if (::rename(staging.path().c_str(), dir.c_str()) != 0) {
    return io_error("cannot move the restored vault into place");
  }
  staging.release();
  MK_RETURN_IF_ERROR(vault::sync_directory(parent_of(dir)));
  return RestoreSummary{std::move(manifest), dir};
}

Result<std::vector<vault::BackupRecord>> list_backups(Session& s) {
  return vault::list_backups(s.vault().db());
}

Result<std::size_t> count_backups_to_destroy(Session& s) {
  MK_ASSIGN_OR_RETURN(std::vector<vault::BackupRecord> all, list_backups(s));
  std::size_t n = 0;
  for (const vault::BackupRecord& b : all)
    n += b.must_be_destroyed() ? 1 : 0;
  return n;
}

Status record_backup_destroyed(Session& s, const std::string& id) {
  return s.transact(
      "backup.destroyed",
      [&](vault::UnitOfWork& uow) -> Status {
        if (!uow.vault().keys().is_full()) {
          return forbidden("only a coordinator records backups destroyed");
        }
        MK_RETURN_IF_ERROR(vault::mark_backup_destroyed(uow, id));
        uow.record({"backup.destroyed", id, ""});
        return Status::ok();
      },
      id);
}

}  // namespace mk::service

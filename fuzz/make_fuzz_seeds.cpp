// make_fuzz_seeds OUT_DIR: writes the seed inputs no file in the repository holds, made with the
// project's own writers under the fuzz fixtures (backup_fixture.hpp):
//   OUT_DIR/backup_container/valid.mkbackup   a whole backup file, store of synthetic bytes
//   OUT_DIR/backup_manifest/valid.json         the manifest JSON inside it
// Run once when a format changes; the outputs are committed under fuzz/corpus/.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/bytes.hpp"
#include "crypto/aead.hpp"
#include "crypto/secret_buffer.hpp"
#include "fuzz/backup_fixture.hpp"
#include "vault/backup_container.hpp"

namespace {

bool write_file(const std::filesystem::path& path, mk::ByteView bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  return out.good();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace mk;
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_fuzz_seeds OUT_DIR\n");
    return 2;
  }
  if (!crypto::initialize()) return 1;
  const std::filesystem::path out = argv[1];
  const crypto::SecretBuffer key = fuzz::backup_fixture_key();

  vault::BackupManifest manifest;
  manifest.backup_id = "B-7K3M9Q2X";
  manifest.created = Instant{std::chrono::seconds{1795939200}};  // 2026-11-29T08:00:00Z
  manifest.vault_id = std::string(fuzz::kBackupVaultIdHex);
  manifest.schema_version = 7;
  manifest.audit_size = 3;
  manifest.audit_root = "a37ad1c8dfd1a8e96dd27a0d93347696 8afd5e27af5a6625 7b6f1bc20835ecd6";
  std::erase(manifest.audit_root, ' ');
  manifest.records = {{"persons", 2}, {"signals", 5}, {"cases", 1}};
  // The container seed holds a key-slot file and a store; the manifest seed is the manifest of
  // the container fuzz_backup_manifest builds: both files empty.
  const std::string keyslots = "meldkluis-keyslots/1\nvault a0a1a2a3a4a5a6a7a8a9aaabacadaeaf\n";
  const std::string database = "SQLCipher pages of a synthetic vault";
  auto file = vault::encode_backup(manifest, keyslots, as_bytes(database), key);
  auto empty = vault::encode_backup(manifest, "", {}, key);
  auto parts = empty ? vault::parse_backup(*empty) : Result<vault::BackupParts>(empty.status());
  if (!file || !parts) {
    std::fprintf(stderr, "make_fuzz_seeds: the backup writer failed\n");
    return 1;
  }
  crypto::AssociatedData ad;
  ad.add("meldkluis backup v1 manifest").add_bytes(parts->authenticated_prefix);
  const auto json = crypto::open(key, parts->sealed_manifest, ad);
  if (!json || !write_file(out / "backup_container" / "valid.mkbackup", *file) ||
      !write_file(out / "backup_manifest" / "valid.json", *json)) {
    std::fprintf(stderr, "make_fuzz_seeds: could not write the seeds\n");
    return 1;
  }
  return 0;
}

// vault/backup_container.hpp: the manifest reader behind the seal. The input is the manifest's
// JSON; the target wraps it as docs/formats/backup.md says (header of a fixed vault, an empty
// key-slot file, the manifest sealed under the fixed key, an empty store) and opens it with
// parse_backup and open_backup. A manifest that opens names this vault and both (empty) files.
#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"
#include "crypto/aead.hpp"
#include "fuzz/backup_fixture.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "vault/backup_container.hpp"

namespace {

void put_le(mk::Bytes& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  static const crypto::SecretBuffer key = fuzz::backup_fixture_key();
  if (size > 256 * 1024) return 0;  // the container bounds a manifest to 1 MiB
  Bytes vault_id;
  from_hex(fuzz::kBackupVaultIdHex, vault_id);
  Bytes file(vault::kBackupMagic.begin(), vault::kBackupMagic.end());
  file.push_back(vault::kBackupVersion);
  file.insert(file.end(), vault_id.begin(), vault_id.end());
  put_le(file, 0, 4);  // an empty key-slot file
  crypto::AssociatedData ad;
  ad.add("meldkluis backup v1 manifest").add_bytes(file);
  const Bytes sealed = crypto::seal(key, fuzz::as_view(data, size), ad);
  put_le(file, sealed.size(), 4);
  file.insert(file.end(), sealed.begin(), sealed.end());
  put_le(file, 0, 8);  // an empty store

  auto parts = vault::parse_backup(file);
  fuzz::require(parts.is_ok(), "backup manifest: the container does not split");
  auto manifest = vault::open_backup(*parts, key);
  if (!manifest) {
    fuzz::require_code(manifest.status(), Code::kVaultCorrupt, "open_backup: error code");
    return 0;
  }
  fuzz::require(manifest->vault_id == fuzz::kBackupVaultIdHex, "backup manifest: vault id");
  fuzz::require(manifest->files.size() == 2, "backup manifest: file list");
  return 0;
}

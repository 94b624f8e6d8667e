// vault/backup_container.hpp: parse_backup on any bytes, then open_backup under a fixed key. A
// file that splits has parts lying inside it, in order, with the vault id of its header; a
// manifest that opens names this vault and the exact lengths of the parts.
#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"
#include "fuzz/backup_fixture.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"
#include "vault/backup_container.hpp"
#include "vault/keyslot_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  static const crypto::SecretBuffer key = fuzz::backup_fixture_key();
  const ByteView file = fuzz::as_view(data, size);
  auto parts = vault::parse_backup(file);
  if (!parts) {
    fuzz::require_code(parts.status(), Code::kVaultCorrupt, "parse_backup: error code");
    return 0;
  }
  fuzz::require(parts->vault_id.size() == vault::kVaultIdSize, "backup: vault id size");
  fuzz::require(parts->keyslots.size() + parts->sealed_manifest.size() + parts->database.size() <=
                    file.size(),
                "backup: parts larger than the file");
  fuzz::require(parts->database.data() + parts->database.size() == file.data() + file.size(),
                "backup: the store does not end the file");
  auto manifest = vault::open_backup(*parts, key);
  if (!manifest) {
    fuzz::require_code(manifest.status(), Code::kVaultCorrupt, "open_backup: error code");
    return 0;
  }
  fuzz::require(manifest->vault_id == to_hex(parts->vault_id), "backup: manifest of another vault");
  fuzz::require(manifest->files.size() == 2 && manifest->files[1].length == parts->database.size(),
                "backup: manifest file list");
  return 0;
}

#include "vault/backup_container.hpp"

#include <cstring>
#include <optional>

#include "base/json.hpp"
#include "crypto/aead.hpp"
#include "crypto/hash.hpp"
#include "crypto/subkeys.hpp"
#include "vault/keyslot_file.hpp"

namespace mk::vault {
namespace {

constexpr std::size_t kHeaderSize = 8 + 1 + kVaultIdSize;  // magic, version, vault id
constexpr std::uint64_t kMaxManifestSize = 1 << 20;
constexpr std::size_t kBlakeSize = 32;

Status damaged(const std::string& what) {
  return vault_corrupt("the backup file is damaged or tampered: " + what);
}

void put_le(Bytes& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

crypto::AssociatedData manifest_ad(ByteView prefix) {
  crypto::AssociatedData ad;
  ad.add("meldkluis backup v1 manifest").add_bytes(prefix);
  return ad;
}

std::string hash_hex(ByteView data) {
  return to_hex(crypto::blake2b(data, kBlakeSize));
}

json::Value to_json(const BackupManifest& m) {
  json::Value audit = json::Value::object();
  audit.set("size", json::Value(static_cast<std::int64_t>(m.audit_size)));
  audit.set("root", m.audit_root);
  json::Value records = json::Value::object();
  for (const auto& [table, rows] : m.records)
    records.set(table, json::Value(rows));
  json::Value files = json::Value::array();
  for (const BackupFileEntry& f : m.files) {
    json::Value o = json::Value::object();
    o.set("name", f.name);
    o.set("length", json::Value(static_cast<std::int64_t>(f.length)));
    o.set("blake2b", f.blake2b);
    files.push(std::move(o));
  }
  json::Value o = json::Value::object();
  o.set("format", "meldkluis-backup");
  o.set("version", json::Value(static_cast<int>(kBackupVersion)));
  o.set("backup_id", m.backup_id);
  o.set("created", format_instant(m.created));
  o.set("vault_id", m.vault_id);
  o.set("schema", json::Value(m.schema_version));
  o.set("audit", std::move(audit));
  o.set("records", std::move(records));
  o.set("files", std::move(files));
  return o;
}

// Reads a member of the right type; nullptr when missing or of another type.
const json::Value* member(const json::Value& o, std::string_view key, json::Value::Type type) {
  const json::Value* v = o.find(key);
  return v && v->type() == type ? v : nullptr;
}

std::optional<std::int64_t> integer(const json::Value& o, std::string_view key) {
  const json::Value* v = member(o, key, json::Value::Type::kNumber);
  if (!v || !v->is_integer() || v->as_integer() < 0) return std::nullopt;
  return v->as_integer();
}

std::optional<std::string> text(const json::Value& o, std::string_view key) {
  const json::Value* v = member(o, key, json::Value::Type::kString);
  if (!v) return std::nullopt;
  return v->as_string();
}

Result<BackupManifest> manifest_from_json(std::string_view bytes) {
  Result<json::Value> parsed = json::parse(bytes);
  if (!parsed || !parsed->is_object()) return damaged("the manifest does not parse");
  const json::Value& o = *parsed;
  BackupManifest m;
  std::optional<std::string> format = text(o, "format"), id = text(o, "backup_id"),
                             created = text(o, "created"), vault_id = text(o, "vault_id");
  std::optional<std::int64_t> version = integer(o, "version"), schema = integer(o, "schema");
  const json::Value* audit = member(o, "audit", json::Value::Type::kObject);
  const json::Value* records = member(o, "records", json::Value::Type::kObject);
  const json::Value* files = member(o, "files", json::Value::Type::kArray);
  if (!format || *format != "meldkluis-backup" || !version || *version != kBackupVersion || !id ||
      !created || !vault_id || !schema || !audit || !records || !files ||
      !parse_instant(*created, m.created)) {
    return damaged("the manifest is incomplete");
  }
  m.backup_id = *id;
  m.vault_id = *vault_id;
  m.schema_version = static_cast<int>(*schema);
  std::optional<std::int64_t> size = integer(*audit, "size");
  std::optional<std::string> root = text(*audit, "root");
  if (!size || !root) return damaged("the manifest's audit head is incomplete");
  m.audit_size = static_cast<std::uint64_t>(*size);
  m.audit_root = *root;
  for (const json::Member& r : records->as_object()) {
    if (!r.second.is_integer() || r.second.as_integer() < 0) {
      return damaged("the manifest's record counts are malformed");
    }
    m.records.emplace_back(r.first, r.second.as_integer());
  }
  for (const json::Value& f : files->as_array()) {
    std::optional<std::string> name = f.is_object() ? text(f, "name") : std::nullopt;
    std::optional<std::int64_t> length = f.is_object() ? integer(f, "length") : std::nullopt;
    std::optional<std::string> hash = f.is_object() ? text(f, "blake2b") : std::nullopt;
    if (!name || !length || !hash) return damaged("the manifest's file list is malformed");
    m.files.push_back({*name, static_cast<std::uint64_t>(*length), *hash});
  }
  return m;
}

// Reads a little-endian length at `pos` and the bytes it counts; false when either runs past the
// end or the length exceeds `max`.
bool take(ByteView file, std::size_t& pos, int width, std::uint64_t max, ByteView& out) {
  if (file.size() - pos < static_cast<std::size_t>(width)) return false;
  std::uint64_t n = 0;
  for (int i = 0; i < width; ++i)
    n |= std::uint64_t{file[pos + static_cast<std::size_t>(i)]} << (8 * i);
  pos += static_cast<std::size_t>(width);
  if (n > max || n > file.size() - pos) return false;
  out = file.subspan(pos, static_cast<std::size_t>(n));
  pos += static_cast<std::size_t>(n);
  return true;
}

}  // namespace

crypto::SecretBuffer backup_key(const KeyRing& keys) {
  return crypto::derive_subkey(keys.get(KeyName::kDatabase), "MKbackup", 1);
}

Result<Bytes> encode_backup(BackupManifest manifest, std::string_view keyslots, ByteView database,
                            const crypto::SecretBuffer& key) {
  Bytes vault_id;
  if (!from_hex(manifest.vault_id, vault_id) || vault_id.size() != kVaultIdSize) {
    return internal_error("the vault id is malformed");
  }
  if (keyslots.size() > kMaxKeySlotFileSize) return internal_error("the key-slot file is too big");
  manifest.files = {
      {kBackupFileKeyslots, keyslots.size(), hash_hex(as_bytes(keyslots))},
      {kBackupFileDatabase, database.size(), hash_hex(database)},
  };
  Bytes out(kBackupMagic.begin(), kBackupMagic.end());
  out.push_back(kBackupVersion);
  out.insert(out.end(), vault_id.begin(), vault_id.end());
  put_le(out, keyslots.size(), 4);
  out.insert(out.end(), keyslots.begin(), keyslots.end());
  Bytes sealed = crypto::seal(key, as_bytes(json::serialize(to_json(manifest))), manifest_ad(out));
  put_le(out, sealed.size(), 4);
  out.insert(out.end(), sealed.begin(), sealed.end());
  put_le(out, database.size(), 8);
  out.insert(out.end(), database.begin(), database.end());
  if (out.size() > kMaxBackupSize) return io_error("the vault is too big for a backup file");
  return out;
}

Result<BackupParts> parse_backup(ByteView file) {
  if (file.size() < kHeaderSize ||
      std::memcmp(file.data(), kBackupMagic.data(), kBackupMagic.size()) != 0) {
    return damaged("it is not a Meldkluis backup");
  }
  if (file[kBackupMagic.size()] != kBackupVersion) {
    return damaged("unknown backup version " + std::to_string(file[kBackupMagic.size()]));
  }
  BackupParts parts;
  parts.vault_id.assign(file.begin() + kBackupMagic.size() + 1, file.begin() + kHeaderSize);
  std::size_t pos = kHeaderSize;
  ByteView keyslots, manifest, database;
  if (!take(file, pos, 4, kMaxKeySlotFileSize, keyslots))
    return damaged("the key-slot file is cut");
  parts.authenticated_prefix = file.first(pos);
  if (!take(file, pos, 4, kMaxManifestSize, manifest)) return damaged("the manifest is cut");
  if (!take(file, pos, 8, kMaxBackupSize, database)) return damaged("the store is cut");
  if (pos != file.size()) return damaged("bytes follow the store");
  parts.keyslots = as_chars(keyslots);
  parts.sealed_manifest = manifest;
  parts.database = database;
  return parts;
}

Result<BackupManifest> open_backup(const BackupParts& parts, const crypto::SecretBuffer& key) {
  std::optional<Bytes> plain =
      crypto::open(key, parts.sealed_manifest, manifest_ad(parts.authenticated_prefix));
  if (!plain) {
    return damaged(
        "its manifest does not open under this vault's key (another vault's backup, or altered)");
  }
  MK_ASSIGN_OR_RETURN(BackupManifest m, manifest_from_json(as_chars(*plain)));
  if (m.vault_id != to_hex(parts.vault_id)) return damaged("the vault id does not match");
  std::vector<BackupFileEntry> expected = {
      {kBackupFileKeyslots, parts.keyslots.size(), hash_hex(as_bytes(parts.keyslots))},
      {kBackupFileDatabase, parts.database.size(), hash_hex(parts.database)},
  };
  if (m.files != expected) return damaged("a file's length or hash differs from the manifest");
  return m;
}

}  // namespace mk::vault

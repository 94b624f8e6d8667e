// The test vectors of the on-disk formats (docs/formats/keyslots.md, field-encryption.md,
// blind-index.md). Every vector in tests/data/vectors/ is recomputed here from the fixed inputs
// below through the project's own code, and the files must match byte for byte, so the documents
// and their vectors cannot drift from the code. The vectors are then run through the real code
// paths (Vault::open on a vault folder built around the vector key-slot file, decrypt_field,
// canonical_recovery_key, PersonIndexer), the examples in the documents are checked against
// them, and tests/vectors/check_vectors.py checks them independently, with PyNaCl.
//
// After a deliberate format change (which needs a new format version), regenerate the files with
//   test_vault "[generate-vectors]"
// and review the diff.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/json.hpp"
#include "base/text_fold.hpp"
#include "crypto/aead.hpp"
#include "crypto/aead_detail.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/hash.hpp"
#include "crypto/hmac.hpp"
#include "crypto/password_kdf.hpp"
#include "crypto/subkeys.hpp"
#include "vault/database.hpp"
#include "vault/field_cipher.hpp"
#include "vault/field_rules.hpp"
#include "vault/file_io.hpp"
#include "vault/key_ring.hpp"
#include "vault/keyslot_file.hpp"
#include "vault/person_index.hpp"
#include "vault/recovery_key.hpp"
#include "vault/schema.hpp"
#include "vault/subject_keys.hpp"
#include "vault/test_vault_fixture.hpp"
#include "vault/vault.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;
namespace fs = std::filesystem;

namespace {

// --- Helpers -------------------------------------------------------------------------------------

fs::path vectors_dir() {
  return fs::path(MELDKLUIS_TEST_DATA_DIR) / "vectors";
}

// `n` bytes counting up from `first`: fixed inputs that are easy to recognise in a hex dump.
Bytes counting(std::uint8_t first, std::size_t n) {
  Bytes out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = static_cast<std::uint8_t>(first + i);
  return out;
}

Bytes from_hex_or_fail(std::string_view hex) {
  Bytes out;
  REQUIRE(from_hex(hex, out));
  return out;
}

crypto::SecretBuffer secret_bytes(ByteView bytes) {
  return crypto::SecretBuffer::copy_of(bytes);
}

std::string hex_of(const crypto::SecretBuffer& s) {
  return to_hex(s.view());
}

std::span<const std::uint8_t, crypto::kAeadNonceSize> as_nonce(const Bytes& nonce) {
  REQUIRE(nonce.size() == crypto::kAeadNonceSize);
  return std::span<const std::uint8_t, crypto::kAeadNonceSize>(nonce.data(),
                                                               crypto::kAeadNonceSize);
}

json::Value integer(std::uint64_t v) {
  return json::Value(static_cast<std::int64_t>(v));
}

const json::Value& member(const json::Value& v, std::string_view key) {
  const json::Value* m = v.find(key);
  INFO("missing member " << key);
  REQUIRE(m != nullptr);
  return *m;
}

const std::string& text(const json::Value& v, std::string_view key) {
  const json::Value& m = member(v, key);
  REQUIRE(m.is_string());
  return m.as_string();
}

Bytes hex_member(const json::Value& v, std::string_view key) {
  return from_hex_or_fail(text(v, key));
}

// The JSON path of the first difference between two values, or "" when they are equal.
std::string first_difference(const json::Value& a, const json::Value& b, const std::string& path) {
  if (a.type() != b.type()) return path + " (type)";
  if (a.is_object()) {
    const json::Object& oa = a.as_object();
    const json::Object& ob = b.as_object();
    for (std::size_t i = 0; i < oa.size() && i < ob.size(); ++i) {
      if (oa[i].first != ob[i].first) return path + "." + oa[i].first + " (member name or order)";
      std::string d = first_difference(oa[i].second, ob[i].second, path + "." + oa[i].first);
      if (!d.empty()) return d;
    }
    return oa.size() == ob.size() ? "" : path + " (member count)";
  }
  if (a.is_array()) {
    const json::Array& aa = a.as_array();
    const json::Array& ab = b.as_array();
    for (std::size_t i = 0; i < aa.size() && i < ab.size(); ++i) {
      std::string d = first_difference(aa[i], ab[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return aa.size() == ab.size() ? "" : path + " (element count)";
  }
  return json::serialize(a) == json::serialize(b) ? "" : path;
}

json::Value load_vectors(std::string_view name) {
  Result<std::string> file = read_small_file(vectors_dir() / name, 1024 * 1024);
  MK_REQUIRE_OK(file);
  Result<json::Value> parsed = json::parse(*file);
  MK_REQUIRE_OK(parsed);
  return std::move(*parsed);
}

// Requires the file `name` to hold exactly `expected`, pretty-printed.
void require_file_matches(std::string_view name, const json::Value& expected) {
  json::Value stored = load_vectors(name);
  std::string diff = first_difference(stored, expected, "$");
  INFO(name << ": the stored vector differs from what the code computes, first at " << diff);
  REQUIRE(diff.empty());
  Result<std::string> file = read_small_file(vectors_dir() / name, 1024 * 1024);
  MK_REQUIRE_OK(file);
  CHECK(*file == json::serialize(expected, true));
}

// --- Recovery key ------------------------------------------------------------------------------

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// `chars` Crockford base32 characters of the bit string `bytes`, most significant bit first,
// zero-padded at the end: the encoding of vault/recovery_key.cpp, written out again here because
// the vault only ever makes recovery keys from fresh random bits.
std::string base32_bits(ByteView bytes, std::size_t chars) {
  std::string out;
  for (std::size_t i = 0; i < chars; ++i) {
    unsigned value = 0;
    for (std::size_t b = 0; b < 5; ++b) {
      std::size_t bit = i * 5 + b;
      unsigned v = bit / 8 < bytes.size() ? (bytes[bit / 8] >> (7 - bit % 8)) & 1u : 0u;
      value = (value << 1) | v;
    }
    out.push_back(kCrockford[value]);
  }
  return out;
}

// The fixed 256 bits: SHA-256 of the empty string.
Bytes recovery_bits() {
  return from_hex_or_fail("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

std::string recovery_canonical() {
  std::string key = base32_bits(recovery_bits(), 52);
  crypto::Sha256Digest d = crypto::sha256(as_bytes(key));
  return key + base32_bits(d, 4);
}

std::string grouped(std::string_view canonical, char separator) {
  std::string out;
  for (std::size_t i = 0; i < canonical.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(separator);
    out.push_back(canonical[i]);
  }
  return out;
}

std::string recovery_printed() {
  return grouped(recovery_canonical(), '-');
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

json::Value recovery_key_vectors() {
  const std::string canonical = recovery_canonical();
  const std::string printed = recovery_printed();
  const std::string key = canonical.substr(0, 52);

  json::Value accepted = json::Value::array();
  auto accept = [&](std::string_view why, std::string input) {
    json::Value o = json::Value::object();
    o.set("description", why).set("input", std::move(input)).set("canonical", canonical);
    accepted.push(std::move(o));
  };
  accept("the printed form", printed);
  accept("lower case", lower(printed));
  accept("no separators", canonical);
  std::string two_lines = grouped(canonical, ' ');
  two_lines[7 * 5 - 1] = '\n';
  accept("spaces between groups, two lines, a trailing CR LF", two_lines + "\r\n");
  std::string look_alikes = lower(printed);
  bool first_one = true;
  for (char& c : look_alikes) {
    if (c == '1') {
      c = first_one ? 'l' : 'I';
      first_one = false;
    }
  }
  accept("the digit 1 typed as l and I (and 0 may be typed as O)", look_alikes);

  json::Value rejected = json::Value::array();
  auto reject = [&](std::string_view why, std::string input) {
    json::Value o = json::Value::object();
    o.set("description", why).set("input", std::move(input));
    rejected.push(std::move(o));
  };
  std::string typo = printed;
  typo[0] = typo[0] == 'X' ? 'Y' : 'X';
  reject("one character mistyped: the checksum does not match", typo);
  std::string swapped = printed;
  std::swap(swapped[5], swapped[6]);
  reject("two neighbouring characters swapped: the checksum does not match", swapped);
  reject("the checksum group left out", printed.substr(0, printed.size() - 5));
  reject("one group too many", printed + "-" + canonical.substr(0, 4));
  std::string with_u = printed;
  with_u[1] = 'U';
  reject("U is not in the alphabet", with_u);
  reject("underscores are not separators", grouped(canonical, '_'));

  json::Value v = json::Value::object();
  v.set("format", "meldkluis recovery key")
      .set("spec", "docs/formats/keyslots.md#recovery-key")
      .set("note",
           "Generated by tests/vault/format_vectors_test.cpp. The bits are not used by the vault "
           "after printing: the canonical text is what the recovery slot's Argon2id consumes.")
      .set("bits", to_hex(recovery_bits()))
      .set("key_chars", key)
      .set("checksum_sha256", to_hex(crypto::sha256(as_bytes(key))))
      .set("checksum", canonical.substr(52))
      .set("canonical", canonical)
      .set("printed", printed)
      .set("accepted", std::move(accepted))
      .set("rejected", std::move(rejected));
  return v;
}

// --- Key-slot file -----------------------------------------------------------------------------

Bytes root_key() {
  return counting(0x00, kKeySize);
}
Bytes vault_id() {
  return counting(0xa0, kVaultIdSize);
}

constexpr std::string_view kVectorCoordinatorPassphrase = "Rijswijk meldpunt 2026!";
// With an en dash (U+2013): passphrases are their UTF-8 bytes, never normalised.
constexpr std::string_view kVectorCompliancePassphrase =
    "Functionaris Gegevensbescherming \xe2\x80\x93 FG";

struct SlotInput {
  std::string name;
  Role role;
  std::string typed;  // a passphrase, or the printed recovery key
  crypto::PwhashParams kdf;
  Bytes salt;
  Bytes nonce;
};

std::vector<SlotInput> slot_inputs() {
  return {
      {"coordinator", Role::kCoordinator, std::string(kVectorCoordinatorPassphrase),
       crypto::PwhashParams{2, 64 * 1024}, counting(0x10, 16), counting(0x40, 24)},
      {"fg", Role::kCompliance, std::string(kVectorCompliancePassphrase),
       crypto::PwhashParams{3, 32 * 1024}, counting(0x20, 16), counting(0x60, 24)},
      {"recovery", Role::kRecovery, recovery_printed(), crypto::pwhash_params_for_tests(),
       counting(0x30, 16), counting(0x80, 24)},
  };
}

constexpr KeyName kAllKeys[] = {KeyName::kRoot,      KeyName::kDatabase,  KeyName::kSlotFile,
                                KeyName::kAuditSeed, KeyName::kFieldWrap, KeyName::kBlindIndex,
                                KeyName::kPseudonym};
constexpr std::string_view kKeyNames[] = {"root",       "database",    "slot_file", "audit_seed",
                                          "field_wrap", "blind_index", "pseudonym"};

std::string_view key_name(KeyName k) {
  return kKeyNames[static_cast<std::size_t>(k)];
}

// The file text ending before the `sum` line, and the file completed with a fresh sum.
std::string without_sum(std::string_view file) {
  std::size_t last_line = file.rfind('\n', file.size() - 2) + 1;
  return std::string(file.substr(0, last_line));
}
std::string with_sum(std::string_view body_and_mac) {
  return std::string(body_and_mac) + "sum " + to_hex(crypto::sha256(as_bytes(body_and_mac))) + "\n";
}
std::string replace_once(std::string s, std::string_view from, std::string_view to) {
  std::size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}
std::string line_starting(std::string_view file, std::string_view prefix) {
  std::size_t at = file.find(std::string("\n") + std::string(prefix));
  REQUIRE(at != std::string_view::npos);
  std::size_t end = file.find('\n', at + 1);
  return std::string(file.substr(at + 1, end - at));
}

json::Value keyslot_vectors() {
  KeyRing ring = KeyRing::from_root(secret_bytes(root_key()));
  KeySlotFile file;
  file.vault_id = vault_id();

  json::Value derived = json::Value::array();
  for (KeyName k : kAllKeys) {
    if (k == KeyName::kRoot) continue;
    json::Value o = json::Value::object();
    o.set("name", key_name(k)).set("id", static_cast<int>(k)).set("key", hex_of(ring.get(k)));
    derived.push(std::move(o));
  }

  json::Value slots = json::Value::array();
  for (const SlotInput& in : slot_inputs()) {
    KeySlot slot;
    slot.name = in.name;
    slot.role = in.role;
    slot.kdf = in.kdf;
    slot.salt = in.salt;
    crypto::SecretBuffer typed = crypto::SecretBuffer::copy_of(in.typed);
    std::optional<crypto::SecretBuffer> kdf_input =
        in.role == Role::kRecovery ? canonical_recovery_key(typed.as_text())
                                   : std::optional<crypto::SecretBuffer>(typed.clone());
    REQUIRE(kdf_input);
    std::optional<crypto::SecretBuffer> kek =
        crypto::derive_from_passphrase(kdf_input->view(), slot.salt, slot.kdf);
    REQUIRE(kek);
    crypto::SecretBuffer bundle = ring.for_role(in.role).serialize();
    crypto::AssociatedData ad = slot_associated_data(file.vault_id, slot);
    slot.wrapped =
        crypto::detail::seal_with_nonce(*kek, as_nonce(in.nonce), bundle.view(), ad.encoded());

    json::Value o = json::Value::object();
    o.set("name", in.name)
        .set("role", role_name(in.role))
        .set("secret", in.typed)
        .set("kdf_input", kdf_input->as_text())
        .set("opslimit", integer(in.kdf.opslimit))
        .set("memlimit", integer(in.kdf.memlimit))
        .set("salt", to_hex(in.salt))
        .set("kek", hex_of(*kek))
        .set("bundle", hex_of(bundle))
        .set("associated_data", to_hex(ad.encoded()))
        .set("nonce", to_hex(in.nonce))
        .set("wrapped", to_hex(slot.wrapped));
    slots.push(std::move(o));
    file.slots.push_back(std::move(slot));
  }

  const std::string text = serialize_key_slot_file(file, ring.get(KeyName::kSlotFile));
  const std::string body = serialize_body(file);
  crypto::HmacSha256Tag mac = crypto::hmac_sha256(ring.get(KeyName::kSlotFile), as_bytes(body));

  // Failures an implementation must reproduce, with the stage at which each is detected.
  json::Value failures = json::Value::array();
  auto fail = [&](std::string_view name, std::string_view why, std::string tampered,
                  std::string_view secret, std::string_view expected, std::string_view stage) {
    json::Value o = json::Value::object();
    o.set("name", name)
        .set("description", why)
        .set("file", std::move(tampered))
        .set("secret", secret)
        .set("expected", expected)
        .set("stage", stage);
    failures.push(std::move(o));
  };
  const std::string coordinator_line = line_starting(text, "slot coordinator ");
  const std::string cheaper = replace_once(coordinator_line, " 2 65536 ", " 3 65536 ");
  fail("byte_changed", "the coordinator's opslimit changed from 2 to 3, sum left as it was",
       replace_once(text, coordinator_line, cheaper), kVectorCoordinatorPassphrase, "vault_corrupt",
       "sum");
  fail("slot_removed", "the fg slot line removed and the sum recomputed",
       with_sum(replace_once(without_sum(text), line_starting(text, "slot fg "), "")),
       kVectorCoordinatorPassphrase, "vault_corrupt", "mac");
  fail("kdf_edited", "the coordinator's opslimit changed from 2 to 3 and the sum recomputed",
       with_sum(replace_once(without_sum(text), coordinator_line, cheaper)),
       kVectorCoordinatorPassphrase, "wrong_passphrase", "unwrap");
  fail("wrong_passphrase", "the file unchanged, a passphrase that opens no slot", text,
       "Rijswijk meldpunt 2025!", "wrong_passphrase", "unwrap");

  json::Value v = json::Value::object();
  v.set("format", "meldkluis-keyslots/1")
      .set("spec", "docs/formats/keyslots.md")
      .set("note",
           "Generated by tests/vault/format_vectors_test.cpp from fixed inputs. The Argon2id "
           "costs are cheap to keep tests fast; a real coordinator slot uses calibrated ones.")
      .set("root_key", to_hex(root_key()))
      .set("vault_id", to_hex(file.vault_id))
      .set("kdf_context", "MKvault1")
      .set("derived_keys", std::move(derived))
      .set("slots", std::move(slots))
      .set("mac", to_hex(mac))
      .set("sum", to_hex(crypto::sha256(as_bytes(without_sum(text)))))
      .set("file", text)
      .set("failures", std::move(failures));
  return v;
}

// A vault folder around the vector's key-slot file: lock file, key-slot file, and a store made
// under the vector's database key holding the vector's vault id, so that Vault::open runs its
// whole path on the vector.
void make_vault_folder(const fs::path& dir, std::string_view keyslots) {
  fs::create_directory(dir);
  VaultPaths paths(dir);
  MK_REQUIRE_OK(replace_file_atomically(paths.lock(), ""));
  MK_REQUIRE_OK(replace_file_atomically(paths.keyslots(), keyslots));
  KeyRing ring = KeyRing::from_root(secret_bytes(root_key()));
  Result<Database> db =
      Database::open(paths.database(), ring.get(KeyName::kDatabase), Database::Mode::kCreate);
  MK_REQUIRE_OK(db);
  MK_REQUIRE_OK(migrate(*db));
  Result<Statement> st = db->prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
  MK_REQUIRE_OK(st);
  st->bind(1, kMetaVaultId).bind(2, to_hex(vault_id()));
  MK_REQUIRE_OK(st->run());
}

Code expected_code(std::string_view name) {
  if (name == "vault_corrupt") return Code::kVaultCorrupt;
  if (name == "wrong_passphrase") return Code::kWrongPassphrase;
  FAIL("unknown expected outcome " << name);
  return Code::kInternal;
}

// --- Field encryption --------------------------------------------------------------------------

struct SubjectInput {
  std::string key_id;
  Bytes key;
  Bytes nonce;
};
struct FieldInput {
  std::string table;
  std::string column;
  std::string record_id;
  std::size_t subject;  // index into subject_inputs()
  std::string plaintext;
  Bytes nonce;
};

std::vector<SubjectInput> subject_inputs() {
  return {
      {"K-7K3M9Q2XH4TZ8N5P", counting(0xc0, 32), counting(0xa8, 24)},
      {"K-B6WD1RF0Y2JS8EVA", counting(0xe0, 32), counting(0xc8, 24)},
  };
}

std::vector<FieldInput> field_inputs() {
  return {
      {"persons", "name", "P-4D7KQ2XM", 0, "Mehmet Y\xc4\xb1lmaz", counting(0x01, 24)},
      {"persons", "date_of_birth", "P-4D7KQ2XM", 0, "1987-02-03", counting(0x02, 24)},
      {"persons", "bsn", "P-4D7KQ2XM", 0, "131860914", counting(0x03, 24)},
      {"signals", "narrative", "S-9H3TZ6WB", 1,
       "Wijkteam Oost meldt zes mannen in een bovenwoning aan de Herenstraat.\n"
       "\tE\xc3\xa9n van hen heeft \xe2\x82\xac"
       "1.800 schuld voor reis en huisvesting.",
       counting(0x04, 24)},
  };
}

// The associated data of a wrapped subject key and of a field value, as documented in
// docs/formats/field-encryption.md. The vault's own encoding is checked against these in
// "the documented associated data is what the vault uses".
crypto::AssociatedData subject_key_ad(ByteView vault, std::string_view key_id) {
  crypto::AssociatedData ad;
  ad.add_u64(1).add("subject_keys").add_bytes(vault).add(key_id);
  return ad;
}
crypto::AssociatedData field_ad(const FieldLocation& where) {
  crypto::AssociatedData ad;
  ad.add_u64(1).add(where.table).add(where.column).add(where.record_id).add(where.key_id);
  return ad;
}

Bytes stored_field(const FieldInput& in, const SubjectInput& subject) {
  FieldLocation where{in.table, in.column, in.record_id, subject.key_id};
  Bytes sealed = crypto::detail::seal_with_nonce(secret_bytes(subject.key), as_nonce(in.nonce),
                                                 as_bytes(in.plaintext), field_ad(where).encoded());
  Bytes out;
  out.reserve(sealed.size() + 1);
  out.push_back(0x01);
  out.insert(out.end(), sealed.begin(), sealed.end());
  return out;
}

json::Value field_vectors() {
  KeyRing ring = KeyRing::from_root(secret_bytes(root_key()));
  const std::vector<SubjectInput> subjects = subject_inputs();
  const std::vector<FieldInput> fields = field_inputs();

  json::Value keys = json::Value::array();
  for (const SubjectInput& s : subjects) {
    crypto::AssociatedData ad = subject_key_ad(vault_id(), s.key_id);
    Bytes wrapped = crypto::detail::seal_with_nonce(ring.get(KeyName::kFieldWrap),
                                                    as_nonce(s.nonce), s.key, ad.encoded());
    json::Value o = json::Value::object();
    o.set("key_id", s.key_id)
        .set("key", to_hex(s.key))
        .set("nonce", to_hex(s.nonce))
        .set("associated_data", to_hex(ad.encoded()))
        .set("wrapped", to_hex(wrapped));
    keys.push(std::move(o));
  }

  json::Value values = json::Value::array();
  for (const FieldInput& f : fields) {
    const SubjectInput& s = subjects[f.subject];
    FieldLocation where{f.table, f.column, f.record_id, s.key_id};
    json::Value o = json::Value::object();
    o.set("table", f.table)
        .set("column", f.column)
        .set("record_id", f.record_id)
        .set("key_id", s.key_id)
        .set("plaintext", f.plaintext)
        .set("nonce", to_hex(f.nonce))
        .set("associated_data", to_hex(field_ad(where).encoded()))
        .set("stored", to_hex(stored_field(f, s)));
    values.push(std::move(o));
  }

  // Values that must not open: each names where it is opened (and so which key and AD apply).
  const Bytes name = stored_field(fields[0], subjects[0]);
  const Bytes narrative = stored_field(fields[3], subjects[1]);
  json::Value must_fail = json::Value::array();
  auto fail = [&](std::string_view why, std::string_view table, std::string_view column,
                  std::string_view record, std::string_view key_id, const Bytes& stored) {
    json::Value o = json::Value::object();
    o.set("description", why)
        .set("table", table)
        .set("column", column)
        .set("record_id", record)
        .set("key_id", key_id)
        .set("stored", to_hex(stored));
    must_fail.push(std::move(o));
  };
  const std::string& k1 = subjects[0].key_id;
  const std::string& k2 = subjects[1].key_id;
  fail("the name moved to another column of the same row", "persons", "nationality", "P-4D7KQ2XM",
       k1, name);
  fail("the name copied to another person's row", "persons", "name", "P-7R2N5VQC", k1, name);
  fail("the row's key_id pointed at another subject key", "persons", "name", "P-4D7KQ2XM", k2,
       name);
  fail("a signal's narrative moved into a person's name", "persons", "name", "P-4D7KQ2XM", k1,
       narrative);
  Bytes format2 = name;
  format2[0] = 0x02;
  fail("an unknown format byte", "persons", "name", "P-4D7KQ2XM", k1, format2);
  Bytes flipped = name;
  flipped.back() ^= 0x01;
  fail("one bit of the tag flipped", "persons", "name", "P-4D7KQ2XM", k1, flipped);

  // Wrapped subject keys that must not unwrap.
  Bytes k1_wrapped =
      crypto::detail::seal_with_nonce(ring.get(KeyName::kFieldWrap), as_nonce(subjects[0].nonce),
                                      subjects[0].key, subject_key_ad(vault_id(), k1).encoded());
  json::Value keys_must_fail = json::Value::array();
  auto key_fail = [&](std::string_view why, ByteView vault, std::string_view key_id) {
    json::Value o = json::Value::object();
    o.set("description", why)
        .set("vault_id", to_hex(vault))
        .set("key_id", key_id)
        .set("wrapped", to_hex(k1_wrapped));
    keys_must_fail.push(std::move(o));
  };
  key_fail("wrapped keys swapped between two subject_keys rows", vault_id(), k2);
  key_fail("a subject_keys row copied into another vault", counting(0xb0, kVaultIdSize), k1);

  json::Value v = json::Value::object();
  v.set("format", "meldkluis field value 1")
      .set("spec", "docs/formats/field-encryption.md")
      .set("note",
           "Generated by tests/vault/format_vectors_test.cpp from fixed inputs. The field_wrap "
           "key and vault id are those of keyslots.json.")
      .set("vault_id", to_hex(vault_id()))
      .set("field_wrap_key", hex_of(ring.get(KeyName::kFieldWrap)))
      .set("subject_keys", std::move(keys))
      .set("fields", std::move(values))
      .set("fields_must_fail", std::move(must_fail))
      .set("subject_keys_must_fail", std::move(keys_must_fail));
  return v;
}

// --- Blind indexes -----------------------------------------------------------------------------

constexpr double kPlannedRows = 150000;
constexpr double kIdentifierBits = 26;
constexpr unsigned kVectorBits = 16;
constexpr char kBlindContext[] = "MKblind1";
constexpr PersonIndexKind kKinds[] = {PersonIndexKind::kNameDob, PersonIndexKind::kBsn,
                                      PersonIndexKind::kDocument};

std::uint64_t index_key_id(PersonIndexKind kind) {
  return static_cast<std::uint64_t>(kind) + 1;
}

crypto::SecretBuffer index_key(const crypto::SecretBuffer& blind_root, PersonIndexKind kind) {
  return crypto::derive_subkey(blind_root, kBlindContext, index_key_id(kind));
}

struct IndexInput {
  std::string description;
  PersonIndexKind kind;
  std::string name;  // name_dob only
  std::string date_of_birth;
  std::string value;  // bsn or document number, as typed
};

std::vector<IndexInput> index_inputs() {
  return {
      {"dotless i (U+0131) folds to i", PersonIndexKind::kNameDob, "Mehmet Y\xc4\xb1lmaz",
       "1987-02-03", ""},
      {"hyphen, comma and diaeresis; words sorted", PersonIndexKind::kNameDob,
       "Jansen-de Vries, \xc3\x84ngela", "1990-02-28", ""},
      {"the same person typed another way: the same digest", PersonIndexKind::kNameDob,
       "angela JANSEN DE VRIES", "1990-02-28", ""},
      {"decomposed u + U+0308 (NFD) folds as composed", PersonIndexKind::kNameDob,
       "Mu\xcc\x88ller, J\xc3\xb6rg", "1975-06-01", ""},
      {"dots removed", PersonIndexKind::kBsn, "", "", "1112.22.333"},
      {"eight digits get a leading zero", PersonIndexKind::kBsn, "", "", "12345672"},
      {"spaces removed", PersonIndexKind::kBsn, "", "", "131 860 914"},
      {"letters upper-cased, '-' and spaces dropped", PersonIndexKind::kDocument, "", "",
       "nw-8r4k 2p1"},
      {"already normal", PersonIndexKind::kDocument, "", "", "U09274581"},
  };
}

// The identity as the vault stores it (checked and canonicalised), from the typed input.
PersonIdentity checked(const IndexInput& in) {
  const Date today(2026, 3, 2);
  PersonIdentity id;
  auto set = [&](PersonField f, const std::string& raw) {
    Result<std::string> v = check_person_field(f, raw, today);
    MK_REQUIRE_OK(v);
    id.set(f, *v);
  };
  switch (in.kind) {
    case PersonIndexKind::kNameDob:
      set(PersonField::kName, in.name);
      set(PersonField::kDateOfBirth, in.date_of_birth);
      break;
    case PersonIndexKind::kBsn:
      set(PersonField::kBsn, in.value);
      break;
    case PersonIndexKind::kDocument:
      set(PersonField::kDocumentNumber, in.value);
      break;
  }
  return id;
}

json::Value blind_index_vectors() {
  KeyRing ring = KeyRing::from_root(secret_bytes(root_key()));
  const crypto::SecretBuffer& blind_root = ring.get(KeyName::kBlindIndex);

  json::Value keys = json::Value::array();
  for (PersonIndexKind kind : kKinds) {
    json::Value o = json::Value::object();
    o.set("kind", person_index_kind_name(kind))
        .set("id", integer(index_key_id(kind)))
        .set("key", hex_of(index_key(blind_root, kind)));
    keys.push(std::move(o));
  }

  const unsigned bits = crypto::plan_blind_index_bits(kPlannedRows, kIdentifierBits);
  json::Value plan = json::Value::object();
  plan.set("planned_rows", static_cast<int>(kPlannedRows))
      .set("identifier_entropy_bits", static_cast<int>(kIdentifierBits))
      .set("bits", static_cast<int>(bits))
      .set("expected_coincidences",
           crypto::expected_coincidences(kPlannedRows, bits, kIdentifierBits));

  json::Value cases = json::Value::array();
  for (const IndexInput& in : index_inputs()) {
    PersonIdentity id = checked(in);
    std::optional<std::string> normalised = normalised_index_input(in.kind, id);
    REQUIRE(normalised);
    crypto::SecretBuffer key = index_key(blind_root, in.kind);
    json::Value input = json::Value::object();
    if (in.kind == PersonIndexKind::kNameDob) {
      input.set("name", in.name).set("date_of_birth", in.date_of_birth);
    } else {
      input.set(in.kind == PersonIndexKind::kBsn ? "bsn" : "document_number", in.value);
    }
    json::Value o = json::Value::object();
    o.set("description", in.description)
        .set("kind", person_index_kind_name(in.kind))
        .set("input", std::move(input));
    if (in.kind == PersonIndexKind::kNameDob) {
      o.set("folded_name", fold_for_matching(*id.get(PersonField::kName)));
    } else {
      o.set("stored_value",
            *id.get(in.kind == PersonIndexKind::kBsn ? PersonField::kBsn
                                                     : PersonField::kDocumentNumber));
    }
    o.set("normalised", *normalised)
        .set("normalised_hex", to_hex(as_bytes(*normalised)))
        .set("hash", to_hex(crypto::blind_index(key, as_bytes(*normalised), 256)))
        .set("digest", to_hex(crypto::blind_index(key, as_bytes(*normalised), bits)));
    cases.push(std::move(o));
  }

  const std::string truncated_input = "111222333";
  crypto::SecretBuffer bsn_key = index_key(blind_root, PersonIndexKind::kBsn);
  json::Value digests = json::Value::array();
  for (unsigned b : {1u, 5u, 8u, 13u, 16u, 20u, 256u}) {
    json::Value o = json::Value::object();
    o.set("bits", static_cast<int>(b))
        .set("digest", to_hex(crypto::blind_index(bsn_key, as_bytes(truncated_input), b)));
    digests.push(std::move(o));
  }
  json::Value truncation = json::Value::object();
  truncation.set("kind", "bsn").set("normalised", truncated_input).set("digests", digests);

  json::Value v = json::Value::object();
  v.set("format", "meldkluis person blind index")
      .set("spec", "docs/formats/blind-index.md")
      .set("note",
           "Generated by tests/vault/format_vectors_test.cpp from fixed inputs. The blind_index "
           "key is that of keyslots.json (id 5 under MKvault1).")
      .set("blind_index_key", hex_of(blind_root))
      .set("kdf_context", kBlindContext)
      .set("index_keys", std::move(keys))
      .set("plan", std::move(plan))
      .set("cases", std::move(cases))
      .set("truncation", std::move(truncation));
  return v;
}

}  // namespace

// --- The vectors are what the code computes ----------------------------------------------------

TEST_CASE("vector files match what the code computes from their fixed inputs", "[vectors]") {
  require_file_matches("recovery_key.json", recovery_key_vectors());
  require_file_matches("keyslots.json", keyslot_vectors());
  require_file_matches("field.json", field_vectors());
  require_file_matches("blind_index.json", blind_index_vectors());
}

// Not run by default: rewrites the vector files from the code.
TEST_CASE("regenerate the vector files", "[.][generate-vectors]") {
  fs::create_directories(vectors_dir());
  auto write = [](std::string_view name, const json::Value& v) {
    MK_REQUIRE_OK(replace_file_atomically(vectors_dir() / name, json::serialize(v, true)));
    fs::permissions(vectors_dir() / name, fs::perms::owner_read | fs::perms::owner_write |
                                              fs::perms::group_read | fs::perms::others_read);
  };
  write("recovery_key.json", recovery_key_vectors());
  write("keyslots.json", keyslot_vectors());
  write("field.json", field_vectors());
  write("blind_index.json", blind_index_vectors());
}

// --- The vectors work on the real code paths ---------------------------------------------------

TEST_CASE("recovery key vectors: accepted and rejected input", "[vectors]") {
  json::Value v = load_vectors("recovery_key.json");
  const std::string& canonical = text(v, "canonical");
  for (const json::Value& c : member(v, "accepted").as_array()) {
    INFO(text(c, "description"));
    std::optional<crypto::SecretBuffer> got = canonical_recovery_key(text(c, "input"));
    REQUIRE(got);
    CHECK(got->as_text() == canonical);
  }
  for (const json::Value& c : member(v, "rejected").as_array()) {
    INFO(text(c, "description"));
    CHECK_FALSE(canonical_recovery_key(text(c, "input")));
  }
}

TEST_CASE("a generated recovery key has the documented shape", "[vectors]") {
  crypto::SecretBuffer printed = generate_recovery_key();
  std::string_view p = printed.as_text();
  REQUIRE(p.size() == 14 * 4 + 13);
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (i % 5 == 4) {
      CHECK(p[i] == '-');
    } else {
      CHECK(std::string_view(kCrockford).find(p[i]) != std::string_view::npos);
    }
  }
  std::optional<crypto::SecretBuffer> canonical = canonical_recovery_key(p);
  REQUIRE(canonical);
  std::string_view c = canonical->as_text();
  // 256 bits in 52 characters: the 52nd carries one key bit and four zero bits.
  CHECK((c[51] == '0' || c[51] == 'G'));
  std::string key(c.substr(0, 52));
  CHECK(c.substr(52) == base32_bits(crypto::sha256(as_bytes(key)), 4));
}

TEST_CASE("key-slot vectors: the file parses and its key hierarchy is the vault's", "[vectors]") {
  json::Value v = load_vectors("keyslots.json");
  Result<ParsedKeySlotFile> parsed = parse_key_slot_file(text(v, "file"));
  MK_REQUIRE_OK(parsed);
  CHECK(parsed->file.vault_id == hex_member(v, "vault_id"));
  CHECK(parsed->mac == hex_member(v, "mac"));
  const json::Array& slots = member(v, "slots").as_array();
  REQUIRE(parsed->file.slots.size() == slots.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const KeySlot& s = parsed->file.slots[i];
    CHECK(s.name == text(slots[i], "name"));
    CHECK(role_name(s.role) == text(slots[i], "role"));
    CHECK(s.salt == hex_member(slots[i], "salt"));
    CHECK(s.wrapped == hex_member(slots[i], "wrapped"));
    CHECK(to_hex(slot_associated_data(parsed->file.vault_id, s).encoded()) ==
          text(slots[i], "associated_data"));
  }

  crypto::SecretBuffer root = secret_bytes(hex_member(v, "root_key"));
  KeyRing ring = KeyRing::from_root(root.clone());
  CHECK(key_slot_mac_valid(*parsed, ring.get(KeyName::kSlotFile)));
  for (const json::Value& d : member(v, "derived_keys").as_array()) {
    auto id = static_cast<std::uint64_t>(member(d, "id").as_integer());
    INFO(text(d, "name"));
    REQUIRE(id < kKeyNameCount);
    CHECK(key_name(static_cast<KeyName>(id)) == text(d, "name"));
    CHECK(hex_of(ring.get(static_cast<KeyName>(id))) == text(d, "key"));
    CHECK(hex_of(crypto::derive_subkey(root, text(v, "kdf_context"), id)) == text(d, "key"));
  }
}

TEST_CASE("key-slot vectors: Vault::open opens every slot and refuses every failure", "[vectors]") {
  json::Value v = load_vectors("keyslots.json");
  TempDir temp;
  fs::path dir = temp.path() / "vault";
  make_vault_folder(dir, text(v, "file"));
  FixedClock clock(test_now());
  KeyRing ring = KeyRing::from_root(secret_bytes(hex_member(v, "root_key")));

  for (const json::Value& s : member(v, "slots").as_array()) {
    INFO("slot " << text(s, "name"));
    Result<Vault> opened = Vault::open(dir, secret(text(s, "secret")), std::nullopt, clock);
    MK_REQUIRE_OK(opened);
    CHECK(opened->slot_name() == text(s, "name"));
    CHECK(role_name(opened->role()) == text(s, "role"));
    for (KeyName k : kAllKeys) {
      bool expected = holds_all_keys(opened->role()) || k == KeyName::kDatabase ||
                      k == KeyName::kSlotFile || k == KeyName::kAuditSeed;
      INFO("key " << key_name(k));
      REQUIRE(opened->keys().has(k) == expected);
      if (expected) CHECK(opened->keys().get(k).equals(ring.get(k)));
    }
  }
  // The recovery slot also opens with forgiving input.
  json::Value recovery = load_vectors("recovery_key.json");
  for (const json::Value& c : member(recovery, "accepted").as_array()) {
    INFO(text(c, "description"));
    Result<Vault> opened = Vault::open(dir, secret(text(c, "input")), std::nullopt, clock);
    MK_REQUIRE_OK(opened);
    CHECK(opened->role() == Role::kRecovery);
  }

  for (const json::Value& f : member(v, "failures").as_array()) {
    INFO("failure " << text(f, "name"));
    const std::string& file = text(f, "file");
    MK_REQUIRE_OK(replace_file_atomically(VaultPaths(dir).keyslots(), file));
    // The sum is checked while parsing, before any key derivation.
    CHECK(parse_key_slot_file(file).is_ok() == (text(f, "stage") != "sum"));
    Result<Vault> opened = Vault::open(dir, secret(text(f, "secret")), std::nullopt, clock);
    REQUIRE_FALSE(opened.is_ok());
    CHECK(opened.status().code() == expected_code(text(f, "expected")));
  }
}

TEST_CASE("field vectors: the stored values open where they belong and nowhere else", "[vectors]") {
  json::Value v = load_vectors("field.json");
  KeyRing ring =
      KeyRing::from_root(secret_bytes(hex_member(load_vectors("keyslots.json"), "root_key")));
  CHECK(hex_of(ring.get(KeyName::kFieldWrap)) == text(v, "field_wrap_key"));

  std::vector<std::pair<std::string, crypto::SecretBuffer>> keys;
  auto key_of = [&](std::string_view id) -> const crypto::SecretBuffer& {
    for (const auto& [kid, key] : keys) {
      if (kid == id) return key;
    }
    FAIL("no subject key " << id);
    return keys.front().second;
  };
  for (const json::Value& k : member(v, "subject_keys").as_array()) {
    std::optional<crypto::SecretBuffer> key =
        crypto::open_secret(ring.get(KeyName::kFieldWrap), hex_member(k, "wrapped"),
                            subject_key_ad(hex_member(v, "vault_id"), text(k, "key_id")));
    REQUIRE(key);
    CHECK(hex_of(*key) == text(k, "key"));
    keys.emplace_back(text(k, "key_id"), std::move(*key));
  }
  for (const json::Value& k : member(v, "subject_keys_must_fail").as_array()) {
    INFO(text(k, "description"));
    CHECK_FALSE(crypto::open_secret(ring.get(KeyName::kFieldWrap), hex_member(k, "wrapped"),
                                    subject_key_ad(hex_member(k, "vault_id"), text(k, "key_id"))));
  }
  for (const json::Value& f : member(v, "fields").as_array()) {
    FieldLocation where{text(f, "table"), text(f, "column"), text(f, "record_id"),
                        text(f, "key_id")};
    Result<std::string> plain = decrypt_field(key_of(where.key_id), where, hex_member(f, "stored"));
    MK_REQUIRE_OK(plain);
    CHECK(*plain == text(f, "plaintext"));
  }
  for (const json::Value& f : member(v, "fields_must_fail").as_array()) {
    INFO(text(f, "description"));
    FieldLocation where{text(f, "table"), text(f, "column"), text(f, "record_id"),
                        text(f, "key_id")};
    Result<std::string> plain = decrypt_field(key_of(where.key_id), where, hex_member(f, "stored"));
    REQUIRE_FALSE(plain.is_ok());
    CHECK(plain.status().code() == Code::kVaultCorrupt);
  }
}

TEST_CASE("the documented associated data is what the vault uses", "[vectors]") {
  TestVault tv;
  UnitOfWork uow = begin_unit(tv.vault());
  Result<SubjectKey> made = create_subject_key(uow);
  MK_REQUIRE_OK(made);
  Result<Statement> st = uow.db().prepare("SELECT wrapped FROM subject_keys WHERE id = ?1");
  MK_REQUIRE_OK(st);
  st->bind(1, made->id);
  Result<bool> row = st->step();
  REQUIRE((row && *row));
  std::optional<crypto::SecretBuffer> key =
      crypto::open_secret(tv.vault().keys().get(KeyName::kFieldWrap), st->column_blob(0),
                          subject_key_ad(tv.vault().vault_id(), made->id));
  REQUIRE(key);
  CHECK(key->equals(made->key));

  FieldLocation where{"persons", "name", "P-4D7KQ2XM", made->id};
  Bytes stored = encrypt_field(made->key, where, "Mehmet Y\xc4\xb1lmaz");
  REQUIRE(stored.size() == 1 + crypto::kAeadOverhead + 14);
  CHECK(stored[0] == 0x01);
  std::optional<Bytes> plain = crypto::detail::open_with_raw_ad(
      made->key, ByteView(stored).subspan(1), field_ad(where).encoded());
  REQUIRE(plain);
  CHECK(as_chars(*plain) == "Mehmet Y\xc4\xb1lmaz");
}

TEST_CASE("blind-index vectors: normalisation, keys, digests and the plan", "[vectors]") {
  json::Value v = load_vectors("blind_index.json");
  KeyRing ring =
      KeyRing::from_root(secret_bytes(hex_member(load_vectors("keyslots.json"), "root_key")));
  const crypto::SecretBuffer& blind_root = ring.get(KeyName::kBlindIndex);
  CHECK(hex_of(blind_root) == text(v, "blind_index_key"));

  const json::Value& plan = member(v, "plan");
  const unsigned bits = static_cast<unsigned>(member(plan, "bits").as_integer());
  CHECK(bits == crypto::plan_blind_index_bits(kPlannedRows, kIdentifierBits));
  CHECK(bits == kVectorBits);

  CHECK(member(plan, "expected_coincidences").as_double() ==
        crypto::expected_coincidences(kPlannedRows, bits, kIdentifierBits));

  auto kind_of = [](std::string_view name) {
    for (PersonIndexKind kind : kKinds) {
      if (person_index_kind_name(kind) == name) return kind;
    }
    FAIL("unknown index kind " << name);
    return PersonIndexKind::kNameDob;
  };
  for (const json::Value& k : member(v, "index_keys").as_array()) {
    PersonIndexKind kind = kind_of(text(k, "kind"));
    CHECK(static_cast<std::uint64_t>(member(k, "id").as_integer()) == index_key_id(kind));
    CHECK(hex_of(index_key(blind_root, kind)) == text(k, "key"));
  }

  const Date today(2026, 3, 2);
  for (const json::Value& c : member(v, "cases").as_array()) {
    const std::string& normalised = text(c, "normalised");
    PersonIndexKind kind = kind_of(text(c, "kind"));
    INFO(text(c, "kind") << " " << text(c, "normalised_hex"));
    CHECK(to_hex(as_bytes(normalised)) == text(c, "normalised_hex"));
    // From the typed input, through the vault's own checks, to the index input.
    PersonIdentity identity;
    for (const auto& [field_name, value] : member(c, "input").as_object()) {
      std::optional<PersonField> field = parse_person_field(field_name);
      REQUIRE(field);
      Result<std::string> stored = check_person_field(*field, value.as_string(), today);
      MK_REQUIRE_OK(stored);
      identity.set(*field, *stored);
    }
    CHECK(normalised_index_input(kind, identity) == normalised);
    if (kind == PersonIndexKind::kNameDob) {
      CHECK(fold_for_matching(*identity.get(PersonField::kName)) == text(c, "folded_name"));
    }
    crypto::SecretBuffer key = index_key(blind_root, kind);
    Bytes hash = hex_member(c, "hash");
    CHECK(crypto::blind_index(key, as_bytes(normalised), 256) == hash);
    Bytes digest = hex_member(c, "digest");
    CHECK(crypto::blind_index(key, as_bytes(normalised), bits) == digest);
    // With whole bytes, the digest is the first bits/8 bytes of the 32-byte hash.
    CHECK(digest == Bytes(hash.begin(), hash.begin() + bits / 8));
  }

  const json::Value& truncation = member(v, "truncation");
  crypto::SecretBuffer key = index_key(blind_root, kind_of(text(truncation, "kind")));
  for (const json::Value& d : member(truncation, "digests").as_array()) {
    auto b = static_cast<unsigned>(member(d, "bits").as_integer());
    INFO("bits " << b);
    CHECK(to_hex(crypto::blind_index(key, as_bytes(text(truncation, "normalised")), b)) ==
          text(d, "digest"));
  }
}

// The keys, ids and bits a real vault's PersonIndexer uses are the documented ones.
TEST_CASE("blind-index vectors: a vault's indexer uses the documented derivation", "[vectors]") {
  TestVault tv;
  Result<std::string> stored_bits = tv.vault().meta(kMetaBlindIndexBits);
  MK_REQUIRE_OK(stored_bits);
  CHECK(*stored_bits == std::to_string(kVectorBits));
  Result<const PersonIndexer*> indexer = tv.vault().person_indexer();
  MK_REQUIRE_OK(indexer);
  CHECK((*indexer)->bits() == kVectorBits);
  json::Value v = load_vectors("blind_index.json");
  for (const json::Value& c : member(v, "cases").as_array()) {
    const std::string& kind_name = text(c, "kind");
    for (PersonIndexKind kind : kKinds) {
      if (person_index_kind_name(kind) != kind_name) continue;
      const std::string& normalised = text(c, "normalised");
      crypto::SecretBuffer key = index_key(tv.vault().keys().get(KeyName::kBlindIndex), kind);
      CHECK((*indexer)->digest(kind, normalised) ==
            crypto::blind_index(key, as_bytes(normalised), kVectorBits));
    }
  }
}

namespace {

std::string read_doc(std::string_view name) {
  Result<std::string> doc = read_small_file(
      fs::path(MELDKLUIS_SOURCE_DIR) / "docs" / "formats" / std::string(name), 1024 * 1024);
  MK_REQUIRE_OK(doc);
  return std::move(*doc);
}

// The contents of the fenced code blocks of a Markdown text, in order.
std::vector<std::string> code_blocks(std::string_view doc) {
  std::vector<std::string> blocks;
  std::size_t at = 0;
  while ((at = doc.find("```", at)) != std::string_view::npos) {
    std::size_t start = doc.find('\n', at);
    if (start == std::string_view::npos) break;
    std::size_t end = doc.find("\n```", start);
    if (end == std::string_view::npos) break;
    blocks.emplace_back(doc.substr(start + 1, end + 1 - (start + 1)));
    at = end + 4;
  }
  return blocks;
}

bool is_hex_token(std::string_view t) {
  if (t.empty() || t.size() % 2 != 0) return false;
  for (char c : t) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// A block's bytes as written in an annotated hex dump: on each line, the hex tokens before the
// first word that is not hex.
std::string block_hex(std::string_view block) {
  std::string out;
  std::size_t line_start = 0;
  while (line_start < block.size()) {
    std::size_t line_end = block.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = block.size();
    std::string_view line = block.substr(line_start, line_end - line_start);
    std::size_t pos = 0;
    while (pos < line.size()) {
      std::size_t word_start = line.find_first_not_of(' ', pos);
      if (word_start == std::string_view::npos) break;
      std::size_t word_end = line.find(' ', word_start);
      if (word_end == std::string_view::npos) word_end = line.size();
      std::string_view word = line.substr(word_start, word_end - word_start);
      if (!is_hex_token(word)) break;
      out.append(word);
      pos = word_end;
    }
    line_start = line_end + 1;
  }
  return out;
}

bool has_block(std::string_view doc, std::string_view text) {
  for (const std::string& b : code_blocks(doc)) {
    if (b == text) return true;
  }
  return false;
}

bool has_hex_block(std::string_view doc, std::string_view hex) {
  for (const std::string& b : code_blocks(doc)) {
    if (block_hex(b) == hex) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the format documents show the vectors as they are", "[vectors]") {
  json::Value slots = load_vectors("keyslots.json");
  json::Value recovery = load_vectors("recovery_key.json");
  json::Value field = load_vectors("field.json");
  json::Value blind = load_vectors("blind_index.json");

  std::string keyslots_md = read_doc("keyslots.md");
  CHECK(has_block(keyslots_md, text(slots, "file")));
  const json::Value& coordinator = member(slots, "slots").as_array().front();
  CHECK(has_hex_block(keyslots_md, text(coordinator, "associated_data")));
  CHECK(has_block(keyslots_md, text(recovery, "printed") + "\n"));

  std::string field_md = read_doc("field-encryption.md");
  const json::Value& name = member(field, "fields").as_array().front();
  CHECK(has_hex_block(field_md, text(name, "associated_data")));
  CHECK(has_hex_block(field_md, text(name, "stored")));
  const json::Value& subject = member(field, "subject_keys").as_array().front();
  CHECK(has_hex_block(field_md, text(subject, "associated_data")));

  std::string blind_md = read_doc("blind-index.md");
  const json::Value& truncation = member(blind, "truncation");
  for (const json::Value& d : member(truncation, "digests").as_array()) {
    if (member(d, "bits").as_integer() == 256) {
      CHECK(blind_md.find(text(d, "digest")) != std::string::npos);
    }
    if (member(d, "bits").as_integer() == 16) {
      CHECK(blind_md.find("digest, L = 16    " + text(d, "digest")) != std::string::npos);
    }
  }
  const json::Value& angela = member(blind, "cases").as_array()[1];
  CHECK(blind_md.find("`" + text(angela, "digest") + "`") != std::string::npos);
  CHECK(blind_md.find("`" + text(angela, "folded_name") + "`") != std::string::npos);
}

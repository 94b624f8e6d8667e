#include "service/security_measures.hpp"

namespace mk::service {

namespace {

using reports::SecurityMeasure;

const SecurityMeasure kArgon2idKeySlots{
    "argon2id_key_slots",
    {"Sleutelsloten met Argon2id", "Argon2id key slots"},
    "Each user's passphrase unlocks a key slot: Argon2id (libsodium crypto_pwhash, calibrated to "
    "0.5-1 s and 256 MiB per guess) derives the key that unwraps the vault's keys with "
    "XChaCha20-Poly1305; the slot's name, role and parameters are bound as associated data. A "
    "printed recovery key has its own slot.",
    "SECURITY.md, Key hierarchy; docs/formats/keyslots.md"};

const SecurityMeasure kFieldEncryption{
    "field_encryption_per_subject",
    {"Veldversleuteling per betrokkene (XChaCha20-Poly1305)",
     "XChaCha20-Poly1305 field encryption per subject"},
    "Identity fields, narratives, assessments and case summaries are sealed field by field under "
    "a key per person, signal and case, bound to table, column and record, on top of the page "
    "encryption.",
    "SECURITY.md, What is encrypted where; docs/formats/field-encryption.md"};

const SecurityMeasure kSqlcipherPages{
    "sqlcipher_page_encryption",
    {"Paginaversleuteling met HMAC (SQLCipher)", "SQLCipher page encryption with HMAC"},
    "Every page of the database is encrypted (AES-256-CBC) and authenticated (HMAC-SHA1) under a "
    "raw 256-bit key; secure_delete zeroes freed space; temporary data stays in memory.",
    "SECURITY.md, What SQLCipher 3.4.1 gives, and what it does not"};

const SecurityMeasure kComplianceRole{
    "compliance_role_without_field_keys",
    {"FG-rol zonder veldsleutels", "Compliance role without field keys"},
    "The compliance officer's slot holds the database, slot-file and audit keys only: metadata "
    "and the audit log, never an identity or narrative (enforced by the keys it holds, not by the "
    "user interface).",
    "SECURITY.md, Threat model; Key hierarchy"};

const SecurityMeasure kBlindIndexes{
    "truncated_blind_indexes",
    {"Afgekapte blinde indexen", "Truncated blind indexes"},
    "Persons are found again by keyed BLAKE2b digests truncated so that about two persons share "
    "each value; candidates are confirmed by decrypting.",
    "SECURITY.md, Key hierarchy; docs/formats/blind-index.md"};

const SecurityMeasure kAuditLog{
    "audit_merkle_tree",
    {"Auditlog in een Merkle-boom met ondertekende checkpoints",
     "Audit log in a Merkle tree with signed checkpoints"},
    "Every change, every decrypting read and every refusal is an audit entry (time, slot, role, "
    "action, record id, result, origin, reason; never a value) in the same transaction; entries "
    "are leaves of an RFC 6962 Merkle tree with Ed25519-signed checkpoints that the compliance "
    "officer keeps and verifies independently.",
    "SECURITY.md, The audit log; docs/formats/audit-log.md"};

const SecurityMeasure kCryptoShredding{
    "retention_by_crypto_shredding",
    {"Bewaartermijnen door cryptografisch vernietigen", "Retention by crypto-shredding"},
    "A retention sweep destroys each due subject's key and deletes its rows, one audited "
    "transaction per subject; legal holds block it; backups made before a shred are listed for "
    "destruction.",
    "SECURITY.md, Retention and crypto-shredding"};

const SecurityMeasure kPackages{
    "signed_encrypted_packages",
    {"Versleutelde, ondertekende pakketten voor partners",
     "Encrypted, signed packages for partners"},
    "Nothing leaves the vault except through sharing.json: fields are previewed, minimised, "
    "pseudonymised or generalised, encrypted to the partner's age (X25519) key, signed with "
    "minisign (Ed25519), and recorded in the disclosure register.",
    "docs/formats/package.md; docs/formats/pseudonyms.md"};

const SecurityMeasure kSecretMemory{
    "keys_in_guarded_memory",
    {"Sleutels in afgeschermd geheugen", "Keys in guarded memory"},
    "Keys live only in sodium_malloc memory with guard pages, locked against swap and zeroed on "
    "release.",
    "SECURITY.md, Key hierarchy"};

const SecurityMeasure kCoreDumpsOff{
    "core_dumps_off",
    {"Geen core dumps", "Core dumps off"},
    "At start the CLI and the GUI set RLIMIT_CORE to 0 and PR_SET_DUMPABLE to 0, read both back "
    "and refuse to run when they did not take.",
    "SECURITY.md, Rules the code keeps"};

const SecurityMeasure kAutoLock{
    "gui_auto_lock",
    {"Automatisch vergrendelen en klembord wissen", "Auto-lock and clipboard clearing"},
    "The desktop app locks after 10 idle minutes (Ctrl+L at once), wiping its keys and pages; "
    "identifying text it copied is taken off the clipboard after 30 seconds.",
    "SECURITY.md, Rules the code keeps"};

const SecurityMeasure kOneWriter{
    "one_process_per_vault",
    {"Eén proces per kluis", "One process per vault"},
    "A vault is opened by one process at a time (flock on vault.lock); a wrong passphrase, a "
    "corrupt file or invalid input writes nothing.",
    "SECURITY.md, Rules the code keeps"};

}  // namespace

const std::vector<reports::SecurityMeasure>& security_measures() {
  static const std::vector<SecurityMeasure> kAll = {
      kArgon2idKeySlots, kFieldEncryption, kSqlcipherPages,  kComplianceRole,
      kBlindIndexes,     kAuditLog,        kCryptoShredding, kPackages,
      kSecretMemory,     kCoreDumpsOff,    kAutoLock,        kOneWriter};
  return kAll;
}

}  // namespace mk::service

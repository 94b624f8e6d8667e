#include "vault/database.hpp"

#include <sqlite3.h>

#include <system_error>
#include <utility>

namespace mk::vault {
namespace {

// "x'<64 hex>'": the form SQLCipher takes as a raw key, skipping its PBKDF2. Built in secure
// memory; SQLCipher copies it into its own (zeroed-on-free) memory.
crypto::SecretBuffer raw_key_literal(const crypto::SecretBuffer& key) {
  static constexpr char kDigits[] = "0123456789abcdef";
  crypto::SecretBuffer literal(key.size() * 2 + 3);
  std::uint8_t* out = literal.data();
  *out++ = 'x';
  *out++ = '\'';
  for (std::uint8_t b : key.view()) {
    *out++ = static_cast<std::uint8_t>(kDigits[b >> 4]);
    *out++ = static_cast<std::uint8_t>(kDigits[b & 0x0f]);
  }
  *out = '\'';
  return literal;
}

}  // namespace

Status status_from_sqlite(int rc, std::string_view what) {
  std::string message = std::string(what) + " (" + sqlite3_errstr(rc) + ")";
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return vault_corrupt("database is corrupt or tampered: " + message);
    case SQLITE_FULL:
      return io_error("the disk is full (schijf vol): " + message);
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return io_error("the vault folder is read-only (alleen-lezen): " + message);
    case SQLITE_CANTOPEN:
      return io_error("a vault file cannot be opened or created (is the folder read-only?): " +
                      message);
    case SQLITE_IOERR:
      return io_error("the disk failed a read or write (schijffout): " + message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status(Code::kVaultInUse, message);
    case SQLITE_TOOBIG:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return invalid_input(message);
    default:
      return internal_error(message);
  }
}

Result<Database> Database::open(const std::filesystem::path& path, const crypto::SecretBuffer& key,
                                Mode mode) {
  if (key.size() != 32) return internal_error("database key must be 32 bytes");
  std::error_code ec;
  bool exists = std::filesystem::exists(path, ec);
  if (mode == Mode::kCreate && exists) return conflict("database file already exists");
  if (mode == Mode::kOpenExisting && !exists) return not_found("database file is missing");

  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::kCreate) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);  // closes raw on every path below
  if (rc != SQLITE_OK) return status_from_sqlite(rc, "opening the database");
  sqlite3_extended_result_codes(raw, 1);

  crypto::SecretBuffer literal = raw_key_literal(key);
  rc = sqlite3_key(raw, literal.data(), static_cast<int>(literal.size()));
  if (rc != SQLITE_OK) return status_from_sqlite(rc, "setting the database key");
  MK_RETURN_IF_ERROR(db.configure_after_key(mode));
  return db;
}

Result<Database> Database::open_unencrypted(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) return status_from_sqlite(rc, "opening the database");
  sqlite3_extended_result_codes(raw, 1);
  MK_RETURN_IF_ERROR(db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"));
  return db;
}

Status Database::configure_after_key(Mode mode) {
  MK_RETURN_IF_ERROR(exec("PRAGMA cipher_page_size = " + std::to_string(kCipherPageSize)));

  // Unknown cipher pragmas are silently ignored by SQLCipher, so check we talk to the library we
  // expect before trusting any of its settings.
  MK_ASSIGN_OR_RETURN(Statement version, prepare("PRAGMA cipher_version"));
  MK_ASSIGN_OR_RETURN(bool has_row, version.step());
  if (!has_row || version.column_text(0) != kExpectedCipherVersion) {
    return internal_error("SQLCipher " + std::string(kExpectedCipherVersion) +
                          " is required; this build links another version");
  }

  // Reading the schema decrypts and authenticates page 1: a wrong key or a tampered header fails
  // here, before anything is written.
  MK_ASSIGN_OR_RETURN(Statement probe, prepare("SELECT count(*) FROM sqlite_master"));
  MK_ASSIGN_OR_RETURN(bool has_count, probe.step());
  if (mode == Mode::kOpenExisting && (!has_count || probe.column_int(0) == 0)) {
    return vault_corrupt("database is corrupt or tampered: it holds no schema");
  }

  return exec(
      "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
      "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;");
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Status Database::exec(std::string_view sql) {
  std::string owned(sql);
  int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return last_error("executing a statement");
  return Status::ok();
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    if (stmt) sqlite3_finalize(stmt);
    return last_error("preparing a statement");
  }
  return Statement(db_, stmt);
}

int Database::changes() const {
  return sqlite3_changes(db_);
}

Status Database::last_error(std::string_view what) const {
  return status_from_sqlite(sqlite3_extended_errcode(db_), what);
}

}  // namespace mk::vault

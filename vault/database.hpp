// Database: a thin RAII wrapper over one SQLCipher 3.4.1 connection. The only file in the project
// that calls sqlite3_* besides statement.cpp and backup_snapshot.cpp (the online backup API). Every
// statement uses bound parameters.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/statement.hpp"

struct sqlite3;

namespace mk::vault {

// The SQLCipher settings every open applies. They are not stored in the file, so they must be the
// same on every open, forever (changing them makes existing vaults unreadable).
inline constexpr int kCipherPageSize = 4096;
inline constexpr std::string_view kExpectedCipherVersion = "3.4.1";

class Database {
 public:
  enum class Mode { kOpenExisting, kCreate };

  // Opens (or, with kCreate, creates: the file must not exist) the database at `path` under the
  // 32-byte raw `key`. The key goes to SQLCipher as a raw key (x'hex', no PBKDF2). Asserts the
  // cipher version, sets the page size, then reads the schema page so a wrong key or a tampered
  // first page fails here with kVaultCorrupt, before anything is written.
  static Result<Database> open(const std::filesystem::path& path, const crypto::SecretBuffer& key,
                               Mode mode);

  // Opens a database with no key (plain SQLite format). For benchmarks and interop tests only.
  static Result<Database> open_unencrypted(const std::filesystem::path& path);

  Database() = default;  // closed; assign an opened one

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs SQL without parameters (schema changes, pragmas). Never pass data in `sql`.
  Status exec(std::string_view sql);
  // Prepares one statement. Errors are kInternal (a bug in our SQL) or kVaultCorrupt.
  Result<Statement> prepare(std::string_view sql);

  // Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;

  // Maps the connection's last error to a Status (kVaultCorrupt, kIo, kVaultInUse, kInternal) with
  // `what` as context. The message never contains row data.
  Status last_error(std::string_view what) const;

  sqlite3* handle() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  Status configure_after_key(Mode mode);
  sqlite3* db_ = nullptr;
};

// Maps an SQLite result code to our codes: NOTADB and CORRUPT are kVaultCorrupt, FULL, IOERR,
// CANTOPEN, READONLY and PERM are kIo, BUSY and LOCKED kVaultInUse, anything else kInternal.
Status status_from_sqlite(int rc, std::string_view what);

}  // namespace mk::vault

// The intake baselines: the same person and signal rows as the vault stores (same tables, columns,
// indexes, ids and sizes) written straight to a database, without what protection adds: plaintext
// of the ciphertext's length in place of each encrypted field, no subject key, no blind indexes,
// no audit entry, no validation. One transaction per batch, as the vault's units of work.
//
//   kSqlCipher  SQLCipher with a random raw key and the vault's page settings (vault::Database)
//   kSqlite     the same library with no key: the plain SQLite file format
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "vault/database.hpp"
#include "w1_world.hpp"

namespace mk::bench {

class BaselineStore {
 public:
  enum class Kind { kSqlCipher, kSqlite };
  // Creates the database file `path` (which must not exist) with the baseline schema.
  static Result<BaselineStore> create(const std::filesystem::path& path, Kind kind,
                                      const W1Size& size);

  // Persons [begin, end) and signals [begin, end) of W1, one transaction each call.
  Status add_persons(std::size_t begin, std::size_t end);
  Status add_signals(std::size_t begin, std::size_t end);

 private:
  BaselineStore(vault::Database db, const W1Size& size, std::size_t overhead)
      : db_(std::move(db)), size_(size), overhead_(overhead) {}
  vault::Database db_;
  W1Size size_;
  std::size_t overhead_;  // bytes a sealed field adds to its plaintext
  std::vector<std::string> person_ids_;
};

}  // namespace mk::bench

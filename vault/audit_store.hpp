// The audit log's tables, for audit_log.cpp and audit_verify.cpp only: entries, the stored
// subtrees that make proofs O(log n), and the tree head (compact range) kept in meta.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "tlog/compact_range.hpp"
#include "tlog/merkle.hpp"
#include "vault/audit_entry.hpp"
#include "vault/database.hpp"

namespace mk::vault {

inline constexpr char kMetaAuditFrontier[] = "audit_frontier";

// The stored tree head; the empty range when no entry was ever appended. kVaultCorrupt when the
// stored bytes do not parse.
Result<tlog::CompactRange> load_frontier(Database& db);

// Appends entries (their seq fields are assigned here) with their leaf hashes and the subtrees
// they complete, and stores the new tree head. Requires an open transaction.
Status append_entries(Database& db, std::vector<AuditEntry> entries);

// The canonical bytes of entry `seq`; kNotFound when absent.
Result<std::string> read_leaf(Database& db, std::uint64_t seq);

// Leaf and subtree hashes as stored. Proofs built from it are checked against a signed root.
// Prepares its lookup once and reuses it for every subtree asked about.
class StoreSource final : public tlog::HashSource {
 public:
  explicit StoreSource(Database& db) : db_(&db) {}
  Result<tlog::Hash> leaf(std::uint64_t index) const override;
  std::optional<tlog::Hash> subtree(std::uint64_t start, std::uint64_t end) const override;

 private:
  Database* db_;
  mutable std::optional<Statement> subtree_lookup_;
};

}  // namespace mk::vault

#include "vault/audit_store.hpp"

#include <algorithm>

namespace mk::vault {
namespace {

tlog::Hash to_hash(const Bytes& b) {
  tlog::Hash h{};
  if (b.size() == h.size()) std::copy(b.begin(), b.end(), h.begin());
  return h;
}

}  // namespace

Result<tlog::CompactRange> load_frontier(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT value FROM meta WHERE key = ?1"));
  st.bind(1, kMetaAuditFrontier);
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return tlog::CompactRange();
  Bytes bytes;
  if (!from_hex(st.column_text(0), bytes))
    return vault_corrupt("the audit tree head is unreadable");
  Result<tlog::CompactRange> range = tlog::CompactRange::parse(bytes);
  if (!range) return vault_corrupt("the audit tree head is unreadable");
  return range;
}

Status append_entries(Database& db, std::vector<AuditEntry> entries) {
  if (entries.empty()) return Status::ok();
  MK_ASSIGN_OR_RETURN(tlog::CompactRange range, load_frontier(db));
  MK_ASSIGN_OR_RETURN(
      Statement insert_entry,
      db.prepare("INSERT INTO audit_entries (seq, entry, leaf_hash, time, actor, action, object) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  MK_ASSIGN_OR_RETURN(
      Statement insert_subtree,
      db.prepare("INSERT INTO audit_subtrees (start, width, hash) VALUES (?1, ?2, ?3)"));
  Status subtree_status;
  for (AuditEntry& e : entries) {
    e.seq = range.size();
    std::string leaf = encode_audit_entry(e);
    tlog::Hash hash = tlog::leaf_hash(as_bytes(leaf));
    insert_entry.reset();
    insert_entry.bind(1, static_cast<std::int64_t>(e.seq))
        .bind_blob(2, as_bytes(leaf))
        .bind_blob(3, hash)
        .bind(4, format_instant(e.time))
        .bind(5, e.actor)
        .bind(6, e.action)
        .bind(7, e.object);
    MK_RETURN_IF_ERROR(insert_entry.run());
    range.append(hash, [&](const tlog::Subtree& s) {
      if (!subtree_status.is_ok()) return;
      insert_subtree.reset();
      insert_subtree.bind(1, static_cast<std::int64_t>(s.start))
          .bind(2, static_cast<std::int64_t>(s.end - s.start))
          .bind_blob(3, s.hash);
      subtree_status = insert_subtree.run();
    });
    MK_RETURN_IF_ERROR(subtree_status);
  }
  MK_ASSIGN_OR_RETURN(Statement store,
                      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"));
  store.bind(1, kMetaAuditFrontier).bind(2, to_hex(range.serialize()));
  return store.run();
}

Result<std::string> read_leaf(Database& db, std::uint64_t seq) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT entry FROM audit_entries WHERE seq = ?1"));
  st.bind(1, static_cast<std::int64_t>(seq));
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return not_found("no audit entry " + std::to_string(seq));
  Bytes leaf = st.column_blob(0);
  return std::string(as_chars(leaf));
}

Result<tlog::Hash> StoreSource::leaf(std::uint64_t index) const {
  MK_ASSIGN_OR_RETURN(std::string leaf, read_leaf(*db_, index));
  return tlog::leaf_hash(as_bytes(leaf));
}

std::optional<tlog::Hash> StoreSource::subtree(std::uint64_t start, std::uint64_t end) const {
  if (!subtree_lookup_) {
    Result<Statement> st =
        db_->prepare("SELECT hash FROM audit_subtrees WHERE start = ?1 AND width = ?2");
    if (!st) return std::nullopt;
    subtree_lookup_.emplace(std::move(*st));
  }
  Statement& st = *subtree_lookup_;
  st.reset();
  st.bind(1, static_cast<std::int64_t>(start)).bind(2, static_cast<std::int64_t>(end - start));
  Result<bool> row = st.step();
  Bytes b = row && *row ? st.column_blob(0) : Bytes();
  st.reset();  // leaves no statement active between lookups
  if (b.size() != 32) return std::nullopt;
  return to_hash(b);
}

}  // namespace mk::vault

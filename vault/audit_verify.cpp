// verify_audit_log: recompute everything from the entries and compare with what was signed.
#include <map>

#include "tlog/compact_range.hpp"
#include "vault/audit_log.hpp"
#include "vault/audit_store.hpp"

namespace mk::vault {
namespace {

struct Failure {
  std::optional<std::uint64_t> entry;
  std::string problem;
};

AuditVerification failed(AuditVerification v, Failure f) {
  v.ok = false;
  v.first_bad_entry = f.entry;
  v.problem = std::move(f.problem);
  return v;
}

std::string entry_problem(std::uint64_t seq, const std::string& what) {
  return "audit entry " + std::to_string(seq) + " " + what;
}

}  // namespace

Result<AuditVerification> verify_audit_log(
    Vault& vault, const std::optional<std::string>& kept_checkpoint,
    const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  Database& db = vault.db();
  AuditVerification v;
  tlog::VerifierKey key = audit_verifier_key(vault);
  MK_ASSIGN_OR_RETURN(tlog::CompactRange head, load_frontier(db));

  // Every stored checkpoint must carry the vault's signature; their roots are what the entries
  // must reproduce.
  std::map<std::uint64_t, tlog::Hash> signed_roots;
  {
    MK_ASSIGN_OR_RETURN(Statement st,
                        db.prepare("SELECT size, note FROM audit_checkpoints ORDER BY size"));
    for (;;) {
      MK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      Result<tlog::Checkpoint> cp = tlog::open_checkpoint(st.column_text(1), key);
      std::int64_t stored_size = st.column_int(0);
      if (!cp || static_cast<std::int64_t>(cp->size) != stored_size ||
          cp->origin != audit_log_name(vault)) {
        return failed(
            v, {std::nullopt, "the stored checkpoint at size " + std::to_string(stored_size) +
                                  " does not carry this vault's valid signature"});
      }
      signed_roots[cp->size] = cp->root;
      v.latest_checkpoint_size = cp->size;
    }
  }
  std::optional<tlog::Checkpoint> kept;
  if (kept_checkpoint) {
    Result<tlog::Checkpoint> cp = tlog::open_checkpoint(*kept_checkpoint, key);
    if (!cp) {
      return failed(v,
                    {std::nullopt, "the kept checkpoint was not signed by this vault's audit key"});
    }
    kept = std::move(*cp);
  }

  MK_ASSIGN_OR_RETURN(Statement entries,
                      db.prepare("SELECT seq, entry, leaf_hash, time, actor, action, object "
                                 "FROM audit_entries ORDER BY seq"));
  tlog::CompactRange range;
  std::optional<tlog::Hash> kept_root_seen;
  auto check_roots = [&]() -> std::optional<Failure> {
    auto it = signed_roots.find(range.size());
    if (it != signed_roots.end()) {
      if (it->second != range.root()) {
        return Failure{std::nullopt, "the entries up to " + std::to_string(range.size()) +
                                         " do not match the checkpoint the vault signed for them: "
                                         "an entry before it was changed"};
      }
      ++v.checkpoints_checked;
    }
    if (kept && kept->size == range.size()) kept_root_seen = range.root();
    return std::nullopt;
  };
  if (auto f = check_roots()) return failed(v, *f);

  for (std::uint64_t expected = 0;; ++expected) {
    MK_ASSIGN_OR_RETURN(bool row, entries.step());
    if (!row) break;
    std::uint64_t seq = static_cast<std::uint64_t>(entries.column_int(0));
    if (seq != expected) {
      return failed(v, {expected, entry_problem(expected, seq > expected ? "is missing (deleted)"
                                                                         : "is out of place")});
    }
    Bytes leaf = entries.column_blob(1);
    Result<AuditEntry> e = decode_audit_entry(as_chars(leaf));
    if (!e || e->seq != seq) {
      return failed(v, {seq, entry_problem(seq, e ? "is out of order (its own position differs)"
                                                  : "is not in canonical form (edited)")});
    }
    tlog::Hash hash = tlog::leaf_hash(leaf);
    Bytes stored_hash = entries.column_blob(2);
    if (!std::equal(hash.begin(), hash.end(), stored_hash.begin(), stored_hash.end()) ||
        entries.column_text(3) != format_instant(e->time) || entries.column_text(4) != e->actor ||
        entries.column_text(5) != e->action || entries.column_text(6) != e->object) {
      return failed(v, {seq, entry_problem(seq, "was edited (it no longer matches its index)")});
    }
    range.append(hash);
    if (auto f = check_roots()) {
      f->entry = std::nullopt;
      return failed(v, *f);
    }
    if (progress && (seq & 0xffff) == 0) progress(seq, head.size());
  }
  v.entries = range.size();
  if (progress) progress(v.entries, head.size());

  if (!signed_roots.empty() && signed_roots.rbegin()->first > range.size()) {
    return failed(
        v, {range.size(), "the log holds " + std::to_string(range.size()) +
                              " entries but the vault signed a checkpoint of " +
                              std::to_string(signed_roots.rbegin()->first) + ": entries were cut"});
  }
  if (kept) {
    if (kept->size > range.size()) {
      return failed(v, {range.size(), "the log holds " + std::to_string(range.size()) +
                                          " entries but the kept checkpoint has " +
                                          std::to_string(kept->size) +
                                          ": the vault was rolled back or its log cut"});
    }
    if (!kept_root_seen || *kept_root_seen != kept->root) {
      return failed(
          v, {std::nullopt, "the log is not consistent with the kept checkpoint of " +
                                std::to_string(kept->size) + " entries: history was rewritten"});
    }
  }
  if (head.size() != range.size() || head.root() != range.root()) {
    std::optional<std::uint64_t> first =
        head.size() < range.size() ? std::optional<std::uint64_t>(head.size()) : std::nullopt;
    return failed(v, {first, "the entries do not match the stored tree head (" +
                                 std::to_string(head.size()) + " entries): entries were " +
                                 (head.size() < range.size() ? "inserted" : "cut or changed")});
  }
  v.ok = true;
  return v;
}

}  // namespace mk::vault

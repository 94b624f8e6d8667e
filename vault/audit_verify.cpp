// verify_audit_log: recompute everything from the entries and compare with what was signed and
// stored.
//
// Failures come in two kinds. A *local* one names an entry: a row out of place, missing or
// inserted, or bytes that no longer match the row's own leaf hash. A *range* one only knows that
// something in [from, to) differs from what was signed (a checkpoint root) or stored (a subtree
// node): an entry rewritten together with its leaf hash, say. The scan goes on past a range
// failure, because a local failure inside that range names the entry more precisely (an inserted
// row trips the next subtree node before the renumbered row after it shows). The first failure
// in log order wins.
#include <algorithm>
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

std::string span_text(std::uint64_t from, std::uint64_t to) {
  return to - from == 1 ? "entry " + std::to_string(from)
                        : "entries " + std::to_string(from) + " to " + std::to_string(to - 1);
}

// What is wrong with the row at position `expected` whose seq column is `seq` and whose entry
// claims `claimed` (nullopt when its bytes are not canonical), or nullopt when nothing is.
std::optional<Failure> position_failure(std::uint64_t expected, std::int64_t seq,
                                        std::optional<std::uint64_t> claimed) {
  if (seq < 0 || static_cast<std::uint64_t>(seq) != expected) {
    return Failure{expected,
                   entry_problem(expected, seq > 0 && static_cast<std::uint64_t>(seq) > expected
                                               ? "is missing (deleted)"
                                               : "is out of place")};
  }
  if (!claimed)
    return Failure{expected, entry_problem(expected, "is not in canonical form (edited)")};
  if (*claimed == expected) return std::nullopt;
  if (*claimed + 1 == expected) {
    // The row holds the entry that belongs one place earlier: a row was inserted before it and
    // the rows after renumbered.
    return Failure{
        *claimed,
        entry_problem(*claimed, "was inserted (the entry numbered " + std::to_string(*claimed) +
                                    " now stands at " + std::to_string(expected) + ")")};
  }
  return Failure{expected, entry_problem(expected,
                                         "is missing or out of order (its place holds "
                                         "the entry numbered " +
                                             std::to_string(*claimed) + ")")};
}

}  // namespace

Result<AuditVerification> verify_audit_log(
    Vault& vault, const std::optional<std::string>& kept_checkpoint,
    const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  Database& db = vault.db();
  AuditVerification v;
  tlog::VerifierKey key = audit_verifier_key(vault);
  const std::string origin = audit_log_name(vault);
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
      if (!cp || static_cast<std::int64_t>(cp->size) != stored_size || cp->origin != origin) {
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
    if (!cp || cp->origin != origin) {
      return failed(v,
                    {std::nullopt, "the kept checkpoint was not signed by this vault's audit key"});
    }
    kept = std::move(*cp);
  }

  MK_ASSIGN_OR_RETURN(Statement entries,
                      db.prepare("SELECT seq, entry, leaf_hash, time, actor, action, object "
                                 "FROM audit_entries ORDER BY seq"));
  // The stored subtrees in the order CompactRange::append completes them: by end, then width.
  MK_ASSIGN_OR_RETURN(Statement subtrees,
                      db.prepare("SELECT start, width, hash FROM audit_subtrees "
                                 "ORDER BY start + width, width"));
  tlog::CompactRange range;
  std::optional<tlog::Hash> kept_root_seen;
  std::uint64_t last_good_checkpoint = 0;

  // The first range failure, and where it lies.
  std::optional<Failure> pending;
  std::uint64_t pending_to = 0;
  auto range_failure = [&](std::uint64_t from, std::uint64_t to, std::string problem) {
    if (pending) return;
    pending = Failure{to - from == 1 ? std::optional<std::uint64_t>(from) : std::nullopt,
                      std::move(problem)};
    pending_to = to;
  };
  // A local failure, unless a range failure lies wholly before the entry it names.
  auto conclude = [&](Failure f) {
    if (pending && !(f.entry && *f.entry < pending_to)) return failed(v, *pending);
    return failed(v, std::move(f));
  };

  auto check_roots = [&] {
    auto it = signed_roots.find(range.size());
    if (it != signed_roots.end()) {
      if (it->second == range.root()) {
        if (!pending) {
          ++v.checkpoints_checked;
          last_good_checkpoint = range.size();
        }
      } else {
        range_failure(last_good_checkpoint, range.size(),
                      "the " + span_text(last_good_checkpoint, range.size()) +
                          " do not match the checkpoint the vault signed for them: one was "
                          "changed, inserted or removed");
      }
    }
    if (kept && kept->size == range.size()) kept_root_seen = range.root();
  };
  bool subtrees_ok = true;
  Status subtree_error;
  auto check_subtree = [&](const tlog::Subtree& s) {
    if (!subtrees_ok) return;
    Result<bool> row = subtrees.step();
    if (!row) {
      subtree_error = row.status();
      subtrees_ok = false;
      return;
    }
    Bytes stored = *row ? subtrees.column_blob(2) : Bytes();
    if (!*row || subtrees.column_int(0) != static_cast<std::int64_t>(s.start) ||
        subtrees.column_int(1) != static_cast<std::int64_t>(s.end - s.start) ||
        !std::equal(s.hash.begin(), s.hash.end(), stored.begin(), stored.end())) {
      subtrees_ok = false;
      range_failure(s.start, s.end,
                    "the " + span_text(s.start, s.end) +
                        " do not match the tree node stored over them: one of them, or the node, "
                        "was changed");
    }
  };
  check_roots();

  for (std::uint64_t expected = 0;; ++expected) {
    MK_ASSIGN_OR_RETURN(bool row, entries.step());
    if (!row) break;
    std::int64_t seq = entries.column_int(0);
    Bytes leaf = entries.column_blob(1);
    Result<AuditEntry> e = decode_audit_entry(as_chars(leaf));
    if (auto f = position_failure(expected, seq, e ? std::optional(e->seq) : std::nullopt)) {
      return conclude(*f);
    }
    tlog::Hash hash = tlog::leaf_hash(leaf);
    Bytes stored_hash = entries.column_blob(2);
    if (!std::equal(hash.begin(), hash.end(), stored_hash.begin(), stored_hash.end()) ||
        entries.column_text(3) != format_instant(e->time) || entries.column_text(4) != e->actor ||
        entries.column_text(5) != e->action || entries.column_text(6) != e->object) {
      return conclude({expected, entry_problem(expected,
                                               "was edited (it no longer matches its "
                                               "index)")});
    }
    range.append(hash, check_subtree);
    MK_RETURN_IF_ERROR(subtree_error);
    v.entries = range.size();
    check_roots();
    if (progress && (expected & 0xffff) == 0) progress(expected, head.size());
  }
  if (progress) progress(v.entries, head.size());

  if (!signed_roots.empty() && signed_roots.rbegin()->first > range.size()) {
    return conclude({range.size(), "the log holds " + std::to_string(range.size()) +
                                       " entries but the vault signed a checkpoint of " +
                                       std::to_string(signed_roots.rbegin()->first) +
                                       ": entries were cut"});
  }
  if (kept) {
    if (kept->size > range.size()) {
      return conclude({range.size(), "the log holds " + std::to_string(range.size()) +
                                         " entries but the kept checkpoint has " +
                                         std::to_string(kept->size) +
                                         ": the vault was rolled back or its log cut"});
    }
    if (!kept_root_seen || *kept_root_seen != kept->root) {
      return conclude({std::nullopt, "the log is not consistent with the kept checkpoint of " +
                                         std::to_string(kept->size) +
                                         " entries: history was rewritten"});
    }
  }
  if (head.size() != range.size() || head.root() != range.root()) {
    // More rows than the head counts: the first extra one was inserted. Fewer: the first
    // missing one was cut. As many: some entry was rewritten together with its leaf hash.
    std::optional<std::uint64_t> first;
    std::string what = "changed";
    if (head.size() != range.size()) {
      first = std::min(head.size(), range.size());
      what = head.size() < range.size() ? "inserted" : "cut";
    }
    return conclude({first, "the entries do not match the stored tree head (" +
                                std::to_string(head.size()) + " entries): entries were " + what});
  }
  if (pending) return failed(v, *pending);
  if (subtrees_ok) {
    MK_ASSIGN_OR_RETURN(bool extra, subtrees.step());
    if (extra) {
      return failed(v, {range.size(),
                        "the stored tree holds nodes beyond the last entry: "
                        "entries were cut"});
    }
  }
  v.ok = true;
  return v;
}

}  // namespace mk::vault

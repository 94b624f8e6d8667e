#include "vault/audit_log.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "tlog/compact_range.hpp"
#include "vault/audit_store.hpp"
#include "vault/audit_witness.hpp"
#include "vault/file_io.hpp"

namespace mk::vault {

Status AuditLog::append(UnitOfWork& uow, const std::vector<AuditEvent>& events) {
  std::vector<AuditEntry> entries;
  entries.reserve(events.size());
  for (const AuditEvent& e : events) {
    entries.push_back(AuditEntry{0, uow.now(), uow.vault().slot_name(),
                                 std::string(role_name(uow.vault().role())), e.action, e.object,
                                 e.result, origin_, uow.reason(), e.detail});
  }
  return append_entries(uow.db(), std::move(entries));
}

Status append_audit_entry(UnitOfWork& uow, AuditEntry entry) {
  std::vector<AuditEntry> one;
  one.push_back(std::move(entry));
  return append_entries(uow.db(), std::move(one));
}

std::string audit_log_name(const Vault& vault) {
  return "meldkluis/" + to_hex(vault.vault_id());
}

crypto::SigningKey audit_signing_key(const Vault& vault) {
  return crypto::SigningKey(vault.keys().get(KeyName::kAuditSeed));
}

tlog::VerifierKey audit_verifier_key(const Vault& vault) {
  return tlog::make_verifier_key(audit_log_name(vault), audit_signing_key(vault).public_key());
}

Result<std::uint64_t> audit_size(Vault& vault) {
  MK_ASSIGN_OR_RETURN(tlog::CompactRange range, load_frontier(vault.db()));
  return range.size();
}

Result<std::vector<AuditEntry>> read_audit_entries(Vault& vault, const AuditQuery& query) {
  std::string sql = "SELECT seq, entry FROM audit_entries WHERE 1";
  if (query.since) sql += " AND time >= ?1";
  if (query.actor) sql += " AND actor = ?2";
  if (query.object) sql += " AND object = ?3";
  sql += " ORDER BY seq";
  if (query.limit) sql += " LIMIT ?4";
  MK_ASSIGN_OR_RETURN(Statement st, vault.db().prepare(sql));
  if (query.since) st.bind(1, format_instant(*query.since));
  if (query.actor) st.bind(2, *query.actor);
  if (query.object) st.bind(3, *query.object);
  if (query.limit) st.bind(4, static_cast<std::int64_t>(*query.limit));
  std::vector<AuditEntry> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    Bytes leaf = st.column_blob(1);
    MK_ASSIGN_OR_RETURN(AuditEntry e, decode_audit_entry(as_chars(leaf)));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::string> latest_checkpoint(Vault& vault) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      vault.db().prepare("SELECT note FROM audit_checkpoints ORDER BY size DESC LIMIT 1"));
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return not_found("no checkpoint has been written yet");
  return st.column_text(0);
}

Result<std::string> write_checkpoint(Vault& vault) {
  Database& db = vault.db();
  MK_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
  auto finish = [&](Result<std::string> r) -> Result<std::string> {
    if (r.is_ok()) {
      if (Status s = db.exec("COMMIT"); !s.is_ok()) {
        (void)db.exec("ROLLBACK");
        return s;
      }
    } else {
      (void)db.exec("ROLLBACK");
    }
    return r;
  };
  MK_ASSIGN_OR_RETURN(tlog::CompactRange range, load_frontier(db));
  tlog::VerifierKey key = audit_verifier_key(vault);
  Result<std::string> previous = latest_checkpoint(vault);
  if (previous) {
    Result<tlog::Checkpoint> old = tlog::open_checkpoint(*previous, key);
    if (!old) return finish(vault_corrupt("the latest stored checkpoint does not verify"));
    if (old->size == range.size()) {
      if (old->root != range.root()) {
        return finish(vault_corrupt("the audit log differs from its latest checkpoint"));
      }
      return finish(std::move(previous));
    }
    // Sign only what a consistency proof from the latest checkpoint supports.
    StoreSource source(db);
    Result<std::vector<tlog::Hash>> proof =
        old->size <= range.size() ? tlog::consistency_proof(old->size, range.size(), source)
                                  : Result<std::vector<tlog::Hash>>(conflict("log shrank"));
    if (!proof ||
        !tlog::verify_consistency(old->size, range.size(), old->root, range.root(), *proof)) {
      return finish(vault_corrupt(
          "refusing to sign: the audit log is not consistent with its latest checkpoint"));
    }
  } else if (previous.status().code() != Code::kNotFound) {
    return finish(previous.status());
  }
  tlog::Checkpoint checkpoint{audit_log_name(vault), range.size(), range.root(), {}};
  std::string note = tlog::sign_checkpoint(checkpoint, key.name, audit_signing_key(vault));
  MK_ASSIGN_OR_RETURN(Statement st,
                      db.prepare("INSERT INTO audit_checkpoints (size, note) VALUES (?1, ?2)"));
  st.bind(1, static_cast<std::int64_t>(range.size())).bind(2, note);
  if (Status s = st.run(); !s.is_ok()) return finish(s);
  return finish(note);
}

Result<InclusionProof> prove_audit_entry(Vault& vault, std::uint64_t seq,
                                         const std::optional<std::string>& checkpoint_note) {
  std::string note;
  if (checkpoint_note) {
    note = *checkpoint_note;
  } else {
    MK_ASSIGN_OR_RETURN(note, latest_checkpoint(vault));
  }
  Result<tlog::Checkpoint> checkpoint = tlog::open_checkpoint(note, audit_verifier_key(vault));
  if (!checkpoint) {
    return invalid_input("the checkpoint is not one this vault signed: " +
                         checkpoint.status().message());
  }
  if (seq >= checkpoint->size) {
    return not_found("entry " + std::to_string(seq) + " is not covered by the checkpoint (size " +
                     std::to_string(checkpoint->size) + ")");
  }
  StoreSource source(vault.db());
  MK_ASSIGN_OR_RETURN(std::string leaf, read_leaf(vault.db(), seq));
  MK_ASSIGN_OR_RETURN(AuditEntry entry, decode_audit_entry(leaf));
  MK_ASSIGN_OR_RETURN(std::vector<tlog::Hash> path,
                      tlog::inclusion_proof(seq, checkpoint->size, source));
  if (!tlog::verify_inclusion(seq, checkpoint->size, tlog::leaf_hash(as_bytes(leaf)), path,
                              checkpoint->root)) {
    return vault_corrupt("entry " + std::to_string(seq) +
                         " is not in the tree the checkpoint signed: the log was altered");
  }
  return InclusionProof{std::move(entry), std::move(leaf), std::move(*checkpoint), std::move(path)};
}

Status export_audit_log(Vault& vault, const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) return conflict("the export folder already exists");
  if (::mkdir(dir.c_str(), 0700) != 0 || ::mkdir((dir / "checkpoints").c_str(), 0700) != 0) {
    return io_error("cannot create the export folder");
  }
  MK_ASSIGN_OR_RETURN(Statement entries,
                      vault.db().prepare("SELECT entry FROM audit_entries ORDER BY seq"));
  std::string jsonl;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, entries.step());
    if (!row) break;
    Bytes leaf = entries.column_blob(0);
    jsonl.append(as_chars(leaf)).push_back('\n');
  }
  MK_RETURN_IF_ERROR(replace_file_atomically(dir / "entries.jsonl", jsonl));
  MK_ASSIGN_OR_RETURN(Statement cps,
                      vault.db().prepare("SELECT size, note FROM audit_checkpoints ORDER BY size"));
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, cps.step());
    if (!row) break;
    MK_RETURN_IF_ERROR(replace_file_atomically(
        dir / "checkpoints" / (std::to_string(cps.column_int(0)) + ".txt"), cps.column_text(1)));
  }
  MK_RETURN_IF_ERROR(replace_file_atomically(
      dir / "log-key.txt", tlog::format_verifier_key(audit_verifier_key(vault)) + "\n"));
  return export_witness_records(vault, dir).status();
}

}  // namespace mk::vault

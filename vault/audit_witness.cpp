#include "vault/audit_witness.hpp"

#include <algorithm>

#include "tlog/checkpoint.hpp"
#include "tlog/note.hpp"
#include "vault/audit_log.hpp"
#include "vault/audit_store.hpp"

namespace mk::vault {
namespace {

// The checkpoint in `note` when it carries this vault's signature and names this log.
Result<tlog::Checkpoint> open_own_checkpoint(Vault& vault, std::string_view note) {
  Result<tlog::Checkpoint> cp = tlog::open_checkpoint(note, audit_verifier_key(vault));
  if (!cp || cp->origin != audit_log_name(vault)) {
    return invalid_input("the checkpoint does not carry this vault's valid audit signature");
  }
  return cp;
}

// kVaultCorrupt unless the stored log reproduces `cp`'s root at its size.
Status check_log_root(Vault& vault, const tlog::Checkpoint& cp) {
  MK_ASSIGN_OR_RETURN(std::uint64_t size, audit_size(vault));
  if (cp.size > size) {
    return vault_corrupt("the log holds " + std::to_string(size) +
                         " entries but a witness cosigned a checkpoint of " +
                         std::to_string(cp.size) + ": entries were cut or rolled back");
  }
  StoreSource source(vault.db());
  MK_ASSIGN_OR_RETURN(tlog::Hash root, tlog::tree_root(cp.size, source));
  if (root != cp.root) {
    return vault_corrupt("the log does not reproduce the checkpoint of " + std::to_string(cp.size) +
                         " entries a witness cosigned");
  }
  return Status::ok();
}

// The key recorded for `name`, or nullopt when none is.
Result<std::optional<std::string>> recorded_key(Database& db, const std::string& name) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      db.prepare("SELECT verifier_key FROM audit_witnesses WHERE name = ?1"));
  st.bind(1, name);
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(st.column_text(0));
}

Instant instant_of_seconds(std::int64_t seconds) {
  return Instant(std::chrono::seconds(seconds));
}

// One stored cosignature, checked; the problem when it fails.
std::optional<std::string> check_stored(Vault& vault, const WitnessRecord& witness,
                                        std::int64_t stored_size, std::int64_t stored_time,
                                        const std::string& note_text) {
  const std::string what = "the stored cosignature of witness \"" + witness.name + "\" at size " +
                           std::to_string(stored_size);
  Result<tlog::CosignerKey> key = tlog::parse_cosigner_key(witness.verifier_key);
  if (!key || key->name != witness.name)
    return "the recorded key of witness \"" + witness.name + "\" is unreadable";
  Result<tlog::SignedNote> note = tlog::parse_signed_note(note_text);
  if (!note) return what + " is not a signed note";
  Result<tlog::Checkpoint> cp = open_own_checkpoint(vault, note_text);
  if (!cp || static_cast<std::int64_t>(cp->size) != stored_size) {
    return what + " is not a checkpoint this vault signed";
  }
  Result<std::uint64_t> time = tlog::verify_cosignature(*note, *key);
  if (!time || static_cast<std::int64_t>(*time) != stored_time) {
    return what + " does not verify under the witness's recorded key";
  }
  if (Status s = check_log_root(vault, *cp); !s.is_ok()) return s.message();
  return std::nullopt;
}

}  // namespace

Result<std::vector<tlog::Hash>> audit_consistency_proof(Vault& vault, std::uint64_t old_size,
                                                        std::uint64_t new_size) {
  if (old_size > new_size) return invalid_input("a consistency proof cannot go back in time");
  MK_ASSIGN_OR_RETURN(std::uint64_t size, audit_size(vault));
  if (new_size > size) {
    return not_found("the log holds " + std::to_string(size) + " entries, not " +
                     std::to_string(new_size));
  }
  StoreSource source(vault.db());
  return tlog::consistency_proof(old_size, new_size, source);
}

Result<tlog::Hash> audit_root_at(Vault& vault, std::uint64_t size) {
  MK_ASSIGN_OR_RETURN(std::uint64_t entries, audit_size(vault));
  if (size > entries) {
    return not_found("the log holds " + std::to_string(entries) + " entries, not " +
                     std::to_string(size));
  }
  StoreSource source(vault.db());
  return tlog::tree_root(size, source);
}

Status check_witness_key(Vault& vault, const tlog::CosignerKey& witness) {
  MK_ASSIGN_OR_RETURN(std::optional<std::string> recorded, recorded_key(vault.db(), witness.name));
  if (recorded && *recorded != tlog::format_cosigner_key(witness)) {
    return conflict("the vault knows witness \"" + witness.name +
                    "\" by another key: a different key under the same name is refused");
  }
  return Status::ok();
}

Result<std::uint64_t> store_cosigned_checkpoint(Vault& vault, const tlog::CosignerKey& witness,
                                                std::string_view note_text, Instant now) {
  MK_ASSIGN_OR_RETURN(tlog::Checkpoint cp, open_own_checkpoint(vault, note_text));
  MK_ASSIGN_OR_RETURN(tlog::SignedNote note, tlog::parse_signed_note(note_text));
  Result<std::uint64_t> time = tlog::verify_cosignature(note, witness);
  if (!time) return invalid_input("the note carries no valid cosignature of the witness");
  MK_RETURN_IF_ERROR(check_log_root(vault, cp));

  Database& db = vault.db();
  const std::string key_text = tlog::format_cosigner_key(witness);
  MK_ASSIGN_OR_RETURN(std::optional<std::string> recorded, recorded_key(db, witness.name));
  MK_RETURN_IF_ERROR(check_witness_key(vault, witness));
  if (!recorded) {
    MK_ASSIGN_OR_RETURN(Statement add,
                        db.prepare("INSERT INTO audit_witnesses (name, verifier_key, recorded) "
                                   "VALUES (?1, ?2, ?3)"));
    add.bind(1, witness.name).bind(2, key_text).bind(3, format_instant(now));
    MK_RETURN_IF_ERROR(add.run());
  }
  MK_ASSIGN_OR_RETURN(Statement st,
                      db.prepare("INSERT OR REPLACE INTO audit_cosigned "
                                 "(witness, size, time, note) VALUES (?1, ?2, ?3, ?4)"));
  st.bind(1, witness.name)
      .bind(2, static_cast<std::int64_t>(cp.size))
      .bind(3, static_cast<std::int64_t>(*time))
      .bind(4, std::string(note_text));
  MK_RETURN_IF_ERROR(st.run());
  return cp.size;
}

Result<WitnessVerification> verify_witness_cosignatures(Vault& vault) {
  Database& db = vault.db();
  WitnessVerification v;
  {
    MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT name, verifier_key, recorded "
                                                 "FROM audit_witnesses ORDER BY name"));
    for (;;) {
      MK_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      WitnessRecord w;
      w.name = st.column_text(0);
      w.verifier_key = st.column_text(1);
      (void)parse_instant(st.column_text(2), w.recorded);
      v.witnesses.push_back(std::move(w));
    }
  }
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT witness, size, time, note "
                                               "FROM audit_cosigned ORDER BY witness, size"));
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    const std::string name = st.column_text(0);
    auto w = std::find_if(v.witnesses.begin(), v.witnesses.end(),
                          [&](const WitnessRecord& r) { return r.name == name; });
    if (w == v.witnesses.end()) {
      v.ok = false;
      v.problem = "a stored cosignature names a witness the vault does not know";
      return v;
    }
    std::int64_t size = st.column_int(1);
    std::int64_t time = st.column_int(2);
    if (auto problem = check_stored(vault, *w, size, time, st.column_text(3))) {
      v.ok = false;
      v.problem = *problem;
      return v;
    }
    ++v.cosignatures_checked;
    w->size = static_cast<std::uint64_t>(size);  // ordered by size: the last is the largest
    w->cosigned = instant_of_seconds(time);
    v.witnessed_size = std::max(v.witnessed_size, w->size);
  }
  MK_ASSIGN_OR_RETURN(std::uint64_t entries, audit_size(vault));
  if (v.witnessed_size < entries) {
    MK_ASSIGN_OR_RETURN(Statement first,
                        db.prepare("SELECT time FROM audit_entries WHERE seq = ?1"));
    first.bind(1, static_cast<std::int64_t>(v.witnessed_size));
    MK_ASSIGN_OR_RETURN(bool row, first.step());
    Instant t{};
    if (!row || !parse_instant(first.column_text(0), t)) {
      v.ok = false;
      v.problem = "the first unwitnessed entry is missing or unreadable";
      return v;
    }
    v.oldest_unwitnessed = t;
  }
  return v;
}

}  // namespace mk::vault

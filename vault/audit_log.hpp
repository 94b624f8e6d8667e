// The audit log: every change, and every read that decrypts identifying data, as an entry
// (audit_entry.hpp) appended in the same transaction as the change. The entries are the leaves of
// an RFC 6962 Merkle tree; signed checkpoints (C2SP tlog-checkpoint, Ed25519 under the vault's
// audit key) fix the tree's head so that rewriting, cutting or rolling back the history is
// detected. Format for independent verifiers: docs/formats/audit-log.md.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "crypto/signing.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/merkle.hpp"
#include "vault/audit_entry.hpp"
#include "vault/unit_of_work.hpp"
#include "vault/vault.hpp"

namespace mk::vault {

// The sink a session installs in its vault (Vault::set_audit_sink): turns a unit of work's events
// into entries stamped with the unit's time, the slot and role, `origin` and the unit's reason.
class AuditLog final : public AuditSink {
 public:
  explicit AuditLog(std::string origin) : origin_(std::move(origin)) {}
  Status append(UnitOfWork& uow, const std::vector<AuditEvent>& events) override;
  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
};

// Appends one entry as given (time, actor, role, origin and all) in `uow`. For events that did
// not come from the unlocked slot, such as failed unlocks. entry.seq is assigned here.
Status append_audit_entry(UnitOfWork& uow, AuditEntry entry);

// The log's identity: origin line of its checkpoints and name of its key, "meldkluis/<vault id>".
std::string audit_log_name(const Vault& vault);
// The Ed25519 key that signs checkpoints (every role holds its seed) and its verifier key.
crypto::SigningKey audit_signing_key(const Vault& vault);
tlog::VerifierKey audit_verifier_key(const Vault& vault);

// Number of entries.
Result<std::uint64_t> audit_size(Vault& vault);

struct AuditQuery {
  std::optional<Instant> since;        // entries at or after this time
  std::optional<std::string> actor;    // slot name
  std::optional<std::string> object;   // record id
  std::optional<std::uint64_t> limit;  // at most this many, oldest first
};
Result<std::vector<AuditEntry>> read_audit_entries(Vault& vault, const AuditQuery& query);

// Signs and stores a checkpoint of the current tree when it grew since the latest one (or none
// exists), and returns the latest signed note. Before signing it proves the latest stored
// checkpoint consistent with the current tree; if it is not, it refuses (kVaultCorrupt): the vault
// never signs two inconsistent checkpoints.
Result<std::string> write_checkpoint(Vault& vault);
// The latest stored checkpoint note, or kNotFound when none was written yet.
Result<std::string> latest_checkpoint(Vault& vault);

struct AuditVerification {
  bool ok = false;
  std::uint64_t entries = 0;
  std::uint64_t checkpoints_checked = 0;
  std::uint64_t latest_checkpoint_size = 0;
  // The first entry found bad (edited, missing, out of order, inserted), when it can be named.
  std::optional<std::uint64_t> first_bad_entry;
  std::string problem;  // empty when ok
};

// Recomputes every leaf and the whole tree from the entries, checks each entry's canonical form
// and position, every stored checkpoint's signature and root, the stored tree head and subtrees,
// and, when given, a checkpoint kept outside the vault (a later one proves a rollback or a cut).
// `progress(done, total)` is called now and then. A failed verification is ok() == false in the
// result, not an error Status; errors are for an unreadable store.
Result<AuditVerification> verify_audit_log(
    Vault& vault, const std::optional<std::string>& kept_checkpoint,
    const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

struct InclusionProof {
  AuditEntry entry;
  std::string leaf;  // canonical bytes
  tlog::Checkpoint checkpoint;
  std::vector<tlog::Hash> path;
};
// Proves entry `seq` is in the tree of `checkpoint_note` (the latest stored one when absent).
// kNotFound when the entry lies beyond that checkpoint.
Result<InclusionProof> prove_audit_entry(Vault& vault, std::uint64_t seq,
                                         const std::optional<std::string>& checkpoint_note);

// Writes entries.jsonl, checkpoints/<size>.txt, log-key.txt, and what witnesses cosigned
// (witness-keys.txt, cosigned/<size>.txt; see export_witness_records) to `dir` (which must not
// exist), as docs/formats/audit-log.md describes.
Status export_audit_log(Vault& vault, const std::filesystem::path& dir);

}  // namespace mk::vault

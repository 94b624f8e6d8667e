// The audit log's use cases, for the CLI and the GUI: read it, verify it (against a checkpoint
// kept outside the vault, too), sign and hand out a checkpoint, prove one entry, export it for an
// independent verifier (docs/formats/audit-log.md). Every role may use them; they are the
// compliance officer's daily work. None of them decrypts personal data: entries hold ids only.
//
// Reading, verifying and proving write nothing. An export is itself audited ("audit.export",
// after the export, so it shows in the next one): the log leaves the vault.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "service/session.hpp"
#include "tlog/checkpoint.hpp"
#include "vault/audit_log.hpp"

namespace mk::service {

// The entries matching `query` (since, actor, object; at most `limit`), oldest first.
Result<std::vector<vault::AuditEntry>> list_audit_entries(Session& s,
                                                          const vault::AuditQuery& query);

// `progress(done, total)` is called now and then during a verification (never from another
// thread).
using AuditProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Verifies the whole log (see vault::verify_audit_log). `kept_checkpoint` is the text of a
// checkpoint note kept outside the vault; one that is not a checkpoint note at all is
// kInvalidInput, while a well-formed one this vault did not sign, or one the log no longer
// reproduces (rollback, cut, rewrite), is a failed verification (ok == false), not an error.
Result<vault::AuditVerification> verify_audit(Session& s,
                                              const std::optional<std::string>& kept_checkpoint,
                                              const AuditProgress& progress = {});

struct SignedCheckpoint {
  std::string note;  // the signed note, as docs/formats/checkpoint.md writes it
  tlog::Checkpoint checkpoint;
};

// Signs a checkpoint of the current log when it grew since the latest one and returns the latest
// signed note (what the compliance officer keeps outside the vault). kVaultCorrupt when the log is
// not consistent with its latest checkpoint: the vault never signs two inconsistent ones.
Result<SignedCheckpoint> audit_checkpoint(Session& s);

// The latest checkpoint the vault signed, opened under its audit key, without signing a new one;
// nullopt when none was signed yet. Read only: writes and audits nothing. Every role.
Result<std::optional<SignedCheckpoint>> latest_audit_checkpoint(Session& s);

// An inclusion proof of entry `seq` in the tree of `checkpoint` (a note's text; the latest stored
// checkpoint when absent). kInvalidInput for a note this vault did not sign, kNotFound for an
// entry beyond it, kVaultCorrupt when the stored log does not reproduce the signed root.
Result<vault::InclusionProof> prove_audit_entry(Session& s, std::uint64_t seq,
                                                const std::optional<std::string>& checkpoint);

struct AuditExportSummary {
  std::uint64_t entries = 0;      // lines of entries.jsonl
  std::uint64_t checkpoints = 0;  // files in checkpoints/
  std::uint64_t cosigned = 0;     // files in cosigned/: checkpoints a witness cosigned
  std::uint64_t latest_checkpoint_size = 0;
};

// Signs a checkpoint when the log grew (so the export's latest checkpoint covers every entry in
// it), then writes the export to `dir`, which must not exist (kConflict) and whose parent must
// (kNotFound). A failed export leaves no folder behind. Records "audit.export" afterwards.
Result<AuditExportSummary> export_audit(Session& s, const std::filesystem::path& dir);

}  // namespace mk::service

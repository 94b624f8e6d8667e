// The audit log's records as JSON for --json output, and as the cells of `audit log`'s table.
// Entries hold ids and codes only, never personal data, so they can be shown whole.
#pragma once

#include <string>
#include <vector>

#include "base/json.hpp"
#include "service/audit.hpp"
#include "service/witness.hpp"
#include "vault/audit_log.hpp"

namespace mk::cli {

// seq, time, actor, role, action, object, result, origin, reason, detail (the entry's members).
json::Value to_json(const vault::AuditEntry& entry);

// ok, entries, checkpoints_checked, latest_checkpoint_size, first_bad_entry (null when none or
// unknown), problem (null when ok).
json::Value to_json(const vault::AuditVerification& verification);

// entry (as above), leaf (the canonical bytes, as a string), leaf_hash (hex), checkpoint {origin,
// size, root (hex)}, path[] (hex, leaf to root).
json::Value to_json(const vault::InclusionProof& proof);

// ok, problem (null when ok), witnessed_size, witnesses[] {name, verifier_key, size, cosigned
// (instant or null)}, unwitnessed_days (null when all is witnessed), max_unwitnessed_days,
// overdue.
json::Value to_json(const service::WitnessReport& report);

// "witnessed up to entry N by NAME on DATE" (N the last entry the largest cosigned checkpoint
// covers, NAME its witness, DATE its cosignature's), or "not witnessed"; for `audit verify`.
std::string witness_summary(const service::WitnessReport& report);
// The warning when the unwitnessed tail is older than the policy allows.
std::string overdue_warning(const service::WitnessReport& report);

// entries, checkpoints, latest_checkpoint_size.
json::Value to_json(const service::AuditExportSummary& summary);

// The row of `audit log`'s table: seq, time, actor, role, action, object, result, origin, reason,
// detail; "-" for an empty cell.
std::vector<std::string> table_row(const vault::AuditEntry& entry);
std::vector<std::string> table_headers();

}  // namespace mk::cli

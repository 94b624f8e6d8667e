// One audit entry: who did what to which record, when, from where, why, and with what result.
// BIO 8.15.01's fields; ids and codes only, never personal data.
//
// Its canonical encoding is the leaf of the audit Merkle tree: a one-line JSON object with exactly
// these members in this order, strings escaped as base/json.hpp writes them, no whitespace:
//   {"seq":0,"time":"2026-11-29T08:30:00Z","actor":"coordinator","role":"coordinator",
//    "action":"person.add","object":"P-7K3M9Q2X","result":"ok","origin":"cli@werkplek-12",
//    "reason":"","detail":"role=victim fields=name,bsn"}
// (shown wrapped). docs/formats/audit-log.md specifies it for independent verifiers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/result.hpp"

namespace mk::vault {

struct AuditEntry {
  std::uint64_t seq = 0;  // 0-based position in the log = leaf index
  Instant time;
  std::string actor;   // key slot name
  std::string role;    // "coordinator", "compliance", "recovery", or "-" for failed unlocks
  std::string action;  // "person.add", "vault.unlock_failed" ...
  std::string object;  // record id, slot name, or empty
  std::string result;  // "ok", or an error code name ("forbidden")
  std::string origin;  // "cli@host", "gui@host"
  std::string reason;  // the purpose the user gave, or empty
  std::string detail;  // field names and codes only

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// The canonical leaf bytes.
std::string encode_audit_entry(const AuditEntry& entry);

// Parses canonical leaf bytes. Anything else (other member order, whitespace, extra members,
// non-canonical escapes) is kVaultCorrupt: re-encoding must give back the input exactly.
Result<AuditEntry> decode_audit_entry(std::string_view leaf);

}  // namespace mk::vault

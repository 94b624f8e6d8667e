// The policy versions a vault has run under (table `policy_versions`): per policy file name, every
// version the vault was opened with, oldest first, with its SHA-256, its full text, when it was
// first seen and by whom. Policy files hold rules, references and labels, never personal data, so
// their text is kept as it is; it lets `policy history --diff` say later what changed.
//
// A row with an empty hash records that the file left the policy folder. Rows are append-only
// (the schema refuses updates and deletes). The service records versions when a session opens
// (service/policy_recording.hpp), each with a "policy.adopt" or "policy.change" audit entry in the
// same unit of work.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/database.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

struct PolicyVersion {
  std::int64_t seq = 0;  // order of recording, increasing
  std::string file;      // the file's name in the policy folder: "sharing.json"
  std::string sha256;    // lowercase hex of the file's bytes; empty when the file was removed
  std::string text;      // the file's bytes; empty when removed
  Instant first_seen{};  // the unit of work that recorded it
  std::string actor;     // slot name
  std::string origin;    // "cli@host", "gui@host"

  bool removed() const { return sha256.empty(); }
};

// Appends a version of `file` (seen at uow.now() by the unit's slot, from `origin`). Requires a
// file name of 1..255 bytes without '/' or control characters and, unless both are empty (the file
// was removed), a 64-character hash; kInvalidInput otherwise.
Status record_policy_version(UnitOfWork& uow, const std::string& file, const std::string& sha256,
                             const std::string& text, const std::string& origin);

// The hash of the latest version of every file ever recorded, by file name ("" for a file whose
// latest row records its removal). Reads no texts: cheap enough for every open.
Result<std::map<std::string, std::string>> latest_policy_hashes(Database& db);

// Every version, oldest first.
Result<std::vector<PolicyVersion>> list_policy_versions(Database& db);

}  // namespace mk::vault

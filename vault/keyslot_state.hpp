// Which key-slot file is in force, as the database records it. A key-slot change is two-phase
// (docs/formats/keyslots.md, "Changing slots"): the new file is first written beside the old one
// as `keyslots.next`, and the unit of work that audits the change records the new file's SHA-256
// in the table keyslot_file_state (one row). Whichever way the process ends, the database then
// decides whether the staged file is the one in force: the recorded digest is the commit point of
// the change, together with its audit entry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "vault/database.hpp"

namespace mk::vault {

// The staging file's name in the vault folder.
inline constexpr char kStagedKeySlotFile[] = "keyslots.next";

// Lowercase hex SHA-256 of a key-slot file's bytes: how the database names a file.
std::string key_slot_file_digest(std::string_view file_bytes);

// The digest of the key-slot file in force, or nullopt while no change was ever recorded (a vault
// made before this record existed, or one never changed since its creation: then the file that is
// there is in force). Errors are the database's (kIo, kVaultCorrupt).
Result<std::optional<std::string>> recorded_key_slot_file(Database& db);

// Records `digest` (from key_slot_file_digest) as the file in force. Requires an open transaction:
// the record belongs to the unit of work that audits the change.
Status record_key_slot_file(Database& db, std::string_view digest);

// What a staging file left beside `keyslots` means, given the recorded digest.
enum class StagedFileMeaning {
  kCommitted,    // its change committed: it replaces `keyslots` (roll forward)
  kUncommitted,  // its change never committed: it is deleted
  kUnknown,      // the recorded file is neither of the two: the committed file is lost
};

// kCommitted when `recorded` is the staged file's digest; kUncommitted when nothing is recorded
// or `recorded` is the digest of `keyslots`; kUnknown otherwise. `staged` is nullopt when the
// staging file could not be read whole (then it is no file the vault wrote).
StagedFileMeaning staged_file_meaning(const std::optional<std::string>& recorded,
                                      std::string_view keyslots_digest,
                                      const std::optional<std::string>& staged_digest);

}  // namespace mk::vault

// Failed unlocks. A wrong passphrase cannot open the database, so it cannot be audited there at
// once. Instead one line is appended to the side file `unlock-failures` in the vault folder:
//
//   <time> <slot name or *> <origin>\n        e.g. "2026-11-29T08:30:00Z * cli@werkplek-12"
//
// No secret and no personal data: the time, which slot was tried (or all), and from where. The
// next successful unlock moves every new line into the audit log as a "vault.unlock_failed" entry
// and remembers how far it read (meta 'unlock_failures_read'), so a crash cannot count a line
// twice. The file is not tamper-evident until ingested: someone with write access to the folder can
// delete lines before the next unlock (SECURITY.md). A file shorter than what was read is itself
// audited. The database and the key-slot file stay byte-identical after a wrong passphrase.
#pragma once

#include <filesystem>
#include <string>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr char kUnlockFailuresFile[] = "unlock-failures";

// Appends one line (O_APPEND, fsync). `slot` is empty when every slot was tried. Errors are kIo;
// the caller still reports the wrong passphrase.
Status record_failed_unlock(const std::filesystem::path& vault_dir, Instant when,
                            const std::string& slot, const std::string& origin);

// Moves lines not yet read into the audit log, inside `uow`. Returns how many were ingested.
Result<std::size_t> ingest_failed_unlocks(UnitOfWork& uow);

}  // namespace mk::vault

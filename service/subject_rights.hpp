// The data subject's rights (AVG art. 15-18) on one person: access, rectification (update_person
// in casework.hpp: the audit trail records which fields changed and when, never old values),
// erasure on request, restriction.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "service/session.hpp"

namespace mk::service {

// Everything the vault holds on one person, decrypted, as a JSON document (format
// "meldkluis-subject-access/1"; docs/formats/subject-access.md): identity fields, role,
// restriction, dates, the signals and cases they are linked to (ids, dates, forms, status; not the
// narratives, which describe other people too: the coordinator weighs art. 15(4) for those), legal
// holds on those cases, and the audit trail of actions on the person (time, action, actor role,
// result). In secure memory. Requires the field keys (kForbidden). Audits "person.access" with
// detail "to=terminal" or "to=file" as `destination` says.
enum class AccessDestination { kTerminal, kFile };
Result<crypto::SecretBuffer> subject_access(Session& s, const std::string& person_id,
                                            AccessDestination destination);

// Who can open an access export: an age X25519 recipient ("age1...", e.g. made by the data
// subject's counsel with age-keygen), or a passphrase handed over separately (age scrypt). Exactly
// one must be set (kInvalidInput).
struct AccessRecipient {
  std::optional<std::string> age_recipient;
  std::optional<crypto::SecretBuffer> passphrase;
};

// Writes subject_access(kFile) as an age v1 file at `out`, created with mode 0600; kConflict when
// `out` exists (nothing is overwritten), kInvalidInput for a bad recipient. The plaintext never
// touches the disk. The file opens with the standard `age -d`.
Status export_subject_access(Session& s, const std::string& person_id,
                             const std::filesystem::path& out, const AccessRecipient& to);

// Shreds the person now (vault/shredding.hpp, rule "erasure_request"). `reason` (one line, at
// most 200 characters, no personal data) is required (kInvalidInput when empty) and goes to the
// audit entry. kConflict when a legal hold blocks it.
Status erase_person(Session& s, const std::string& person_id, const std::string& reason);

// Sets or lifts the restriction flag (art. 18). While set, nothing about the person is shared.
Status restrict_person(Session& s, const std::string& person_id, bool restricted);

}  // namespace mk::service

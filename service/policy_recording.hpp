// Recording the policy versions a vault runs under. Called by Session::create and Session::open
// inside the unit of work that opens the session, before any command runs.
//
// For every *.json file of the policy folder whose SHA-256 differs from the latest version the
// vault recorded (or that the vault never saw), and for every recorded file that left the folder,
// it appends a version (vault/policy_versions.hpp) and one audit event: action "policy.adopt"
// when the vault is being created, "policy.change" afterwards; object the file's name; detail
// "old=<sha256 or -> new=<sha256 or ->". Nothing is written when nothing changed, so an ordinary
// open still writes nothing.
//
// A file that its own loader rejects (check_policy_text) is not recorded: it is not in force,
// since every command that needs it refuses to run (policies fail closed). It is recorded on the
// first open after it was fixed. Every role records: the compliance officer's sessions run under
// the folder's policies too, and the audit entry names the slot that saw the change.
#pragma once

#include <string>

#include "base/status.hpp"
#include "service/policy_review.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::service {

enum class PolicyRecording { kAdopt, kChange };

Status record_policy_changes(vault::UnitOfWork& uow, const PolicyTexts& folder, PolicyRecording how,
                             const std::string& origin);

}  // namespace mk::service

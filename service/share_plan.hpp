// What one share would send (internal to the service layer): the records in scope of a case or a
// person, every person's verdict under the disclosure policy, and the field-by-field preview that
// preview_share shows and export_share then carries out. Both run plan_share inside their unit of
// work, so the preview a coordinator saw and the package that leaves are decided alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "policies/sharing_policy.hpp"
#include "service/sharing.hpp"
#include "vault/case.hpp"
#include "vault/partner_store.hpp"
#include "vault/person.hpp"
#include "vault/signal.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::service {

struct PlannedPerson {
  vault::PersonSummary summary;
  // Decrypted when a rule needed the date of birth, and for every person that goes when the plan
  // is for an export. Holds personal data: lives no longer than the unit of work.
  std::optional<vault::PersonIdentity> identity;
  policies::PersonVerdict verdict;  // fields all kWithhold unless the person goes
  bool goes = false;                // allowed: the person is in the package
};

struct SharePlan {
  const policies::SharingPartner* partner = nullptr;  // point into the policy passed in
  const policies::SharingPurpose* purpose = nullptr;
  vault::Partner registered;  // the partner as registered in the vault
  std::optional<vault::CaseSummary> case_summary;
  std::vector<vault::SignalSummary> signals;  // the case's signals, by received date then id
  std::vector<PlannedPerson> persons;         // everyone in scope, by id
  SharePreview preview;
  // Set when the share is refused (no basis, restriction, consent, minors): why, in words that
  // name rules and record ids, never personal data. The rest of the plan is then incomplete.
  std::optional<std::string> refusal;
};

// Plans the share on `today`. A refusal is a plan with `refusal` set, not an error, so the caller
// can audit it (the decision may have decrypted dates of birth). Errors: kInvalidInput for a
// target that names neither or both of a case and a person; kNotFound for a missing case or
// person; kForbidden without the pseudonym or field keys (compliance). With `decrypt_all`, every
// person that goes is decrypted (for an export); otherwise only those whose date of birth a rule
// needs (minors, consent).
Result<SharePlan> plan_share(vault::UnitOfWork& uow, const policies::SharingPolicy& policy,
                             const std::string& partner, const std::string& purpose,
                             const ShareTarget& target, const Date& today, bool decrypt_all);

// The audit detail of a share: "partner=<p>;purpose=<x>" (codes only).
std::string share_detail(const std::string& partner, const std::string& purpose);

// The object a share is about in the audit log: the case or the person id.
std::string share_object(const ShareTarget& target);

}  // namespace mk::service

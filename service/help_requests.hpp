// Help requests (hulpverzoeken) against norm times: each request takes its norm from the norm-time
// policy (policies/normtimes.json, read afresh for each new request, so an invalid file stops that
// request with kPolicyInvalid) when it is made; its due date and the policy's hash are fixed then
// (vault/help_request_store.hpp). A request is overdue from the day after its due date while it is
// open.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "policies/normtimes_policy.hpp"
#include "service/session.hpp"
#include "vault/help_request_store.hpp"

namespace mk::service {

// Loads the norm-time policy from the session's policy folder (kPolicyInvalid when invalid).
Result<policies::NormTimesPolicy> load_normtimes(Session& s);

struct NewHelpRequest {
  std::string case_id;
  std::optional<std::string> person_id;
  vault::HelpKind kind = vault::HelpKind::kHousing;
  std::string team;
  std::optional<Date> requested;  // default: today
};

// Records a request with the norm of its kind (vault::add_help_request for the rules) and returns
// it as stored (id, norm, due date). Requires the field keys (kForbidden, audited). Audits
// "help.add".
Result<vault::HelpRequest> add_help_request(Session& s, const NewHelpRequest& request);

// Hands a request to another team. Audits "help.update".
Status reassign_help_request(Session& s, const std::string& id, const std::string& team);

// Closes an open request: met, or closed without being met, on `closed` (default today). Audits
// "help.close".
Status close_help_request(Session& s, const std::string& id, bool met,
                          const std::optional<Date>& closed);

// Every request, or the case's. Every role.
Result<std::vector<vault::HelpRequest>> list_help_requests(
    Session& s, const std::optional<std::string>& case_id);

// The requests overdue on `as_of` (default today): open, and due before that day. Every role.
Result<std::vector<vault::HelpRequest>> overdue_help_requests(Session& s,
                                                              const std::optional<Date>& as_of);

}  // namespace mk::service

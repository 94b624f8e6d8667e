#include "service/help_requests.hpp"

#include "service/casework.hpp"

namespace mk::service {

Result<policies::NormTimesPolicy> load_normtimes(Session& s) {
  return policies::load_normtimes_policy((s.policies().dir / "normtimes.json").string());
}

Result<vault::HelpRequest> add_help_request(Session& s, const NewHelpRequest& request) {
  MK_ASSIGN_OR_RETURN(policies::NormTimesPolicy policy, load_normtimes(s));
  const policies::NormTime* norm = policy.find(vault::enum_name(request.kind));
  if (norm == nullptr) {  // validation gives every kind a norm
    return internal_error("the norm-time policy has no norm for a kind of help request");
  }
  vault::HelpRequestInput input;
  input.case_id = request.case_id;
  input.person_id = request.person_id;
  input.kind = request.kind;
  input.team = request.team;
  input.requested = request.requested.value_or(today(s));
  input.norm = policies::format_iso_period(norm->period);
  input.due = norm->due(input.requested);
  input.policy_hash = policy.hash();
  return s.transact("help.add", [&](vault::UnitOfWork& uow) -> Result<vault::HelpRequest> {
    MK_ASSIGN_OR_RETURN(std::string id, vault::add_help_request(uow, input));
    return vault::get_help_request(uow, id);
  });
}

Status reassign_help_request(Session& s, const std::string& id, const std::string& team) {
  return s.transact(
      "help.update", [&](vault::UnitOfWork& uow) { return vault::set_help_team(uow, id, team); },
      id);
}

Status close_help_request(Session& s, const std::string& id, bool met,
                          const std::optional<Date>& closed) {
  Date day = closed.value_or(today(s));
  vault::HelpStatus status = met ? vault::HelpStatus::kMet : vault::HelpStatus::kClosedUnmet;
  return s.transact(
      "help.close",
      [&](vault::UnitOfWork& uow) { return vault::close_help_request(uow, id, status, day); }, id);
}

Result<std::vector<vault::HelpRequest>> list_help_requests(
    Session& s, const std::optional<std::string>& case_id) {
  return s.transact(
      "help.list", [&](vault::UnitOfWork& uow) { return vault::list_help_requests(uow, case_id); });
}

Result<std::vector<vault::HelpRequest>> overdue_help_requests(Session& s,
                                                              const std::optional<Date>& as_of) {
  Date day = as_of.value_or(today(s));
  return s.transact("help.overdue",
                    [&](vault::UnitOfWork& uow) { return vault::overdue_help_requests(uow, day); });
}

}  // namespace mk::service

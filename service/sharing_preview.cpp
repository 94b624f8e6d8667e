// The field-by-field preview of a share (service/sharing.hpp preview_share).
#include "service/casework.hpp"
#include "service/share_plan.hpp"
#include "service/sharing.hpp"

namespace mk::service {

Result<SharePreview> preview_share(Session& s, const std::string& partner,
                                   const std::string& purpose, const ShareTarget& target) {
  MK_ASSIGN_OR_RETURN(policies::SharingPolicy policy, load_sharing(s));
  const std::string object = share_object(target);
  if (!vault::holds_all_keys(s.vault().role())) {
    return s.transact(
        "share.preview",
        [](vault::UnitOfWork&) -> Result<SharePreview> {
          return forbidden("this role does not share with partners, so it cannot preview a share");
        },
        object);
  }
  const Date day = today(s);
  // A refusal is committed with its audit entry (the decision may have decrypted dates of birth),
  // then returned as the error it is.
  MK_ASSIGN_OR_RETURN(SharePlan plan,
                      s.transact(
                          "share.preview",
                          [&](vault::UnitOfWork& uow) -> Result<SharePlan> {
                            MK_ASSIGN_OR_RETURN(
                                SharePlan p,
                                plan_share(uow, policy, partner, purpose, target, day, false));
                            if (p.refusal) {
                              uow.record({"share.preview", object, share_detail(partner, purpose),
                                          std::string(code_name(Code::kDisclosureRefused))});
                            }
                            return p;
                          },
                          object));
  if (plan.refusal) return Status(Code::kDisclosureRefused, "refused: " + *plan.refusal);
  return std::move(plan.preview);
}

}  // namespace mk::service

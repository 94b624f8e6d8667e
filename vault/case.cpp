#include "vault/case.hpp"

namespace mk::vault {

std::string_view enum_name(CaseStatus v) {
  switch (v) {
    case CaseStatus::kActive:
      return "active";
    case CaseStatus::kFollowUp:
      return "follow_up";
    case CaseStatus::kClosed:
      return "closed";
    case CaseStatus::kClosedReferred:
      return "closed_referred";
  }
  return "active";
}

std::optional<CaseStatus> parse_case_status(std::string_view s) {
  for (CaseStatus v : {CaseStatus::kActive, CaseStatus::kFollowUp, CaseStatus::kClosed,
                       CaseStatus::kClosedReferred}) {
    if (enum_name(v) == s) return v;
  }
  return std::nullopt;
}

}  // namespace mk::vault

// Cases (casussen): signals and persons brought together for follow-up. Status names follow IOM's
// HTCDS v2.0 (Active, FollowUp, Closed, ClosedReferred). The summary and the closure note are
// encrypted under the case's own key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/date.hpp"

namespace mk::vault {

enum class CaseStatus { kActive, kFollowUp, kClosed, kClosedReferred };
std::string_view enum_name(CaseStatus v);  // "active", "follow_up", "closed", "closed_referred"
std::optional<CaseStatus> parse_case_status(std::string_view s);
inline bool is_closed(CaseStatus s) {
  return s == CaseStatus::kClosed || s == CaseStatus::kClosedReferred;
}

struct CaseInput {
  Date opened{2000, 1, 1};
  std::optional<std::string> summary;  // encrypted
  std::vector<std::string> signal_ids;
  std::vector<std::string> person_ids;
};

struct CaseSummary {
  std::string id;  // "C-" + 8 base32
  CaseStatus status = CaseStatus::kActive;
  Date opened{2000, 1, 1};
  std::optional<Date> closed;
  std::vector<std::string> signal_ids;
  std::vector<std::string> person_ids;
  bool has_summary = false;
  bool has_closure_note = false;
  Instant created;
  Instant updated;
};

struct Case {
  CaseSummary summary;
  std::optional<std::string> summary_text;
  std::optional<std::string> closure_note;
};

}  // namespace mk::vault

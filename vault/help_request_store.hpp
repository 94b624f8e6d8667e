// Help requests (hulpverzoeken): what a victim in a case needs from the municipality (housing, a
// benefit, BRP registration ...), which team is responsible, and the norm time within which it is
// due (Rijswijk 2021, Pijler 3: "wie binnen welke normtijden verantwoordelijk is"). The norm time
// comes from the norm-time policy (policies/normtimes_policy.hpp) and is fixed when the request is
// made: the period, the due date and the policy's hash are stored with it, so a later change of
// policy does not move a due date. The vault knows no policy: the service passes them in.
//
// A help request holds no personal data (a kind, a team name, dates, ids), so every role reads
// them; only a role holding the field keys writes. Requests go with their case when it is shredded
// (the schema's cascade); their counts are kept first in the case's statistical fact
// (shredding.hpp). A person's link is cleared when the person is shredded.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/date.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxHelpTeamChars = 100;

enum class HelpKind {
  kHousing,
  kBenefit,
  kBrpRegistration,
  kMedical,
  kShelter,
  kLegalAid,
  kIdPapers,
};
inline constexpr std::array<HelpKind, 7> kHelpKinds = {
    HelpKind::kHousing, HelpKind::kBenefit,  HelpKind::kBrpRegistration, HelpKind::kMedical,
    HelpKind::kShelter, HelpKind::kLegalAid, HelpKind::kIdPapers};
// "housing", "benefit", "brp_registration", "medical", "shelter", "legal_aid", "id_papers"
std::string_view enum_name(HelpKind kind);
std::optional<HelpKind> parse_help_kind(std::string_view s);

// kMet: what was asked for was provided; kClosedUnmet: closed without it.
enum class HelpStatus { kOpen, kMet, kClosedUnmet };
std::string_view enum_name(HelpStatus status);  // "open", "met", "closed_unmet"
std::optional<HelpStatus> parse_help_status(std::string_view s);

struct HelpRequestInput {
  std::string case_id;
  std::optional<std::string> person_id;  // a person linked to the case
  HelpKind kind = HelpKind::kHousing;
  std::string team;  // the responsible team: a name, never a person's
  Date requested{2000, 1, 1};
  // The norm time as the policy fixed it: an ISO 8601 period ("P8W", "P14D"), the due date it
  // gives from `requested`, and the policy's SHA-256 (64 lowercase hex digits).
  std::string norm;
  Date due{2000, 1, 1};
  std::string policy_hash;
};

struct HelpRequest {
  std::string id;  // "H-" + 8 Crockford base32 characters
  std::string case_id;
  std::optional<std::string> person_id;
  HelpKind kind = HelpKind::kHousing;
  std::string team;
  Date requested{2000, 1, 1};
  std::string norm;
  Date due{2000, 1, 1};
  std::string policy_hash;
  HelpStatus status = HelpStatus::kOpen;
  std::optional<Date> closed;
  Instant created;
  Instant updated;
};

// Open and past its due date: overdue from the day after the due date.
bool is_overdue(const HelpRequest& r, const Date& as_of);
// Met on or before its due date.
bool met_within_norm(const HelpRequest& r);

// Records a request (status open) and returns its id. The case must exist and be open (kNotFound,
// kConflict); a person must exist (kNotFound) and be linked to the case (kInvalidInput). The team
// is one line of at most kMaxHelpTeamChars; `requested` lies neither in the future nor before
// 1900; `norm` looks like an ISO period ("P" then digits and Y, M, W, D; at most 20 characters);
// `due` is not before `requested`; the hash is 64 lowercase hex digits (kInvalidInput naming the
// field). Requires the field keys (kForbidden). Marks the case as changed. Audits "help.add" on
// the request with detail "case=<id>;person=<id or empty>;kind=<kind>;norm=<period>;policy=<hash>".
Result<std::string> add_help_request(UnitOfWork& uow, const HelpRequestInput& input);

// Hands the request to another team (any status). Requires the field keys. Audits "help.update"
// with detail "fields=team".
Status set_help_team(UnitOfWork& uow, std::string_view id, std::string_view team);

// Closes an open request as kMet or kClosedUnmet (kInvalidInput for kOpen) on `closed`, which is
// not in the future and not before `requested` (kInvalidInput). kConflict when already closed.
// Requires the field keys. Marks the case as changed. Audits "help.close" with detail
// "status=<status>;within_norm=yes|no".
Status close_help_request(UnitOfWork& uow, std::string_view id, HelpStatus status,
                          const Date& closed);

// One request. kInvalidInput for a malformed id, kNotFound. Every role.
Result<HelpRequest> get_help_request(UnitOfWork& uow, std::string_view id);

// Every request, or the case's (kInvalidInput, kNotFound for the case), ordered by due date, then
// requested date, then id. Every role; audits nothing.
Result<std::vector<HelpRequest>> list_help_requests(UnitOfWork& uow,
                                                    const std::optional<std::string>& case_id);

// The open requests whose due date lies before `as_of`, most overdue first. Every role.
Result<std::vector<HelpRequest>> overdue_help_requests(UnitOfWork& uow, const Date& as_of);

}  // namespace mk::vault

// The norm-time policy (policies/normtimes.json): per kind of help request (housing, benefit, BRP
// registration ...), the time within which the municipality means to have it met, with the
// reference for that norm (Rijswijk 2021, Pijler 3: "wie binnen welke normtijden verantwoordelijk
// is"). A help request takes its norm when it is made (vault/help_request_store.hpp): the due date
// is the requested date plus the period, and the policy's hash is stored with it.
// See docs/policies/normtimes.md.
//
// This file knows nothing of the vault: kinds are the names below.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "policies/retention_policy.hpp"  // IsoPeriod

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kNormTimesPolicyFormat = "meldkluis-normtimes/1";

// The kinds of help request, as the file names them; every one needs a norm.
inline constexpr std::array<std::string_view, 7> kHelpRequestKinds = {
    "housing", "benefit", "brp_registration", "medical", "shelter", "legal_aid", "id_papers"};
bool is_help_request_kind(std::string_view s);

// A norm given in days is kept as a period of that many days ("days": 56 is P56D).
inline constexpr std::int64_t kMaxNormDays = 3660;

struct NormTime {
  std::string kind;
  IsoPeriod period;
  std::string reference;  // human text
  std::string note;       // optional human text ("" when absent)

  // `requested` + period (add_period: months clamp to the end of the month).
  Date due(const Date& requested) const { return add_period(requested, period); }
};

class NormTimesPolicy {
 public:
  // The norm for `kind`; nullptr for a name that is not a kind (every kind has one).
  const NormTime* find(std::string_view kind) const;
  const std::vector<NormTime>& norms() const { return norms_; }  // in file order
  // SHA-256 of the file's exact bytes, lowercase hex: stored with every request made under it.
  const std::string& hash() const { return hash_; }
  const std::string& file() const { return file_; }  // the name given to the parser

 private:
  friend Result<NormTimesPolicy> parse_normtimes_policy(std::string_view, std::string_view);
  std::string file_;
  std::string hash_;
  std::vector<NormTime> norms_;
};

// Parses and validates, strictly (strict_reader.hpp): kPolicyInvalid "FILE:LINE:COL: reason",
// FILE being `file_name`, for JSON syntax errors, unknown or missing keys, a wrong "format" (must
// be "meldkluis-normtimes/1"), an unknown kind, a kind given twice, a kind without a norm, a norm
// with both or neither of "period" and "days", a period that is not an ISO 8601 duration of days,
// weeks, months or years (as retention periods), days outside 1..3660, and references or notes that
// are not text. See docs/policies/normtimes.md for the messages.
Result<NormTimesPolicy> parse_normtimes_policy(std::string_view text, std::string_view file_name);

// Reads the file at `path` (named in messages as given) and parses it as above. Errors: kNotFound,
// kIo (see read_policy_file) and kPolicyInvalid.
Result<NormTimesPolicy> load_normtimes_policy(const std::string& path);

}  // namespace mk::policies

// The Meldcode per case: an append-only record of the coordinator's decisions on the five steps of
// the Meldcode huiselijk geweld en kindermishandeling and on the questions of its afwegingskader
// (REFERENCE.md §1). Each decision names the step or question, the answer code, who decided (the
// key slot) and when, the version (hash) of the meldcode policy it followed, and an optional
// rationale, encrypted under the case's own key like the case summary.
//
// A decision is never edited or deleted: a changed view is a new decision, and the latest one per
// step or question is the answer in force. Only shredding the case removes them (the schema's
// triggers refuse any other UPDATE or DELETE). Which steps, questions and answers exist is the
// meldcode policy's business (policies/meldcode_policy.hpp): the vault stores codes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxRationaleChars = 4000;
inline constexpr int kMaxMeldcodeNumber = 99;

enum class MeldcodeItem { kStep, kQuestion };
std::string_view enum_name(MeldcodeItem item);  // "step", "question"
std::optional<MeldcodeItem> parse_meldcode_item(std::string_view s);

struct MeldcodeDecisionInput {
  MeldcodeItem item = MeldcodeItem::kStep;
  int number = 1;                        // the step's or question's number, 1..kMaxMeldcodeNumber
  std::string code;                      // the step's or question's code (valid_code_syntax)
  std::string answer;                    // an answer code (valid_code_syntax)
  std::string policy_hash;               // the meldcode policy's SHA-256, 64 lowercase hex digits
  std::optional<std::string> rationale;  // free text, encrypted under the case's key
};

struct MeldcodeDecision {
  std::string id;  // "M-" + 8 Crockford base32 characters
  std::string case_id;
  MeldcodeItem item = MeldcodeItem::kStep;
  int number = 1;
  std::string code;
  std::string answer;
  std::string policy_hash;
  Instant decided;
  std::string decided_by;  // key slot name
  bool has_rationale = false;
  std::optional<std::string> rationale;  // set only by read_meldcode_decisions
};

// Appends a decision to an open case (kNotFound for no case, kConflict when it is closed) and
// returns its id. Codes must have code syntax, the number lie in 1..kMaxMeldcodeNumber, the hash be
// 64 lowercase hex digits, and the rationale be multi-line text of at most kMaxRationaleChars
// (kInvalidInput naming the field, never the value). Requires the field keys (kForbidden). Marks
// the case as changed (its last activity). Audits "case.decide" on the case with detail
// "decision=<id>;item=<step|question>;number=<n>;answer=<code>" and ";fields=rationale" when one
// was given.
Result<std::string> record_meldcode_decision(UnitOfWork& uow, std::string_view case_id,
                                             const MeldcodeDecisionInput& input);

// The case's decisions, oldest first (in the order they were recorded), without rationales.
// kInvalidInput for a malformed id, kNotFound for no case. Every role; audits nothing.
Result<std::vector<MeldcodeDecision>> list_meldcode_decisions(UnitOfWork& uow,
                                                              std::string_view case_id);

// As list_meldcode_decisions, with each rationale decrypted. Requires the field keys
// (kForbidden). Audits "case.meldcode.read" on the case with detail "fields=rationale" when any
// rationale was decrypted, "fields=" otherwise.
Result<std::vector<MeldcodeDecision>> read_meldcode_decisions(UnitOfWork& uow,
                                                              std::string_view case_id);

}  // namespace mk::vault

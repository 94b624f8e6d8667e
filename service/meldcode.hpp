// The Meldcode per case: recording the coordinator's decisions on its steps and on the questions
// of its afwegingskader (vault/meldcode_store.hpp), checked against the meldcode policy
// (policies/meldcode.json, read afresh for each use, so an invalid file stops exactly that use with
// kPolicyInvalid), and the next step to take, suggested from the answers in force.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "policies/meldcode_policy.hpp"
#include "service/session.hpp"
#include "vault/meldcode_store.hpp"

namespace mk::service {

// Loads the meldcode policy from the session's policy folder (kPolicyInvalid when invalid).
Result<policies::MeldcodePolicy> load_meldcode(Session& s);

// What to do next, as the Meldcode and its afwegingskader say. A suggestion only: any step or
// question may be answered at any time.
struct MeldcodeSuggestion {
  enum class Kind { kStep, kQuestion, kComplete };
  Kind kind = Kind::kComplete;
  int number = 0;    // the step's or question's number; 0 when complete
  std::string code;  // the step's or question's code; "" when complete
  // For the last step (the decision): the answer the afwegingskader points to, and the question
  // whose answer points there. Absent when no answer in force settles it.
  std::optional<std::string> decision;
  std::string because;  // a question's code, or ""
};
std::string_view enum_name(MeldcodeSuggestion::Kind kind);  // "step", "question", "complete"

// The answer in force for an item: the latest decision recorded for its code, or nullptr.
const vault::MeldcodeDecision* answer_in_force(
    const std::vector<vault::MeldcodeDecision>& decisions, vault::MeldcodeItem item,
    const std::string& code);

// The suggestion, from the answers in force:
// the steps in order; the first without an answer in force is next, except that a step holding
// questions first has them answered in order, up to the first whose answer in force leads to a
// decision (the later questions are then not needed). The last step carries that decision. When
// every step has an answer in force, the Meldcode is complete.
MeldcodeSuggestion suggest_next(const policies::MeldcodePolicy& policy,
                                const std::vector<vault::MeldcodeDecision>& decisions);

struct MeldcodeView {
  std::string case_id;
  policies::MeldcodePolicy policy;  // the policy in force: steps, questions, labels, hash
  // Every decision, oldest first, with rationales for roles that hold the field keys (audited as
  // "case.meldcode.read"); metadata only for the compliance role.
  std::vector<vault::MeldcodeDecision> decisions;
  MeldcodeSuggestion next;
};

// Every role. kInvalidInput, kNotFound for the case; kPolicyInvalid.
Result<MeldcodeView> show_meldcode(Session& s, const std::string& case_id);

struct DecisionRequest {
  std::optional<int> step;               // a step's number, or
  std::optional<std::string> question;   // a question's number ("3") or code ("help_possible")
  std::string answer;                    // one of that item's answers in the policy
  std::optional<std::string> rationale;  // free text, encrypted under the case's key
};

// Records a decision on an open case and returns its id. Exactly one of step and question
// (kInvalidInput), naming an item of the policy with `answer` among its answers (kInvalidInput
// naming the allowed answers); the policy's hash is recorded with it. Requires the field keys
// (kForbidden, audited). Audits "case.decide" (vault/meldcode_store.hpp).
Result<std::string> decide(Session& s, const std::string& case_id, const DecisionRequest& request);

}  // namespace mk::service

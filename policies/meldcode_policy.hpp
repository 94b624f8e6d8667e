// The meldcode policy (policies/meldcode.json): the five steps of the Meldcode huiselijk geweld en
// kindermishandeling and the questions of its afwegingskader, each with a code, a number, Dutch and
// English labels, a reference and the answers it allows; and, per question, which answers point to
// which decision of the last step (REFERENCE.md §1: "Is there a suspicion? No: close and record").
// The coordinator records decisions against it (vault/meldcode_store.hpp); the service suggests the
// next step from it (service/meldcode.hpp). See docs/policies/meldcode.md.
//
// This file knows nothing of the vault or of cases: it only reads and holds the rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kMeldcodePolicyFormat = "meldkluis-meldcode/1";

struct MeldcodeAnswer {
  std::string code;  // "yes", "done", "report" ...
  std::string label_nl;
  std::string label_en;
};

// An answer of a question that settles the decision of the last step.
struct MeldcodeOutcome {
  std::string answer;    // one of the question's answers
  std::string decision;  // one of the last step's answers
};

struct MeldcodeQuestion {
  int number = 1;  // 1, 2, ... in file order, across all steps
  std::string code;
  std::string label_nl;
  std::string label_en;
  std::string reference;
  std::vector<std::string> answers;       // codes of the policy's answers
  std::vector<MeldcodeOutcome> leads_to;  // may be empty

  // The decision `answer` points to, or nullptr.
  const std::string* decision_for(std::string_view answer) const;
  bool allows(std::string_view answer) const;
};

struct MeldcodeStep {
  int number = 1;  // 1, 2, ... in file order
  std::string code;
  std::string label_nl;
  std::string label_en;
  std::string reference;
  std::vector<std::string> answers;
  std::vector<MeldcodeQuestion> questions;  // the afwegingskader, on the step that weighs

  bool allows(std::string_view answer) const;
};

class MeldcodePolicy {
 public:
  // In file order; the last step is the decision (its answers are the decisions questions lead to).
  const std::vector<MeldcodeStep>& steps() const { return steps_; }
  const std::vector<MeldcodeAnswer>& answers() const { return answers_; }
  const MeldcodeStep& decision_step() const { return steps_.back(); }

  // nullptr when there is none.
  const MeldcodeStep* step(int number) const;
  const MeldcodeQuestion* question(int number) const;
  const MeldcodeQuestion* question(std::string_view code) const;
  const MeldcodeAnswer* answer(std::string_view code) const;
  // Every question, in order.
  std::vector<const MeldcodeQuestion*> questions() const;

  // SHA-256 of the file's exact bytes, lowercase hex: recorded with every decision.
  const std::string& hash() const { return hash_; }
  const std::string& file() const { return file_; }  // the name given to the parser

 private:
  friend Result<MeldcodePolicy> parse_meldcode_policy(std::string_view, std::string_view);
  std::string file_;
  std::string hash_;
  std::vector<MeldcodeAnswer> answers_;
  std::vector<MeldcodeStep> steps_;
};

// Parses and validates, strictly (strict_reader.hpp): kPolicyInvalid "FILE:LINE:COL: reason",
// FILE being `file_name`, for JSON syntax errors, unknown or missing keys, a wrong "format" (must
// be "meldkluis-meldcode/1"), labels and references that are not text, bad or duplicate codes,
// steps or questions numbered otherwise than 1, 2, ... in file order, an answer list that is empty
// or names an answer twice or one the policy does not define, a "leads_to" whose answer is not one
// of the question's or is given twice, or whose decision is not an answer of the last step. See
// docs/policies/meldcode.md for the messages.
Result<MeldcodePolicy> parse_meldcode_policy(std::string_view text, std::string_view file_name);

// Reads the file at `path` (named in messages as given) and parses it as above. Errors: kNotFound,
// kIo (see read_policy_file) and kPolicyInvalid.
Result<MeldcodePolicy> load_meldcode_policy(const std::string& path);

}  // namespace mk::policies

// parse_meldcode_policy: the strict reading of the meldcode format documented in
// docs/policies/meldcode.md. The answers are read first (they define the codes the steps and
// questions may use), then each step with its questions; the decisions questions lead to are
// checked last, against the answers of the last step.
#include <algorithm>
#include <map>
#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/meldcode_policy.hpp"
#include "policies/policy_file.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

constexpr std::int64_t kMaxNumber = 99;

std::string where(json::Position p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

// A decision a question leads to, checked once the last step is known.
struct PendingDecision {
  std::string decision;
  std::string question;  // the question's description, for the message
  json::Position at;
};

}  // namespace

// Reads the parts of a meldcode policy in order; each read_* either adds its part or returns the
// first problem with it, and the caller stops at the first problem.
class MeldcodePolicyBuilder {
 public:
  explicit MeldcodePolicyBuilder(std::string_view file) : file_(file) {}

  Status read_answer(const json::Value& v) {
    StrictObject o(v, file_, "answer");
    MeldcodeAnswer a;
    a.code = o.string("code", code_rule);
    if (is_valid_code(a.code)) o.describe_as("answer " + quoted(a.code));
    a.label_nl = o.string("label_nl", text_rule);
    a.label_en = o.string("label_en", text_rule);
    MK_RETURN_IF_ERROR(o.finish());
    MK_RETURN_IF_ERROR(claim(answer_codes_, "answer", a.code, o.position_of("code")));
    answers_.push_back(std::move(a));
    return Status::ok();
  }

  Status read_step(const json::Value& v) {
    StrictObject o(v, file_, "step");
    MeldcodeStep s;
    s.number = static_cast<int>(o.integer("number", 1, kMaxNumber));
    s.code = o.string("code", code_rule);
    if (is_valid_code(s.code)) o.describe_as("step " + quoted(s.code));
    s.label_nl = o.string("label_nl", text_rule);
    s.label_en = o.string("label_en", text_rule);
    const json::Array& answers = o.array("answers", StrictObject::Items::kNonEmpty);
    const json::Array* questions = o.optional_array("questions", StrictObject::Items::kNonEmpty);
    s.reference = o.string("reference", text_rule);
    MK_RETURN_IF_ERROR(o.finish());
    const int expected = static_cast<int>(steps_.size()) + 1;
    if (s.number != expected) {
      return policy_error(file_, o.position_of("number"),
                          "\"number\" of " + o.description() + " must be " +
                              std::to_string(expected) + " (steps are numbered 1, 2, ... in file " +
                              "order)");
    }
    MK_RETURN_IF_ERROR(claim(step_codes_, "step", s.code, o.position_of("code")));
    MK_RETURN_IF_ERROR(read_answer_list(answers, "answers", o.description(), s.answers));
    if (questions != nullptr) {
      for (const json::Value& q : *questions) {
        MK_ASSIGN_OR_RETURN(MeldcodeQuestion question, read_question(q));
        s.questions.push_back(std::move(question));
      }
    }
    steps_.push_back(std::move(s));
    return Status::ok();
  }

  // Requires every step read (at least one).
  Status check_decisions() const {
    const MeldcodeStep& last = steps_.back();
    for (const PendingDecision& p : pending_) {
      if (contains(last.answers, p.decision)) continue;
      return policy_error(file_, p.at,
                          "decision " + quoted(p.decision) + " in \"leads_to\" of " + p.question +
                              " is not an answer of the last step " + quoted(last.code) +
                              " (its answers: " + joined(last.answers) + ")");
    }
    return Status::ok();
  }

  std::vector<MeldcodeAnswer> take_answers() { return std::move(answers_); }
  std::vector<MeldcodeStep> take_steps() { return std::move(steps_); }

 private:
  Result<MeldcodeQuestion> read_question(const json::Value& v) {
    StrictObject o(v, file_, "question");
    MeldcodeQuestion q;
    q.number = static_cast<int>(o.integer("number", 1, kMaxNumber));
    q.code = o.string("code", code_rule);
    if (is_valid_code(q.code)) o.describe_as("question " + quoted(q.code));
    q.label_nl = o.string("label_nl", text_rule);
    q.label_en = o.string("label_en", text_rule);
    const json::Array& answers = o.array("answers", StrictObject::Items::kNonEmpty);
    const json::Array* leads_to = o.optional_array("leads_to", StrictObject::Items::kNonEmpty);
    q.reference = o.string("reference", text_rule);
    MK_RETURN_IF_ERROR(o.finish());
    const int expected = ++question_count_;
    if (q.number != expected) {
      return policy_error(file_, o.position_of("number"),
                          "\"number\" of " + o.description() + " must be " +
                              std::to_string(expected) +
                              " (questions are numbered 1, 2, ... in file order, across steps)");
    }
    MK_RETURN_IF_ERROR(claim(question_codes_, "question", q.code, o.position_of("code")));
    MK_RETURN_IF_ERROR(read_answer_list(answers, "answers", o.description(), q.answers));
    if (leads_to != nullptr) {
      for (const json::Value& item : *leads_to)
        MK_RETURN_IF_ERROR(read_outcome(item, o.description(), q));
    }
    return q;
  }

  Status read_outcome(const json::Value& v, const std::string& question, MeldcodeQuestion& q) {
    StrictObject o(v, file_, "\"leads_to\" of " + question);
    MeldcodeOutcome out;
    out.answer = o.string("answer", code_rule);
    out.decision = o.string("decision", code_rule);
    MK_RETURN_IF_ERROR(o.finish());
    if (!q.allows(out.answer)) {
      return policy_error(file_, o.position_of("answer"),
                          "answer " + quoted(out.answer) + " in \"leads_to\" of " + question +
                              " is not one of its answers (" + joined(q.answers) + ")");
    }
    if (q.decision_for(out.answer) != nullptr) {
      return policy_error(file_, o.position_of("answer"),
                          quoted(out.answer) + " appears twice in \"leads_to\" of " + question);
    }
    pending_.push_back({out.decision, question, o.position_of("decision")});
    q.leads_to.push_back(std::move(out));
    return Status::ok();
  }

  // The answer codes of `items`: strings, each defined in "answers", each once.
  Status read_answer_list(const json::Array& items, std::string_view key, const std::string& what,
                          std::vector<std::string>& out) const {
    for (const json::Value& item : items) {
      if (!item.is_string()) {
        return policy_error(file_, item.position(),
                            quoted(key) + " of " + what + " must hold strings, found " +
                                std::string(json::Value::type_name(item.type())));
      }
      const std::string& code = item.as_string();
      if (answer_codes_.find(code) == answer_codes_.end()) {
        std::vector<std::string> defined;
        for (const MeldcodeAnswer& a : answers_)
          defined.push_back(a.code);
        return policy_error(file_, item.position(),
                            "unknown answer " + quoted(code) + " in " + quoted(key) + " of " +
                                what + " (defined answers: " + joined(defined) + ")");
      }
      if (contains(out, code)) {
        return policy_error(file_, item.position(),
                            quoted(code) + " appears twice in " + quoted(key) + " of " + what);
      }
      out.push_back(code);
    }
    return Status::ok();
  }

  // Records `code` as used by a `noun`; a second use is an error naming the first.
  Status claim(std::map<std::string, json::Position, std::less<>>& used, std::string_view noun,
               const std::string& code, json::Position at) const {
    const auto [it, inserted] = used.emplace(code, at);
    if (inserted) return Status::ok();
    return policy_error(file_, at,
                        "duplicate " + std::string(noun) + " code " + quoted(code) + " (first at " +
                            where(it->second) + ")");
  }

  std::string_view file_;
  std::vector<MeldcodeAnswer> answers_;
  std::vector<MeldcodeStep> steps_;
  std::map<std::string, json::Position, std::less<>> answer_codes_;
  std::map<std::string, json::Position, std::less<>> step_codes_;
  std::map<std::string, json::Position, std::less<>> question_codes_;
  std::vector<PendingDecision> pending_;
  int question_count_ = 0;
};

Result<MeldcodePolicy> parse_meldcode_policy(std::string_view text, std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kMeldcodePolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kMeldcodePolicyFormat));
  }
  (void)top.optional_string("note", text_rule);
  const json::Array& answers = top.array("answers", StrictObject::Items::kNonEmpty);
  const json::Array& steps = top.array("steps", StrictObject::Items::kNonEmpty);
  MK_RETURN_IF_ERROR(top.finish());

  MeldcodePolicyBuilder builder(file);
  for (const json::Value& v : answers)
    MK_RETURN_IF_ERROR(builder.read_answer(v));
  for (const json::Value& v : steps)
    MK_RETURN_IF_ERROR(builder.read_step(v));
  MK_RETURN_IF_ERROR(builder.check_decisions());
  MeldcodePolicy policy;
  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  policy.answers_ = builder.take_answers();
  policy.steps_ = builder.take_steps();
  return policy;
}

Result<MeldcodePolicy> load_meldcode_policy(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_meldcode_policy(text, path);
}

}  // namespace mk::policies

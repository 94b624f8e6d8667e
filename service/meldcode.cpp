#include "service/meldcode.hpp"

#include <charconv>

namespace mk::service {
namespace {

std::string allowed(const std::vector<std::string>& answers) {
  std::string out;
  for (const std::string& a : answers)
    out += (out.empty() ? "" : ", ") + a;
  return out;
}

std::optional<int> as_number(const std::string& text) {
  int v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

// The decision to record: the item the request names under the policy, with its answer checked.
Result<vault::MeldcodeDecisionInput> resolve(const policies::MeldcodePolicy& policy,
                                             const DecisionRequest& request) {
  if (request.step.has_value() == request.question.has_value()) {
    return invalid_input("name exactly one step or one question");
  }
  vault::MeldcodeDecisionInput in;
  in.answer = request.answer;
  in.rationale = request.rationale;
  in.policy_hash = policy.hash();
  const std::vector<std::string>* answers = nullptr;
  std::string what;
  if (request.step) {
    const policies::MeldcodeStep* step = policy.step(*request.step);
    if (step == nullptr) {
      return invalid_input("step: the meldcode policy has steps 1 to " +
                           std::to_string(policy.steps().size()));
    }
    in.item = vault::MeldcodeItem::kStep;
    in.number = step->number;
    in.code = step->code;
    answers = &step->answers;
    what = "step " + std::to_string(step->number);
  } else {
    std::optional<int> number = as_number(*request.question);
    const policies::MeldcodeQuestion* q =
        number ? policy.question(*number) : policy.question(*request.question);
    if (q == nullptr) {
      return invalid_input(
          "question: not a question of the meldcode policy (give its number, 1 to " +
          std::to_string(policy.questions().size()) + ", or its code)");
    }
    in.item = vault::MeldcodeItem::kQuestion;
    in.number = q->number;
    in.code = q->code;
    answers = &q->answers;
    what = "question " + std::to_string(q->number) + " (" + q->code + ")";
  }
  bool ok = false;
  for (const std::string& a : *answers)
    ok = ok || a == request.answer;
  if (!ok) {
    // Only a code the policy defines is repeated: the answer given may be anything.
    return invalid_input("answer: not an answer of " + what + " (allowed: " + allowed(*answers) +
                         ")");
  }
  return in;
}

}  // namespace

const vault::MeldcodeDecision* answer_in_force(
    const std::vector<vault::MeldcodeDecision>& decisions, vault::MeldcodeItem item,
    const std::string& code) {
  for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
    if (it->item == item && it->code == code) return &*it;
  }
  return nullptr;
}

std::string_view enum_name(MeldcodeSuggestion::Kind kind) {
  switch (kind) {
    case MeldcodeSuggestion::Kind::kStep:
      return "step";
    case MeldcodeSuggestion::Kind::kQuestion:
      return "question";
    case MeldcodeSuggestion::Kind::kComplete:
      return "complete";
  }
  return "complete";
}

Result<policies::MeldcodePolicy> load_meldcode(Session& s) {
  return policies::load_meldcode_policy((s.policies().dir / "meldcode.json").string());
}

MeldcodeSuggestion suggest_next(const policies::MeldcodePolicy& policy,
                                const std::vector<vault::MeldcodeDecision>& decisions) {
  std::optional<std::string> decision;
  std::string because;
  for (const policies::MeldcodeStep& step : policy.steps()) {
    for (const policies::MeldcodeQuestion& q : step.questions) {
      if (decision) break;  // settled: the later questions are not needed
      const vault::MeldcodeDecision* a =
          answer_in_force(decisions, vault::MeldcodeItem::kQuestion, q.code);
      if (a == nullptr) {
        return {MeldcodeSuggestion::Kind::kQuestion, q.number, q.code, std::nullopt, ""};
      }
      if (const std::string* d = q.decision_for(a->answer)) {
        decision = *d;
        because = q.code;
      }
    }
    if (answer_in_force(decisions, vault::MeldcodeItem::kStep, step.code) == nullptr) {
      MeldcodeSuggestion next{MeldcodeSuggestion::Kind::kStep, step.number, step.code, std::nullopt,
                              ""};
      if (&step == &policy.decision_step()) {
        next.decision = decision;
        next.because = because;
      }
      return next;
    }
  }
  return {};
}

Result<MeldcodeView> show_meldcode(Session& s, const std::string& case_id) {
  MeldcodeView view;
  MK_ASSIGN_OR_RETURN(view.policy, load_meldcode(s));
  view.case_id = case_id;
  MK_ASSIGN_OR_RETURN(
      view.decisions,
      s.transact(
          "case.meldcode.read",
          [&](vault::UnitOfWork& uow) -> Result<std::vector<vault::MeldcodeDecision>> {
            if (uow.vault().can_read_identities()) {
              return vault::read_meldcode_decisions(uow, case_id);
            }
            return vault::list_meldcode_decisions(uow, case_id);
          },
          case_id));
  view.next = suggest_next(view.policy, view.decisions);
  return view;
}

Result<std::string> decide(Session& s, const std::string& case_id, const DecisionRequest& request) {
  MK_ASSIGN_OR_RETURN(policies::MeldcodePolicy policy, load_meldcode(s));
  MK_ASSIGN_OR_RETURN(vault::MeldcodeDecisionInput input, resolve(policy, request));
  return s.transact(
      "case.decide",
      [&](vault::UnitOfWork& uow) { return vault::record_meldcode_decision(uow, case_id, input); },
      case_id);
}

}  // namespace mk::service

// Looking things up in a meldcode policy; parsing is in meldcode_policy_parser.cpp.
#include "policies/meldcode_policy.hpp"

#include <algorithm>

namespace mk::policies {

const std::string* MeldcodeQuestion::decision_for(std::string_view answer) const {
  for (const MeldcodeOutcome& o : leads_to) {
    if (o.answer == answer) return &o.decision;
  }
  return nullptr;
}

bool MeldcodeQuestion::allows(std::string_view answer) const {
  return std::find(answers.begin(), answers.end(), answer) != answers.end();
}

bool MeldcodeStep::allows(std::string_view answer) const {
  return std::find(answers.begin(), answers.end(), answer) != answers.end();
}

const MeldcodeStep* MeldcodePolicy::step(int number) const {
  for (const MeldcodeStep& s : steps_) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

const MeldcodeQuestion* MeldcodePolicy::question(int number) const {
  for (const MeldcodeQuestion* q : questions()) {
    if (q->number == number) return q;
  }
  return nullptr;
}

const MeldcodeQuestion* MeldcodePolicy::question(std::string_view code) const {
  for (const MeldcodeQuestion* q : questions()) {
    if (q->code == code) return q;
  }
  return nullptr;
}

const MeldcodeAnswer* MeldcodePolicy::answer(std::string_view code) const {
  for (const MeldcodeAnswer& a : answers_) {
    if (a.code == code) return &a;
  }
  return nullptr;
}

std::vector<const MeldcodeQuestion*> MeldcodePolicy::questions() const {
  std::vector<const MeldcodeQuestion*> out;
  for (const MeldcodeStep& s : steps_) {
    for (const MeldcodeQuestion& q : s.questions)
      out.push_back(&q);
  }
  return out;
}

}  // namespace mk::policies

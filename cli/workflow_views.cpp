#include "cli/workflow_views.hpp"

#include <string>

namespace mk::cli {
namespace {

// answer, decided, decided_by of the answer in force (null when none).
void set_in_force(json::Value& o, const vault::MeldcodeDecision* d) {
  o.set("answer", d ? json::Value(d->answer) : json::Value());
  o.set("decided", d ? json::Value(format_instant(d->decided)) : json::Value());
  o.set("decided_by", d ? json::Value(d->decided_by) : json::Value());
}

json::Value next_json(const service::MeldcodeSuggestion& next,
                      const policies::MeldcodePolicy& policy) {
  json::Value o = json::Value::object();
  o.set("kind", service::enum_name(next.kind));
  json::Value number, code, label_nl, label_en;
  if (next.kind == service::MeldcodeSuggestion::Kind::kStep) {
    if (const policies::MeldcodeStep* s = policy.step(next.number)) {
      number = s->number;
      code = s->code;
      label_nl = s->label_nl;
      label_en = s->label_en;
    }
  } else if (next.kind == service::MeldcodeSuggestion::Kind::kQuestion) {
    if (const policies::MeldcodeQuestion* q = policy.question(next.number)) {
      number = q->number;
      code = q->code;
      label_nl = q->label_nl;
      label_en = q->label_en;
    }
  }
  o.set("number", number);
  o.set("code", code);
  o.set("label_nl", label_nl);
  o.set("label_en", label_en);
  o.set("decision", next.decision ? json::Value(*next.decision) : json::Value());
  o.set("because", next.because.empty() ? json::Value() : json::Value(next.because));
  return o;
}

}  // namespace

json::Value to_json(const vault::MeldcodeDecision& d) {
  json::Value o = json::Value::object();
  o.set("id", d.id);
  o.set("case_id", d.case_id);
  o.set("item", vault::enum_name(d.item));
  o.set("number", d.number);
  o.set("code", d.code);
  o.set("answer", d.answer);
  o.set("policy_hash", d.policy_hash);
  o.set("decided", format_instant(d.decided));
  o.set("decided_by", d.decided_by);
  o.set("has_rationale", d.has_rationale);
  o.set("rationale", d.rationale ? json::Value(*d.rationale) : json::Value());
  return o;
}

json::Value to_json(const service::MeldcodeView& view) {
  const policies::MeldcodePolicy& policy = view.policy;
  json::Value o = json::Value::object();
  o.set("case_id", view.case_id);
  o.set("policy_file", policy.file());
  o.set("policy_hash", policy.hash());
  json::Value steps = json::Value::array();
  for (const policies::MeldcodeStep& s : policy.steps()) {
    json::Value step = json::Value::object();
    step.set("number", s.number);
    step.set("code", s.code);
    step.set("label_nl", s.label_nl);
    step.set("label_en", s.label_en);
    step.set("answers", json::Value::array_of(s.answers));
    set_in_force(step,
                 service::answer_in_force(view.decisions, vault::MeldcodeItem::kStep, s.code));
    json::Value questions = json::Value::array();
    for (const policies::MeldcodeQuestion& q : s.questions) {
      json::Value question = json::Value::object();
      question.set("number", q.number);
      question.set("code", q.code);
      question.set("label_nl", q.label_nl);
      question.set("label_en", q.label_en);
      question.set("answers", json::Value::array_of(q.answers));
      set_in_force(question, service::answer_in_force(view.decisions,
                                                      vault::MeldcodeItem::kQuestion, q.code));
      questions.push(std::move(question));
    }
    step.set("questions", std::move(questions));
    steps.push(std::move(step));
  }
  o.set("steps", std::move(steps));
  json::Value decisions = json::Value::array();
  for (const vault::MeldcodeDecision& d : view.decisions)
    decisions.push(to_json(d));
  o.set("decisions", std::move(decisions));
  o.set("next", next_json(view.next, policy));
  return o;
}

json::Value to_json(const vault::HelpRequest& r) {
  json::Value o = json::Value::object();
  o.set("id", r.id);
  o.set("case_id", r.case_id);
  o.set("person_id", r.person_id ? json::Value(*r.person_id) : json::Value());
  o.set("kind", vault::enum_name(r.kind));
  o.set("team", r.team);
  o.set("requested", r.requested.to_iso());
  o.set("norm", r.norm);
  o.set("due", r.due.to_iso());
  o.set("policy_hash", r.policy_hash);
  o.set("status", vault::enum_name(r.status));
  o.set("closed", r.closed ? json::Value(r.closed->to_iso()) : json::Value());
  o.set("within_norm", r.status == vault::HelpStatus::kOpen
                           ? json::Value()
                           : json::Value(vault::met_within_norm(r)));
  o.set("created", format_instant(r.created));
  o.set("updated", format_instant(r.updated));
  return o;
}

json::Value to_json(const vault::TrainingEntry& e) {
  json::Value o = json::Value::object();
  o.set("id", e.id);
  o.set("held", e.held.to_iso());
  o.set("team", e.team);
  o.set("trained", e.trained);
  o.set("subject", e.subject);
  o.set("recorded", format_instant(e.recorded));
  o.set("recorded_by", e.recorded_by);
  return o;
}

}  // namespace mk::cli

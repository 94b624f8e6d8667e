// meldkluis case meldcode|decide: the Meldcode per case, its decisions and the next step.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/text_input.hpp"
#include "cli/workflow_views.hpp"
#include "service/meldcode.hpp"

namespace mk::cli {
namespace {

std::string item_name(vault::MeldcodeItem item, int number) {
  return (item == vault::MeldcodeItem::kStep ? "stap " : "vraag ") + std::to_string(number);
}

// "done (Gedaan / Done)", or the code alone when the policy no longer defines it.
std::string answer_text(const policies::MeldcodePolicy& policy, const std::string& code) {
  const policies::MeldcodeAnswer* a = policy.answer(code);
  return a ? code + " (" + a->label_nl + " / " + a->label_en + ")" : code;
}

void add_row(Table& table, const policies::MeldcodePolicy& policy, const std::string& item,
             const std::string& label, const vault::MeldcodeDecision* d) {
  table.add({item, label, d ? answer_text(policy, d->answer) : "-",
             d ? format_instant(d->decided) : "-", d ? d->decided_by : "-"});
}

std::string next_text(const service::MeldcodeView& view) {
  const service::MeldcodeSuggestion& next = view.next;
  const policies::MeldcodePolicy& policy = view.policy;
  using Kind = service::MeldcodeSuggestion::Kind;
  if (next.kind == Kind::kComplete) return "alle stappen doorlopen / all steps taken";
  std::string out;
  if (next.kind == Kind::kQuestion) {
    const policies::MeldcodeQuestion* q = policy.question(next.number);
    out = "vraag " + std::to_string(next.number) + " (" + next.code + ")";
    if (q) out += ": " + q->label_nl + " / " + q->label_en;
  } else {
    const policies::MeldcodeStep* s = policy.step(next.number);
    out = "stap " + std::to_string(next.number) + " (" + next.code + ")";
    if (s) out += ": " + s->label_nl + " / " + s->label_en;
  }
  if (next.decision) {
    out += "\nafwegingskader wijst op / points to: " + answer_text(policy, *next.decision) +
           " (vraag / question " + next.because + ")";
  }
  return out;
}

void print_meldcode(const service::MeldcodeView& view) {
  const policies::MeldcodePolicy& policy = view.policy;
  print_fields({{"Casus / Case", view.case_id},
                {"Beleid / Policy", policy.file()},
                {"Versie / Version", policy.hash()}});
  std::fputs("\n", stdout);
  Table table({"ITEM", "OMSCHRIJVING/DESCRIPTION", "ANTWOORD/ANSWER", "WANNEER/WHEN", "DOOR/BY"});
  for (const policies::MeldcodeStep& s : policy.steps()) {
    add_row(table, policy, item_name(vault::MeldcodeItem::kStep, s.number), s.label_nl,
            service::answer_in_force(view.decisions, vault::MeldcodeItem::kStep, s.code));
    for (const policies::MeldcodeQuestion& q : s.questions) {
      add_row(table, policy, "  " + item_name(vault::MeldcodeItem::kQuestion, q.number), q.label_nl,
              service::answer_in_force(view.decisions, vault::MeldcodeItem::kQuestion, q.code));
    }
  }
  table.print();
  std::fputs("\n", stdout);
  print_fields({{"Volgende stap / Next step", next_text(view)}});
  if (view.decisions.empty()) return;
  std::fputs("\nBesluiten / Decisions:\n", stdout);
  Table history(
      {"ID", "WANNEER/WHEN", "DOOR/BY", "ITEM", "ANTWOORD/ANSWER", "TOELICHTING/RATIONALE"});
  bool hidden = false;
  for (const vault::MeldcodeDecision& d : view.decisions) {
    history.add({d.id, format_instant(d.decided), d.decided_by, item_name(d.item, d.number),
                 d.answer, d.has_rationale ? "ja/yes" : "-"});
    hidden = hidden || (d.has_rationale && !d.rationale);
  }
  history.print();
  for (const vault::MeldcodeDecision& d : view.decisions) {
    if (d.rationale) {
      print_text_block("Toelichting / Rationale " + d.id + " (" + item_name(d.item, d.number) + ")",
                       *d.rationale);
    }
  }
  if (hidden)
    notice("(toelichting niet zichtbaar voor deze rol / rationale not visible to this role)");
}

Exit run_meldcode(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(service::MeldcodeView view, service::show_meldcode(session, id));
  if (inv.globals.json) {
    print_json(to_json(view));
  } else {
    print_meldcode(view);
  }
  for (vault::MeldcodeDecision& d : view.decisions) {
    if (d.rationale) wipe_string(*d.rationale);
  }
  return Exit::ok();
}

Exit run_decide(const Invocation& inv) {
  const std::string& id = inv.args.positionals().at(0);
  service::DecisionRequest request;
  if (inv.args.has("step") == inv.args.has("question")) {
    return Exit::usage("give exactly one of --step and --question",
                       "see: meldkluis case decide --help");
  }
  if (Exit e = require_option(inv.args, "answer", "case decide"); !e.is_ok()) return e;
  if (inv.args.has("step")) {
    MK_CLI_TRY(int step, int_option(inv.args, "step", 1, 99, 1));
    request.step = step;
  } else {
    request.question = inv.args.value("question");
  }
  request.answer = *inv.args.value("answer");
  MK_CLI_TRY(request.rationale, text_option(inv.args, "rationale-file"));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  Result<std::string> decision = service::decide(session, id, request);
  if (request.rationale) wipe_string(*request.rationale);
  if (!decision) return decision.status();
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("id", *decision);
    o.set("case_id", id);
    o.set("result", "created");
    print_json(o);
  } else {
    std::fputs((*decision + "\n").c_str(), stdout);
  }
  notice("Besluit " + *decision + " vastgelegd bij casus " + id + " / Decision recorded");
  return Exit::ok();
}

}  // namespace

std::vector<Command> meldcode_commands() {
  const PositionalSpec id{"ID", true, "the case (C-...)"};
  return {
      {"case",
       "meldcode",
       "ID",
       "the Meldcode of a case: steps, answers, next step / meldcode van een casus",
       "Shows the steps of the Meldcode and the questions of its afwegingskader as\n"
       "policies/meldcode.json defines them, the answer in force for each (the latest decision\n"
       "recorded for it), the next step suggested, and every decision recorded, oldest first,\n"
       "with its rationale. A compliance slot sees the decisions but never the rationale.\n"
       "An invalid meldcode policy is exit 8.",
       {},
       {id},
       run_meldcode},
      {"case",
       "decide",
       "ID --step N|--question Q --answer A [--rationale-file FILE|-]",
       "record a Meldcode decision / besluit vastleggen",
       "Appends a decision to an open case: an answer to step N (1-5) of the Meldcode, or to\n"
       "question Q of the afwegingskader (its number or code). The answer must be one the\n"
       "policy allows for that step or question (e.g. done, skipped; yes, no, unknown; report,\n"
       "organise_help, report_and_help, close). Decisions are never changed or deleted: a new\n"
       "decision on the same step replaces the answer in force, and both stay on record. The\n"
       "rationale is read from a file or stdin (\"-\") and encrypted under the case's key. Prints\n"
       "the decision's id. Not allowed for a compliance slot (exit 10); a closed case is exit 11.",
       {{"step", OptionKind::kSingle, "N", "a step of the Meldcode (1-5)"},
        {"question", OptionKind::kSingle, "Q", "a question of the afwegingskader (number or code)"},
        {"answer", OptionKind::kSingle, "A", "the answer code"},
        {"rationale-file", OptionKind::kSingle, "FILE|-", "why: free text, encrypted"}},
       {id},
       run_decide},
  };
}

}  // namespace mk::cli

// The meldcode policy (policies/meldcode.json): valid files load with their steps, questions,
// answers and the decisions questions lead to; every invalid example under
// tests/data/policies/meldcode/ is refused with kPolicyInvalid and exactly the documented
// "FILE:LINE:COL: reason" (docs/policies/meldcode.md).
#include "policies/meldcode_policy.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "policies/policy_file.hpp"

using mk::Code;
using mk::policies::load_meldcode_policy;
using mk::policies::MeldcodePolicy;
using mk::policies::MeldcodeQuestion;
using mk::policies::MeldcodeStep;
using mk::policies::parse_meldcode_policy;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/meldcode/";

MeldcodePolicy load(const std::string& path) {
  auto r = load_meldcode_policy(path);
  INFO(r.status().message());
  REQUIRE(r.is_ok());
  return std::move(r).value();
}

struct Invalid {
  const char* file;
  const char* where_and_reason;  // the message after "FILE:"
};

// clang-format off
const Invalid kInvalid[] = {
    {"trailing_comma.json", "4:62: trailing comma in object"},
    {"wrong_format.json", "2:13: unknown format \"meldkluis-routing/1\" (expected \"meldkluis-meldcode/1\")"},
    {"unsupported_version.json", "2:13: unsupported format version \"meldkluis-meldcode/2\" (this Meldkluis reads \"meldkluis-meldcode/1\")"},
    {"unknown_top_key.json", "3:14: unknown key \"version\" in policy (allowed keys: format, note, answers, steps)"},
    {"empty_answers.json", "3:14: \"answers\" of policy must not be empty"},
    {"duplicate_answer.json", "6:14: duplicate answer code \"yes\" (first at 5:14)"},
    {"bad_answer_code.json", "7:14: \"code\" of answer must be a code: up to 64 lowercase ASCII letters, digits and '_', in segments separated by '.', each starting with a letter"},
    {"missing_label.json", "6:5: missing key \"label_en\" in answer \"no\""},
    {"label_with_newline.json", "42:19: \"label_nl\" of step \"decide\" must not contain control characters or line breaks"},
    {"step_number_gap.json", "40:17: \"number\" of step \"decide\" must be 2 (steps are numbered 1, 2, ... in file order)"},
    {"step_number_string.json", "12:17: \"number\" of step must be a whole number from 1 to 99, found string"},
    {"question_number_wrong.json", "28:21: \"number\" of question \"acute_danger\" must be 2 (questions are numbered 1, 2, ... in file order, across steps)"},
    {"duplicate_step_code.json", "41:15: duplicate step code \"weigh\" (first at 13:15)"},
    {"duplicate_question_code.json", "29:19: duplicate question code \"suspicion\" (first at 20:19)"},
    {"unknown_answer.json", "44:38: unknown answer \"escalate\" in \"answers\" of step \"decide\" (defined answers: done, yes, no, report, close)"},
    {"answer_twice.json", "23:36: \"yes\" appears twice in \"answers\" of question \"suspicion\""},
    {"answers_not_strings.json", "16:19: \"answers\" of step \"weigh\" must hold strings, found number"},
    {"step_without_answers.json", "16:18: \"answers\" of step \"weigh\" must not be empty"},
    {"leads_to_foreign_answer.json", "24:35: answer \"done\" in \"leads_to\" of question \"suspicion\" is not one of its answers (yes, no)"},
    {"leads_to_twice.json", "33:76: \"yes\" appears twice in \"leads_to\" of question \"acute_danger\""},
    {"leads_to_bad_decision.json", "33:54: decision \"done\" in \"leads_to\" of question \"acute_danger\" is not an answer of the last step \"decide\" (its answers: report, close)"},
    {"leads_to_empty.json", "33:23: \"leads_to\" of question \"acute_danger\" must not be empty"},
    {"leads_to_unknown_key.json", "24:73: unknown key \"because\" in \"leads_to\" of question \"suspicion\" (allowed keys: answer, decision)"},
    {"unknown_step_key.json", "44:19: unknown key \"optional\" in step \"decide\" (allowed keys: number, code, label_nl, label_en, answers, questions, reference)"},
    {"missing_reference.json", "39:5: missing key \"reference\" in step \"decide\""},
    {"questions_not_array.json", "44:20: \"questions\" of step \"decide\" must be an array, found string"},
};
// clang-format on

}  // namespace

TEST_CASE("a meldcode policy loads with its steps, questions and answers", "[policies][meldcode]") {
  const MeldcodePolicy p = load(kDir + "valid_minimal.json");
  REQUIRE(p.steps().size() == 2);
  CHECK(p.answers().size() == 5);
  const MeldcodeStep& weigh = p.steps()[0];
  CHECK(weigh.number == 1);
  CHECK(weigh.code == "weigh");
  CHECK(weigh.label_nl == "Wegen met het afwegingskader");
  CHECK(weigh.reference == "Meldcode, stap 4");
  REQUIRE(weigh.questions.size() == 2);
  CHECK(p.decision_step().code == "decide");
  CHECK(p.step(2) == &p.decision_step());
  CHECK(p.step(3) == nullptr);

  const MeldcodeQuestion* danger = p.question(2);
  REQUIRE(danger != nullptr);
  CHECK(danger == p.question("acute_danger"));
  CHECK(danger->allows("yes"));
  CHECK_FALSE(danger->allows("done"));
  REQUIRE(danger->decision_for("yes") != nullptr);
  CHECK(*danger->decision_for("yes") == "report");
  CHECK(danger->decision_for("no") == nullptr);
  CHECK(p.question(3) == nullptr);
  CHECK(p.question("help_possible") == nullptr);
  REQUIRE(p.answer("close") != nullptr);
  CHECK(p.answer("close")->label_en == "Close and record");
  CHECK(p.answer("escalate") == nullptr);
  CHECK(p.hash().size() == 64);
  CHECK(p.file() == kDir + "valid_minimal.json");
}

TEST_CASE("the shipped meldcode policy holds the five steps and the afwegingskader's questions",
          "[policies][meldcode]") {
  const MeldcodePolicy p = load(MELDKLUIS_SOURCE_DIR "/policies/meldcode.json");
  REQUIRE(p.steps().size() == 5);
  const char* steps[] = {"map_signals", "consult", "conversation", "weigh", "decide"};
  for (int i = 0; i < 5; ++i) {
    CHECK(p.steps()[static_cast<std::size_t>(i)].number == i + 1);
    CHECK(p.steps()[static_cast<std::size_t>(i)].code == steps[i]);
  }
  // Step 3 (the conversation) may be skipped when it would endanger someone; step 1 may not.
  CHECK(p.step(3)->allows("skipped"));
  CHECK_FALSE(p.step(1)->allows("skipped"));
  // The afwegingskader belongs to step 4, and its five questions lead where REFERENCE.md §1 says.
  REQUIRE(p.step(4)->questions.size() == 5);
  CHECK(p.questions().size() == 5);
  CHECK(*p.question("suspicion")->decision_for("no") == "close");
  CHECK(*p.question("acute_danger")->decision_for("yes") == "report");
  CHECK(*p.question("help_possible")->decision_for("no") == "report");
  CHECK(*p.question("help_accepted")->decision_for("no") == "report");
  CHECK(*p.question("help_in_time")->decision_for("no") == "report");
  CHECK(*p.question("help_in_time")->decision_for("yes") == "close");
  CHECK(p.question("help_possible")->decision_for("yes") == nullptr);
  for (const char* d : {"report", "organise_help", "report_and_help", "close"})
    CHECK(p.decision_step().allows(d));
}

TEST_CASE("invalid meldcode policies are refused with file, place and reason",
          "[policies][meldcode]") {
  for (const Invalid& c : kInvalid) {
    DYNAMIC_SECTION(c.file) {
      const std::string path = kDir + c.file;
      const auto r = load_meldcode_policy(path);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == Code::kPolicyInvalid);
      CHECK(r.status().message() == path + ":" + c.where_and_reason);
      // Messages quote keys and codes, never labels or references.
      for (const char* text : {"Beslissen", "Melden", "Meldcode, stap", "vermoeden"}) {
        CHECK(r.status().message().find(text) == std::string::npos);
      }
    }
  }
}

TEST_CASE("empty, non-JSON and misshapen meldcode text is refused", "[policies][meldcode]") {
  const auto empty = parse_meldcode_policy("", "x.json");
  REQUIRE_FALSE(empty.is_ok());
  CHECK(empty.status().code() == Code::kPolicyInvalid);
  CHECK(empty.status().message().rfind("x.json:1:1: ", 0) == 0);

  const auto top = parse_meldcode_policy("[]", "x.json");
  REQUIRE_FALSE(top.is_ok());
  CHECK(top.status().message() == "x.json:1:1: policy must be an object, found array");

  const auto no_steps =
      parse_meldcode_policy(R"({"format": "meldkluis-meldcode/1", "answers": []})", "x.json");
  REQUIRE_FALSE(no_steps.is_ok());
  CHECK(no_steps.status().message() == "x.json:1:47: \"answers\" of policy must not be empty");

  const auto missing = load_meldcode_policy(kDir + "no_such_file.json");
  REQUIRE_FALSE(missing.is_ok());
  CHECK(missing.status().code() == Code::kNotFound);
}

TEST_CASE("the meldcode format documentation's example is a valid policy", "[policies][meldcode]") {
  const auto doc =
      mk::policies::read_policy_file(MELDKLUIS_SOURCE_DIR "/docs/policies/meldcode.md");
  REQUIRE(doc.is_ok());
  const std::string open = "```json\n";
  const auto begin = doc->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc->find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto p =
      parse_meldcode_policy(doc->substr(begin + open.size(), end - begin - open.size()), "doc");
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  CHECK(p->steps().size() == 2);
  CHECK(p->questions().size() == 1);
}

// The norm-time policy (policies/normtimes.json): valid files load with a norm for every kind of
// help request, as a period or in days, and give due dates; every invalid example under
// tests/data/policies/normtimes/ is refused with kPolicyInvalid and exactly the documented
// "FILE:LINE:COL: reason" (docs/policies/normtimes.md).
#include "policies/normtimes_policy.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "policies/policy_file.hpp"

using mk::Code;
using mk::Date;
using mk::policies::load_normtimes_policy;
using mk::policies::NormTime;
using mk::policies::NormTimesPolicy;
using mk::policies::parse_normtimes_policy;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/normtimes/";

NormTimesPolicy load(const std::string& path) {
  auto r = load_normtimes_policy(path);
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
    {"trailing_comma.json", "11:114: trailing comma in array"},
    {"wrong_format.json", "2:13: unknown format \"meldkluis-reporting/1\" (expected \"meldkluis-normtimes/1\")"},
    {"unsupported_version.json", "2:13: unsupported format version \"meldkluis-normtimes/2\" (this Meldkluis reads \"meldkluis-normtimes/1\")"},
    {"unknown_top_key.json", "4:14: unknown key \"default\" in policy (allowed keys: format, note, norms)"},
    {"unknown_kind.json", "10:14: \"kind\" of norm must be a kind of help request (housing, benefit, brp_registration, medical, shelter, legal_aid, id_papers)"},
    {"duplicate_kind.json", "10:14: duplicate norm for kind \"medical\" (first at 8:14)"},
    {"missing_kind.json", "4:12: no norm for kind \"legal_aid\": every kind of help request needs one"},
    {"both_period_and_days.json", "5:5: norm \"housing\" needs exactly one of \"period\" and \"days\""},
    {"neither_period_nor_days.json", "6:5: norm \"benefit\" needs exactly one of \"period\" and \"days\""},
    {"time_period.json", "11:37: \"period\" of norm \"id_papers\" must not have a time part (\"T...\"): periods are whole years, months, weeks or days"},
    {"zero_period.json", "5:35: \"period\" of norm \"housing\" must not be zero"},
    {"days_zero.json", "8:33: \"days\" of norm \"medical\" must be a whole number from 1 to 3660"},
    {"days_fraction.json", "10:35: \"days\" of norm \"legal_aid\" must be a whole number from 1 to 3660"},
    {"days_string.json", "10:35: \"days\" of norm \"legal_aid\" must be a whole number from 1 to 3660, found string"},
    {"missing_reference.json", "10:5: missing key \"reference\" in norm \"legal_aid\""},
    {"reference_with_newline.json", "6:55: \"reference\" of norm \"benefit\" must not contain control characters or line breaks"},
    {"unknown_norm_key.json", "9:44: unknown key \"team\" in norm \"shelter\" (allowed keys: kind, period, days, reference, note)"},
    {"empty_norms.json", "4:12: \"norms\" of policy must not be empty"},
};
// clang-format on

}  // namespace

TEST_CASE("a norm-time policy gives every kind a norm and a due date", "[policies][normtimes]") {
  const NormTimesPolicy p = load(kDir + "valid_full.json");
  CHECK(p.norms().size() == 7);
  for (std::string_view kind : mk::policies::kHelpRequestKinds)
    CHECK(p.find(kind) != nullptr);
  CHECK(p.find("debt_relief") == nullptr);

  const NormTime* housing = p.find("housing");
  REQUIRE(housing != nullptr);
  CHECK(mk::policies::format_iso_period(housing->period) == "P8W");
  CHECK(housing->reference == "Eigen norm, team Wonen");
  // Monday 5 January 2026 + 8 weeks: Monday 2 March.
  CHECK(housing->due(Date(2026, 1, 5)) == Date(2026, 3, 2));

  // Days are kept as a period of days.
  const NormTime* brp = p.find("brp_registration");
  CHECK(mk::policies::format_iso_period(brp->period) == "P5D");
  CHECK(brp->due(Date(2026, 2, 26)) == Date(2026, 3, 3));
  CHECK(p.find("shelter")->due(Date(2026, 12, 31)) == Date(2027, 1, 1));
  // A month ends at the end of a shorter month.
  const NormTime* papers = p.find("id_papers");
  CHECK(papers->due(Date(2026, 1, 31)) == Date(2026, 2, 28));
  CHECK(papers->note == "Langer als de ambassade nodig is");
  CHECK(p.find("medical")->note.empty());
  CHECK(p.hash().size() == 64);
}

TEST_CASE("the shipped norm-time policy has a norm with a reference for every kind",
          "[policies][normtimes]") {
  const NormTimesPolicy p = load(MELDKLUIS_SOURCE_DIR "/policies/normtimes.json");
  for (std::string_view kind : mk::policies::kHelpRequestKinds) {
    INFO(kind);
    const NormTime* n = p.find(kind);
    REQUIRE(n != nullptr);
    CHECK_FALSE(n->reference.empty());
  }
  CHECK(mk::policies::format_iso_period(p.find("benefit")->period) == "P8W");
  CHECK(p.find("benefit")->reference.find("4:13") != std::string::npos);
  CHECK(mk::policies::format_iso_period(p.find("shelter")->period) == "P1D");
}

TEST_CASE("invalid norm-time policies are refused with file, place and reason",
          "[policies][normtimes]") {
  for (const Invalid& c : kInvalid) {
    DYNAMIC_SECTION(c.file) {
      const std::string path = kDir + c.file;
      const auto r = load_normtimes_policy(path);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == Code::kPolicyInvalid);
      CHECK(r.status().message() == path + ":" + c.where_and_reason);
      // Messages quote keys and codes, never references or notes.
      for (const char* text : {"Eigen norm", "Awb", "Gemeente Voorbeeld"}) {
        CHECK(r.status().message().find(text) == std::string::npos);
      }
    }
  }
}

TEST_CASE("empty, non-JSON and misshapen norm-time text is refused", "[policies][normtimes]") {
  const auto empty = parse_normtimes_policy("", "x.json");
  REQUIRE_FALSE(empty.is_ok());
  CHECK(empty.status().code() == Code::kPolicyInvalid);
  CHECK(empty.status().message().rfind("x.json:1:1: ", 0) == 0);

  const auto no_format = parse_normtimes_policy(R"({"norms": []})", "x.json");
  REQUIRE_FALSE(no_format.is_ok());
  CHECK(no_format.status().message() == "x.json:1:1: missing key \"format\" in policy");

  const auto missing = load_normtimes_policy(kDir + "no_such_file.json");
  REQUIRE_FALSE(missing.is_ok());
  CHECK(missing.status().code() == Code::kNotFound);
}

TEST_CASE("the norm-time format documentation's example is a valid policy",
          "[policies][normtimes]") {
  const auto doc =
      mk::policies::read_policy_file(MELDKLUIS_SOURCE_DIR "/docs/policies/normtimes.md");
  REQUIRE(doc.is_ok());
  const std::string open = "```json\n";
  const auto begin = doc->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc->find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto p =
      parse_normtimes_policy(doc->substr(begin + open.size(), end - begin - open.size()), "doc");
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  CHECK(p->norms().size() == 7);
}

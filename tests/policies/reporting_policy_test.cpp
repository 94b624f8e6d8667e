// The reporting policy (policies/reporting.json): valid files load with their threshold, reference
// and optional rounding; every invalid example under tests/data/policies/reporting/ is refused with
// kPolicyInvalid and exactly the documented "FILE:LINE:COL: reason" (docs/policies/reporting.md).
#include "policies/reporting_policy.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "policies/policy_file.hpp"

using mk::Code;
using mk::policies::load_reporting_policy;
using mk::policies::parse_reporting_policy;
using mk::policies::ReportingPolicy;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/reporting/";

ReportingPolicy load(const std::string& path) {
  auto r = load_reporting_policy(path);
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
    {"trailing_comma.json", "5:47: trailing comma in object"},
    {"wrong_format.json", "2:13: unknown format \"meldkluis-retention/1\" (expected \"meldkluis-reporting/1\")"},
    {"unsupported_version.json", "2:13: unsupported format version \"meldkluis-reporting/2\" (this Meldkluis reads \"meldkluis-reporting/1\")"},
    {"unknown_top_key.json", "7:13: unknown key \"marker\" in policy (allowed keys: format, note, suppression, rounding)"},
    {"missing_suppression.json", "1:1: missing key \"suppression\" in policy"},
    {"suppression_not_object.json", "3:18: \"suppression\" must be an object, found number"},
    {"threshold_one.json", "4:18: \"threshold\" of \"suppression\" must be a whole number from 2 to 100"},
    {"threshold_string.json", "4:18: \"threshold\" of \"suppression\" must be a whole number from 2 to 100, found string"},
    {"threshold_fraction.json", "4:18: \"threshold\" of \"suppression\" must be a whole number from 2 to 100"},
    {"threshold_too_large.json", "4:18: \"threshold\" of \"suppression\" must be a whole number from 2 to 100"},
    {"missing_reference.json", "3:18: missing key \"reference\" in \"suppression\""},
    {"unknown_suppression_key.json", "5:24: unknown key \"treshold_public\" in \"suppression\" (allowed keys: threshold, reference)"},
    {"reference_with_newline.json", "5:18: \"reference\" of \"suppression\" must not contain control characters or line breaks"},
    {"rounding_zero.json", "8:17: \"multiple\" of \"rounding\" must be a whole number from 2 to 100"},
    {"rounding_missing_reference.json", "7:15: missing key \"reference\" in \"rounding\""},
};
// clang-format on

}  // namespace

TEST_CASE("a reporting policy with a threshold loads", "[policies][reporting]") {
  const ReportingPolicy p = load(kDir + "valid_minimal.json");
  CHECK(p.suppression().threshold == 5);
  CHECK(p.suppression().reference.find("k = 11") != std::string::npos);
  CHECK_FALSE(p.rounding().has_value());
  CHECK(p.file() == kDir + "valid_minimal.json");
  CHECK(p.hash().size() == 64);
}

TEST_CASE("a reporting policy may round the counts it shows", "[policies][reporting]") {
  const ReportingPolicy p = load(kDir + "valid_full.json");
  CHECK(p.suppression().threshold == 11);
  REQUIRE(p.rounding().has_value());
  CHECK(p.rounding()->multiple == 5);
  CHECK(p.rounding()->reference.rfind("As Microsoft", 0) == 0);
  // Another file, another version.
  CHECK(p.hash() != load(kDir + "valid_minimal.json").hash());
}

TEST_CASE("the shipped reporting policy suppresses counts below 5", "[policies][reporting]") {
  const ReportingPolicy p = load(MELDKLUIS_SOURCE_DIR "/policies/reporting.json");
  CHECK(p.suppression().threshold == 5);
  CHECK(p.suppression().reference.find("k = 11") != std::string::npos);
  CHECK_FALSE(p.rounding().has_value());
}

TEST_CASE("invalid reporting policies are refused with file, place and reason",
          "[policies][reporting]") {
  for (const Invalid& c : kInvalid) {
    DYNAMIC_SECTION(c.file) {
      const std::string path = kDir + c.file;
      const auto r = load_reporting_policy(path);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == Code::kPolicyInvalid);
      CHECK(r.status().message() == path + ":" + c.where_and_reason);
      // Messages quote keys and codes, never references.
      for (const char* text : {"Eigen keuze", "CTDC", "Afronding"}) {
        CHECK(r.status().message().find(text) == std::string::npos);
      }
    }
  }
}

TEST_CASE("empty, non-JSON and misshapen reporting text is refused", "[policies][reporting]") {
  const auto empty = parse_reporting_policy("", "x.json");
  REQUIRE_FALSE(empty.is_ok());
  CHECK(empty.status().code() == Code::kPolicyInvalid);
  CHECK(empty.status().message().rfind("x.json:1:1: ", 0) == 0);

  const auto top = parse_reporting_policy("[]", "x.json");
  REQUIRE_FALSE(top.is_ok());
  CHECK(top.status().message() == "x.json:1:1: policy must be an object, found array");

  const auto no_format = parse_reporting_policy(R"({"suppression": {}})", "x.json");
  REQUIRE_FALSE(no_format.is_ok());
  CHECK(no_format.status().message() == "x.json:1:1: missing key \"format\" in policy");

  const auto missing = load_reporting_policy(kDir + "no_such_file.json");
  REQUIRE_FALSE(missing.is_ok());
  CHECK(missing.status().code() == Code::kNotFound);
}

TEST_CASE("the reporting format documentation's example is a valid policy",
          "[policies][reporting]") {
  const auto doc =
      mk::policies::read_policy_file(MELDKLUIS_SOURCE_DIR "/docs/policies/reporting.md");
  REQUIRE(doc.is_ok());
  const std::string open = "```json\n";
  const auto begin = doc->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = doc->find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto p =
      parse_reporting_policy(doc->substr(begin + open.size(), end - begin - open.size()), "doc");
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  CHECK(p->suppression().threshold == 5);
  REQUIRE(p->rounding().has_value());
  CHECK(p->rounding()->multiple == 5);
}

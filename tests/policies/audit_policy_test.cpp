// The audit policy (policies/audit.json): the shipped file loads with its 31 days; a file that is
// not exactly right is refused with kPolicyInvalid naming file, place and reason
// (docs/policies/audit.md).
#include "policies/audit_policy.hpp"

#include <catch2/catch.hpp>
#include <string>

using mk::Code;
using mk::policies::load_audit_policy;
using mk::policies::parse_audit_policy;

namespace {

std::string refusal(const std::string& text) {
  auto r = parse_audit_policy(text, "audit.json");
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kPolicyInvalid);
  return r.status().message();
}

}  // namespace

TEST_CASE("audit policy: the shipped file allows 31 unwitnessed days") {
  auto policy = load_audit_policy(MELDKLUIS_SOURCE_DIR "/policies/audit.json");
  REQUIRE(policy);
  CHECK(policy->max_unwitnessed_days() == 31);
  CHECK(policy->hash().size() == 64);
}

TEST_CASE("audit policy: a minimal valid file") {
  auto policy = parse_audit_policy(
      R"({"format": "meldkluis-audit/1", "witness": {"max_unwitnessed_days": 7}})", "audit.json");
  REQUIRE(policy);
  CHECK(policy->max_unwitnessed_days() == 7);
}

TEST_CASE("audit policy: invalid files are refused with file, place and reason") {
  CHECK(refusal(R"({"format": "meldkluis-audit/2", "witness": {"max_unwitnessed_days": 7}})") ==
        "audit.json:1:12: unsupported format version \"meldkluis-audit/2\" (this Meldkluis reads "
        "\"meldkluis-audit/1\")");
  CHECK(refusal(R"({"format": 1, "witness": {"max_unwitnessed_days": 7}})")
            .starts_with("audit.json:1:12: "));
  CHECK(refusal(R"({"format": "meldkluis-audit/1"})") ==
        "audit.json:1:1: missing key \"witness\" in policy");
  CHECK_THAT(refusal(R"({"format": "meldkluis-audit/1", "witness": {"max_unwitnessed_dagen": 7}})"),
             Catch::Contains("unknown key \"max_unwitnessed_dagen\""));
  CHECK_THAT(
      refusal(
          R"({"format": "meldkluis-audit/1", "witnes": {}, "witness": {"max_unwitnessed_days": 7}})"),
      Catch::Contains("unknown key \"witnes\" in policy"));
  CHECK(refusal(R"({"format": "meldkluis-audit/1", "witness": {"max_unwitnessed_days": 0}})") ==
        "audit.json:1:69: \"max_unwitnessed_days\" of \"witness\" must be a whole number from 1 "
        "to 3660");
  CHECK(!refusal(R"({"format": "meldkluis-audit/1", "witness": {"max_unwitnessed_days": 31.5}})")
             .empty());
  CHECK(!refusal(R"({"format": "meldkluis-audit/1", "witness": {"max_unwitnessed_days": "31"}})")
             .empty());
  CHECK(!refusal(R"({"format": "meldkluis-audit/1", "witness": 31})").empty());
}

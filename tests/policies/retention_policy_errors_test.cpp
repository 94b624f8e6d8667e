// Every invalid example file under tests/data/policies/retention/ fails to load with
// kPolicyInvalid and exactly the documented "FILE:LINE:COL: reason" (docs/policies/retention.md).
#include <catch2/catch.hpp>
#include <string>

#include "policies/policy_file.hpp"
#include "policies/retention_policy.hpp"

using mk::Code;
using mk::policies::load_retention_policy;
using mk::policies::parse_retention_policy;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/retention/";

struct Invalid {
  const char* file;
  const char* where_and_reason;  // the message after "FILE:"
};

// clang-format off
const Invalid kInvalid[] = {
    {"wrong_format.json", "2:13: unknown format \"meldkluis-indicators/1\" (expected \"meldkluis-retention/1\")"},
    {"unsupported_version.json", "2:13: unsupported format version \"meldkluis-retention/2\" (this Meldkluis reads \"meldkluis-retention/1\")"},
    {"unknown_top_key.json", "84:14: unknown key \"version\" in policy (allowed keys: format, rules, note)"},
    {"empty_rules.json", "4:12: \"rules\" of policy must not be empty"},
    {"trailing_comma.json", "8:154: trailing comma in array"},
    {"rule_not_object.json", "15:5: rule must be an object, found string"},
    {"unknown_key.json", "28:16: unknown key \"perod\" in rule \"case\" (allowed keys: id, class, roles, outcomes, disclosed_to, not_disclosed_to, trigger, period, action, reference, note, confirmed)"},
    {"bad_id.json", "25:13: \"id\" of rule must be an id: up to 64 bytes, a lowercase ASCII letter followed by lowercase letters, digits, '-', '_' or '.', not ending in '-', '_' or '.'"},
    {"missing_reference.json", "24:5: missing key \"reference\" in rule \"case\""},
    {"reference_with_newline.json", "30:20: \"reference\" of rule \"case\" must not contain control characters or line breaks"},
    {"bad_period.json", "28:17: \"period\" of rule \"case\" must be an ISO 8601 duration in years, months, weeks or days, such as \"P5Y\", \"P6M\", \"P1Y6M\" or \"P2W\""},
    {"time_period.json", "28:17: \"period\" of rule \"case\" must not have a time part (\"T...\"): periods are whole years, months, weeks or days"},
    {"zero_period.json", "28:17: \"period\" of rule \"case\" must not be zero"},
    {"weeks_combined.json", "28:17: \"period\" of rule \"case\" must not combine weeks with other components (ISO 8601)"},
    {"unknown_class.json", "26:16: \"class\" of rule \"case\" must be \"signal\", \"case\", \"person\", \"disclosure\" or \"audit_entry\""},
    {"unknown_trigger.json", "27:18: \"trigger\" of rule \"case\" must be \"closed\", \"last_activity\" or \"received\""},
    {"unknown_action.json", "29:17: \"action\" of rule \"case\" must be \"shred\" or \"deidentify\""},
    {"unknown_role.json", "48:28: unknown person role \"verdachte\" in \"roles\" of rule \"person-suspect\" (known: victim, suspect, reporter, other)"},
    {"unknown_outcome.json", "8:36: unknown signal outcome \"unfounded\" in \"outcomes\" of rule \"signal-no-suspicion\" (known: no_suspicion, insufficient_information, referred, case_opened, other)"},
    {"unknown_partner_kind.json", "37:24: unknown partner kind \"politie\" in \"disclosed_to\" of rule \"person-suspect-police\" (known: police, care_coordination, registration, labour_inspection, child_protection, safety_house, riec, other)"},
    {"duplicate_role.json", "48:28: \"suspect\" appears twice in \"roles\" of rule \"person-suspect\""},
    {"empty_roles.json", "48:16: \"roles\" of rule \"person-suspect\" must not be empty (leave the key out for no condition)"},
    {"roles_not_array.json", "48:16: \"roles\" of rule \"person-suspect\" must be an array, found string"},
    {"missing_confirmed.json", "24:5: missing key \"confirmed\" in rule \"case\""},
    {"confirmed_string.json", "31:20: \"confirmed\" of rule \"case\" must be true or false, found string"},
    {"outcomes_on_person.json", "49:19: \"outcomes\" of rule \"person-suspect\" is a condition on signals; this rule is for class \"person\""},
    {"roles_on_case.json", "27:16: \"roles\" of rule \"case\" is a condition on persons; this rule is for class \"case\""},
    {"both_disclosed.json", "50:27: partner kind \"police\" is in both \"disclosed_to\" and \"not_disclosed_to\" of rule \"person-suspect\""},
    {"deidentify_person.json", "61:17: \"action\" of rule \"person\" cannot be \"deidentify\" for class \"person\": statistics are kept for signals, cases and disclosures only"},
    {"deidentify_audit_entry.json", "79:17: \"action\" of rule \"audit-entry\" cannot be \"deidentify\" for class \"audit_entry\": statistics are kept for signals, cases and disclosures only"},
    {"closed_disclosure.json", "68:18: \"trigger\" of rule \"disclosure\" must be \"received\" for class \"disclosure\" (it is never closed or changed, so any other trigger would keep it forever)"},
    {"duplicate_id.json", "46:13: duplicate rule id \"person-suspect-police\" (first at 34:13)"},
    {"unreachable.json", "25:13: rule \"signal-referred\" is unreachable: every signal it matches is decided by an earlier rule (\"signal\")"},
    {"unreachable_by_two.json", "26:13: rule \"signal-closed\" is unreachable: every signal it matches is decided by earlier rules (\"signal-no-suspicion\", \"signal-referred\")"},
    {"unreachable_person.json", "57:13: rule \"person-suspect-riec\" is unreachable: every person it matches is decided by an earlier rule (\"person-suspect-police\")"},
    {"missing_role_coverage.json", "4:12: no catch-all rule for persons with role \"reporter\": add a person rule for that role (or for every role) without \"disclosed_to\" or \"not_disclosed_to\", so none is kept forever by omission"},
    {"missing_class_coverage.json", "4:12: no catch-all rule for class \"disclosure\": add a rule for it, so none is kept forever by omission"},
    {"missing_signal_coverage.json", "4:12: no catch-all rule for class \"signal\": add a signal rule without \"outcomes\", so none is kept forever by omission"},
};
// clang-format on

}  // namespace

TEST_CASE("invalid retention policies are refused with file, place and reason",
          "[policies][retention]") {
  for (const Invalid& c : kInvalid) {
    DYNAMIC_SECTION(c.file) {
      const std::string path = kDir + c.file;
      const auto r = load_retention_policy(path);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == Code::kPolicyInvalid);
      CHECK(r.status().message() == path + ":" + c.where_and_reason);
      // Messages quote keys, ids and names, never references or notes.
      CHECK(r.status().message().find("Selectielijst") == std::string::npos);
      CHECK(r.status().message().find("Rijswijk") == std::string::npos);
    }
  }
}

TEST_CASE("each invalid retention example differs from a valid file in one place",
          "[policies][retention]") {
  // The invalid files are variants of valid_full.json; it must load, or the cases above would
  // test nothing in particular.
  const auto r = load_retention_policy(kDir + "valid_full.json");
  INFO(r.status().message());
  CHECK(r.is_ok());
}

TEST_CASE("retention errors name the file as the caller gave it", "[policies][retention]") {
  const auto text = mk::policies::read_policy_file(kDir + "zero_period.json");
  REQUIRE(text.is_ok());
  const auto r = parse_retention_policy(*text, "policies/retention.json");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() ==
        "policies/retention.json:28:17: \"period\" of rule \"case\" must "
        "not be zero");
}

TEST_CASE("empty, non-JSON and oversized retention text is refused", "[policies][retention]") {
  const auto empty = parse_retention_policy("", "x.json");
  REQUIRE_FALSE(empty.is_ok());
  CHECK(empty.status().code() == Code::kPolicyInvalid);
  CHECK(empty.status().message().rfind("x.json:1:1: ", 0) == 0);

  const auto top = parse_retention_policy("[]", "x.json");
  REQUIRE_FALSE(top.is_ok());
  CHECK(top.status().message() == "x.json:1:1: policy must be an object, found array");

  const auto no_format = parse_retention_policy("{\"rules\": []}", "x.json");
  REQUIRE_FALSE(no_format.is_ok());
  CHECK(no_format.status().message() == "x.json:1:1: missing key \"format\" in policy");

  const std::string big(mk::policies::kMaxPolicyFileBytes + 1, ' ');
  const auto r = parse_retention_policy(big, "x.json");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "x.json: file is larger than 1048576 bytes");
}

TEST_CASE("a missing retention file is not a policy error", "[policies][retention]") {
  const auto missing = load_retention_policy(kDir + "no_such_file.json");
  REQUIRE_FALSE(missing.is_ok());
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK(missing.status().message() == kDir + "no_such_file.json: no such policy file");
}

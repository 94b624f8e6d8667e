// Every invalid example file under tests/data/policies/sharing/ fails to load with kPolicyInvalid
// and exactly the documented "FILE:LINE:COL: reason" (docs/policies/sharing.md).
#include <catch2/catch.hpp>
#include <string>

#include "policies/policy_file.hpp"
#include "policies/sharing_policy.hpp"

using mk::Code;
using mk::policies::load_sharing_policy;
using mk::policies::parse_sharing_policy;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/sharing/";

struct Invalid {
  const char* file;
  const char* where_and_reason;  // the message after "FILE:"
};

// clang-format off
const Invalid kInvalid[] = {
    {"wrong_format.json", "2:13: unknown format \"meldkluis-retention/1\" (expected \"meldkluis-sharing/1\")"},
    {"unsupported_version.json", "2:13: unsupported format version \"meldkluis-sharing/2\" (this Meldkluis reads \"meldkluis-sharing/1\")"},
    {"unknown_top_key.json", "4:14: unknown key \"version\" in policy (allowed keys: format, note, partners)"},
    {"empty_partners.json", "4:15: \"partners\" of policy must not be empty"},
    {"bad_partner_id.json", "91:13: \"id\" of partner must be a code: up to 64 lowercase ASCII letters, digits and '_', in segments separated by '.', each starting with a letter"},
    {"unknown_partner_kind.json", "62:15: unknown partner kind \"politie\" in \"kind\" of partner \"police\" (known: police, care_coordination, registration, labour_inspection, child_protection, safety_house, riec, other)"},
    {"duplicate_partner.json", "91:13: duplicate partner id \"police\" (first at 61:13)"},
    {"duplicate_purpose.json", "31:17: duplicate purpose \"shop/care_referral\" (first at 12:17)"},
    {"unknown_key.json", "71:35: unknown key \"legal_basis_refrence\" in purpose \"police/report\" (allowed keys: id, label_nl, label_en, legal_basis, legal_basis_reference, consent_required, consent_self_from_age, consent_reference, minors, minors_reference, roles, record_fields)"},
    {"missing_legal_basis.json", "38:9: missing key \"legal_basis\" in purpose \"comensha/registration\""},
    {"empty_legal_basis.json", "70:26: \"legal_basis\" of purpose \"police/report\" must not be empty"},
    {"reference_with_newline.json", "46:32: \"consent_reference\" of purpose \"comensha/registration\" must not contain control characters or line breaks"},
    {"consent_required_string.json", "44:31: \"consent_required\" of purpose \"comensha/registration\" must be true or false, found string"},
    {"consent_age_out_of_range.json", "45:36: \"consent_self_from_age\" of purpose \"comensha/registration\" must be a whole number from 12 to 18"},
    {"consent_age_fraction.json", "45:36: \"consent_self_from_age\" of purpose \"comensha/registration\" must be a whole number from 12 to 18"},
    {"missing_consent_age.json", "38:9: missing key \"consent_self_from_age\" in purpose \"comensha/registration\" (required when \"consent_required\" is true)"},
    {"consent_age_without_consent.json", "73:36: \"consent_self_from_age\" of purpose \"police/report\" applies only when \"consent_required\" is true"},
    {"unknown_minors.json", "47:21: \"minors\" of purpose \"comensha/registration\" must be \"allow\" or \"refuse\""},
    {"unknown_role.json", "82:23: unknown person role \"verdachte\" in role entry of purpose \"police/report\" (known: victim, suspect, reporter, other)"},
    {"duplicate_role.json", "114:23: duplicate role \"suspect\" in purpose \"zvh/case_consultation\" (first at 108:23)"},
    {"unknown_field.json", "52:27: unknown person field \"naam\" in \"include\" of role \"victim\" of purpose \"comensha/registration\" (known: name, date_of_birth, nationality, bsn, document_number, address, phone)"},
    {"duplicate_field.json", "54:28: duplicate field \"name\" in role \"victim\" of purpose \"comensha/registration\" (first at 52:27)"},
    {"generalise_name.json", "116:47: field \"name\" cannot be generalised in role \"victim\" of purpose \"zvh/case_consultation\": only \"date_of_birth\" (to the year) and \"address\" (to the municipality) can be"},
    {"pseudonymise_bsn.json", "109:40: field \"bsn\" cannot be pseudonymised in role \"suspect\" of purpose \"zvh/case_consultation\": only \"name\" can be (the person then appears under the partner's pseudonym)"},
    {"empty_fate_list.json", "116:29: \"generalise\" of role \"victim\" of purpose \"zvh/case_consultation\" must not be empty (leave the key out)"},
    {"fields_not_strings.json", "116:30: \"generalise\" of role \"victim\" of purpose \"zvh/case_consultation\" must hold strings, found number"},
    {"sends_nothing.json", "22:13: role \"victim\" of purpose \"shop/care_referral\" sends no field: give at least one field to \"include\", \"pseudonymise\" or \"generalise\" (leave the role out to withhold its persons whole)"},
    {"unknown_record_field.json", "56:48: unknown record field \"signal.verhaal\" in \"record_fields\" of purpose \"comensha/registration\" (known: signal.received, signal.source_kind, signal.forms, signal.indicators, signal.minor, signal.scale, signal.severity, signal.nature, signal.narrative, case.opened, case.closed, case.status, case.summary)"},
    {"duplicate_record_field.json", "56:48: \"signal.received\" appears twice in \"record_fields\" of purpose \"comensha/registration\""},
};
// clang-format on

}  // namespace

TEST_CASE("invalid sharing policies are refused with file, place and reason",
          "[policies][sharing]") {
  for (const Invalid& c : kInvalid) {
    DYNAMIC_SECTION(c.file) {
      const std::string path = kDir + c.file;
      const auto r = load_sharing_policy(path);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == Code::kPolicyInvalid);
      CHECK(r.status().message() == path + ":" + c.where_and_reason);
      // Messages quote keys, ids and names, never legal bases, references or labels.
      for (const char* text : {"Rijswijk", "AVG art", "Meldcode", "Casusoverleg", "SHOP Den"}) {
        CHECK(r.status().message().find(text) == std::string::npos);
      }
    }
  }
}

TEST_CASE("each invalid sharing example differs from a valid file in one place",
          "[policies][sharing]") {
  const auto r = load_sharing_policy(kDir + "valid_full.json");
  INFO(r.status().message());
  CHECK(r.is_ok());
}

TEST_CASE("sharing errors name the file as the caller gave it", "[policies][sharing]") {
  const auto text = mk::policies::read_policy_file(kDir + "pseudonymise_bsn.json");
  REQUIRE(text.is_ok());
  const auto r = parse_sharing_policy(*text, "policies/sharing.json");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message().rfind("policies/sharing.json:109:40: field \"bsn\" cannot be", 0) ==
        0);
}

TEST_CASE("empty, non-JSON, oversized and misshapen sharing text is refused",
          "[policies][sharing]") {
  const auto empty = parse_sharing_policy("", "x.json");
  REQUIRE_FALSE(empty.is_ok());
  CHECK(empty.status().code() == Code::kPolicyInvalid);
  CHECK(empty.status().message().rfind("x.json:1:1: ", 0) == 0);

  const auto top = parse_sharing_policy("[]", "x.json");
  REQUIRE_FALSE(top.is_ok());
  CHECK(top.status().message() == "x.json:1:1: policy must be an object, found array");

  const auto no_format = parse_sharing_policy(R"({"partners": []})", "x.json");
  REQUIRE_FALSE(no_format.is_ok());
  CHECK(no_format.status().message() == "x.json:1:1: missing key \"format\" in policy");

  const auto partner = parse_sharing_policy(
      "{\"format\": \"meldkluis-sharing/1\", \"partners\": [\"shop\"]}", "x.json");
  REQUIRE_FALSE(partner.is_ok());
  CHECK(partner.status().message() == "x.json:1:48: partner must be an object, found string");

  const std::string big(mk::policies::kMaxPolicyFileBytes + 1, ' ');
  const auto r = parse_sharing_policy(big, "x.json");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() == "x.json: file is larger than 1048576 bytes");
}

TEST_CASE("a missing sharing file is not a policy error", "[policies][sharing]") {
  const auto missing = load_sharing_policy(kDir + "no_such_file.json");
  REQUIRE_FALSE(missing.is_ok());
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK(missing.status().message() == kDir + "no_such_file.json: no such policy file");
}

// Every invalid example file under tests/data/policies/indicators/ fails to load with
// kPolicyInvalid and exactly the documented "FILE:LINE:COL: reason" (docs/policies/indicators.md).
#include <catch2/catch.hpp>
#include <string>

#include "policies/indicator_catalogue.hpp"
#include "policies/policy_file.hpp"

using mk::Code;
using mk::policies::load_indicator_catalogue;
using mk::policies::parse_indicator_catalogue;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/indicators/";

struct Invalid {
  const char* file;
  const char* where_and_reason;  // the message after "FILE:"
};

// clang-format off
const Invalid kInvalid[] = {
    {"unknown_key.json", "25:19: unknown key \"lable_nl\" in indicator \"coercion.violence\" (allowed keys: code, group, label_nl, label_en, reference, htcds)"},
    {"unknown_top_key.json", "3:14: unknown key \"version\" in catalogue (allowed keys: format, forms, groups, indicators)"},
    {"missing_label.json", "13:5: missing key \"label_en\" in group \"coercion\""},
    {"missing_format.json", "1:1: missing key \"format\" in catalogue"},
    {"empty_label.json", "33:19: \"label_nl\" of indicator \"coercion.imposed_debts\" must not be empty"},
    {"blank_label.json", "17:19: \"label_en\" of group \"coercion\" must not start or end with white space"},
    {"control_character.json", "16:19: \"label_nl\" of group \"coercion\" must not contain control characters or line breaks"},
    {"wrong_type.json", "6:19: \"label_nl\" of form \"labour\" must be a string, found number"},
    {"format_not_string.json", "2:13: \"format\" of catalogue must be a string, found number"},
    {"indicators_not_array.json", "21:17: \"indicators\" of catalogue must be an array, found object"},
    {"indicator_not_object.json", "22:5: indicator must be an object, found string"},
    {"not_object.json", "1:1: catalogue must be an object, found array"},
    {"duplicate_code.json", "31:15: duplicate indicator code \"coercion.violence\" (first at 23:15)"},
    {"duplicate_group.json", "21:15: duplicate group code \"coercion\" (first at 14:15)"},
    {"duplicate_form.json", "12:15: duplicate form code \"labour\" (first at 5:15)"},
    {"duplicate_key.json", "34:7: duplicate key \"label_nl\""},
    {"bad_code.json", "23:15: \"code\" of indicator must be a code: up to 64 lowercase ASCII letters, digits and '_', in segments separated by '.', each starting with a letter"},
    {"bad_group.json", "32:16: group \"dwang\" of indicator \"coercion.imposed_debts\" is not defined in \"groups\""},
    {"bad_axis.json", "15:15: \"axis\" of group \"coercion\" must be one of \"coercion\", \"exploitation\", \"control\""},
    {"unsupported_version.json", "2:13: unsupported format version \"meldkluis-indicators/2\" (this Meldkluis reads \"meldkluis-indicators/1\")"},
    {"unknown_format.json", "2:13: unknown format \"meldkluis-retention/1\" (expected \"meldkluis-indicators/1\")"},
    {"trailing_comma.json", "36:6: trailing comma in array"},
    {"empty_group.json", "21:15: group \"exploitation\" has no indicators"},
    {"empty_forms.json", "3:12: \"forms\" of catalogue must not be empty"},
    {"unknown_htcds.json", "28:16: \"htcds\" of indicator \"coercion.violence\" must be an HTCDS v2.0 method of control, spelt as the standard does (\"DebtBondage\")"},
    {"duplicate_htcds.json", "36:16: duplicate HTCDS method of control \"Threats\" (first at 28:16)"},
    {"unknown_form_htcds.json", "9:16: \"htcds\" of form \"labour\" must be an HTCDS v2.0 type of exploitation, spelt as the standard does (\"ForcedLabour\")"},
    {"byte_order_mark.json", "1:1: a byte order mark is not allowed"},
};
// clang-format on

}  // namespace

TEST_CASE("invalid catalogue files are refused with file, place and reason",
          "[policies][indicators]") {
  for (const Invalid& c : kInvalid) {
    DYNAMIC_SECTION(c.file) {
      const std::string path = kDir + c.file;
      const auto r = load_indicator_catalogue(path);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == Code::kPolicyInvalid);
      CHECK(r.status().message() == path + ":" + c.where_and_reason);
      // Messages quote keys and codes, never labels or references.
      CHECK(r.status().message().find("Rijswijk") == std::string::npos);
      CHECK(r.status().message().find("dwingen") == std::string::npos);
    }
  }
}

TEST_CASE("errors name the file as the caller gave it", "[policies][indicators]") {
  const auto text = mk::policies::read_policy_file(kDir + "bad_group.json");
  REQUIRE(text.is_ok());
  const auto r = parse_indicator_catalogue(*text, "policies/indicators.json");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == Code::kPolicyInvalid);
  CHECK(r.status().message().rfind("policies/indicators.json:32:16: group \"dwang\"", 0) == 0);
}

TEST_CASE("empty and oversized text is refused", "[policies][indicators]") {
  const auto empty = parse_indicator_catalogue("", "x.json");
  REQUIRE_FALSE(empty.is_ok());
  CHECK(empty.status().code() == Code::kPolicyInvalid);
  CHECK(empty.status().message().rfind("x.json:1:1: ", 0) == 0);

  const std::string big(mk::policies::kMaxPolicyFileBytes + 1, ' ');
  const auto r = parse_indicator_catalogue(big, "x.json");
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == Code::kPolicyInvalid);
  CHECK(r.status().message() == "x.json: file is larger than 1048576 bytes");
}

TEST_CASE("a missing or unreadable file is not a policy error", "[policies][indicators]") {
  const auto missing = load_indicator_catalogue(kDir + "no_such_file.json");
  REQUIRE_FALSE(missing.is_ok());
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK(missing.status().message() == kDir + "no_such_file.json: no such policy file");

  const auto dir = load_indicator_catalogue(kDir);
  REQUIRE_FALSE(dir.is_ok());
  CHECK(dir.status().code() == Code::kIo);
}

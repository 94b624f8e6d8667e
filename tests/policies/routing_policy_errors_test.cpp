// Every invalid example file under tests/data/policies/routing/ fails to load with kPolicyInvalid
// and exactly the documented "FILE:LINE:COL: reason" (docs/policies/routing.md). The names a rule
// may use come from the sharing policy tests/data/policies/sharing/valid_full.json and the shipped
// indicator catalogue.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policies/indicator_catalogue.hpp"
#include "policies/policy_file.hpp"
#include "policies/routing_policy.hpp"
#include "policies/sharing_policy.hpp"

using mk::Code;
using mk::policies::load_routing_policy;
using mk::policies::parse_routing_policy;

namespace {

const std::string kDir = MELDKLUIS_TEST_DATA_DIR "/policies/routing/";

struct Names {
  std::vector<std::string> targets, forms, indicators;
};

Names names() {
  const auto sharing = mk::policies::load_sharing_policy(MELDKLUIS_TEST_DATA_DIR
                                                         "/policies/sharing/valid_full.json");
  REQUIRE(sharing.is_ok());
  const auto catalogue =
      mk::policies::load_indicator_catalogue(MELDKLUIS_SOURCE_DIR "/policies/indicators.json");
  REQUIRE(catalogue.is_ok());
  Names n;
  n.targets = sharing->targets();
  for (const auto& f : catalogue->forms())
    n.forms.push_back(f.code);
  for (const auto& i : catalogue->indicators())
    n.indicators.push_back(i.code);
  return n;
}

struct Invalid {
  const char* file;
  const char* where_and_reason;  // the message after "FILE:"
};

// clang-format off
const Invalid kInvalid[] = {
    {"wrong_format.json", "2:13: unknown format \"meldkluis-sharing/1\" (expected \"meldkluis-routing/1\")"},
    {"unsupported_version.json", "2:13: unsupported format version \"meldkluis-routing/2\" (this Meldkluis reads \"meldkluis-routing/1\")"},
    {"unknown_top_key.json", "4:14: unknown key \"version\" in policy (allowed keys: format, note, rules)"},
    {"empty_rules.json", "4:12: \"rules\" of policy must not be empty"},
    {"unknown_key.json", "26:20: unknown key \"has_vctim\" in rule \"victim.police\" (allowed keys: id, forms, indicators, minor, has_victim, has_suspect, partner, purpose, reason_nl, reason_en, reference)"},
    {"bad_id.json", "25:13: \"id\" of rule must be a code: up to 64 lowercase ASCII letters, digits and '_', in segments separated by '.', each starting with a letter"},
    {"missing_reason.json", "24:5: missing key \"reason_en\" in rule \"victim.police\""},
    {"minor_string.json", "8:16: \"minor\" of rule \"sexual.shop\" must be true or false, found string"},
    {"forms_not_array.json", "17:16: \"forms\" of rule \"report.police\" must be an array, found string"},
    {"empty_forms.json", "17:16: \"forms\" of rule \"report.police\" must not be empty (leave the key out for no condition)"},
    {"unknown_form.json", "17:27: unknown form \"seksueel\" in \"forms\" of rule \"report.police\" (known: sexual, labour, criminal, organ_removal, other)"},
    {"duplicate_form.json", "17:27: \"sexual\" appears twice in \"forms\" of rule \"report.police\""},
    {"unknown_indicator.json", "35:54: unknown indicator \"exploitation.works_for_others\" in \"indicators\" of rule \"organised.zvh\" (not in the indicator catalogue)"},
    {"form_as_indicator.json", "35:22: unknown indicator \"labour\" in \"indicators\" of rule \"organised.zvh\" (not in the indicator catalogue)"},
    {"no_condition.json", "24:5: rule \"victim.police\" has no condition, so it would suggest police/report for everything: give at least one of \"forms\", \"indicators\", \"minor\", \"has_victim\", \"has_suspect\""},
    {"unknown_partner.json", "18:18: unknown partner \"politie\" in \"partner\" of rule \"report.police\" (the sharing policy has: shop, comensha, police, zvh)"},
    {"unknown_purpose.json", "19:18: unknown purpose \"aangifte\" in \"purpose\" of rule \"report.police\" (partner \"police\" has: report)"},
    {"duplicate_id.json", "25:13: duplicate rule id \"report.police\" (first at 16:13)"},
};
// clang-format on

}  // namespace

TEST_CASE("invalid routing policies are refused with file, place and reason",
          "[policies][routing]") {
  const Names n = names();
  for (const Invalid& c : kInvalid) {
    DYNAMIC_SECTION(c.file) {
      const std::string path = kDir + c.file;
      const auto r = load_routing_policy(path, n.targets, n.forms, n.indicators);
      REQUIRE_FALSE(r.is_ok());
      CHECK(r.status().code() == Code::kPolicyInvalid);
      CHECK(r.status().message() == path + ":" + c.where_and_reason);
      // Messages quote keys, ids and codes, never reasons or references.
      for (const char* text : {"Rijswijk", "273f", "uitbuiting", "exploitation:"}) {
        CHECK(r.status().message().find(text) == std::string::npos);
      }
    }
  }
}

TEST_CASE("each invalid routing example differs from a valid file in one place",
          "[policies][routing]") {
  const Names n = names();
  const auto r = load_routing_policy(kDir + "valid_full.json", n.targets, n.forms, n.indicators);
  INFO(r.status().message());
  CHECK(r.is_ok());
}

TEST_CASE("a routing policy is checked against the names it is given", "[policies][routing]") {
  const Names n = names();
  const auto text = mk::policies::read_policy_file(kDir + "valid_full.json");
  REQUIRE(text.is_ok());
  // Without the zvh partner in the sharing policy the rule naming it is refused.
  std::vector<std::string> targets = n.targets;
  std::erase(targets, "zvh/case_consultation");
  const auto r =
      parse_routing_policy(*text, "policies/routing.json", targets, n.forms, n.indicators);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().message() ==
        "policies/routing.json:38:18: unknown partner \"zvh\" in \"partner\" of rule "
        "\"organised.zvh\" (the sharing policy has: shop, comensha, police)");
  // An indicator code is not a form: "forms" checks against the forms only.
  std::vector<std::string> forms = n.forms;
  std::erase(forms, "criminal");
  const auto f = parse_routing_policy(*text, "routing.json", n.targets, forms, n.indicators);
  REQUIRE_FALSE(f.is_ok());
  CHECK(f.status().message() ==
        "routing.json:17:27: unknown form \"criminal\" in \"forms\" of rule \"report.police\" "
        "(known: sexual, labour, organ_removal, other)");
}

TEST_CASE("empty, non-JSON and misshapen routing text is refused", "[policies][routing]") {
  const Names n = names();
  const auto empty = parse_routing_policy("", "x.json", n.targets, n.forms, n.indicators);
  REQUIRE_FALSE(empty.is_ok());
  CHECK(empty.status().code() == Code::kPolicyInvalid);
  CHECK(empty.status().message().rfind("x.json:1:1: ", 0) == 0);

  const auto top = parse_routing_policy("[]", "x.json", n.targets, n.forms, n.indicators);
  REQUIRE_FALSE(top.is_ok());
  CHECK(top.status().message() == "x.json:1:1: policy must be an object, found array");

  const auto rule = parse_routing_policy(R"({"format": "meldkluis-routing/1", "rules": [7]})",
                                         "x.json", n.targets, n.forms, n.indicators);
  REQUIRE_FALSE(rule.is_ok());
  CHECK(rule.status().message() == "x.json:1:45: rule must be an object, found number");

  const auto missing =
      load_routing_policy(kDir + "no_such_file.json", n.targets, n.forms, n.indicators);
  REQUIRE_FALSE(missing.is_ok());
  CHECK(missing.status().code() == Code::kNotFound);
}

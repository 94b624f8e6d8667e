// StrictObject and the shared value rules every policy loader uses.
#include "policies/strict_reader.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/json.hpp"

using mk::Code;
using mk::policies::code_rule;
using mk::policies::is_valid_code;
using mk::policies::quoted;
using mk::policies::StrictObject;
using mk::policies::text_rule;

namespace {

mk::json::Value parse(std::string_view text) {
  auto v = mk::json::parse(text);
  REQUIRE(v.is_ok());
  return std::move(v).value();
}

}  // namespace

TEST_CASE("policy_error names file, line and column", "[policies][strict]") {
  const mk::Status s = mk::policies::policy_error("p.json", {3, 14}, "bad thing");
  CHECK(s.code() == Code::kPolicyInvalid);
  CHECK(s.message() == "p.json:3:14: bad thing");
  CHECK(mk::policies::policy_error("p.json", {}, "too big").message() == "p.json: too big");
}

TEST_CASE("quoted escapes and truncates", "[policies][strict]") {
  CHECK(quoted("label_nl") == "\"label_nl\"");
  CHECK(quoted("a\"b\\c\n") == "\"a\\\"b\\\\c\\x0a\"");
  CHECK(quoted("\xc3\xa9") == "\"\\xc3\\xa9\"");
  CHECK(quoted(std::string(100, 'k')) == "\"" + std::string(64, 'k') + "...\"");
}

TEST_CASE("code syntax", "[policies][strict]") {
  for (const char* good : {"a", "coercion.violence", "organ_removal", "a1.b_2", "x.y.z"}) {
    INFO(good);
    CHECK(is_valid_code(good));
    CHECK(code_rule(good).empty());
  }
  const std::string too_long(65, 'a');
  for (const std::string& bad :
       {std::string(), std::string("A"), std::string("1a"), std::string(".a"), std::string("a."),
        std::string("a..b"), std::string("a-b"), std::string("_a"), std::string("a._b"),
        std::string("a b"), std::string("\xc3\xa9"), too_long}) {
    INFO(bad);
    CHECK_FALSE(is_valid_code(bad));
    CHECK_FALSE(code_rule(bad).empty());
  }
  CHECK(is_valid_code(std::string(64, 'a')));
}

TEST_CASE("text rule", "[policies][strict]") {
  CHECK(text_rule("Angst voor uitzetting").empty());
  CHECK(text_rule("Ontvangen in 's-Gravenhage, \xc3\xa9\xc3\xa9n keer").empty());
  CHECK(text_rule("") == "must not be empty");
  CHECK(text_rule(" a") == "must not start or end with white space");
  CHECK(text_rule("a\n") == "must not start or end with white space");
  CHECK(text_rule("   ") == "must not start or end with white space");
  CHECK(text_rule("a\tb") == "must not contain control characters or line breaks");
  CHECK(text_rule("a\x7f b") == "must not contain control characters or line breaks");
}

TEST_CASE("StrictObject hands out members of the asked type", "[policies][strict]") {
  const auto v = parse(R"({"code": "a.b", "items": [1, 2], "note": "x"})");
  StrictObject o(v, "f.json", "thing");
  CHECK(o.string("code", code_rule) == "a.b");
  CHECK(o.array("items", StrictObject::Items::kNonEmpty).size() == 2);
  CHECK(o.optional_string("note", nullptr) == std::optional<std::string>("x"));
  CHECK_FALSE(o.optional_string("absent", nullptr).has_value());
  CHECK(o.finish().is_ok());
  CHECK(o.position_of("items").line == 1);
  CHECK(o.position_of("items").column == 26);
  CHECK(o.position_of("absent").column == 1);  // the object itself
}

TEST_CASE("StrictObject reports unknown keys first, with the allowed keys", "[policies][strict]") {
  const auto v = parse("{\n  \"lable\": \"x\",\n  \"code\": 5\n}");
  StrictObject o(v, "f.json", "thing");
  (void)o.string("code", code_rule);
  (void)o.string("label", text_rule);
  // status() ignores unknown keys and gives the first recorded problem.
  CHECK(o.status().message() == "f.json:3:11: \"code\" of thing must be a string, found number");
  const mk::Status s = o.finish();
  CHECK(s.code() == Code::kPolicyInvalid);
  CHECK(s.message() == "f.json:2:12: unknown key \"lable\" in thing (allowed keys: code, label)");
}

TEST_CASE("StrictObject problems name place and reason", "[policies][strict]") {
  SECTION("missing key at the object's brace") {
    const auto v = parse("[\n  {\"a\": \"x\"}\n]");
    StrictObject o(v.as_array()[0], "f.json", "thing");
    (void)o.string("a", nullptr);
    (void)o.string("b", nullptr);
    CHECK(o.finish().message() == "f.json:2:3: missing key \"b\" in thing");
  }
  SECTION("not an object") {
    const auto v = parse("[1]");
    StrictObject o(v.as_array()[0], "f.json", "thing");
    CHECK(o.string("a", nullptr).empty());
    CHECK(o.array("b", StrictObject::Items::kAny).empty());
    CHECK(o.finish().message() == "f.json:1:2: thing must be an object, found number");
  }
  SECTION("rule violations use the object's description") {
    const auto v = parse(R"({"code": "x", "label": ""})");
    StrictObject o(v, "f.json", "thing");
    (void)o.string("code", code_rule);
    o.describe_as("thing \"x\"");
    (void)o.string("label", text_rule);
    CHECK(o.finish().message() == "f.json:1:24: \"label\" of thing \"x\" must not be empty");
  }
  SECTION("empty array when one is required") {
    const auto v = parse(R"({"items": []})");
    StrictObject o(v, "f.json", "thing");
    CHECK(o.array("items", StrictObject::Items::kNonEmpty).empty());
    CHECK(o.finish().message() == "f.json:1:11: \"items\" of thing must not be empty");
  }
  SECTION("wrong type for an array or an optional string") {
    const auto v = parse(R"({"items": {}, "note": true})");
    StrictObject o(v, "f.json", "thing");
    (void)o.array("items", StrictObject::Items::kAny);
    (void)o.optional_string("note", nullptr);
    CHECK(o.finish().message() == "f.json:1:11: \"items\" of thing must be an array, found object");
  }
  SECTION("the first problem wins") {
    const auto v = parse(R"({"a": 1, "b": 2})");
    StrictObject o(v, "f.json", "thing");
    (void)o.string("b", nullptr);
    (void)o.string("a", nullptr);
    CHECK(o.finish().message() == "f.json:1:15: \"b\" of thing must be a string, found number");
  }
}

TEST_CASE("StrictObject reads booleans", "[policies][strict]") {
  const auto v = parse(R"({"yes": true, "no": false, "quoted": "true", "number": 1})");
  SECTION("required and optional") {
    StrictObject o(v, "f.json", "thing");
    CHECK(o.boolean("yes"));
    CHECK_FALSE(o.boolean("no"));
    CHECK(o.optional_boolean("yes") == std::optional<bool>(true));
    CHECK(o.optional_boolean("no") == std::optional<bool>(false));
    CHECK_FALSE(o.optional_boolean("absent").has_value());
    (void)o.optional_string("quoted", nullptr);
    (void)o.optional_string("number", nullptr);
    CHECK(o.status().message() ==
          "f.json:1:56: \"number\" of thing must be a string, found number");
  }
  SECTION("a quoted \"true\" is a string, not a boolean") {
    StrictObject o(v, "f.json", "thing");
    CHECK_FALSE(o.boolean("quoted"));
    CHECK(o.status().message() ==
          "f.json:1:38: \"quoted\" of thing must be true or false, found string");
  }
  SECTION("a number is not a boolean either") {
    StrictObject o(v, "f.json", "thing");
    CHECK(o.optional_boolean("number") == std::optional<bool>(false));
    CHECK(o.status().message() ==
          "f.json:1:56: \"number\" of thing must be true or false, found number");
  }
  SECTION("a missing required boolean") {
    StrictObject o(v, "f.json", "thing");
    CHECK_FALSE(o.boolean("confirmed"));
    CHECK(o.status().message() == "f.json:1:1: missing key \"confirmed\" in thing");
  }
}

TEST_CASE("StrictObject reads whole numbers in a range", "[policies][strict]") {
  const auto v =
      parse(R"({"age": 16, "low": 11, "high": 19, "half": 16.5, "exp": 1e1, "text": "16"})");
  SECTION("in range, required and optional") {
    StrictObject o(v, "f.json", "thing");
    CHECK(o.integer("age", 12, 18) == 16);
    CHECK(o.optional_integer("age", 16, 16) == std::optional<std::int64_t>(16));
    CHECK_FALSE(o.optional_integer("absent", 12, 18).has_value());
    CHECK(o.status().is_ok());
  }
  SECTION("the bounds are inclusive") {
    StrictObject o(v, "f.json", "thing");
    CHECK(o.integer("low", 11, 19) == 11);
    CHECK(o.integer("high", 11, 19) == 19);
    CHECK(o.status().is_ok());
  }
  SECTION("below the range") {
    StrictObject o(v, "f.json", "thing");
    CHECK(o.integer("low", 12, 18) == 12);
    CHECK(o.status().message() ==
          "f.json:1:20: \"low\" of thing must be a whole number from 12 to 18");
  }
  SECTION("above the range") {
    StrictObject o(v, "f.json", "thing");
    (void)o.optional_integer("high", 12, 18);
    CHECK(o.status().message() ==
          "f.json:1:32: \"high\" of thing must be a whole number from 12 to 18");
  }
  SECTION("a fraction or an exponent is not a whole number") {
    StrictObject o(v, "f.json", "thing");
    (void)o.integer("half", 0, 100);
    CHECK(o.status().message() ==
          "f.json:1:44: \"half\" of thing must be a whole number from 0 to 100");
    StrictObject e(v, "f.json", "thing");
    (void)e.integer("exp", 0, 100);
    CHECK(e.status().message() ==
          "f.json:1:57: \"exp\" of thing must be a whole number from 0 to 100");
  }
  SECTION("a string is not a number") {
    StrictObject o(v, "f.json", "thing");
    (void)o.integer("text", 12, 18);
    CHECK(o.status().message() ==
          "f.json:1:70: \"text\" of thing must be a whole number from 12 to 18, found string");
  }
  SECTION("a missing required number") {
    StrictObject o(v, "f.json", "thing");
    CHECK(o.integer("years", 1, 5) == 1);
    CHECK(o.status().message() == "f.json:1:1: missing key \"years\" in thing");
  }
}

TEST_CASE("StrictObject reads optional arrays", "[policies][strict]") {
  const auto v = parse(R"({"roles": ["victim"], "none": [], "text": "victim"})");
  SECTION("present and absent") {
    StrictObject o(v, "f.json", "thing");
    const mk::json::Array* roles = o.optional_array("roles", StrictObject::Items::kNonEmpty);
    REQUIRE(roles != nullptr);
    CHECK(roles->size() == 1);
    CHECK(o.optional_array("absent", StrictObject::Items::kNonEmpty) == nullptr);
    const mk::json::Array* none = o.optional_array("none", StrictObject::Items::kAny);
    REQUIRE(none != nullptr);
    CHECK(none->empty());
    (void)o.optional_string("text", nullptr);
    CHECK(o.finish().is_ok());
  }
  SECTION("empty when it must not be") {
    StrictObject o(v, "f.json", "thing");
    (void)o.optional_array("none", StrictObject::Items::kNonEmpty);
    CHECK(o.status().message() == "f.json:1:31: \"none\" of thing must not be empty");
  }
  SECTION("not an array") {
    StrictObject o(v, "f.json", "thing");
    const mk::json::Array* text = o.optional_array("text", StrictObject::Items::kAny);
    REQUIRE(text != nullptr);
    CHECK(text->empty());
    CHECK(o.status().message() == "f.json:1:43: \"text\" of thing must be an array, found string");
  }
  SECTION("absent optional members are still allowed keys") {
    const auto w = parse(R"({"extra": 1})");
    StrictObject o(w, "f.json", "thing");
    (void)o.optional_array("roles", StrictObject::Items::kAny);
    (void)o.optional_boolean("minor");
    (void)o.optional_integer("age", 0, 1);
    (void)o.boolean("confirmed");
    (void)o.integer("years", 1, 5);
    CHECK(o.finish().message() ==
          "f.json:1:11: unknown key \"extra\" in thing (allowed keys: roles, minor, age, "
          "confirmed, years)");
  }
}

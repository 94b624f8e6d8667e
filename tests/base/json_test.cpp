#include "base/json.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

using mk::json::parse;
using mk::json::serialize;
using mk::json::Value;

namespace {

// The error message of parsing `text`, which must fail with kInvalidInput.
std::string error_of(std::string_view text) {
  auto r = parse(text);
  REQUIRE_FALSE(r.is_ok());
  CHECK(r.status().code() == mk::Code::kInvalidInput);
  return r.status().message();
}

std::string nested(int depth, std::string_view open, std::string_view close) {
  std::string s;
  for (int i = 0; i < depth; ++i)
    s += open;
  for (int i = 0; i < depth; ++i)
    s += close;
  return s;
}

}  // namespace

TEST_CASE("json: parses every kind of value", "[json]") {
  auto r = parse(
      R"({"n": null, "t": true, "f": false, "i": -42, "d": 2.5, "s": "x", "a": [1], "o": {}})");
  REQUIRE(r.is_ok());
  const Value& v = *r;
  REQUIRE(v.is_object());
  CHECK(v.find("n")->is_null());
  CHECK(v.find("t")->as_bool());
  CHECK_FALSE(v.find("f")->as_bool());
  CHECK(v.find("i")->as_integer() == -42);
  CHECK(v.find("d")->as_double() == 2.5);
  CHECK_FALSE(v.find("d")->is_integer());
  CHECK(v.find("s")->as_string() == "x");
  CHECK(v.find("a")->as_array().size() == 1);
  CHECK(v.find("o")->as_object().empty());
  CHECK(v.find("missing") == nullptr);
  CHECK(v.find("s")->find("x") == nullptr);
}

TEST_CASE("json: object member order is preserved", "[json]") {
  auto r = parse(R"({"z": 1, "a": 2, "m": 3})");
  REQUIRE(r.is_ok());
  const auto& members = r->as_object();
  REQUIRE(members.size() == 3);
  CHECK(members[0].first == "z");
  CHECK(members[1].first == "a");
  CHECK(members[2].first == "m");
}

TEST_CASE("json: every value carries its line and column", "[json]") {
  auto r = parse("{\n  \"name\": \"x\",\n\t\"list\": [true,\n    12]\n}");
  REQUIRE(r.is_ok());
  CHECK(r->position().line == 1);
  CHECK(r->position().column == 1);
  CHECK(r->find("name")->position().line == 2);
  CHECK(r->find("name")->position().column == 11);
  const Value& list = *r->find("list");
  CHECK(list.position().line == 3);
  CHECK(list.position().column == 10);
  CHECK(list.as_array()[0].position().line == 3);
  CHECK(list.as_array()[0].position().column == 11);
  CHECK(list.as_array()[1].position().line == 4);
  CHECK(list.as_array()[1].position().column == 5);
}

TEST_CASE("json: columns count bytes", "[json]") {
  auto r = parse("[\"é\", 1]");
  REQUIRE(r.is_ok());
  CHECK(r->as_array()[1].position().column == 8);
}

TEST_CASE("json: integers and other numbers", "[json]") {
  SECTION("int64 limits are integers") {
    auto max = parse("9223372036854775807");
    REQUIRE(max.is_ok());
    REQUIRE(max->is_integer());
    CHECK(max->as_integer() == std::numeric_limits<std::int64_t>::max());
    auto min = parse("-9223372036854775808");
    REQUIRE(min.is_ok());
    REQUIRE(min->is_integer());
    CHECK(min->as_integer() == std::numeric_limits<std::int64_t>::min());
  }
  SECTION("beyond int64 becomes a double") {
    auto big = parse("9223372036854775808");
    REQUIRE(big.is_ok());
    CHECK(big->is_number());
    CHECK_FALSE(big->is_integer());
    CHECK(big->as_double() == 9223372036854775808.0);
    auto huge = parse("123456789012345678901234567890");
    REQUIRE(huge.is_ok());
    CHECK_FALSE(huge->is_integer());
    CHECK(huge->as_double() == 1.2345678901234568e29);
  }
  SECTION("a fraction or an exponent makes a number non-integral") {
    for (const char* text : {"1.0", "1e0", "1E+2", "10e-1"}) {
      auto r = parse(text);
      REQUIRE(r.is_ok());
      CHECK_FALSE(r->is_integer());
    }
    CHECK(parse("1E+2")->as_double() == 100.0);
    CHECK(parse("-0.5e-3")->as_double() == -0.0005);
  }
  SECTION("integers also read as doubles") {
    CHECK(parse("7")->as_double() == 7.0);
  }
  SECTION("the largest double is accepted, beyond it is an error") {
    CHECK(parse("1.7976931348623157e308")->as_double() == std::numeric_limits<double>::max());
    CHECK(error_of("1e400") == "1:1: number out of range");
    CHECK(error_of("[-1e400]") == "1:2: number out of range");
    CHECK(error_of("1.7976931348623159e308") == "1:1: number out of range");
    CHECK(error_of("[1000000000000000000000000000000000000000000000000000000000000000000000000000"
                   "000000000000000000000000000000000000000000000000000000000000000000000000000"
                   "000000000000000000000000000000000000000000000000000000000000000000000000000"
                   "000000000000000000000000000000000000000000000000000000000000000000000000000"
                   "000000000000000000000]") == "1:2: number out of range");
  }
  SECTION("numbers too small for a double read as zero") {
    auto tiny = parse("[1e-400, -1e-400, 0.00001e-999999999999999999999]");
    REQUIRE(tiny.is_ok());
    for (const Value& v : tiny->as_array())
      CHECK(v.as_double() == 0.0);
    CHECK(std::signbit(tiny->as_array()[1].as_double()));
    CHECK(parse("5e-324")->as_double() > 0.0);
  }
}

TEST_CASE("json: strictness rules, each with its place", "[json]") {
  CHECK(error_of("") == "1:1: expected a value, found the end of the input");
  CHECK(error_of("   \n  ") == "2:3: expected a value, found the end of the input");
  CHECK(error_of("[1,]") == "1:3: trailing comma in array");
  CHECK(error_of("{\"a\": 1,\n}") == "1:8: trailing comma in object");
  CHECK(error_of("[1 2]") == "1:4: expected ',' or ']' in array");
  CHECK(error_of("{\"a\": 1 \"b\": 2}") == "1:9: expected ',' or '}' in object, found '\"'");
  CHECK(error_of("{\"a\" 1}") == "1:6: expected ':' after key \"a\"");
  CHECK(error_of("{1: 2}") == "1:2: expected a string key");
  CHECK(error_of("{,}") == "1:2: expected a string key, found ','");
  CHECK(error_of("[,1]") == "1:2: expected a value, found ','");
  CHECK(error_of("[1") == "1:3: expected ',' or ']' in array, found the end of the input");
  CHECK(error_of("{\"a\":") == "1:6: expected a value, found the end of the input");
  CHECK(error_of("1 2") == "1:3: expected the end of the input after the value");
  CHECK(error_of("{} {}") == "1:4: expected the end of the input after the value, found '{'");
  CHECK(error_of("[01]") == "1:2: leading zeros are not allowed");
  CHECK(error_of("-01") == "1:1: leading zeros are not allowed");
  CHECK(error_of("[+1]") == "1:2: expected a value");
  CHECK(error_of("[.5]") == "1:2: expected a value");
  CHECK(error_of("[1.]") == "1:4: expected a digit after '.'");
  CHECK(error_of("[1.e5]") == "1:4: expected a digit after '.'");
  CHECK(error_of("[1e]") == "1:4: expected a digit in the exponent");
  CHECK(error_of("[1e+]") == "1:5: expected a digit in the exponent");
  CHECK(error_of("[-]") == "1:3: expected a digit after '-'");
  CHECK(error_of("[0x10]") == "1:3: expected ',' or ']' in array");
  CHECK(error_of("[NaN]") == "1:2: NaN and Infinity are not allowed");
  CHECK(error_of("Infinity") == "1:1: NaN and Infinity are not allowed");
  CHECK(error_of("[-Infinity]") == "1:2: NaN and Infinity are not allowed");
  CHECK(error_of("[tru]") == "1:2: invalid literal");
  CHECK(error_of("[True]") == "1:2: expected a value");
  CHECK(error_of("nul") == "1:1: invalid literal");
  CHECK(error_of("[nulls]") == "1:6: expected ',' or ']' in array");
  CHECK(error_of("// note\n{}") == "1:1: comments are not allowed");
  CHECK(error_of("{\"a\": 1 /* note */}") == "1:9: comments are not allowed");
  CHECK(error_of("['x']") == "1:2: strings must be in double quotes");
  CHECK(error_of("\xEF\xBB\xBF{}") == "1:1: a byte order mark is not allowed");
  CHECK(error_of("\f[]") == "1:1: expected a value");
  CHECK(error_of(std::string("[1]\0", 4)) == "1:4: expected the end of the input after the value");
}

TEST_CASE("json: whitespace is space, tab, CR and LF only", "[json]") {
  auto r = parse(" \t\r\n[ 1 ,\r\n 2 ] \n");
  REQUIRE(r.is_ok());
  CHECK(r->as_array().size() == 2);
  CHECK(error_of("[1,\xC2\xA0"
                 "2]") == "1:4: expected a value");
}

TEST_CASE("json: string escapes", "[json]") {
  auto r = parse(R"(["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC", "\u0000"])");
  REQUIRE(r.is_ok());
  const auto& a = r->as_array();
  CHECK(a[0].as_string() == "\"\\/\b\f\n\r\t");
  CHECK(a[1].as_string() == "A\xC3\xA9\xE2\x82\xAC");
  CHECK(a[2].as_string() == std::string(1, '\0'));
  CHECK(error_of(R"(["ab\x"])") == "1:5: invalid escape sequence in string");
  CHECK(error_of(R"(["\u12G4"])") == "1:3: invalid \\u escape in string");
  CHECK(error_of(R"(["\u12"])") == "1:3: invalid \\u escape in string");
  CHECK(error_of("[\"\\u12") == "1:3: invalid \\u escape in string");
  CHECK(error_of("[\"ab\\") == "1:2: unterminated string");
  CHECK(error_of("[\"ab") == "1:2: unterminated string");
}

TEST_CASE("json: escaped surrogates must pair", "[json]") {
  auto r = parse(R"("\ud83d\ude00 \uD834\uDD1E")");
  REQUIRE(r.is_ok());
  CHECK(r->as_string() == "\xF0\x9F\x98\x80 \xF0\x9D\x84\x9E");
  CHECK(error_of(R"(["\ud83d"])") == "1:3: unpaired surrogate escape in string");
  CHECK(error_of(R"(["\ud83dx"])") == "1:3: unpaired surrogate escape in string");
  CHECK(error_of(R"(["\ud83d\u0041"])") == "1:3: unpaired surrogate escape in string");
  CHECK(error_of(R"(["\ud83d\ud83d"])") == "1:3: unpaired surrogate escape in string");
  CHECK(error_of(R"(["a\ude00"])") == "1:4: unpaired surrogate escape in string");
  CHECK(error_of(R"(["\ud83d\n"])") == "1:3: unpaired surrogate escape in string");
}

TEST_CASE("json: strings must be valid UTF-8 without raw control characters", "[json]") {
  CHECK(parse("\"\xE2\x82\xAC \xF0\x9F\x98\x80\"")->as_string() == "\xE2\x82\xAC \xF0\x9F\x98\x80");
  CHECK(parse("\"\x7F\"")->as_string() == "\x7F");
  CHECK(error_of("[\"a\tb\"]") == "1:4: unescaped control character in string");
  CHECK(error_of("[\"a\nb\"]") == "1:4: unescaped control character in string");
  CHECK(error_of("[\"ab\xC0\x80\"]") == "1:5: invalid UTF-8 in string");
  CHECK(error_of("[\"\xED\xA0\x80\"]") == "1:3: invalid UTF-8 in string");
  CHECK(error_of("[\"\xF4\x90\x80\x80\"]") == "1:3: invalid UTF-8 in string");
  CHECK(error_of("[\"\x80\"]") == "1:3: invalid UTF-8 in string");
  CHECK(error_of("[\"\xE2\x82\"]") == "1:3: invalid UTF-8 in string");
  CHECK(error_of("[\"\xE2\x82") == "1:3: invalid UTF-8 in string");
  CHECK(error_of("{\"k\xFF\": 1}") == "1:4: invalid UTF-8 in string");
}

TEST_CASE("json: duplicate keys are rejected at the second key", "[json]") {
  CHECK(error_of("{\"a\": 1, \"b\": 2, \"a\": 3}") == "1:18: duplicate key \"a\"");
  CHECK(error_of("{\n  \"x\": {},\n  \"label_nl\": 1,\n  \"label_nl\": 2\n}") ==
        "4:3: duplicate key \"label_nl\"");
  CHECK(error_of(R"({"\u0061": 1, "a": 2})") == "1:15: duplicate key \"a\"");
  CHECK(error_of("{\"a\\nb\": 1, \"a\\nb\": 2}") == "1:13: duplicate key \"a\\nb\"");
  CHECK(parse(R"({"a": {"a": 1}, "b": {"a": 2}})").is_ok());
  CHECK(parse(R"({"a": 1, "A": 2, "a ": 3})").is_ok());
}

TEST_CASE("json: duplicate keys in large objects", "[json]") {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  std::string ok = text;
  ok.back() = '}';
  auto r = parse(ok);
  REQUIRE(r.is_ok());
  CHECK(r->as_object().size() == 100);
  CHECK(r->find("k99")->as_integer() == 99);
  text += "\"k57\": 0}";
  CHECK(error_of(text).find("duplicate key \"k57\"") != std::string::npos);
}

TEST_CASE("json: a long key is cut in the message", "[json]") {
  const std::string key(200, 'k');
  const std::string message = error_of("{\"" + key + "\": 1, \"" + key + "\": 2}");
  CHECK(message == "1:209: duplicate key \"" + std::string(64, 'k') + "\"...");
}

TEST_CASE("json: nesting is limited to kMaxDepth", "[json]") {
  static_assert(mk::json::kMaxDepth == 64);
  CHECK(parse(nested(64, "[", "]")).is_ok());
  CHECK(error_of(nested(65, "[", "]")) == "1:65: nesting deeper than 64 levels");
  CHECK(parse(nested(63, "{\"a\":", "}").insert(63 * 5, "[]")).is_ok());
  CHECK(error_of(nested(65, "{\"a\":", "}")) == "1:321: nesting deeper than 64 levels");
  CHECK(error_of(std::string(100000, '[')) == "1:65: nesting deeper than 64 levels");
}

TEST_CASE("json: error messages never quote string values", "[json]") {
  const char* inputs[] = {
      R"({"a": "GEHEIM-WAARDE", })", R"({"a": "GEHEIM-WAARDE" "b": 1})",
      R"(["GEHEIM-WAARDE")",         R"(["GEHEIM-WAARDE\q"])",
      R"(["GEHEIM-WAARDE\ud800"])",  "[\"GEHEIM-WAARDE\x01\"]",
      "[\"GEHEIM-WAARDE\xFF\"]",     "{\"a\": GEHEIM}",
      "[\"x\", GEHEIM-WAARDE]",      "\"GEHEIM-WAARDE\" 1",
  };
  for (const char* text : inputs) {
    INFO(text);
    const std::string message = error_of(text);
    CHECK(message.find("GEHEIM") == std::string::npos);
    CHECK(message.find("WAARDE") == std::string::npos);
  }
}

TEST_CASE("json: serialize compact", "[json]") {
  Value v = Value::object();
  v.set("name", "Jansen").set("n", 3).set("list", Value(mk::json::Array{Value(), true, 1.5}));
  v.set("n", std::int64_t{-4});
  CHECK(serialize(v) == R"({"name":"Jansen","n":-4,"list":[null,true,1.5]})");
  CHECK(serialize(Value::object()) == "{}");
  CHECK(serialize(Value::array()) == "[]");
  Value arr = Value::array();
  arr.push(1).push("x");
  CHECK(serialize(arr) == R"([1,"x"])");
}

TEST_CASE("json: serialize pretty", "[json]") {
  auto r = parse(R"({"a": [1, {"b": null}, []], "c": {}, "d": "x"})");
  REQUIRE(r.is_ok());
  CHECK(serialize(*r, true) ==
        "{\n"
        "  \"a\": [\n"
        "    1,\n"
        "    {\n"
        "      \"b\": null\n"
        "    },\n"
        "    []\n"
        "  ],\n"
        "  \"c\": {},\n"
        "  \"d\": \"x\"\n"
        "}\n");
  CHECK(serialize(Value(1), true) == "1\n");
}

TEST_CASE("json: serialize escapes", "[json]") {
  CHECK(serialize(Value("a\"b\\c/\b\f\n\r\t\x01\x1f\x7f")) ==
        R"("a\"b\\c/\b\f\n\r\t\u0001\u001f\u007f")");
  CHECK(serialize(Value(std::string("\0", 1))) == R"("\u0000")");
  CHECK(serialize(Value("é€😀")) == "\"é€😀\"");
  CHECK(serialize(Value("a\xFF"
                        "b")) ==
        "\"a\xEF\xBF\xBD"
        "b\"");
  CHECK(serialize(Value("\xED\xA0\x80")) == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("json: numbers serialize in the shortest form that reads back", "[json]") {
  CHECK(serialize(Value(0.1)) == "0.1");
  CHECK(serialize(Value(1.0 / 3.0)) == "0.3333333333333333");
  CHECK(serialize(Value(2.0)) == "2");
  CHECK(serialize(Value(1e21)) == "1e+21");
  CHECK(serialize(Value(5e-324)) == "5e-324");
  CHECK(serialize(Value(-0.0)) == "-0.0");
  CHECK(parse("-0")->is_integer());
  CHECK(std::signbit(parse("-0.0")->as_double()));
  CHECK(serialize(Value(std::numeric_limits<std::int64_t>::min())) == "-9223372036854775808");
  for (double d : {0.1, 1.0 / 3.0, 1e21, 5e-324, -2.5e-8, 1.7976931348623157e308, 123456.789}) {
    auto r = parse(serialize(Value(d)));
    REQUIRE(r.is_ok());
    CHECK(r->as_double() == d);
  }
}

TEST_CASE("json: parse and serialize round trip", "[json]") {
  const char* docs[] = {
      R"({"a":[1,-2,3.25,true,false,null],"b":{"c":"d\n\"e\"","f":{}},"g":[]})",
      R"(["\u0000\u001f","é😀",9223372036854775807,-9223372036854775808,1e+300])",
      R"({"":"","nested":[[[[{"x":[]}]]]]})",
  };
  for (const char* doc : docs) {
    auto r = parse(doc);
    REQUIRE(r.is_ok());
    CHECK(serialize(*r) == doc);
    auto again = parse(serialize(*r, true));
    REQUIRE(again.is_ok());
    CHECK(serialize(*again) == doc);
  }
}

TEST_CASE("json: type names", "[json]") {
  CHECK(Value::type_name(Value::Type::kString) == "string");
  CHECK(Value::type_name(Value(true).type()) == "boolean");
  CHECK(Value::type_name(Value::object().type()) == "object");
  CHECK(Value(nullptr).is_null());
}

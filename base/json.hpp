// A strict JSON (RFC 8259) reader and writer, with the line and column of every parsed value so a
// policy file's errors can name the place.
//
// Strict means: one top-level value; no comments, trailing commas, NaN/Infinity, leading zeros or
// unescaped control characters; strings must be valid UTF-8 (escaped surrogates must pair);
// duplicate object keys are an error; nesting deeper than kMaxDepth is an error. Object member
// order is preserved. The parser never aborts or throws on any input (it is fuzzed).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/result.hpp"

namespace mk::json {

struct Position {
  int line = 0;    // 1-based; 0 for values built in code
  int column = 0;  // 1-based, in bytes
};

class Value;
using Array = std::vector<Value>;
using Member = std::pair<std::string, Value>;
using Object = std::vector<Member>;

class Value {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int v) : data_(Number{static_cast<double>(v), static_cast<std::int64_t>(v), true}) {}
  Value(std::int64_t v) : data_(Number{static_cast<double>(v), v, true}) {}
  Value(std::uint64_t v) = delete;  // ambiguous range; convert explicitly
  Value(double v);  // requires a finite number (JSON has no NaN or infinity): aborts otherwise
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(Array a) : data_(std::move(a)) {}
  Value(Object o) : data_(std::move(o)) {}

  static Value object() { return Value(Object{}); }
  static Value array() { return Value(Array{}); }
  // An array of the strings `items`, in order.
  static Value array_of(const std::vector<std::string>& items);

  Type type() const;
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_number() const { return type() == Type::kNumber; }
  // A number written without fraction or exponent that fits in int64.
  bool is_integer() const;
  bool is_string() const { return type() == Type::kString; }
  bool is_array() const { return type() == Type::kArray; }
  bool is_object() const { return type() == Type::kObject; }

  // Accessors require the matching type (programmer error otherwise: abort).
  bool as_bool() const;
  double as_double() const;
  std::int64_t as_integer() const;  // requires is_integer()
  const std::string& as_string() const;
  const Array& as_array() const;
  Array& as_array();
  const Object& as_object() const;
  Object& as_object();

  // Object member lookup; nullptr when absent or when this is not an object.
  const Value* find(std::string_view key) const;

  // Builders. set() replaces an existing member of that key or appends one; push() appends.
  // Require an object / an array respectively. Both return *this, for chaining.
  Value& set(std::string key, Value v);
  Value& push(Value v);

  const Position& position() const { return pos_; }
  void set_position(Position p) { pos_ = p; }

  // Name of a type for error messages: "string", "object", ...
  static std::string_view type_name(Type t);

 private:
  struct Number {
    double d = 0;
    std::int64_t i = 0;
    bool integral = false;
  };
  std::variant<std::nullptr_t, bool, Number, std::string, Array, Object> data_ = nullptr;
  Position pos_;
};

inline constexpr int kMaxDepth = 64;

// Parses `text`. On error the Status is kInvalidInput with a message "LINE:COL: reason", e.g.
// "3:14: duplicate key \"label_nl\"". Messages quote keys (cut after 64 bytes) and syntax, never
// string values. Numbers beyond the range of a double are an error; numbers too small for one
// read as zero.
Result<Value> parse(std::string_view text);

// Serialises compactly (no whitespace) or pretty (two-space indent, one member or element per
// line, a final newline). Non-ASCII is written as UTF-8; control characters (and DEL), '"' and
// '\\' are escaped. Integers are written without a fraction; other numbers with the shortest
// round-trip form (negative zero as "-0.0"). Invalid UTF-8 in a string, possible only in values
// built in code, is written as U+FFFD, so the output is always valid JSON.
std::string serialize(const Value& v, bool pretty = false);

}  // namespace mk::json

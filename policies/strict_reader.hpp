// Strict reading of policy files: every object's members are asked for by name and type, and
// anything not asked for is an error. Shared by every policy loader (indicators, retention,
// disclosure, norm times), so all of them fail closed the same way and name file, place and reason:
//
//   policies/indicators.json:14:9: unknown key "lable_nl" in indicator "coercion.violence"
//
// Messages quote keys and codes, never free text (labels, references), and never personal data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.hpp"
#include "base/status.hpp"

namespace mk::policies {

// Status kPolicyInvalid with the message "FILE:LINE:COL: reason". `at` is a position from the
// parser (1-based); a zero position (a value built in code) is written as "FILE: reason".
Status policy_error(std::string_view file, json::Position at, std::string_view reason);

// `text` in double quotes for a message: '"' and '\' escaped, control characters and bytes outside
// printable ASCII written as \xHH, cut to 64 bytes with "..." so a hostile key cannot flood a log.
std::string quoted(std::string_view text);

// A rule a string value must meet. Returns an empty string when `value` is fine, otherwise the
// reason completing the sentence "<key> of <object> ...", e.g. "must not be empty".
using StringRule = std::string (*)(std::string_view value);

// A code: 1..64 bytes of dot-separated segments, each a lowercase ASCII letter followed by
// lowercase letters, digits or '_' ("coercion.violence", "organ_removal").
bool is_valid_code(std::string_view code);
std::string code_rule(std::string_view value);

// Human text (labels, references): not empty, no leading or trailing white space, no control
// characters (C0, DEL; so no line breaks either). Valid UTF-8 is already guaranteed by the parser.
std::string text_rule(std::string_view value);

// Why a policy's "format" member `found` is not `expected` (e.g. "meldkluis-audit/1"):
// "unsupported format version ..." when `found` names the same kind (the same text up to and
// including the last '/'), else "unknown format ...". Both name what this build reads.
std::string format_mismatch_reason(std::string_view found, std::string_view expected);

// Reads one JSON object of a policy file strictly.
//
//   StrictObject o(value, file, "indicator");
//   std::string code = o.string("code", code_rule);
//   o.describe_as("indicator " + quoted(code));
//   std::optional<std::string> h = o.optional_string("htcds", nullptr);
//   MK_RETURN_IF_ERROR(o.finish());   // only now are the values above meaningful
//
// Accessors never fail on the spot: they record the first problem and hand back an empty value, so
// a caller reads all members and then calls finish(). finish() reports, in this order: the value is
// not an object; an unknown key (a member no accessor asked for), listing the allowed keys; the
// first problem an accessor recorded. Unknown keys go first because a misspelt key ("lable_nl")
// would otherwise surface as the less helpful "missing key".
//
// Requires `value` and the text behind `file` to outlive the StrictObject.
class StrictObject {
 public:
  enum class Items { kAny, kNonEmpty };

  StrictObject(const json::Value& value, std::string_view file, std::string what);

  // How the object is named in messages from now on: "indicator \"coercion.violence\"" once the
  // code is known; the constructor's `what` until then.
  void describe_as(std::string description) { description_ = std::move(description); }
  const std::string& description() const { return description_; }

  // A required string member meeting `rule` (nullptr: any string). "" when absent or invalid.
  std::string string(std::string_view key, StringRule rule);
  // An optional string member; absent gives nullopt, present must be a string meeting `rule`.
  std::optional<std::string> optional_string(std::string_view key, StringRule rule);
  // A required array member; an empty array when absent or not an array, or (with kNonEmpty) empty.
  const json::Array& array(std::string_view key, Items items);
  // An optional array member: nullptr when absent; present, it must be an array (with kNonEmpty:
  // not empty); an empty array when it is not.
  const json::Array* optional_array(std::string_view key, Items items);
  // A required JSON true or false ("true" in quotes is a string, not a boolean). false when absent
  // or not a boolean.
  bool boolean(std::string_view key);
  // An optional boolean member; absent gives nullopt, present must be true or false.
  std::optional<bool> optional_boolean(std::string_view key);
  // A required whole number (written without fraction or exponent) in [min, max]; `min` when
  // absent or invalid. Requires min <= max.
  std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max);
  // An optional whole number in [min, max]; absent gives nullopt, present must be valid (`min`
  // when it is not).
  std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min,
                                               std::int64_t max);

  // Position of member `key`'s value, or of the object itself when the member is absent.
  json::Position position_of(std::string_view key) const;
  const json::Position& position() const { return value_.position(); }

  // The first problem so far (not an object, or one an accessor recorded); unknown keys are not
  // looked at. Lets a caller stop early, e.g. on an unsupported format version.
  Status status() const;

  // Marks member `key` as known without reading it (one the caller reads by hand, such as a nested
  // object), so finish() does not report it; it is listed among the allowed keys in that order.
  void allow(std::string_view key);

  // Ok when the object was read without problems; otherwise the first problem, as described above.
  Status finish() const;

 private:
  const json::Value* member(std::string_view key);  // marks `key` as asked for
  void record(json::Position at, std::string reason);
  void record_type(std::string_view key, const json::Value& v, std::string_view expected);
  void record_missing(std::string_view key);

  const json::Value& value_;
  std::string_view file_;
  std::string description_;
  std::vector<std::string> asked_;  // keys accessors asked for, in order
  Status first_problem_;
};

}  // namespace mk::policies

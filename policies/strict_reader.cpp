#include "policies/strict_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace mk::policies {

namespace {

constexpr std::size_t kMaxCodeBytes = 64;
constexpr std::size_t kMaxQuotedBytes = 64;

bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

}  // namespace

Status policy_error(std::string_view file, json::Position at, std::string_view reason) {
  std::string message(file);
  if (at.line > 0) {
    message += ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
  }
  message += ": ";
  message += reason;
  return Status(Code::kPolicyInvalid, std::move(message));
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  const std::size_t n = std::min(text.size(), kMaxQuotedBytes);
  for (std::size_t i = 0; i < n; ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (text[i] == '"' || text[i] == '\\') {
      out += '\\';
      out += text[i];
    } else if (u < 0x20 || u >= 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(u));
      out += buf;
    } else {
      out += text[i];
    }
  }
  if (text.size() > n) out += "...";
  out += '"';
  return out;
}

bool is_valid_code(std::string_view code) {
  if (code.empty() || code.size() > kMaxCodeBytes) return false;
  bool segment_start = true;
  for (char c : code) {
    if (segment_start) {
      if (!is_lower(c)) return false;
      segment_start = false;
    } else if (c == '.') {
      segment_start = true;
    } else if (!is_lower(c) && !is_digit(c) && c != '_') {
      return false;
    }
  }
  return !segment_start;  // no trailing '.'
}

std::string code_rule(std::string_view value) {
  if (is_valid_code(value)) return {};
  return "must be a code: up to 64 lowercase ASCII letters, digits and '_', in segments separated "
         "by '.', each starting with a letter";
}

std::string text_rule(std::string_view value) {
  if (value.empty()) return "must not be empty";
  if (is_space(value.front()) || is_space(value.back())) {
    return "must not start or end with white space";
  }
  if (std::any_of(value.begin(), value.end(), is_control)) {
    return "must not contain control characters or line breaks";
  }
  return {};
}

StrictObject::StrictObject(const json::Value& value, std::string_view file, std::string what)
    : value_(value), file_(file), description_(std::move(what)) {
  if (!value_.is_object()) {
    record(value_.position(), description_ + " must be an object, found " +
                                  std::string(json::Value::type_name(value_.type())));
  }
}

const json::Value* StrictObject::member(std::string_view key) {
  if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
  return value_.find(key);  // nullptr when absent or when value_ is not an object
}

void StrictObject::record(json::Position at, std::string reason) {
  if (first_problem_.is_ok()) first_problem_ = policy_error(file_, at, reason);
}

void StrictObject::record_type(std::string_view key, const json::Value& v,
                               std::string_view expected) {
  record(v.position(), quoted(key) + " of " + description_ + " must be " + std::string(expected) +
                           ", found " + std::string(json::Value::type_name(v.type())));
}

void StrictObject::record_missing(std::string_view key) {
  if (value_.is_object()) record(position(), "missing key " + quoted(key) + " in " + description_);
}

std::string StrictObject::string(std::string_view key, StringRule rule) {
  const json::Value* v = member(key);
  if (v == nullptr) {
    record_missing(key);
    return {};
  }
  std::optional<std::string> s = optional_string(key, rule);
  return s ? *s : std::string();
}

std::optional<std::string> StrictObject::optional_string(std::string_view key, StringRule rule) {
  const json::Value* v = member(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    record_type(key, *v, "a string");
    return std::string();
  }
  if (rule != nullptr) {
    std::string reason = rule(v->as_string());
    if (!reason.empty()) {
      record(v->position(), quoted(key) + " of " + description_ + " " + reason);
      return std::string();
    }
  }
  return v->as_string();
}

const json::Array& StrictObject::array(std::string_view key, Items items) {
  static const json::Array kEmpty;
  const json::Value* v = member(key);
  if (v == nullptr) {
    record_missing(key);
    return kEmpty;
  }
  if (!v->is_array()) {
    record_type(key, *v, "an array");
    return kEmpty;
  }
  if (items == Items::kNonEmpty && v->as_array().empty()) {
    record(v->position(), quoted(key) + " of " + description_ + " must not be empty");
  }
  return v->as_array();
}

const json::Array* StrictObject::optional_array(std::string_view key, Items items) {
  if (value_.find(key) == nullptr) {
    (void)member(key);
    return nullptr;
  }
  return &array(key, items);
}

bool StrictObject::boolean(std::string_view key) {
  if (value_.find(key) == nullptr) record_missing(key);
  return optional_boolean(key).value_or(false);
}

std::optional<bool> StrictObject::optional_boolean(std::string_view key) {
  const json::Value* v = member(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) {
    record_type(key, *v, "true or false");
    return false;
  }
  return v->as_bool();
}

std::int64_t StrictObject::integer(std::string_view key, std::int64_t min, std::int64_t max) {
  if (value_.find(key) == nullptr) record_missing(key);
  return optional_integer(key, min, max).value_or(min);
}

std::optional<std::int64_t> StrictObject::optional_integer(std::string_view key, std::int64_t min,
                                                           std::int64_t max) {
  const json::Value* v = member(key);
  if (v == nullptr) return std::nullopt;
  const std::string expected =
      "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  if (!v->is_number()) {
    record_type(key, *v, expected);
    return min;
  }
  if (!v->is_integer() || v->as_integer() < min || v->as_integer() > max) {
    record(v->position(), quoted(key) + " of " + description_ + " must be " + expected);
    return min;
  }
  return v->as_integer();
}

json::Position StrictObject::position_of(std::string_view key) const {
  const json::Value* v = value_.find(key);
  return v != nullptr ? v->position() : position();
}

Status StrictObject::status() const {
  return first_problem_;
}

std::string format_mismatch_reason(std::string_view found, std::string_view expected) {
  const std::string_view kind = expected.substr(0, expected.rfind('/') + 1);
  if (found.starts_with(kind)) {
    return "unsupported format version " + quoted(found) + " (this Meldkluis reads " +
           quoted(expected) + ")";
  }
  return "unknown format " + quoted(found) + " (expected " + quoted(expected) + ")";
}

void StrictObject::allow(std::string_view key) {
  if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
}

Status StrictObject::finish() const {
  if (!value_.is_object()) return first_problem_;
  for (const json::Member& m : value_.as_object()) {
    if (std::find(asked_.begin(), asked_.end(), m.first) != asked_.end()) continue;
    std::string allowed;
    for (const std::string& k : asked_)
      allowed += (allowed.empty() ? "" : ", ") + k;
    return policy_error(file_, m.second.position(),
                        "unknown key " + quoted(m.first) + " in " + description_ +
                            " (allowed keys: " + allowed + ")");
  }
  return first_problem_;
}

}  // namespace mk::policies

// json::parse: a recursive-descent parser whose recursion is bounded by kMaxDepth. Every error is
// reported once, with the place it was found; string contents never enter a message.
#include <charconv>
#include <climits>
#include <system_error>
#include <unordered_set>

#include "base/json.hpp"
#include "base/utf8.hpp"

namespace mk::json {

namespace {

constexpr std::size_t kLinearKeyCheckLimit = 16;
constexpr std::size_t kMaxQuotedKeyBytes = 64;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int clamp_to_int(std::size_t n) {
  return n > INT_MAX ? INT_MAX : static_cast<int>(n);
}

// A key for an error message: JSON-quoted, cut at a code point boundary when long.
std::string quote_key(std::string_view key) {
  if (key.size() <= kMaxQuotedKeyBytes) return serialize(Value(key));
  std::size_t cut = kMaxQuotedKeyBytes;
  while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80)
    --cut;
  return serialize(Value(key.substr(0, cut))) + "...";
}

// For a number from_chars found out of range: true when it is too large (rather than too small) in
// magnitude. `lexeme` matches the JSON number grammar and has a nonzero digit.
bool is_too_large(std::string_view lexeme) {
  std::size_t i = lexeme[0] == '-' ? 1 : 0;
  std::int64_t int_digits = 0;
  std::int64_t leading_fraction_zeros = 0;
  bool nonzero_seen = false;
  for (; i < lexeme.size() && is_digit(lexeme[i]); ++i) {
    if (nonzero_seen || lexeme[i] != '0') {
      nonzero_seen = true;
      ++int_digits;
    }
  }
  if (i < lexeme.size() && lexeme[i] == '.') {
    for (++i; i < lexeme.size() && is_digit(lexeme[i]); ++i) {
      if (!nonzero_seen && lexeme[i] == '0') {
        ++leading_fraction_zeros;
      } else {
        nonzero_seen = true;
      }
    }
  }
  std::int64_t exponent = 0;
  if (i < lexeme.size() && (lexeme[i] == 'e' || lexeme[i] == 'E')) {
    ++i;
    const bool negative = i < lexeme.size() && lexeme[i] == '-';
    if (i < lexeme.size() && (lexeme[i] == '-' || lexeme[i] == '+')) ++i;
    for (; i < lexeme.size() && is_digit(lexeme[i]); ++i) {
      if (exponent < 1'000'000'000'000) exponent = exponent * 10 + (lexeme[i] - '0');
    }
    if (negative) exponent = -exponent;
  }
  const std::int64_t magnitude =
      int_digits > 0 ? int_digits + exponent : exponent - leading_fraction_zeros;
  return magnitude > 0;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Value> run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
      fail(here(), "a byte order mark is not allowed");
      return error_;
    }
    skip_whitespace();
    Value root;
    if (!parse_value(root, 0)) return error_;
    skip_whitespace();
    if (!at_end()) {
      fail_unexpected("the end of the input after the value");
      return error_;
    }
    return root;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  bool next_is(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool next_is_digit() const { return pos_ < text_.size() && is_digit(text_[pos_]); }

  Position here() const { return {line_, clamp_to_int(pos_ - line_start_ + 1)}; }

  bool fail(Position p, std::string_view reason) {
    if (error_.is_ok()) {
      error_ = invalid_input(std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
                             std::string(reason));
    }
    return false;
  }

  // Fails at the current position, naming what was expected and, when it is syntax rather than
  // content, what was found.
  bool fail_unexpected(std::string_view expected) {
    std::string reason = "expected " + std::string(expected);
    if (at_end()) return fail(here(), reason + ", found the end of the input");
    const std::string_view rest = text_.substr(pos_);
    const char c = rest[0];
    if (rest.substr(0, 2) == "//" || rest.substr(0, 2) == "/*") {
      return fail(here(), "comments are not allowed");
    }
    if (c == '\'') return fail(here(), "strings must be in double quotes");
    if (rest.substr(0, 3) == "NaN" || rest.substr(0, 8) == "Infinity") {
      return fail(here(), "NaN and Infinity are not allowed");
    }
    if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == '"') {
      return fail(here(), reason + ", found '" + std::string(1, c) + "'");
    }
    return fail(here(), reason);
  }

  void skip_whitespace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++pos_;
        if (line_ < INT_MAX) ++line_;
        line_start_ = pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        return;
      }
    }
  }

  // Parses the value at the current position (whitespace already skipped) at nesting `depth`.
  bool parse_value(Value& out, int depth) {
    const Position start = here();
    if (at_end()) return fail_unexpected("a value");
    bool ok = false;
    switch (text_[pos_]) {
      case '{':
      case '[':
        if (depth >= kMaxDepth) {
          return fail(start, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
        }
        ok = text_[pos_] == '{' ? parse_object(out, depth + 1) : parse_array(out, depth + 1);
        break;
      case '"': {
        std::string s;
        ok = parse_string(s);
        if (ok) out = Value(std::move(s));
        break;
      }
      case 't':
        ok = parse_literal("true", Value(true), out);
        break;
      case 'f':
        ok = parse_literal("false", Value(false), out);
        break;
      case 'n':
        ok = parse_literal("null", Value(), out);
        break;
      default:
        if (text_[pos_] == '-' || is_digit(text_[pos_])) {
          ok = parse_number(out);
        } else {
          return fail_unexpected("a value");
        }
    }
    if (ok) out.set_position(start);
    return ok;
  }

  bool parse_literal(std::string_view word, Value v, Value& out) {
    if (text_.substr(pos_, word.size()) != word) return fail(here(), "invalid literal");
    pos_ += word.size();
    out = std::move(v);
    return true;
  }

  bool parse_object(Value& out, int depth) {
    ++pos_;
    Object members;
    std::unordered_set<std::string> seen;
    skip_whitespace();
    if (next_is('}')) {
      ++pos_;
      out = Value(std::move(members));
      return true;
    }
    while (true) {
      if (!next_is('"')) return fail_unexpected("a string key");
      const Position key_pos = here();
      std::string key;
      if (!parse_string(key)) return false;
      if (!insert_key(members, seen, key)) return fail(key_pos, "duplicate key " + quote_key(key));
      skip_whitespace();
      if (!next_is(':')) return fail_unexpected("':' after key " + quote_key(key));
      ++pos_;
      skip_whitespace();
      Value v;
      if (!parse_value(v, depth)) return false;
      members.emplace_back(std::move(key), std::move(v));
      skip_whitespace();
      if (next_is('}')) break;
      if (!next_is(',')) return fail_unexpected("',' or '}' in object");
      const Position comma = here();
      ++pos_;
      skip_whitespace();
      if (next_is('}')) return fail(comma, "trailing comma in object");
    }
    ++pos_;
    out = Value(std::move(members));
    return true;
  }

  // Whether `key` is new to the object; small objects are searched, larger ones use `seen`.
  static bool insert_key(const Object& members, std::unordered_set<std::string>& seen,
                         const std::string& key) {
    if (seen.empty() && members.size() < kLinearKeyCheckLimit) {
      for (const Member& m : members) {
        if (m.first == key) return false;
      }
      return true;
    }
    if (seen.empty()) {
      for (const Member& m : members)
        seen.insert(m.first);
    }
    return seen.insert(key).second;
  }

  bool parse_array(Value& out, int depth) {
    ++pos_;
    Array items;
    skip_whitespace();
    if (next_is(']')) {
      ++pos_;
      out = Value(std::move(items));
      return true;
    }
    while (true) {
      Value v;
      if (!parse_value(v, depth)) return false;
      items.push_back(std::move(v));
      skip_whitespace();
      if (next_is(']')) break;
      if (!next_is(',')) return fail_unexpected("',' or ']' in array");
      const Position comma = here();
      ++pos_;
      skip_whitespace();
      if (next_is(']')) return fail(comma, "trailing comma in array");
    }
    ++pos_;
    out = Value(std::move(items));
    return true;
  }

  bool parse_string(std::string& out) {
    const Position start = here();
    ++pos_;
    while (true) {
      if (at_end()) return fail(start, "unterminated string");
      const auto b = static_cast<unsigned char>(text_[pos_]);
      if (b == '"') {
        ++pos_;
        return true;
      }
      if (b == '\\') {
        if (!parse_escape(out, start)) return false;
      } else if (b < 0x20) {
        return fail(here(), "unescaped control character in string");
      } else if (b < 0x80) {
        out.push_back(static_cast<char>(b));
        ++pos_;
      } else {
        char32_t cp = 0;
        const std::size_t len = decode_utf8(text_, pos_, cp);
        if (len == 0) return fail(here(), "invalid UTF-8 in string");
        out.append(text_.substr(pos_, len));
        pos_ += len;
      }
    }
  }

  // Reads four hex digits at text_[at]; returns -1 if there are not four.
  long read_hex4(std::size_t at) const {
    if (at > text_.size() || text_.size() - at < 4) return -1;
    long v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int d = hex_digit(text_[at + k]);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  bool parse_escape(std::string& out, Position string_start) {
    const Position esc = here();
    if (pos_ + 1 >= text_.size()) return fail(string_start, "unterminated string");
    const char c = text_[pos_ + 1];
    char simple = 0;
    switch (c) {
      case '"':
        simple = '"';
        break;
      case '\\':
        simple = '\\';
        break;
      case '/':
        simple = '/';
        break;
      case 'b':
        simple = '\b';
        break;
      case 'f':
        simple = '\f';
        break;
      case 'n':
        simple = '\n';
        break;
      case 'r':
        simple = '\r';
        break;
      case 't':
        simple = '\t';
        break;
      case 'u':
        break;
      default:
        return fail(esc, "invalid escape sequence in string");
    }
    if (c != 'u') {
      out.push_back(simple);
      pos_ += 2;
      return true;
    }
    const long unit = read_hex4(pos_ + 2);
    if (unit < 0) return fail(esc, "invalid \\u escape in string");
    pos_ += 6;
    char32_t cp = static_cast<char32_t>(unit);
    if (unit >= 0xDC00 && unit <= 0xDFFF) return fail(esc, "unpaired surrogate escape in string");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const long low = next_is('\\') && pos_ + 1 < text_.size() && text_[pos_ + 1] == 'u'
                           ? read_hex4(pos_ + 2)
                           : -1;
      if (low < 0xDC00 || low > 0xDFFF) return fail(esc, "unpaired surrogate escape in string");
      pos_ += 6;
      cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
           (static_cast<char32_t>(low) - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
  }

  bool parse_number(Value& out) {
    const Position start = here();
    const std::size_t begin = pos_;
    bool integral = true;
    if (next_is('-')) {
      ++pos_;
      if (text_.substr(pos_, 8) == "Infinity")
        return fail(start, "NaN and Infinity are not allowed");
      if (!next_is_digit()) return fail(here(), "expected a digit after '-'");
    }
    if (next_is('0')) {
      ++pos_;
      if (next_is_digit()) return fail(start, "leading zeros are not allowed");
    } else {
      while (next_is_digit())
        ++pos_;
    }
    if (next_is('.')) {
      integral = false;
      ++pos_;
      if (!next_is_digit()) return fail(here(), "expected a digit after '.'");
      while (next_is_digit())
        ++pos_;
    }
    if (next_is('e') || next_is('E')) {
      integral = false;
      ++pos_;
      if (next_is('+') || next_is('-')) ++pos_;
      if (!next_is_digit()) return fail(here(), "expected a digit in the exponent");
      while (next_is_digit())
        ++pos_;
    }
    const char* first = text_.data() + begin;
    const char* last = text_.data() + pos_;
    if (integral) {
      std::int64_t i = 0;
      const auto [end, ec] = std::from_chars(first, last, i);
      if (ec == std::errc() && end == last) {
        out = Value(i);
        return true;
      }
    }
    double d = 0;
    const auto [end, ec] = std::from_chars(first, last, d);
    if (ec == std::errc::result_out_of_range) {
      if (is_too_large(text_.substr(begin, pos_ - begin)))
        return fail(start, "number out of range");
      d = *first == '-' ? -0.0 : 0.0;
    } else if (ec != std::errc() || end != last) {
      return fail(start, "invalid number");
    }
    out = Value(d);
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  Status error_;
};

}  // namespace

Result<Value> parse(std::string_view text) {
  return Parser(text).run();
}

}  // namespace mk::json

// json::serialize: the compact and the pretty form.
#include <charconv>
#include <cmath>

#include "base/json.hpp"
#include "base/utf8.hpp"

namespace mk::json {

namespace {

void write_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b >= 0x80) {
      char32_t cp = 0;
      const std::size_t len = decode_utf8(s, pos, cp);
      if (len == 0) {
        // Only reachable for strings built in code; keeps the output valid JSON.
        append_utf8(out, 0xFFFD);
        ++pos;
      } else {
        out.append(s.substr(pos, len));
        pos += len;
      }
      continue;
    }
    switch (b) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (b < 0x20 || b == 0x7F) {
          out += "\\u00";
          out.push_back(kHex[b >> 4]);
          out.push_back(kHex[b & 0x0F]);
        } else {
          out.push_back(static_cast<char>(b));
        }
    }
    ++pos;
  }
  out.push_back('"');
}

template <typename T>
void write_chars(std::string& out, T value) {
  char buf[40];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, result.ptr);
}

class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}

  void write(const Value& v, int level) {
    switch (v.type()) {
      case Value::Type::kNull:
        out_ += "null";
        break;
      case Value::Type::kBool:
        out_ += v.as_bool() ? "true" : "false";
        break;
      case Value::Type::kNumber:
        if (v.is_integer()) {
          write_chars(out_, v.as_integer());
        } else if (v.as_double() == 0 && std::signbit(v.as_double())) {
          out_ += "-0.0";  // "-0" would read back as the integer 0
        } else {
          write_chars(out_, v.as_double());
        }
        break;
      case Value::Type::kString:
        write_string(out_, v.as_string());
        break;
      case Value::Type::kArray:
        write_array(v.as_array(), level);
        break;
      case Value::Type::kObject:
        write_object(v.as_object(), level);
        break;
    }
  }

  std::string take() && {
    if (pretty_) out_.push_back('\n');
    return std::move(out_);
  }

 private:
  void write_array(const Array& items, int level) {
    out_.push_back('[');
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_.push_back(',');
      new_line(level + 1);
      write(items[i], level + 1);
    }
    if (!items.empty()) new_line(level);
    out_.push_back(']');
  }

  void write_object(const Object& members, int level) {
    out_.push_back('{');
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i > 0) out_.push_back(',');
      new_line(level + 1);
      write_string(out_, members[i].first);
      out_ += pretty_ ? ": " : ":";
      write(members[i].second, level + 1);
    }
    if (!members.empty()) new_line(level);
    out_.push_back('}');
  }

  void new_line(int level) {
    if (!pretty_) return;
    out_.push_back('\n');
    out_.append(static_cast<std::size_t>(level) * 2, ' ');
  }

  bool pretty_;
  std::string out_;
};

}  // namespace

std::string serialize(const Value& v, bool pretty) {
  Writer writer(pretty);
  writer.write(v, 0);
  return std::move(writer).take();
}

}  // namespace mk::json

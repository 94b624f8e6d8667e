#include "vault/audit_entry.hpp"

#include <charconv>
#include <cstring>

#include "base/json.hpp"
#include "base/utf8.hpp"

namespace mk::vault {
namespace {

constexpr const char* kMembers[] = {"seq",    "time",   "actor",  "role",   "action",
                                    "object", "result", "origin", "reason", "detail"};

}  // namespace

std::string encode_audit_entry(const AuditEntry& e) {
  json::Value v = json::Value::object();
  v.set("seq", static_cast<std::int64_t>(e.seq));
  v.set("time", format_instant(e.time));
  v.set("actor", e.actor);
  v.set("role", e.role);
  v.set("action", e.action);
  v.set("object", e.object);
  v.set("result", e.result);
  v.set("origin", e.origin);
  v.set("reason", e.reason);
  v.set("detail", e.detail);
  return json::serialize(v);
}

namespace {

// Reads the canonical JSON string at leaf[pos] (as json::serialize writes it: only '"', '\\' and
// control characters escaped, with the short forms where JSON has them and \u00xx (lowercase)
// otherwise; everything else as UTF-8) into `out`. False for anything else.
bool read_canonical_string(std::string_view leaf, std::size_t& pos, std::string& out) {
  if (pos >= leaf.size() || leaf[pos] != '"') return false;
  ++pos;
  while (pos < leaf.size()) {
    const auto b = static_cast<unsigned char>(leaf[pos]);
    if (b == '"') {
      ++pos;
      return true;
    }
    if (b == '\\') {
      if (pos + 1 >= leaf.size()) return false;
      char e = leaf[pos + 1];
      const char* shorts = "\"\\bfnrt";
      const char* values = "\"\\\b\f\n\r\t";
      const char* hit = e != '\0' ? std::strchr(shorts, e) : nullptr;
      if (hit) {
        out.push_back(values[hit - shorts]);
        pos += 2;
        continue;
      }
      if (e != 'u' || pos + 6 > leaf.size() || leaf[pos + 2] != '0' || leaf[pos + 3] != '0') {
        return false;
      }
      auto hex = [](char c) {
        return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
      };
      int hi = hex(leaf[pos + 4]), lo = hex(leaf[pos + 5]);
      if (hi < 0 || lo < 0) return false;
      auto c = static_cast<unsigned char>(hi * 16 + lo);
      bool has_short_form = c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t';
      if (!((c < 0x20 || c == 0x7f) && !has_short_form)) return false;
      out.push_back(static_cast<char>(c));
      pos += 6;
      continue;
    }
    if (b < 0x20 || b == 0x7f) return false;
    if (b >= 0x80) {
      char32_t cp = 0;
      std::size_t len = decode_utf8(leaf, pos, cp);
      if (len == 0) return false;
      out.append(leaf.substr(pos, len));
      pos += len;
      continue;
    }
    out.push_back(static_cast<char>(b));
    ++pos;
  }
  return false;
}

bool read_literal(std::string_view leaf, std::size_t& pos, std::string_view literal) {
  if (leaf.substr(pos, literal.size()) != literal) return false;
  pos += literal.size();
  return true;
}

bool read_canonical_u64(std::string_view leaf, std::size_t& pos, std::uint64_t& out) {
  std::size_t start = pos;
  while (pos < leaf.size() && leaf[pos] >= '0' && leaf[pos] <= '9')
    ++pos;
  std::string_view digits = leaf.substr(start, pos - start);
  if (digits.empty() || digits.size() > 18 || (digits.size() > 1 && digits[0] == '0')) return false;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
  return ec == std::errc() && end == digits.data() + digits.size();
}

}  // namespace

// A direct reader of the one canonical form (verification reads millions of entries; a general
// JSON parse and re-encode would dominate its cost). Equivalent to: parse, check member order and
// types, re-encode and compare with the input.
Result<AuditEntry> decode_audit_entry(std::string_view leaf) {
  auto corrupt = [] { return vault_corrupt("an audit entry is not in canonical form"); };
  AuditEntry e;
  std::size_t pos = 0;
  std::string time;
  std::string* fields[] = {&time,     &e.actor,  &e.role,   &e.action, &e.object,
                           &e.result, &e.origin, &e.reason, &e.detail};
  if (!read_literal(leaf, pos, "{\"seq\":") || !read_canonical_u64(leaf, pos, e.seq)) {
    return corrupt();
  }
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    std::string key = std::string(",\"") + kMembers[i + 1] + "\":";
    if (!read_literal(leaf, pos, key) || !read_canonical_string(leaf, pos, *fields[i])) {
      return corrupt();
    }
  }
  if (!read_literal(leaf, pos, "}") || pos != leaf.size()) return corrupt();
  if (!parse_instant(time, e.time) || format_instant(e.time) != time) return corrupt();
  return e;
}

}  // namespace mk::vault

#include "vault/audit_entry.hpp"

#include "base/json.hpp"

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

Result<AuditEntry> decode_audit_entry(std::string_view leaf) {
  auto corrupt = [] { return vault_corrupt("an audit entry is not in canonical form"); };
  Result<json::Value> parsed = json::parse(leaf);
  if (!parsed || !parsed->is_object()) return corrupt();
  const json::Object& members = parsed->as_object();
  if (members.size() != std::size(kMembers)) return corrupt();
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].first != kMembers[i]) return corrupt();
    bool want_integer = i == 0;
    if (want_integer ? !members[i].second.is_integer() : !members[i].second.is_string()) {
      return corrupt();
    }
  }
  AuditEntry e;
  std::int64_t seq = members[0].second.as_integer();
  if (seq < 0) return corrupt();
  e.seq = static_cast<std::uint64_t>(seq);
  if (!parse_instant(members[1].second.as_string(), e.time)) return corrupt();
  e.actor = members[2].second.as_string();
  e.role = members[3].second.as_string();
  e.action = members[4].second.as_string();
  e.object = members[5].second.as_string();
  e.result = members[6].second.as_string();
  e.origin = members[7].second.as_string();
  e.reason = members[8].second.as_string();
  e.detail = members[9].second.as_string();
  if (encode_audit_entry(e) != leaf) return corrupt();
  return e;
}

}  // namespace mk::vault

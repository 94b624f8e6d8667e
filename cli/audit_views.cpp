#include "cli/audit_views.hpp"

#include "cli/output.hpp"

namespace mk::cli {
namespace {

json::Value integer(std::uint64_t v) {
  return json::Value(static_cast<std::int64_t>(v));
}

}  // namespace

json::Value to_json(const vault::AuditEntry& e) {
  json::Value o = json::Value::object();
  o.set("seq", integer(e.seq));
  o.set("time", format_instant(e.time));
  o.set("actor", e.actor);
  o.set("role", e.role);
  o.set("action", e.action);
  o.set("object", e.object);
  o.set("result", e.result);
  o.set("origin", e.origin);
  o.set("reason", e.reason);
  o.set("detail", e.detail);
  return o;
}

json::Value to_json(const vault::AuditVerification& v) {
  json::Value o = json::Value::object();
  o.set("ok", v.ok);
  o.set("entries", integer(v.entries));
  o.set("checkpoints_checked", integer(v.checkpoints_checked));
  o.set("latest_checkpoint_size", integer(v.latest_checkpoint_size));
  o.set("first_bad_entry", v.first_bad_entry ? integer(*v.first_bad_entry) : json::Value());
  o.set("problem", v.ok ? json::Value() : json::Value(v.problem));
  return o;
}

json::Value to_json(const vault::InclusionProof& p) {
  json::Value checkpoint = json::Value::object();
  checkpoint.set("origin", p.checkpoint.origin);
  checkpoint.set("size", integer(p.checkpoint.size));
  checkpoint.set("root", to_hex(p.checkpoint.root));
  json::Value path = json::Value::array();
  for (const tlog::Hash& h : p.path)
    path.push(to_hex(h));
  json::Value o = json::Value::object();
  o.set("entry", to_json(p.entry));
  o.set("leaf", p.leaf);
  o.set("leaf_hash", to_hex(tlog::leaf_hash(as_bytes(p.leaf))));
  o.set("checkpoint", std::move(checkpoint));
  o.set("path", std::move(path));
  return o;
}

json::Value to_json(const service::AuditExportSummary& s) {
  json::Value o = json::Value::object();
  o.set("entries", integer(s.entries));
  o.set("checkpoints", integer(s.checkpoints));
  o.set("cosigned", integer(s.cosigned));
  o.set("latest_checkpoint_size", integer(s.latest_checkpoint_size));
  return o;
}

std::vector<std::string> table_headers() {
  return {"NR/SEQ", "TIJD/TIME",       "WIE/ACTOR",       "ROL/ROLE",     "ACTIE/ACTION",
          "OBJECT", "UITKOMST/RESULT", "HERKOMST/ORIGIN", "REDEN/REASON", "DETAIL"};
}

std::vector<std::string> table_row(const vault::AuditEntry& e) {
  return {std::to_string(e.seq), format_instant(e.time), or_dash(e.actor),  or_dash(e.role),
          or_dash(e.action),     or_dash(e.object),      or_dash(e.result), or_dash(e.origin),
          or_dash(e.reason),     or_dash(e.detail)};
}

}  // namespace mk::cli

namespace mk::cli {

json::Value to_json(const service::WitnessReport& r) {
  json::Value o = json::Value::object();
  o.set("ok", json::Value(r.verification.ok));
  o.set("problem", r.verification.ok ? json::Value() : json::Value(r.verification.problem));
  o.set("witnessed_size", json::Value(static_cast<std::int64_t>(r.verification.witnessed_size)));
  json::Value witnesses = json::Value::array();
  for (const vault::WitnessRecord& w : r.verification.witnesses) {
    json::Value one = json::Value::object();
    one.set("name", w.name);
    one.set("verifier_key", w.verifier_key);
    one.set("size", json::Value(static_cast<std::int64_t>(w.size)));
    one.set("cosigned", w.cosigned ? json::Value(format_instant(*w.cosigned)) : json::Value());
    witnesses.push(std::move(one));
  }
  o.set("witnesses", std::move(witnesses));
  o.set("unwitnessed_days", r.unwitnessed_days ? json::Value(*r.unwitnessed_days) : json::Value());
  o.set("max_unwitnessed_days", json::Value(static_cast<std::int64_t>(r.max_unwitnessed_days)));
  o.set("overdue", json::Value(r.overdue));
  return o;
}

std::string witness_summary(const service::WitnessReport& r) {
  const vault::WitnessRecord* latest = nullptr;
  for (const vault::WitnessRecord& w : r.verification.witnesses) {
    if (w.size > 0 && (latest == nullptr || w.size > latest->size)) latest = &w;
  }
  if (latest == nullptr) return "niet getuigd / not witnessed";
  const std::string entry = std::to_string(latest->size - 1);
  const std::string date = latest->cosigned ? format_instant(*latest->cosigned).substr(0, 10) : "?";
  return "getuigd t/m regel " + entry + " door " + latest->name + " op " + date +
         " / witnessed up to entry " + entry + " by " + latest->name + " on " + date;
}

std::string overdue_warning(const service::WitnessReport& r) {
  const std::string days = std::to_string(r.unwitnessed_days.value_or(0));
  const std::string limit = std::to_string(r.max_unwitnessed_days);
  return "WAARSCHUWING: de oudste niet-getuigde regel is " + days + " dagen oud (grens " + limit +
         ") / WARNING: the oldest unwitnessed entry is " + days + " days old (limit " + limit +
         ", policies/audit.json): have the witness cosign a checkpoint";
}

}  // namespace mk::cli

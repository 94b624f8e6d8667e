#include "cli/json_views.hpp"

#include <optional>
#include <string>

#include "vault/role.hpp"

namespace mk::cli {
namespace {

json::Value opt(const std::optional<std::string>& v) {
  return v ? json::Value(*v) : json::Value();
}

json::Value opt(const std::optional<Date>& d) {
  return d ? json::Value(d->to_iso()) : json::Value();
}

template <typename E>
json::Value opt_enum(const std::optional<E>& v) {
  return v ? json::Value(vault::enum_name(*v)) : json::Value();
}

json::Value integer(std::uint64_t v) {
  return json::Value(static_cast<std::int64_t>(v));
}

}  // namespace

json::Value to_json(const vault::SignalSummary& s) {
  json::Value o = json::Value::object();
  o.set("id", s.id);
  o.set("received", s.received.to_iso());
  o.set("source", vault::enum_name(s.source_kind));
  o.set("source_team", opt(s.source_team));
  o.set("reporter_id", opt(s.reporter_id));
  o.set("forms", json::Value::array_of(s.forms));
  o.set("indicators", json::Value::array_of(s.indicators));
  o.set("minor", vault::enum_name(s.minor));
  o.set("scale", opt_enum(s.scale));
  o.set("severity", opt_enum(s.severity));
  o.set("person_ids", json::Value::array_of(s.person_ids));
  o.set("case_ids", json::Value::array_of(s.case_ids));
  o.set("status", vault::enum_name(s.status));
  o.set("outcome", opt_enum(s.outcome));
  o.set("closed", opt(s.closed));
  o.set("has_narrative", s.has_narrative);
  o.set("has_nature", s.has_nature);
  o.set("created", format_instant(s.created));
  o.set("updated", format_instant(s.updated));
  return o;
}

json::Value to_json(const vault::Signal& s) {
  json::Value o = to_json(s.summary);
  o.set("narrative", opt(s.narrative));
  o.set("nature", opt(s.nature));
  return o;
}

json::Value to_json(const vault::PersonSummary& p) {
  json::Value o = json::Value::object();
  o.set("id", p.id);
  o.set("role", vault::person_role_name(p.role));
  o.set("restricted", p.restricted);
  json::Value present = json::Value::array();
  for (vault::PersonField f : p.fields_present)
    present.push(vault::person_field_name(f));
  o.set("fields_present", std::move(present));
  o.set("created", format_instant(p.created));
  o.set("updated", format_instant(p.updated));
  return o;
}

json::Value to_json(const vault::Person& p) {
  json::Value o = to_json(p.summary);
  json::Value identity = json::Value::object();
  for (vault::PersonField f : vault::kPersonFields) {
    if (const auto& v = p.identity.get(f))
      identity.set(std::string(vault::person_field_name(f)), *v);
  }
  o.set("identity", std::move(identity));
  return o;
}

json::Value to_json(const vault::CaseSummary& c) {
  json::Value o = json::Value::object();
  o.set("id", c.id);
  o.set("status", vault::enum_name(c.status));
  o.set("opened", c.opened.to_iso());
  o.set("closed", opt(c.closed));
  o.set("signal_ids", json::Value::array_of(c.signal_ids));
  o.set("person_ids", json::Value::array_of(c.person_ids));
  o.set("has_summary", c.has_summary);
  o.set("has_closure_note", c.has_closure_note);
  o.set("created", format_instant(c.created));
  o.set("updated", format_instant(c.updated));
  return o;
}

json::Value to_json(const vault::Case& c) {
  json::Value o = to_json(c.summary);
  o.set("summary_text", opt(c.summary_text));
  o.set("closure_note", opt(c.closure_note));
  return o;
}

json::Value to_json(const vault::SlotInfo& slot) {
  json::Value o = json::Value::object();
  o.set("name", slot.name);
  o.set("role", vault::role_name(slot.role));
  json::Value kdf = json::Value::object();
  kdf.set("algorithm", "argon2id13");
  kdf.set("opslimit", integer(slot.kdf.opslimit));
  kdf.set("memlimit", integer(slot.kdf.memlimit));
  o.set("kdf", std::move(kdf));
  return o;
}

json::Value to_json(const policies::IndicatorCatalogue& catalogue) {
  json::Value forms = json::Value::array();
  for (const policies::TraffickingForm& f : catalogue.forms()) {
    json::Value o = json::Value::object();
    o.set("code", f.code);
    o.set("label_nl", f.label_nl);
    o.set("label_en", f.label_en);
    o.set("reference", f.reference);
    o.set("htcds", f.htcds.empty() ? json::Value() : json::Value(f.htcds));
    forms.push(std::move(o));
  }
  json::Value groups = json::Value::array();
  for (const policies::IndicatorGroup& g : catalogue.groups()) {
    json::Value o = json::Value::object();
    o.set("code", g.code);
    o.set("axis", policies::axis_name(g.axis));
    o.set("label_nl", g.label_nl);
    o.set("label_en", g.label_en);
    o.set("reference", g.reference);
    json::Value items = json::Value::array();
    for (const policies::Indicator* i : catalogue.indicators_of(g.code)) {
      json::Value item = json::Value::object();
      item.set("code", i->code);
      item.set("label_nl", i->label_nl);
      item.set("label_en", i->label_en);
      item.set("reference", i->reference);
      item.set("htcds", i->htcds.empty() ? json::Value() : json::Value(i->htcds));
      items.push(std::move(item));
    }
    o.set("indicators", std::move(items));
    groups.push(std::move(o));
  }
  json::Value o = json::Value::object();
  o.set("version", catalogue.hash());
  o.set("forms", std::move(forms));
  o.set("groups", std::move(groups));
  return o;
}

}  // namespace mk::cli

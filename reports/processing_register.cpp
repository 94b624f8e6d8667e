// render_processing_register_json: the register's JSON, in the member order documented in
// docs/formats/processing-register.md.
#include "reports/processing_register.hpp"

#include "base/json.hpp"

namespace mk::reports {

namespace {

json::Value label(const Label& l) {
  json::Value out = json::Value::object();
  out.set("nl", l.nl).set("en", l.en);
  return out;
}

json::Value mark(const std::optional<DataMark>& m) {
  if (!m) return json::Value();
  json::Value out = json::Value::object();
  out.set("article", m->article).set("reason", m->reason);
  return out;
}

json::Value party(const ControllerInfo& c, bool with_address) {
  json::Value out = json::Value::object();
  out.set("name", c.name);
  if (with_address) out.set("address", c.address);
  out.set("contact", c.contact).set("confirmed", c.confirmed);
  return out;
}

json::Value purpose(const RegisterPurpose& p) {
  json::Value out = json::Value::object();
  out.set("id", p.id)
      .set("label", label(p.label))
      .set("legal_basis", p.legal_basis)
      .set("legal_basis_reference", p.legal_basis_reference)
      .set("data_subjects", json::Value::array_of(p.subjects))
      .set("recipients", json::Value::array_of(p.recipients));
  return out;
}

json::Value subject(const SubjectCategory& s) {
  json::Value data = json::Value::array();
  for (const DataCategory& d : s.data) {
    json::Value fields = json::Value::array();
    for (const RegisterField& f : d.fields) {
      json::Value field = json::Value::object();
      field.set("name", f.name).set("encrypted", f.encrypted);
      fields.push(std::move(field));
    }
    json::Value category = json::Value::object();
    category.set("id", d.id)
        .set("label", label(d.label))
        .set("fields", std::move(fields))
        .set("special", mark(d.special))
        .set("criminal", mark(d.criminal));
    data.push(std::move(category));
  }
  json::Value out = json::Value::object();
  out.set("id", s.id).set("label", label(s.label)).set("data", std::move(data));
  return out;
}

json::Value recipient(const RegisterRecipient& r) {
  json::Value roles = json::Value::array();
  for (const RecipientRole& role : r.roles) {
    json::Value fields = json::Value::array();
    for (const RecipientField& f : role.fields) {
      json::Value field = json::Value::object();
      field.set("name", f.name).set("fate", f.fate);
      fields.push(std::move(field));
    }
    json::Value item = json::Value::object();
    item.set("role", role.role).set("fields", std::move(fields));
    roles.push(std::move(item));
  }
  json::Value consent = json::Value::object();
  consent.set("required", r.consent_required);
  if (r.consent_required) consent.set("self_from_age", r.consent_self_from_age);
  consent.set("reference", r.consent_reference);
  json::Value minors = json::Value::object();
  minors.set("rule", r.minors).set("reference", r.minors_reference);
  json::Value out = json::Value::object();
  out.set("id", r.id)
      .set("partner", r.partner)
      .set("kind", r.kind)
      .set("name", label(r.name))
      .set("purpose", label(r.purpose))
      .set("legal_basis", r.legal_basis)
      .set("legal_basis_reference", r.legal_basis_reference)
      .set("consent", std::move(consent))
      .set("minors", std::move(minors))
      .set("roles", std::move(roles))
      .set("record_fields", json::Value::array_of(r.record_fields))
      .set("special", mark(r.special))
      .set("criminal", mark(r.criminal));
  return out;
}

json::Value retention(const RegisterRetention& r) {
  json::Value out = json::Value::object();
  out.set("id", r.id)
      .set("class", r.record_class)
      .set("roles", json::Value::array_of(r.roles))
      .set("outcomes", json::Value::array_of(r.outcomes))
      .set("disclosed_to", json::Value::array_of(r.disclosed_to))
      .set("not_disclosed_to", json::Value::array_of(r.not_disclosed_to))
      .set("trigger", r.trigger)
      .set("period", r.period)
      .set("action", r.action)
      .set("reference", r.reference)
      .set("note", r.note.empty() ? json::Value() : json::Value(r.note))
      .set("confirmed", r.confirmed);
  return out;
}

json::Value vault(const std::optional<VaultMetadata>& v) {
  if (!v) return json::Value();
  json::Value slots = json::Value::object();
  for (const auto& [role, n] : v->slots_by_role)
    slots.set(role, n);
  json::Value out = json::Value::object();
  out.set("vault_id", v->vault_id)
      .set("schema_version", v->schema_version)
      .set("key_slots_by_role", std::move(slots));
  return out;
}

}  // namespace

std::string render_processing_register_json(const ProcessingRegister& r) {
  json::Value out = json::Value::object();
  out.set("format", json::Value(kProcessingRegisterFormat));
  out.set("generated", format_instant(r.generated));
  out.set("controller", party(r.controller, true));
  out.set("dpo", party(r.dpo, false));
  json::Value activity = json::Value::object();
  activity.set("name", label(r.activity))
      .set("description", label(r.description))
      .set("third_countries", r.third_countries);
  out.set("activity", std::move(activity));
  json::Value list = json::Value::array();
  for (const RegisterPurpose& p : r.purposes)
    list.push(purpose(p));
  out.set("purposes", std::move(list));
  list = json::Value::array();
  for (const SubjectCategory& s : r.subjects)
    list.push(subject(s));
  out.set("data_subjects", std::move(list));
  list = json::Value::array();
  for (const RegisterRecipient& x : r.recipients)
    list.push(recipient(x));
  out.set("recipients", std::move(list));
  list = json::Value::array();
  for (const RegisterRetention& x : r.retention)
    list.push(retention(x));
  out.set("retention", std::move(list));
  list = json::Value::array();
  for (const SecurityMeasure& m : r.measures) {
    json::Value item = json::Value::object();
    item.set("id", m.id)
        .set("label", label(m.label))
        .set("description", m.description)
        .set("reference", m.reference);
    list.push(std::move(item));
  }
  out.set("security_measures", std::move(list));
  list = json::Value::array();
  for (const PolicyFileHash& f : r.policy_files) {
    json::Value item = json::Value::object();
    item.set("file", f.file).set("sha256", f.sha256);
    list.push(std::move(item));
  }
  out.set("policy_files", std::move(list));
  out.set("vault", vault(r.vault));
  return json::serialize(out, true);
}

}  // namespace mk::reports

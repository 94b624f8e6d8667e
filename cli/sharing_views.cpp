#include "cli/sharing_views.hpp"

#include <cstdio>
#include <string>

#include "cli/output.hpp"

namespace mk::cli {
namespace {

json::Value field_lines(const std::vector<service::FieldLine>& lines) {
  json::Value out = json::Value::array();
  for (const service::FieldLine& l : lines) {
    json::Value o = json::Value::object();
    o.set("field", l.field).set("fate", l.fate).set("why", l.why);
    out.push(std::move(o));
  }
  return out;
}

// "include" -> "meegestuurd / included", as the coordinator reads it.
std::string fate_words(const std::string& fate) {
  if (fate == "include") return "meegestuurd / included";
  if (fate == "pseudonymise") return "pseudoniem / pseudonymised";
  if (fate == "generalise") return "gegeneraliseerd / generalised";
  return "achtergehouden / withheld";
}

void print_lines(const std::vector<service::FieldLine>& lines) {
  Table table({"  VELD/FIELD", "LOT/FATE", "REGEL/RULE"});
  for (const service::FieldLine& l : lines)
    table.add({"  " + l.field, fate_words(l.fate), l.why});
  table.print();
}

}  // namespace

json::Value to_json(const vault::Partner& p) {
  json::Value o = json::Value::object();
  o.set("id", p.id)
      .set("name", p.name)
      .set("kind", p.kind)
      .set("contact", p.contact.empty() ? json::Value() : json::Value(p.contact))
      .set("age_recipient", p.age_recipient)
      .set("purposes", json::Value::array_of(p.purposes))
      .set("added", format_instant(p.added));
  return o;
}

json::Value to_json(const vault::Consent& c, const Date& today) {
  bool in_force = c.given <= today && !(c.withdrawn && *c.withdrawn <= today);
  json::Value o = json::Value::object();
  o.set("id", c.id)
      .set("person_id", c.person_id)
      .set("partner", c.partner)
      .set("purpose", c.purpose)
      .set("signer", c.signer)
      .set("given", c.given.to_iso())
      .set("withdrawn", c.withdrawn ? json::Value(c.withdrawn->to_iso()) : json::Value())
      .set("recorded", format_instant(c.recorded))
      .set("in_force", in_force);
  return o;
}

json::Value to_json(const vault::Disclosure& d) {
  json::Value o = json::Value::object();
  o.set("id", d.id)
      .set("time", format_instant(d.time))
      .set("actor", d.actor)
      .set("partner", d.partner)
      .set("partner_kind", d.partner_kind)
      .set("purpose", d.purpose)
      .set("legal_basis", d.legal_basis)
      .set("fields", json::Value::array_of(d.fields))
      .set("pseudonymised", json::Value::array_of(d.pseudonymised))
      .set("generalised", json::Value::array_of(d.generalised))
      .set("withheld", json::Value::array_of(d.withheld))
      .set("package_sha256", d.package_sha256)
      .set("policy_hash", d.policy_hash)
      .set("record_count", d.record_count)
      .set("person_ids", json::Value::array_of(d.person_ids))
      .set("case_ids", json::Value::array_of(d.case_ids))
      .set("signal_ids", json::Value::array_of(d.signal_ids));
  return o;
}

json::Value to_json(const service::SharePreview& p) {
  json::Value persons = json::Value::array();
  for (const service::PersonPreview& person : p.persons) {
    json::Value o = json::Value::object();
    o.set("person_id", person.person_id)
        .set("role", person.role)
        .set("pseudonym", person.shared ? json::Value(person.pseudonym) : json::Value())
        .set("shared", person.shared)
        .set("withheld_reason", person.shared ? json::Value() : json::Value(person.withheld_reason))
        .set("fields", field_lines(person.fields));
    persons.push(std::move(o));
  }
  json::Value o = json::Value::object();
  o.set("partner", p.partner)
      .set("partner_name", p.partner_name)
      .set("purpose", p.purpose)
      .set("legal_basis", p.legal_basis)
      .set("legal_basis_reference", p.legal_basis_reference)
      .set("policy_hash", p.policy_hash)
      .set("record_count", static_cast<std::int64_t>(p.record_count))
      .set("record_fields", field_lines(p.record_fields))
      .set("persons", std::move(persons));
  return o;
}

json::Value to_json(const service::ShareReceipt& r) {
  json::Value o = json::Value::object();
  o.set("disclosure_id", r.disclosure_id)
      .set("package", r.package.string())
      .set("signature", r.signature.string())
      .set("sha256", r.sha256)
      .set("record_count", static_cast<std::int64_t>(r.record_count))
      .set("result", "exported");
  return o;
}

json::Value routing_json(const std::vector<policies::RoutingSuggestion>& suggestions) {
  json::Value out = json::Value::array();
  for (const policies::RoutingSuggestion& s : suggestions) {
    json::Value o = json::Value::object();
    o.set("rule", s.rule)
        .set("partner", s.partner)
        .set("purpose", s.purpose)
        .set("reason_nl", s.reason_nl)
        .set("reason_en", s.reason_en)
        .set("reference", s.reference);
    out.push(std::move(o));
  }
  return out;
}

void print_routing(const std::vector<policies::RoutingSuggestion>& suggestions) {
  std::fputs("\nDoorverwijzen (suggesties) / Routing (suggestions):\n", stdout);
  if (suggestions.empty()) {
    std::fputs("  - geen / none\n", stdout);
    return;
  }
  for (const policies::RoutingSuggestion& s : suggestions) {
    std::string block = "  " + s.partner + "/" + s.purpose + "  [" + s.rule + "]\n" + "    " +
                        s.reason_nl + "\n    " + s.reason_en + "\n    (" + s.reference + ")\n";
    std::fputs(block.c_str(), stdout);
  }
}

void print_preview(const service::SharePreview& p) {
  print_fields({
      {"Partner", p.partner + " (" + p.partner_name + ")"},
      {"Doel / Purpose", p.purpose},
      {"Grondslag / Legal basis", p.legal_basis},
      {"Vastgelegd in / Reference", p.legal_basis_reference},
      {"Beleid / Policy", "sharing.json " + p.policy_hash},
      {"Records", std::to_string(p.record_count)},
  });
  if (!p.record_fields.empty()) {
    std::fputs("\nCasus en meldingen / Case and signals:\n", stdout);
    print_lines(p.record_fields);
  }
  for (const service::PersonPreview& person : p.persons) {
    std::string title = "\nPersoon / Person " + person.person_id + " (" + person.role + ")";
    if (person.shared) {
      title += ", pseudoniem / pseudonym " + person.pseudonym + ":\n";
      std::fputs(title.c_str(), stdout);
      print_lines(person.fields);
    } else {
      title += ": niet meegestuurd / not sent (" + person.withheld_reason + ")\n";
      std::fputs(title.c_str(), stdout);
    }
  }
}

}  // namespace mk::cli

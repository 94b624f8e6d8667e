#include "service/package_contents.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include "base/json.hpp"
#include "base/utf8.hpp"
#include "crypto/secret_buffer.hpp"
#include "service/generalise.hpp"
#include "service/package_summary.hpp"

namespace mk::service {
namespace {

using policies::FieldFate;

constexpr std::array<vault::PersonRole, 4> kRoleOrder = {
    vault::PersonRole::kVictim, vault::PersonRole::kSuspect, vault::PersonRole::kReporter,
    vault::PersonRole::kOther};

std::string pair_name(const SharePlan& plan) {
  return plan.partner->id + "/" + plan.purpose->id;
}

bool sends(const SharePlan& plan, std::string_view record_field) {
  const std::vector<std::string>& f = plan.purpose->record_fields;
  return std::find(f.begin(), f.end(), record_field) != f.end();
}

void add_once(std::vector<std::string>& list, std::string_view name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.emplace_back(name);
}

json::Value text_or_null(const std::optional<std::string>& s) {
  return s ? json::Value(*s) : json::Value();
}

template <typename E>
json::Value name_or_null(const std::optional<E>& v) {
  return v ? json::Value(vault::enum_name(*v)) : json::Value();
}

std::optional<std::string> lookup(const std::map<std::string, std::optional<std::string>>& texts,
                                  const std::string& id) {
  auto it = texts.find(id);
  return it == texts.end() ? std::nullopt : it->second;
}

// Person id -> this partner's pseudonym, for the persons that go.
using Pseudonyms = std::map<std::string, std::string>;

Pseudonyms pseudonyms_of(const SharePlan& plan) {
  Pseudonyms out;
  for (const PersonPreview& p : plan.preview.persons) {
    if (p.shared) out[p.person_id] = p.pseudonym;
  }
  return out;
}

// The sorted pseudonyms of those of `ids` that go.
json::Value pseudonyms_among(const Pseudonyms& pseudonyms, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    if (auto it = pseudonyms.find(id); it != pseudonyms.end()) add_once(out, it->second);
  }
  std::sort(out.begin(), out.end());
  return json::Value::array_of(out);
}

json::Value case_record(const SharePlan& plan, const PackageFacts& facts,
                        const Pseudonyms& pseudonyms, const std::vector<std::string>& signal_refs) {
  const vault::CaseSummary& c = *plan.case_summary;
  json::Value o = json::Value::object();
  o.set("record", "case").set("ref", "case-1");
  if (sends(plan, "case.opened")) o.set("opened", c.opened.to_iso());
  if (sends(plan, "case.closed")) {
    o.set("closed", c.closed ? json::Value(c.closed->to_iso()) : json::Value());
  }
  if (sends(plan, "case.status")) o.set("status", std::string(vault::enum_name(c.status)));
  if (sends(plan, "case.summary")) o.set("summary", text_or_null(facts.case_summary));
  o.set("signals", json::Value::array_of(signal_refs));
  o.set("persons", pseudonyms_among(pseudonyms, c.person_ids));
  return o;
}

json::Value signal_record(const SharePlan& plan, const PackageFacts& facts,
                          const Pseudonyms& pseudonyms, const vault::SignalSummary& s,
                          const std::string& ref) {
  json::Value o = json::Value::object();
  o.set("record", "signal").set("ref", ref);
  if (sends(plan, "signal.received")) o.set("received", s.received.to_iso());
  if (sends(plan, "signal.source_kind")) {
    o.set("source_kind", std::string(vault::enum_name(s.source_kind)));
  }
  if (sends(plan, "signal.forms")) o.set("forms", json::Value::array_of(s.forms));
  if (sends(plan, "signal.indicators")) o.set("indicators", json::Value::array_of(s.indicators));
  if (sends(plan, "signal.minor")) o.set("minor", std::string(vault::enum_name(s.minor)));
  if (sends(plan, "signal.scale")) o.set("scale", name_or_null(s.scale));
  if (sends(plan, "signal.severity")) o.set("severity", name_or_null(s.severity));
  if (sends(plan, "signal.nature")) o.set("nature", text_or_null(lookup(facts.natures, s.id)));
  if (sends(plan, "signal.narrative")) {
    o.set("narrative", text_or_null(lookup(facts.narratives, s.id)));
  }
  std::vector<std::string> named = s.person_ids;
  if (s.reporter_id) named.push_back(*s.reporter_id);
  o.set("persons", pseudonyms_among(pseudonyms, named));
  return o;
}

Result<json::Value> person_record(const PlannedPerson& person, const std::string& pseudonym) {
  if (!person.identity) return internal_error("a person that goes was not decrypted");
  json::Value o = json::Value::object();
  o.set("record", "person")
      .set("pseudonym", pseudonym)
      .set("role", std::string(vault::person_role_name(person.summary.role)));
  for (const auto& [name, fate] : person.verdict.fields) {
    std::optional<vault::PersonField> field = vault::parse_person_field(name);
    if (!field) return internal_error("the policy names a field the vault does not have");
    const std::optional<std::string>& value = person.identity->get(*field);
    if (fate == FieldFate::kInclude) {
      o.set(name, text_or_null(value));
    } else if (fate == FieldFate::kGeneralise) {
      std::optional<std::string> coarse;
      if (value) {
        coarse = *field == vault::PersonField::kDateOfBirth ? birth_year(*value) : place_of(*value);
      }
      o.set(name, text_or_null(coarse));
    }
  }
  return o;
}

// The records, cases first, then signals, then persons (by pseudonym).
Result<json::Value> records_of(const SharePlan& plan, const PackageFacts& facts) {
  Pseudonyms pseudonyms = pseudonyms_of(plan);
  json::Value out = json::Value::array();
  std::vector<std::string> signal_refs;
  for (std::size_t i = 0; i < plan.signals.size(); ++i)
    signal_refs.push_back("signal-" + std::to_string(i + 1));
  if (plan.case_summary) out.push(case_record(plan, facts, pseudonyms, signal_refs));
  for (std::size_t i = 0; i < plan.signals.size(); ++i)
    out.push(signal_record(plan, facts, pseudonyms, plan.signals[i], signal_refs[i]));
  std::vector<std::pair<std::string, const PlannedPerson*>> persons;
  for (const PlannedPerson& p : plan.persons) {
    if (p.goes) persons.emplace_back(pseudonyms.at(p.summary.id), &p);
  }
  std::sort(persons.begin(), persons.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [pseudonym, person] : persons) {
    MK_ASSIGN_OR_RETURN(json::Value record, person_record(*person, pseudonym));
    out.push(std::move(record));
  }
  return out;
}

// The verdict of the first person of `role` that goes, or null when none does.
const policies::PersonVerdict* verdict_for(const SharePlan& plan, vault::PersonRole role) {
  for (const PlannedPerson& p : plan.persons) {
    if (p.goes && p.summary.role == role) return &p.verdict;
  }
  return nullptr;
}

bool withheld_whole(const SharePlan& plan, vault::PersonRole role) {
  return std::any_of(plan.persons.begin(), plan.persons.end(),
                     [&](const PlannedPerson& p) { return !p.goes && p.summary.role == role; });
}

json::Value withheld_item(std::string_view field, std::optional<std::string_view> role,
                          std::string reason) {
  json::Value o = json::Value::object();
  o.set("field", std::string(field));
  o.set("role", role ? json::Value(*role) : json::Value());
  o.set("reason", std::move(reason));
  return o;
}

// The manifest's "withheld", "pseudonymised" and "generalised", and the register's lists.
struct Decisions {
  json::Value withheld = json::Value::array();
  std::vector<std::string> pseudonymised, generalised;
  RegisterFields register_fields;
};

Decisions decisions_of(const SharePlan& plan) {
  Decisions d;
  RegisterFields& r = d.register_fields;
  const std::string rule = pair_name(plan);
  for (vault::PersonRole role : kRoleOrder) {
    std::string_view role_name = vault::person_role_name(role);
    if (const policies::PersonVerdict* v = verdict_for(plan, role)) {
      for (const auto& [field, fate] : v->fields) {
        switch (fate) {
          case FieldFate::kInclude:
            add_once(r.fields, field);
            break;
          case FieldFate::kGeneralise:
            add_once(r.fields, field);
            add_once(r.generalised, field);
            add_once(d.generalised, field);
            break;
          case FieldFate::kPseudonymise:
            add_once(r.pseudonymised, field);
            add_once(d.pseudonymised, field);
            break;
          case FieldFate::kWithhold:
            add_once(r.withheld, field);
            d.withheld.push(withheld_item(field, role_name,
                                          "niet toegestaan voor rol " + std::string(role_name) +
                                              " (sharing.json: " + rule + ")"));
            break;
        }
      }
    } else if (withheld_whole(plan, role)) {
      for (std::string_view field : policies::kPersonFieldNames)
        add_once(r.withheld, field);
      d.withheld.push(withheld_item(
          "*", role_name, "rol " + std::string(role_name) + " wordt niet gedeeld voor " + rule));
    }
  }
  for (const FieldLine& line : plan.preview.record_fields) {
    if (line.fate == "include") {
      add_once(r.fields, line.field);
    } else {
      add_once(r.withheld, line.field);
      d.withheld.push(
          withheld_item(line.field, std::nullopt,
                        "niet opgenomen in record_fields (sharing.json: " + rule + ")"));
    }
  }
  // The manifest lists them in the fixed field order.
  auto in_field_order = [](std::vector<std::string>& names) {
    std::vector<std::string> ordered;
    for (std::string_view f : policies::kPersonFieldNames) {
      if (std::find(names.begin(), names.end(), f) != names.end()) ordered.emplace_back(f);
    }
    names = std::move(ordered);
  };
  in_field_order(d.pseudonymised);
  in_field_order(d.generalised);
  return d;
}

json::Value manifest_of(const SharePlan& plan, const PackageFacts& facts, Decisions& d,
                        std::size_t record_count) {
  json::Value sender = json::Value::object();
  sender.set("municipality", facts.municipality).set("signing_key_id", facts.signing_key_id);
  json::Value recipient = json::Value::object();
  recipient.set("partner_id", plan.partner->id)
      .set("name", plan.registered.name)
      .set("kind", plan.partner->kind)
      .set("age_recipient", plan.registered.age_recipient);
  json::Value purpose = json::Value::object();
  purpose.set("id", plan.purpose->id).set("label", plan.purpose->label_nl);
  json::Value basis = json::Value::object();
  basis.set("text", plan.purpose->legal_basis)
      .set("reference", plan.purpose->legal_basis_reference);
  json::Value policy = json::Value::object();
  policy.set("file", "sharing.json").set("sha256", plan.preview.policy_hash);
  json::Value m = json::Value::object();
  m.set("format", "meldkluis-package/1")
      .set("sender", std::move(sender))
      .set("recipient", std::move(recipient))
      .set("purpose", std::move(purpose))
      .set("legal_basis", std::move(basis))
      .set("policy", std::move(policy))
      .set("created", format_instant(facts.created))
      .set("record_count", static_cast<std::int64_t>(record_count))
      .set("withheld", std::move(d.withheld))
      .set("pseudonymised", json::Value::array_of(d.pseudonymised))
      .set("generalised", json::Value::array_of(d.generalised));
  return m;
}

// The serialised form in secure memory; the plain copy is wiped.
crypto::SecretBuffer secure_json(const json::Value& v) {
  std::string text = json::serialize(v, true);
  crypto::SecretBuffer out = crypto::SecretBuffer::copy_of(text);
  crypto::wipe(text.data(), text.size());
  return out;
}

}  // namespace

std::string sender_municipality() {
  const char* env = std::getenv("MELDKLUIS_MUNICIPALITY");
  if (env != nullptr) {
    std::string_view name(env);
    bool one_line = name.find_first_of("\r\n") == std::string_view::npos;
    if (!name.empty() && name.size() <= 200 && one_line && is_valid_utf8(name) &&
        !has_control_characters(name)) {
      return std::string(name);
    }
  }
  return "Gemeente Rijswijk";
}

Result<BuiltPackage> build_package(const SharePlan& plan, const PackageFacts& facts) {
  if (plan.refusal || plan.partner == nullptr || plan.purpose == nullptr) {
    return internal_error("a package is built only from a plan that was not refused");
  }
  BuiltPackage out;
  RecordCounts counts;
  counts.cases = plan.case_summary ? 1 : 0;
  counts.signals = plan.signals.size();
  counts.persons = static_cast<std::size_t>(std::count_if(
      plan.persons.begin(), plan.persons.end(), [](const PlannedPerson& p) { return p.goes; }));
  out.record_count = counts.cases + counts.signals + counts.persons;

  MK_ASSIGN_OR_RETURN(json::Value records, records_of(plan, facts));
  out.contents.records = secure_json(records);
  Decisions d = decisions_of(plan);
  out.register_fields = d.register_fields;
  out.contents.manifest = secure_json(manifest_of(plan, facts, d, out.record_count));
  std::string summary = package_summary(plan, facts, counts);
  out.contents.summary = crypto::SecretBuffer::copy_of(summary);
  return out;
}

}  // namespace mk::service

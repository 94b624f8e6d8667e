#include "service/share_plan.hpp"

#include <algorithm>
#include <string_view>

#include "vault/case_store.hpp"
#include "vault/consent_store.hpp"
#include "vault/field_rules.hpp"
#include "vault/person_store.hpp"
#include "vault/pseudonyms.hpp"
#include "vault/record_ids.hpp"
#include "vault/signal_store.hpp"

namespace mk::service {
namespace {

std::string pair_name(std::string_view partner, std::string_view purpose) {
  return std::string(partner) + "/" + std::string(purpose);
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// A code as given, or "(not a code)": messages and audit details never repeat other text.
std::string code_or_mark(const std::string& code) {
  return vault::valid_code_syntax(code) ? code : "(not a code)";
}

std::string purpose_list(const policies::SharingPartner& partner) {
  std::string out;
  for (const policies::SharingPurpose& p : partner.purposes)
    out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

// The legal basis and the registration: without both there is nothing to decide.
Result<std::optional<std::string>> basis_refusal(vault::UnitOfWork& uow,
                                                 const policies::SharingPolicy& policy,
                                                 const std::string& partner,
                                                 const std::string& purpose, SharePlan& plan) {
  plan.partner = policy.find_partner(partner);
  if (plan.partner == nullptr) {
    return std::optional<std::string>("no basis: the disclosure policy has no partner " +
                                      code_or_mark(partner));
  }
  plan.purpose = policy.find_purpose(partner, purpose);
  if (plan.purpose == nullptr) {
    return std::optional<std::string>("no basis: the disclosure policy has no purpose " +
                                      code_or_mark(purpose) + " for partner " + partner +
                                      " (it has: " + purpose_list(*plan.partner) + ")");
  }
  Result<vault::Partner> registered = vault::get_partner(uow, partner);
  if (!registered && registered.status().code() == Code::kNotFound) {
    return std::optional<std::string>("partner " + partner +
                                      " is not registered in this vault (meldkluis partner add)");
  }
  if (!registered) return registered.status();
  plan.registered = std::move(*registered);
  if (!contains(plan.registered.purposes, purpose)) {
    return std::optional<std::string>("partner " + partner + " is not registered for purpose " +
                                      purpose);
  }
  if (plan.registered.kind != plan.partner->kind) {
    return std::optional<std::string>("partner " + partner + " is registered as kind " +
                                      plan.registered.kind + " but the disclosure policy says " +
                                      plan.partner->kind);
  }
  return std::optional<std::string>();
}

// The case with its signals and every person named in them, or the one person.
Status gather_scope(vault::UnitOfWork& uow, const ShareTarget& target, SharePlan& plan) {
  std::vector<std::string> person_ids;
  if (target.case_id) {
    MK_ASSIGN_OR_RETURN(plan.case_summary, vault::get_case_summary(uow, *target.case_id));
    person_ids = plan.case_summary->person_ids;
    for (const std::string& id : plan.case_summary->signal_ids) {
      MK_ASSIGN_OR_RETURN(vault::SignalSummary signal, vault::get_signal_summary(uow, id));
      person_ids.insert(person_ids.end(), signal.person_ids.begin(), signal.person_ids.end());
      if (signal.reporter_id) person_ids.push_back(*signal.reporter_id);
      plan.signals.push_back(std::move(signal));
    }
    std::sort(plan.signals.begin(), plan.signals.end(),
              [](const vault::SignalSummary& a, const vault::SignalSummary& b) {
                return a.received != b.received ? a.received < b.received : a.id < b.id;
              });
  } else {
    person_ids.push_back(*target.person_id);
  }
  std::sort(person_ids.begin(), person_ids.end());
  person_ids.erase(std::unique(person_ids.begin(), person_ids.end()), person_ids.end());
  for (const std::string& id : person_ids) {
    PlannedPerson person;
    MK_ASSIGN_OR_RETURN(person.summary, vault::get_person_summary(uow, id));
    plan.persons.push_back(std::move(person));
  }
  return Status::ok();
}

Result<std::vector<policies::ConsentFact>> consent_facts(vault::UnitOfWork& uow,
                                                         const std::string& person_id) {
  MK_ASSIGN_OR_RETURN(std::vector<vault::Consent> consents, vault::list_consents(uow, person_id));
  std::vector<policies::ConsentFact> out;
  for (const vault::Consent& c : consents) {
    std::optional<policies::ConsentSigner> signer = policies::parse_consent_signer(c.signer);
    if (!signer) return vault_corrupt("consent " + c.id + " has an unknown signer");
    out.push_back({c.partner, c.purpose, *signer, c.given, c.withdrawn});
  }
  return out;
}

// Decides one person; decrypts them when a rule needs the date of birth or the export their data.
Status decide_person(vault::UnitOfWork& uow, const policies::SharingPolicy& policy, SharePlan& plan,
                     PlannedPerson& person, const Date& today, bool decrypt_all) {
  const policies::SharingPurpose& purpose = *plan.purpose;
  policies::PersonFacts facts;
  facts.role = std::string(vault::person_role_name(person.summary.role));
  facts.restricted = person.summary.restricted;
  bool candidate = !facts.restricted && purpose.find_role(facts.role) != nullptr;
  bool needs_birth = purpose.minors == policies::MinorsRule::kRefuse || purpose.consent.required;
  if (candidate && (decrypt_all || needs_birth)) {
    MK_ASSIGN_OR_RETURN(vault::Person read, vault::read_person(uow, person.summary.id));
    person.identity = std::move(read.identity);
    if (const auto& birth = person.identity->get(vault::PersonField::kDateOfBirth)) {
      facts.date_of_birth = Date::parse_iso(*birth);
    }
  }
  if (candidate && purpose.consent.required) {
    MK_ASSIGN_OR_RETURN(facts.consents, consent_facts(uow, person.summary.id));
  }
  person.verdict = policy.decide(plan.partner->id, purpose.id, facts, today);
  person.goes = person.verdict.allowed;
  return Status::ok();
}

std::string role_rule(const SharePlan& plan, std::string_view role) {
  return "sharing.json " + pair_name(plan.partner->id, plan.purpose->id) + " role " +
         std::string(role);
}

PersonPreview person_preview(const SharePlan& plan, const PlannedPerson& person) {
  PersonPreview out;
  out.person_id = person.summary.id;
  out.role = std::string(vault::person_role_name(person.summary.role));
  out.shared = person.goes;
  if (!person.goes) {
    out.withheld_reason = person.verdict.refusal;
    return out;
  }
  for (const auto& [field, fate] : person.verdict.fields) {
    std::string why = fate == policies::FieldFate::kWithhold
                          ? "not named for role " + out.role + " in sharing.json " +
                                pair_name(plan.partner->id, plan.purpose->id)
                          : role_rule(plan, out.role);
    out.fields.push_back({field, std::string(policies::enum_name(fate)), std::move(why)});
  }
  return out;
}

std::vector<FieldLine> record_lines(const SharePlan& plan) {
  std::vector<FieldLine> out;
  if (!plan.case_summary) return out;
  const std::string rule = "sharing.json " + pair_name(plan.partner->id, plan.purpose->id);
  for (std::string_view field : policies::kRecordFieldNames) {
    bool signal_field = field.starts_with("signal.");
    if (signal_field && plan.signals.empty()) continue;
    if (contains(plan.purpose->record_fields, field)) {
      out.push_back({std::string(field), "include", rule + " record_fields"});
    } else {
      out.push_back({std::string(field), "withhold", "not in record_fields of " + rule});
    }
  }
  return out;
}

Status fill_preview(vault::UnitOfWork& uow, const policies::SharingPolicy& policy,
                    SharePlan& plan) {
  SharePreview& p = plan.preview;
  p.partner = plan.partner->id;
  p.partner_name = plan.registered.name;
  p.purpose = plan.purpose->id;
  p.legal_basis = plan.purpose->legal_basis;
  p.legal_basis_reference = plan.purpose->legal_basis_reference;
  p.policy_hash = policy.hash();
  p.record_fields = record_lines(plan);
  p.record_count = (plan.case_summary ? 1 : 0) + plan.signals.size();
  for (const PlannedPerson& person : plan.persons) {
    PersonPreview line = person_preview(plan, person);
    if (person.goes) {
      MK_ASSIGN_OR_RETURN(line.pseudonym,
                          vault::pseudonym_for(uow.vault(), plan.partner->id, person.summary.id));
      ++p.record_count;
    }
    p.persons.push_back(std::move(line));
  }
  return Status::ok();
}

}  // namespace

std::string share_detail(const std::string& partner, const std::string& purpose) {
  return "partner=" + code_or_mark(partner) + ";purpose=" + code_or_mark(purpose);
}

std::string share_object(const ShareTarget& target) {
  if (target.case_id && vault::looks_like_id(*target.case_id, 'C')) return *target.case_id;
  if (target.person_id && vault::looks_like_id(*target.person_id, 'P')) return *target.person_id;
  return {};
}

Result<SharePlan> plan_share(vault::UnitOfWork& uow, const policies::SharingPolicy& policy,
                             const std::string& partner, const std::string& purpose,
                             const ShareTarget& target, const Date& today, bool decrypt_all) {
  if (target.case_id.has_value() == target.person_id.has_value()) {
    return invalid_input("share one case or one person: give exactly one of them");
  }
  SharePlan plan;
  MK_ASSIGN_OR_RETURN(plan.refusal, basis_refusal(uow, policy, partner, purpose, plan));
  if (plan.refusal) return plan;
  MK_RETURN_IF_ERROR(gather_scope(uow, target, plan));
  std::vector<std::string> refused;
  for (PlannedPerson& person : plan.persons) {
    MK_RETURN_IF_ERROR(decide_person(uow, policy, plan, person, today, decrypt_all));
    bool withheld_whole =
        !person.summary.restricted &&
        plan.purpose->find_role(vault::person_role_name(person.summary.role)) == nullptr;
    if (!person.goes && !withheld_whole) {
      refused.push_back(person.summary.id + ": " + person.verdict.refusal);
    }
  }
  if (!refused.empty()) {
    std::string why;
    for (const std::string& r : refused)
      why += (why.empty() ? "" : "; ") + r;
    plan.refusal = std::move(why);
    return plan;
  }
  MK_RETURN_IF_ERROR(fill_preview(uow, policy, plan));
  if (plan.preview.record_count == 0 && !plan.persons.empty()) {
    // A person alone whose role the purpose does not share: there is nothing to send.
    plan.refusal = "nothing to send: " + plan.persons.front().summary.id + ": " +
                   plan.persons.front().verdict.refusal;
  }
  return plan;
}

}  // namespace mk::service

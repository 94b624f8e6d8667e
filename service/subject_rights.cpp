#include "service/subject_rights.hpp"

#include <algorithm>

#include "base/json.hpp"
#include "exchange/age.hpp"
#include "exchange/age_keys.hpp"
#include "service/new_file.hpp"
#include "service/reason_scope.hpp"
#include "vault/audit_log.hpp"
#include "vault/case_store.hpp"
#include "vault/legal_hold.hpp"
#include "vault/person_store.hpp"
#include "vault/shredding.hpp"
#include "vault/signal_store.hpp"

namespace mk::service {
namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

json::Value identity_json(const vault::Person& person) {
  json::Value out = json::Value::object();
  for (std::size_t i = 0; i < vault::kPersonFieldCount; ++i) {
    auto field = static_cast<vault::PersonField>(i);
    if (const auto& value = person.identity.get(field)) {
      out.set(std::string(vault::person_field_name(field)), *value);
    }
  }
  return out;
}

json::Value signal_json(const vault::SignalSummary& signal, const std::string& person_id) {
  json::Value out = json::Value::object();
  out.set("id", signal.id)
      .set("received", signal.received.to_iso())
      .set("as_reporter", signal.reporter_id == person_id)
      .set("forms", json::Value::array_of(signal.forms))
      .set("indicators", json::Value::array_of(signal.indicators))
      .set("status", std::string(vault::enum_name(signal.status)));
  if (signal.outcome) out.set("outcome", std::string(vault::enum_name(*signal.outcome)));
  if (signal.closed) out.set("closed", signal.closed->to_iso());
  return out;
}

json::Value case_json(const vault::CaseSummary& c, const std::vector<vault::LegalHold>& holds) {
  json::Value out = json::Value::object();
  out.set("id", c.id)
      .set("status", std::string(vault::enum_name(c.status)))
      .set("opened", c.opened.to_iso());
  if (c.closed) out.set("closed", c.closed->to_iso());
  json::Value held = json::Value::array();
  for (const vault::LegalHold& h : holds) {
    if (h.case_id != c.id) continue;
    json::Value hold = json::Value::object();
    hold.set("placed", format_instant(h.placed)).set("reason", h.reason);
    if (h.released) hold.set("released", format_instant(*h.released));
    held.push(std::move(hold));
  }
  out.set("legal_holds", std::move(held));
  return out;
}

json::Value trail_json(const std::vector<vault::AuditEntry>& entries) {
  json::Value out = json::Value::array();
  for (const vault::AuditEntry& e : entries) {
    json::Value item = json::Value::object();
    item.set("time", format_instant(e.time))
        .set("action", e.action)
        .set("role", e.role)
        .set("result", e.result);
    if (!e.detail.empty()) item.set("detail", e.detail);
    out.push(std::move(item));
  }
  return out;
}

// Builds the access document inside `uow`; its strings hold decrypted identity data, so the
// caller moves the serialised form into secure memory and lets this tree go at once.
Result<json::Value> access_document(vault::UnitOfWork& uow, const std::string& person_id) {
  MK_ASSIGN_OR_RETURN(vault::Person person, vault::read_person(uow, person_id));
  MK_ASSIGN_OR_RETURN(std::vector<vault::SignalSummary> signals,
                      vault::list_signals(uow, vault::SignalFilter{}));
  MK_ASSIGN_OR_RETURN(std::vector<vault::CaseSummary> cases, vault::list_cases(uow));
  MK_ASSIGN_OR_RETURN(std::vector<vault::LegalHold> holds, vault::list_holds(uow, true));
  vault::AuditQuery query;
  query.object = person_id;
  MK_ASSIGN_OR_RETURN(std::vector<vault::AuditEntry> trail,
                      vault::read_audit_entries(uow.vault(), query));

  json::Value linked_signals = json::Value::array();
  for (const vault::SignalSummary& signal : signals) {
    if (contains(signal.person_ids, person_id) || signal.reporter_id == person_id) {
      linked_signals.push(signal_json(signal, person_id));
    }
  }
  json::Value linked_cases = json::Value::array();
  for (const vault::CaseSummary& c : cases) {
    if (contains(c.person_ids, person_id)) linked_cases.push(case_json(c, holds));
  }
  json::Value doc = json::Value::object();
  doc.set("format", "meldkluis-subject-access/1")
      .set("created", format_instant(uow.now()))
      .set("person", person.summary.id)
      .set("role", std::string(vault::person_role_name(person.summary.role)))
      .set("restricted", person.summary.restricted)
      .set("registered", format_instant(person.summary.created))
      .set("updated", format_instant(person.summary.updated))
      .set("identity", identity_json(person))
      .set("signals", std::move(linked_signals))
      .set("cases", std::move(linked_cases))
      .set("audit_trail", trail_json(trail))
      .set("not_included",
           "Narratives of signals and cases are not included: they describe other people too "
           "(AVG art. 15(4)). The coordinator provides them separately after weighing that.");
  return doc;
}

// The serialised document in secure memory; the plain copy is wiped.
Result<crypto::SecretBuffer> access_text(vault::UnitOfWork& uow, const std::string& person_id) {
  MK_ASSIGN_OR_RETURN(json::Value doc, access_document(uow, person_id));
  std::string text = json::serialize(doc, true);
  crypto::SecretBuffer out = crypto::SecretBuffer::copy_of(text);
  crypto::wipe(text.data(), text.size());
  return out;
}

}  // namespace

Result<crypto::SecretBuffer> subject_access(Session& s, const std::string& person_id,
                                            AccessDestination destination) {
  return s.transact(
      "person.access",
      [&](vault::UnitOfWork& uow) -> Result<crypto::SecretBuffer> {
        MK_ASSIGN_OR_RETURN(crypto::SecretBuffer out, access_text(uow, person_id));
        uow.record({"person.access", person_id,
                    destination == AccessDestination::kFile ? "to=file" : "to=terminal"});
        return out;
      },
      person_id);
}

Status export_subject_access(Session& s, const std::string& person_id,
                             const std::filesystem::path& out, const AccessRecipient& to) {
  if (to.age_recipient.has_value() == to.passphrase.has_value()) {
    return invalid_input("give either an age recipient or a passphrase for the access export");
  }
  std::optional<exchange::AgeRecipient> recipient;
  if (to.age_recipient) {
    MK_ASSIGN_OR_RETURN(recipient, exchange::parse_age_recipient(*to.age_recipient));
  } else if (to.passphrase->empty()) {
    return invalid_input("the passphrase for the access export is empty");
  }
  bool written = false;
  Status done = s.transact(
      "person.access",
      [&](vault::UnitOfWork& uow) -> Status {
        MK_ASSIGN_OR_RETURN(crypto::SecretBuffer text, access_text(uow, person_id));
        Result<Bytes> file = [&]() -> Result<Bytes> {
          if (recipient) return exchange::age_encrypt(text.view(), std::span(&*recipient, 1));
          return exchange::age_encrypt_with_passphrase(
              text.view(), exchange::AgePassphraseRecipient{to.passphrase->clone(),
                                                            exchange::kAgeDefaultScryptWorkFactor});
        }();
        if (!file) return file.status();
        MK_RETURN_IF_ERROR(write_new_file(out, *file));
        written = true;
        uow.record({"person.access", person_id, "to=file"});
        return Status::ok();
      },
      person_id);
  // The export exists only together with its audit entry.
  if (!done.is_ok() && written) std::filesystem::remove(out);
  return done;
}

Status erase_person(Session& s, const std::string& person_id, const std::string& reason) {
  if (reason.empty()) {
    return invalid_input("an erasure needs a reason (the request it answers, without names)");
  }
  ReasonScope scope(s, reason);
  MK_RETURN_IF_ERROR(scope.status());
  Status erased = s.transact(
      "person.erase",
      [&](vault::UnitOfWork& uow) {
        return vault::shred_person(uow, person_id, vault::ShredOrder{"erasure_request", "", false});
      },
      person_id);
  return erased;
}

Status restrict_person(Session& s, const std::string& person_id, bool restricted) {
  return s.transact(
      restricted ? "person.restrict" : "person.unrestrict",
      [&](vault::UnitOfWork& uow) {
        return vault::set_person_restricted(uow, person_id, restricted);
      },
      person_id);
}

}  // namespace mk::service

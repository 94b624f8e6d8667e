// Partners and consents (service/sharing.hpp): checked against the disclosure policy, stored by
// the vault.
#include <algorithm>

#include "exchange/age_keys.hpp"
#include "service/new_file.hpp"
#include "service/sharing.hpp"

namespace mk::service {
namespace {

std::string partner_list(const policies::SharingPolicy& policy) {
  std::string out;
  for (const policies::SharingPartner& p : policy.partners())
    out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

std::string purpose_list(const policies::SharingPartner& partner) {
  std::string out;
  for (const policies::SharingPurpose& p : partner.purposes)
    out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

// The partner as sharing.json declares it, with the purposes given; kInvalidInput otherwise.
Status check_against_policy(const policies::SharingPolicy& policy, const vault::Partner& partner) {
  const policies::SharingPartner* declared = policy.find_partner(partner.id);
  if (declared == nullptr) {
    return invalid_input("id: the disclosure policy (" + policy.file() +
                         ") has no such partner; it has: " + partner_list(policy));
  }
  if (partner.kind != declared->kind) {
    return invalid_input("kind: partner " + declared->id + " is of kind " + declared->kind +
                         " in the disclosure policy");
  }
  if (partner.purposes.empty()) return invalid_input("purposes: give at least one purpose");
  for (const std::string& purpose : partner.purposes) {
    if (policy.find_purpose(declared->id, purpose) == nullptr) {
      return invalid_input(
          "purposes: partner " + declared->id +
          " has no such purpose in the disclosure policy; it has: " + purpose_list(*declared));
    }
  }
  if (!exchange::parse_age_recipient(partner.age_recipient)) {
    return invalid_input(
        "age_recipient: not a valid age X25519 recipient (\"age1...\", as age-keygen prints it)");
  }
  return Status::ok();
}

}  // namespace

Result<policies::SharingPolicy> load_sharing(Session& s) {
  return policies::load_sharing_policy((s.policies().dir / "sharing.json").string());
}

Status add_partner(Session& s, const vault::Partner& partner) {
  MK_ASSIGN_OR_RETURN(policies::SharingPolicy policy, load_sharing(s));
  MK_RETURN_IF_ERROR(check_against_policy(policy, partner));
  return s.transact(
      "partner.add", [&](vault::UnitOfWork& uow) { return vault::add_partner(uow, partner); },
      partner.id);
}

Result<std::vector<vault::Partner>> list_partners(Session& s) {
  return s.transact("partner.list",
                    [](vault::UnitOfWork& uow) { return vault::list_partners(uow); });
}

Result<vault::Partner> show_partner(Session& s, const std::string& id) {
  return s.transact(
      "partner.show", [&](vault::UnitOfWork& uow) { return vault::get_partner(uow, id); }, id);
}

Status remove_partner(Session& s, const std::string& id) {
  return s.transact(
      "partner.remove", [&](vault::UnitOfWork& uow) { return vault::remove_partner(uow, id); }, id);
}

Result<std::string> partner_keygen(const std::filesystem::path& out, const Clock& clock) {
  exchange::AgeIdentity identity = exchange::AgeIdentity::generate();
  crypto::SecretBuffer text = exchange::format_age_identity_file(identity, clock.now());
  MK_RETURN_IF_ERROR(write_new_file(out, text.view()));
  return exchange::format_age_recipient(identity.recipient());
}

Result<std::string> record_consent(Session& s, const std::string& person_id,
                                   const std::string& partner, const std::string& purpose,
                                   policies::ConsentSigner signer, const Date& given) {
  MK_ASSIGN_OR_RETURN(policies::SharingPolicy policy, load_sharing(s));
  const policies::SharingPartner* declared = policy.find_partner(partner);
  if (declared == nullptr) {
    return invalid_input("partner: the disclosure policy has no such partner; it has: " +
                         partner_list(policy));
  }
  if (policy.find_purpose(partner, purpose) == nullptr) {
    return invalid_input(
        "purpose: partner " + declared->id +
        " has no such purpose in the disclosure policy; it has: " + purpose_list(*declared));
  }
  vault::ConsentInput input{person_id, partner, purpose, std::string(policies::enum_name(signer)),
                            given};
  return s.transact(
      "consent.record", [&](vault::UnitOfWork& uow) { return vault::record_consent(uow, input); },
      person_id);
}

Status withdraw_consent(Session& s, const std::string& consent_id, const Date& withdrawn) {
  return s.transact(
      "consent.withdraw",
      [&](vault::UnitOfWork& uow) { return vault::withdraw_consent(uow, consent_id, withdrawn); },
      consent_id);
}

Result<std::vector<vault::Consent>> list_consents(Session& s, const std::string& person_id) {
  return s.transact(
      "consent.list", [&](vault::UnitOfWork& uow) { return vault::list_consents(uow, person_id); },
      person_id);
}

}  // namespace mk::service

// Sharing as JSON for --json output and as text for people: partners, consents, the disclosure
// register, the field-by-field preview, an export's receipt and routing suggestions. None of these
// holds personal data: ids, codes, field names, dates, hashes and the policy's own texts.
#pragma once

#include <vector>

#include "base/json.hpp"
#include "policies/routing_policy.hpp"
#include "service/sharing.hpp"
#include "vault/consent_store.hpp"
#include "vault/disclosure_register.hpp"
#include "vault/partner_store.hpp"

namespace mk::cli {

// id, name, kind, contact (null when none), age_recipient, purposes[], added.
json::Value to_json(const vault::Partner& partner);
// id, person_id, partner, purpose, signer, given, withdrawn (null), recorded, in_force (today).
json::Value to_json(const vault::Consent& consent, const Date& today);
// id, time, actor, partner, partner_kind, purpose, legal_basis, fields[], pseudonymised[],
// generalised[], withheld[], package_sha256, policy_hash, record_count, person_ids[], case_ids[],
// signal_ids[].
json::Value to_json(const vault::Disclosure& d);
// partner, partner_name, purpose, legal_basis, legal_basis_reference, policy_hash, record_count,
// record_fields[{field, fate, why}], persons[{person_id, role, pseudonym (null unless shared),
// shared, withheld_reason (null when shared), fields[{field, fate, why}]}].
json::Value to_json(const service::SharePreview& preview);
// disclosure_id, package, signature, sha256, record_count, result "exported".
json::Value to_json(const service::ShareReceipt& receipt);
// [{rule, partner, purpose, reason_nl, reason_en, reference}].
json::Value routing_json(const std::vector<policies::RoutingSuggestion>& suggestions);

// "Doorverwijzen / Routing:" and one block per suggestion (or "-"), on stdout.
void print_routing(const std::vector<policies::RoutingSuggestion>& suggestions);
// The preview for people, on stdout: the basis, then each record field and person field with its
// fate and rule.
void print_preview(const service::SharePreview& preview);

}  // namespace mk::cli

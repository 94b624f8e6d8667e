// The partners the municipality shares with (SHOP, CoMensha, the police ...): who they are, what
// kind of partner, whom to contact, the age recipient packages are encrypted to, and the purposes
// they receive data for. Partner data names organisations, not persons: every role may read it.
// Which partner may receive what is the disclosure policy's business, not the vault's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxPartnerPurposes = 32;
// An X25519 age recipient: "age1" and 58 characters of the Bech32 alphabet.
inline constexpr std::size_t kAgeRecipientChars = 62;

struct Partner {
  std::string id;             // a code (field_rules.hpp valid_code_syntax): "shop", "police" ...
  std::string name;           // "Stichting SHOP": one line, at most kMaxShortTextChars
  std::string kind;           // a partner kind code ("care_coordination", "police" ...)
  std::string contact;        // one line, at most kMaxShortTextChars; "" when none
  std::string age_recipient;  // "age1..." (kAgeRecipientChars); the service parses it
  std::vector<std::string> purposes;  // purpose codes, sorted, each once
  Instant added;                      // set by add_partner
};

// True when `text` has the shape of an X25519 age recipient: lowercase "age1" followed by 58
// characters of the Bech32 alphabet (qpzry9x8gf2tvdw0s3jn54khce6mua7l). The checksum and the key
// are checked by the code that encrypts to it.
bool looks_like_age_recipient(std::string_view text);

// Registers a partner; `added` is ignored and set to the unit of work's time. Text is trimmed and
// purposes are sorted and deduplicated. kInvalidInput naming the field ("id", "name", "kind",
// "contact", "age_recipient", "purposes") for a bad value, or for no purpose at all or more than
// kMaxPartnerPurposes; kConflict when a partner with that id exists. Requires the field keys
// (kForbidden). Audits "partner.add" with the id as object and detail "kind=<kind>".
Status add_partner(UnitOfWork& uow, const Partner& partner);

// Every partner, by id. Every role.
Result<std::vector<Partner>> list_partners(UnitOfWork& uow);

// One partner. kInvalidInput for an id that is not a code, kNotFound when there is none. Every
// role.
Result<Partner> get_partner(UnitOfWork& uow, std::string_view id);

// Removes a partner (kNotFound when there is none). Consents naming it and the disclosure
// register's rows about it stay. Requires the field keys (kForbidden). Audits "partner.remove".
Status remove_partner(UnitOfWork& uow, std::string_view id);

}  // namespace mk::vault

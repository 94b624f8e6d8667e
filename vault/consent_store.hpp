// Consent records: a person's consent to a disclosure to one partner for one purpose, who signed it
// (the person, or a parent or guardian for a minor), when it was given and when withdrawn. Whether
// a disclosure needs consent, and whose, is the disclosure policy's business; the vault keeps the
// facts. Consents hold no identity (ids, codes and dates), so every role may read them; they go
// with their person when the person is shredded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/date.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

struct Consent {
  std::string id;         // "CN-" + 8 Crockford base32 characters
  std::string person_id;  // the person who consents (or for whom a parent or guardian signed)
  std::string partner;    // partner id
  std::string purpose;    // purpose code
  std::string signer;     // "self", "parent" or "guardian"
  Date given{2000, 1, 1};
  std::optional<Date> withdrawn;
  Instant recorded;  // when it was entered in the vault
};

struct ConsentInput {
  std::string person_id;
  std::string partner;
  std::string purpose;
  std::string signer;
  Date given{2000, 1, 1};
};

// True when `id` has the shape of a consent id ("CN-" + 8 Crockford base32 characters).
bool looks_like_consent_id(std::string_view id);

// Records a consent and returns its id. The person must exist (kNotFound), and so must the
// partner, with the purpose among its purposes (kNotFound for the partner, kInvalidInput for the
// purpose); `signer` is "self", "parent" or "guardian" and `given` lies neither in the future nor
// before 1900 (kInvalidInput naming the field). Requires the field keys (kForbidden). Audits
// "consent.record" with the person id as object and detail
// "partner=<partner>;purpose=<purpose>;signer=<signer>".
Result<std::string> record_consent(UnitOfWork& uow, const ConsentInput& input);

// Records the withdrawal of a consent on `withdrawn`, which lies not in the future and not before
// the day it was given (kInvalidInput). kNotFound for no such consent, kConflict when it is already
// withdrawn. Requires the field keys (kForbidden). Audits "consent.withdraw" with the person id as
// object and detail "consent=<id>;partner=<partner>;purpose=<purpose>".
Status withdraw_consent(UnitOfWork& uow, std::string_view consent_id, const Date& withdrawn);

// The person's consents, withdrawn ones too, in the order given (then recorded, then id).
// kInvalidInput for a malformed id, kNotFound for no such person. Every role.
Result<std::vector<Consent>> list_consents(UnitOfWork& uow, std::string_view person_id);

}  // namespace mk::vault

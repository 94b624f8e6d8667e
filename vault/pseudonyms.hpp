// Per-partner pseudonyms (docs/formats/pseudonyms.md). A partner that receives a person under a
// pseudonym can refer back to them ("about 7K3M-9Q2X-5, ...") without learning who it is; the same
// person gets the same code from the same partner every time, and unrelated codes from different
// partners, so two partners cannot link their files. Only the vault can resolve a code.
//
//   partner key = BLAKE2b-256(key = the vault's pseudonym key (key_ring.hpp),
//                             "meldkluis/pseudonym/v1" || 0x00 || partner id)
//   value       = the first 40 bits of BLAKE2b-256(key = partner key, person id), big-endian
//   code        = value as 8 Crockford base32 characters, then Crockford's check symbol of value
//                 (value mod 37: 0-9, A-Z without I, L, O, U, then * ~ $ = U), written
//                 "XXXX-XXXX-C"
//
// The check symbol catches every single mistyped character and every swap of two neighbouring
// different characters before the vault is asked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

class Vault;

inline constexpr std::size_t kPseudonymChars = 11;  // "XXXX-XXXX-C"

// The partner's key under the vault's pseudonym key. Requires pseudonym_root.size() == 32 and a
// partner id that is a code (programmer errors: aborts otherwise).
crypto::SecretBuffer partner_pseudonym_key(const crypto::SecretBuffer& pseudonym_root,
                                           std::string_view partner_id);

// The 40-bit value of `person_id` under a partner key, and its written code.
std::uint64_t pseudonym_value(const crypto::SecretBuffer& partner_key, std::string_view person_id);
// "XXXX-XXXX-C" for a value below 2^40 (aborts otherwise).
std::string format_pseudonym(std::uint64_t value);

// Reads a code as a person types or reads it out: case is ignored, dashes and spaces may be left
// out or put anywhere, I and L are read as 1, O as 0. Returns the canonical "XXXX-XXXX-C".
// kInvalidInput "not a pseudonym ..." when it does not have the shape of one (8 Crockford base32
// characters and a check symbol), "mistyped ..." when the check symbol does not match.
Result<std::string> normalise_pseudonym(std::string_view typed);

// The code of `person_id` for `partner_id`. kInvalidInput for a partner id that is not a code or a
// malformed person id; kForbidden for a role without the pseudonym key (compliance). Neither the
// partner nor the person needs to be stored: this computes, it does not look up or audit.
Result<std::string> pseudonym_for(Vault& vault, std::string_view partner_id,
                                  std::string_view person_id);

// The person whose code for `partner_id` is `code` (typed as normalise_pseudonym reads it), by
// computing the code of every stored person; nullopt when none has it. kInvalidInput for a bad
// partner id or code; kNotFound when the partner is neither registered nor named in the disclosure
// register; kConflict in the unlikely case that two persons share the code (40 bits); kForbidden
// without the pseudonym key. Audits "pseudonym.resolve" with the person id found (or "") as object
// and detail "partner=<partner>;found=yes|no".
Result<std::optional<std::string>> resolve_pseudonym(UnitOfWork& uow, std::string_view partner_id,
                                                     std::string_view code);

}  // namespace mk::vault

// The disclosure register: every package sent to a partner, what it held and on which basis
// (AVG art. 30 and 5(2); DESIGN.md §5, §7). It is the compliance officer's record of what went to
// whom, so every role reads it. A row names field names, codes, hashes and record ids, never a
// value. It outlives its partner and the records it was about: when a person, case or signal is
// shredded its link vanishes from the row and the row stays, until retention shreds the row itself
// (shredding.hpp shred_disclosure).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr std::size_t kMaxLegalBasisChars = 2000;
inline constexpr std::int64_t kMaxDisclosureRecords = 1'000'000;

// What the caller says about a package it has sent. Name lists are field names as the disclosure
// policy writes them ("name", "date_of_birth", "signal.narrative"): codes of 1-64 characters of
// a-z, 0-9, '.' and '_'. They are stored sorted, each once; a name may be in more than one list
// (a field pseudonymised for victims and included for suspects).
struct DisclosureInput {
  std::string partner;              // a registered partner's id; its kind is copied into the row
  std::string purpose;              // one of the partner's purposes
  std::string legal_basis;          // one line, at most kMaxLegalBasisChars
  std::vector<std::string> fields;  // the names sent
  std::vector<std::string> pseudonymised;  // sent under the partner's pseudonym
  std::vector<std::string> generalised;    // sent coarsened (birth year, municipality)
  std::vector<std::string> withheld;       // left out
  std::string package_sha256;              // SHA-256 of the package file: 64 lowercase hex digits
  std::string policy_hash;                 // the disclosure policy's hash: 64 lowercase hex digits
  std::int64_t record_count = 0;           // 0..kMaxDisclosureRecords
  std::vector<std::string> person_ids;     // the records it was about; each must exist
  std::vector<std::string> case_ids;
  std::vector<std::string> signal_ids;
};

struct Disclosure {
  std::string id;     // "D-" + 8 Crockford base32 characters
  Instant time;       // when it was recorded
  std::string actor;  // the key slot that recorded it
  std::string partner;
  std::string partner_kind;
  std::string purpose;
  std::string legal_basis;
  std::vector<std::string> fields;
  std::vector<std::string> pseudonymised;
  std::vector<std::string> generalised;
  std::vector<std::string> withheld;
  std::string package_sha256;
  std::string policy_hash;
  std::int64_t record_count = 0;
  // The records it was about that still exist, each list sorted.
  std::vector<std::string> person_ids;
  std::vector<std::string> case_ids;
  std::vector<std::string> signal_ids;
};

// Records a disclosure at the unit of work's time, by its slot, and returns its id. kInvalidInput
// naming the field for a bad value (also a purpose that is not one of the partner's); kNotFound for
// an unknown partner or record. Requires the field keys (kForbidden). Audits "disclosure.record"
// with the new id as object and detail "partner=<partner>;purpose=<purpose>;records=<count>".
Result<std::string> record_disclosure(UnitOfWork& uow, const DisclosureInput& input);

// The register, oldest first (by time, then id). Every role.
Result<std::vector<Disclosure>> list_disclosures(UnitOfWork& uow);

// One row. kInvalidInput for a malformed id, kNotFound when there is none. Every role.
Result<Disclosure> get_disclosure(UnitOfWork& uow, std::string_view id);

// For every person named by some disclosure: the kinds of the partners they were disclosed to,
// sorted, each once. What retention's disclosed_to rules look at. Every role.
Result<std::map<std::string, std::vector<std::string>>> disclosed_partner_kinds(UnitOfWork& uow);

}  // namespace mk::vault

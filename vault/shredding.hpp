// Crypto-shredding one subject: its data key is destroyed (so every copy of its ciphertexts, in
// backups or exports of the database, becomes unreadable) and its rows and blind indexes are
// deleted (secure_delete overwrites the freed space). A row of the disclosure register has no key
// and no ciphertext: it is deleted. Each call does one subject inside the
// caller's unit of work, so a subject is shredded whole or not at all.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

// Why a subject is shredded; recorded in its audit entry ("rule=...;policy=...;action=...").
struct ShredOrder {
  std::string rule;              // retention rule id, or "erasure_request"
  std::string policy_hash;       // the retention policy's hash; "" for an erasure request
  bool keep_statistics = false;  // signals, cases, disclosures: write statistical facts first
};

// All four: kNotFound when the subject does not exist; kConflict when a legal hold blocks it
// (legal_hold.hpp, as RetentionSubject::held_by); kForbidden without the field keys; kInvalidInput
// for a malformed id or order (a rule that is not a rule id; a policy hash that is not 64
// lowercase hex digits, or one given with "erasure_request", which is for persons only;
// keep_statistics for a person). Audits "retention.shred" with the order, or "person.erase" for
// the rule "erasure_request": detail "rule=<rule>;policy=<hash>;action=deidentify|shred". One
// event per subject shredded, nothing else (a case's signals each get their own).

// A signal and its codes and links. A reporter or linked person is not shredded with it, but the
// signal's closure (the day of shredding, if it is open) is remembered on them
// (persons.links_closed).
Status shred_signal(UnitOfWork& uow, std::string_view id, const ShredOrder& order);

// A case, its holds (released ones only; a hold in force blocks), and every signal linked to it
// and to no other case (each as shred_signal, with the same order). Linked persons are kept; the
// case's closure (or the day of shredding) is remembered on them, and on the persons and
// reporters of its signals. Its Meldcode decisions and help requests go with it (the schema's
// cascades). With keep_statistics, the case's fact counts the victims and suspects among all those
// persons, and its help requests: met within their norm time, closed otherwise, still open.
Status shred_case(UnitOfWork& uow, std::string_view id, const ShredOrder& order);

// A person, their blind indexes, their links and their consents. Signals they reported keep no
// reporter; rows of the disclosure register that named them stay, without the link.
Status shred_person(UnitOfWork& uow, std::string_view id, const ShredOrder& order);

// A row of the disclosure register and its links (a legal hold on a case it names, directly or
// through a signal, blocks it). The records it was about are kept. With keep_statistics, a fact of
// kind "disclosure" (its month, partner kind and purpose, the victims and suspects among the
// persons it still names) is kept first.
Status shred_disclosure(UnitOfWork& uow, std::string_view id, const ShredOrder& order);

}  // namespace mk::vault

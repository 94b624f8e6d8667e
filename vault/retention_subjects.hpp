// What retention looks at: every subject that can be shredded, with the dates and facts its rule
// is decided on. Metadata only (no decryption), so every role can read it.
//
// Subjects are signals not linked to any case, cases (which carry their linked signals with them),
// rows of the disclosure register, and persons. A person's closure is the latest closure among the
// signals and cases they are linked to (as victim, suspect, reporter or otherwise, including
// signals they reported, and the cases those signals are in), also those already shredded
// (remembered in persons.links_closed); it is absent while any of them is still open. A person
// linked to nothing counts as closed on the date of their last change. A disclosure is received,
// closed and last active on the UTC date it was recorded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "vault/person.hpp"
#include "vault/signal.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

enum class SubjectKind { kSignal, kCase, kPerson, kDisclosure };
std::string_view enum_name(SubjectKind k);  // "signal", "case", "person", "disclosure"

struct RetentionSubject {
  SubjectKind kind = SubjectKind::kSignal;
  std::string id;
  std::optional<PersonRole> role;        // persons
  std::optional<SignalOutcome> outcome;  // closed signals
  Date received{2000, 1, 1};  // signal received, case opened, person registered, disclosure made
  std::optional<Date> closed;
  Date last_activity{2000, 1, 1};  // UTC date of the last change
  // Ids of cases with a hold in force that block this subject: the case itself, the cases a
  // person is linked to (directly or through a signal), the cases a disclosure names (directly or
  // through a signal it names). Sorted; empty when not held.
  std::vector<std::string> held_by;
  // Persons: the kinds of the partners the disclosure register says they were disclosed to
  // (disclosure_register.hpp), sorted; empty for other subjects.
  std::vector<std::string> disclosed_to;
};

// Every subject, ordered signals, then cases, then disclosures, then persons (the order a sweep
// shreds in: persons last, so the statistics of a case or disclosure still count its persons),
// each by id.
Result<std::vector<RetentionSubject>> list_retention_subjects(UnitOfWork& uow);

// The two rules above for one subject, which shredding.cpp checks and keeps with; `id` names an
// existing record of `kind`. These return ids only and audit nothing.
//
// The held cases blocking a subject, sorted: held_by as listed above for a case, a disclosure or a
// person; for a signal, the held cases it is linked to.
Result<std::vector<std::string>> holds_blocking(UnitOfWork& uow, SubjectKind kind,
                                                std::string_view id);
// The persons whose closure counts a signal (its persons and reporter) or a case (its persons,
// and the persons and reporters of its signals), sorted; for a disclosure, the persons it names.
// kInternal for kPerson.
Result<std::vector<std::string>> persons_linked_to(UnitOfWork& uow, SubjectKind kind,
                                                   std::string_view id);

}  // namespace mk::vault

// De-identified facts kept when a signal, case or disclosure is shredded under a "deidentify" rule,
// so the mayor's report still counts it. No id, no free text, dates to the month: a fact cannot be
// tied back to a record, and is personal data only as much as a cell of the report itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

struct StatisticalFact {
  std::string kind;    // "signal", "case" or "disclosure"
  std::string period;  // "YYYY-MM": a signal's received month, a case's opening month, a
                       // disclosure's month
  std::optional<std::string> closed_period;  // "YYYY-MM"
  std::string source_kind;  // signals: internal_team, partner, resident, anonymous; "" otherwise
  std::string outcome;      // signals: outcome code; cases: closing status ("closed", ...);
                            // "" for disclosures
  std::vector<std::string> forms;  // signals: suspected form codes, sorted
  std::string minor;               // signals: "yes", "no", "unknown"; "" otherwise
  int victims = 0;                 // persons linked with that role when shredded
  int suspects = 0;
  std::string partner_kind;  // disclosures: the partner's kind ("police" ...); "" otherwise
  std::string purpose;       // disclosures: the purpose code; "" otherwise
  // Cases: their help requests when shredded (help_request_store.hpp): met on or before the due
  // date; closed otherwise (met late, or closed unmet); still open. 0 for signals and disclosures.
  int help_met = 0;
  int help_late = 0;
  int help_open = 0;
  std::string rule;             // the retention rule that de-identified it
  std::string shredded_period;  // "YYYY-MM"
};

// A retention rule id as facts and shred orders carry it: 1-64 characters of A-Z, a-z, 0-9, '.',
// '_' and '-' (so it cannot break the "rule=...;policy=..." audit detail).
bool valid_rule_id(std::string_view id);

// Appends one fact (called by shredding.cpp inside its unit of work, whose audit entry covers it:
// no event of its own). Every member is checked (kInvalidInput): kind, months "YYYY-MM", codes,
// forms sorted and unique, counts not negative, a rule id; source_kind and minor set for signals
// and empty otherwise; partner_kind and purpose set for disclosures and empty otherwise; outcome
// and forms empty for disclosures; help counts not negative, and 0 but for cases. Requires the
// field keys (kForbidden). Identical facts are stored as one row with a count, so neither storage
// order nor a row key tells when a fact was added.
Status add_statistical_fact(UnitOfWork& uow, const StatisticalFact& fact);

// Every fact (a fact added n times is listed n times), oldest period first. Every role.
Result<std::vector<StatisticalFact>> list_statistical_facts(UnitOfWork& uow);

}  // namespace mk::vault

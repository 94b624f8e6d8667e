// The retention policy (policies/retention.json): how long each class of record is kept, and what
// happens then. Rules are data the municipality's archivist confirms; each names its reference
// (VNG Selectielijst 2020 category, or the policy that decided it). See docs/policies/retention.md.
//
// Matching: rules are tried in file order and the first whose scope matches a subject decides.
// Validation guarantees that every subject is matched by some rule (every record class, and for
// persons every role, has a rule without conditions), and that no rule is unreachable (a rule after
// an unconditional rule of the same scope). So no record can be kept forever by omission.
//
// This file knows nothing of the vault: subjects are described by plain facts (SubjectFacts).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kRetentionPolicyFormat = "meldkluis-retention/1";

// The record classes retention knows. Signals linked to a case follow that case and are not
// subjects of their own; persons are matched by role.
enum class RecordClass { kSignal, kCase, kPerson, kDisclosure, kAuditEntry };
std::string_view enum_name(
    RecordClass c);  // "signal", "case", "person", "disclosure", "audit_entry"

// Which date starts the period: the record's closure (a person's: the last closure among the
// signals and cases they are linked to), its last change, or its arrival (a signal's received
// date, a case's opening date, a person's registration, a disclosure's or audit entry's date).
enum class RetentionTrigger { kClosed, kLastActivity, kReceived };
std::string_view enum_name(RetentionTrigger t);  // "closed", "last_activity", "received"

// kShred: the subject's key is destroyed and its rows deleted; nothing is kept.
// kDeidentify: as kShred, but de-identified statistical facts (dates to the month, codes, counts)
// are kept first so reports still add up. Allowed for signals, cases and disclosures only.
enum class RetentionAction { kShred, kDeidentify };
std::string_view enum_name(RetentionAction a);  // "shred", "deidentify"

// An ISO 8601 duration, date part only: "P1Y", "P6M", "P5Y6M", "P2W", "P30D", "P1Y2M10D".
// Components appear in the order Y, M, W, D, each at most once, each 0..9999, at least one, and
// at least one non-zero; no time part ("PT1H"), no fractions, no sign. Weeks may not be combined
// with other components (as ISO 8601 says). Each component is written with 1 to 4 digits.
struct IsoPeriod {
  int years = 0;
  int months = 0;
  int weeks = 0;
  int days = 0;
  friend bool operator==(const IsoPeriod&, const IsoPeriod&) = default;
};
std::optional<IsoPeriod> parse_iso_period(std::string_view text);
// Why `text` is not a valid period, as a reason completing "<key> of <object> ...", e.g. "must not
// be zero"; "" when parse_iso_period accepts it.
std::string iso_period_problem(std::string_view text);
std::string format_iso_period(const IsoPeriod& p);  // canonical: "P5Y6M", "P2W"

// `date` + `period`: years and months first, the day clamped to the end of the month
// (2024-02-29 + P1Y = 2025-02-28; 2026-01-31 + P1M = 2026-02-28), then weeks and days.
// Requires every component in 0..9999 (as parse_iso_period gives); programmer error otherwise.
Date add_period(const Date& date, const IsoPeriod& period);

// Person roles and partner kinds, as they appear in policy files.
// Roles: "victim", "suspect", "reporter", "other".
// Partner kinds: "police", "care_coordination" (SHOP), "registration" (CoMensha),
// "labour_inspection", "child_protection" (Veilig Thuis), "safety_house" (Zorg- en
// Veiligheidshuis), "riec", "other".
bool is_person_role(std::string_view s);
bool is_partner_kind(std::string_view s);
// Signal outcomes: "no_suspicion", "insufficient_information", "referred", "case_opened", "other".
bool is_signal_outcome(std::string_view s);
// The same names, in this order (for messages, documentation and pick lists).
inline constexpr std::array<std::string_view, 4> kPersonRoles = {"victim", "suspect", "reporter",
                                                                 "other"};
inline constexpr std::array<std::string_view, 8> kPartnerKinds = {
    "police",           "care_coordination", "registration", "labour_inspection",
    "child_protection", "safety_house",      "riec",         "other"};
inline constexpr std::array<std::string_view, 5> kSignalOutcomes = {
    "no_suspicion", "insufficient_information", "referred", "case_opened", "other"};

struct RetentionRule {
  // Unique in the file; a lowercase ASCII letter, then lowercase letters, digits, '-', '_' or '.',
  // not ending in one of those three, at most 64 bytes: "signal-no-suspicion".
  std::string id;
  RecordClass record_class = RecordClass::kSignal;
  // Conditions; an empty list means "any". roles: persons only. outcomes: signals only (a signal
  // still open has no outcome and matches only rules without outcomes).
  std::vector<std::string> roles;
  std::vector<std::string> outcomes;
  // Persons only. disclosed_to: matches when the person was disclosed to a partner of at least one
  // of these kinds; not_disclosed_to: when to none of these kinds. A kind may not be in both.
  std::vector<std::string> disclosed_to;
  std::vector<std::string> not_disclosed_to;
  RetentionTrigger trigger = RetentionTrigger::kClosed;
  IsoPeriod period;
  RetentionAction action = RetentionAction::kShred;
  std::string reference;   // human text: "VNG Selectielijst 2020, 19.1"
  std::string note;        // optional human text ("" when absent)
  bool confirmed = false;  // confirmed by the municipality's archivist
};

// What a subject is, for matching. Dates absent when they do not apply or are not reached yet
// (an open record has no `closed`).
struct SubjectFacts {
  RecordClass record_class = RecordClass::kSignal;
  std::string role;                       // persons: a person role
  std::string outcome;                    // closed signals: a signal outcome; "" otherwise
  std::vector<std::string> disclosed_to;  // persons: partner kinds they were disclosed to
  std::optional<Date> received;
  std::optional<Date> closed;
  std::optional<Date> last_activity;
};

// Whether `rule` matches `facts` (its class and every condition; an empty list matches anything).
bool matches(const RetentionRule& rule, const SubjectFacts& facts);

struct RetentionDecision {
  const RetentionRule* rule = nullptr;  // never null; valid as long as the policy object
  std::optional<Date> trigger_date;     // absent: the trigger has not happened (record open)
  std::optional<Date> due;              // trigger_date + period; absent with trigger_date
};

class RetentionPolicy {
 public:
  // The rule deciding `facts` and the date the subject falls due. Requires facts consistent with
  // the class (a person has a valid role); programmer error otherwise.
  RetentionDecision decide(const SubjectFacts& facts) const;

  const std::vector<RetentionRule>& rules() const { return rules_; }
  const RetentionRule* find(std::string_view id) const;
  // SHA-256 of the file's exact bytes, lowercase hex: the policy version recorded with every
  // decision taken under it.
  const std::string& hash() const { return hash_; }
  const std::string& file() const { return file_; }  // the name given to the parser

 private:
  friend Result<RetentionPolicy> parse_retention_policy(std::string_view, std::string_view);
  std::string file_;
  std::string hash_;
  std::vector<RetentionRule> rules_;
};

// Parses and validates; errors are kPolicyInvalid "FILE:LINE:COL: reason" (strict_reader.hpp):
// unknown keys, a missing key, a wrong "format" (must be "meldkluis-retention/1"), a bad or zero
// duration, an unknown class, trigger, action, role, outcome or partner kind, a condition on the
// wrong class, a partner kind in both disclosed_to and not_disclosed_to, kDeidentify on persons or
// audit entries, a trigger other than kReceived for disclosures and audit entries (they are never
// closed, so any other trigger would keep them forever), duplicate ids, a class or person role with
// no unconditional rule, an unreachable rule. See docs/policies/retention.md for the messages.
Result<RetentionPolicy> parse_retention_policy(std::string_view text, std::string_view file_name);
Result<RetentionPolicy> load_retention_policy(const std::string& path);

}  // namespace mk::policies

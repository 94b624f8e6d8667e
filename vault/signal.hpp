// Signals (meldingen): what a colleague, partner or resident reported, as the coordinator
// registered and assessed it. The narrative and the assessment of its nature are encrypted under
// the signal's own key; dates, codes and status are metadata (they feed the mayor's statistics).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/date.hpp"

namespace mk::vault {

enum class SourceKind { kInternalTeam, kPartner, kResident, kAnonymous };
enum class MinorInvolved { kYes, kNo, kUnknown };
enum class Scale { kSingle, kMultiple, kOrganised };   // omvang
enum class Severity { kLow, kMedium, kHigh, kAcute };  // ernst
enum class SignalStatus { kNew, kInAssessment, kClosed };
enum class SignalOutcome {
  kNoSuspicion,              // no suspicion of trafficking: close and record
  kInsufficientInformation,  // cannot be assessed further
  kReferred,                 // passed to a partner
  kCaseOpened,               // became (part of) a case
  kOther,
};

// Lowercase snake_case names as stored and shown in JSON ("internal_team", "in_assessment").
std::string_view enum_name(SourceKind v);
std::string_view enum_name(MinorInvolved v);
std::string_view enum_name(Scale v);
std::string_view enum_name(Severity v);
std::string_view enum_name(SignalStatus v);
std::string_view enum_name(SignalOutcome v);
std::optional<SourceKind> parse_source_kind(std::string_view s);
std::optional<MinorInvolved> parse_minor_involved(std::string_view s);
std::optional<Scale> parse_scale(std::string_view s);
std::optional<Severity> parse_severity(std::string_view s);
std::optional<SignalStatus> parse_signal_status(std::string_view s);
std::optional<SignalOutcome> parse_signal_outcome(std::string_view s);

// What the coordinator enters at intake. Codes (forms, indicators) are checked against the
// indicator catalogue by the service layer; the store checks only their syntax.
struct SignalInput {
  Date received{2000, 1, 1};
  SourceKind source_kind = SourceKind::kInternalTeam;
  std::optional<std::string> source_team;  // e.g. "Burgerzaken", "Wijkteam Oost"; not personal
  std::optional<std::string> reporter_id;  // a person with role reporter; never for anonymous
  std::optional<std::string> narrative;    // encrypted
  std::optional<std::string> nature;       // assessment: aard, free text, encrypted
  std::optional<Scale> scale;
  std::optional<Severity> severity;
  MinorInvolved minor = MinorInvolved::kUnknown;
  std::vector<std::string> forms;       // suspected forms (catalogue codes)
  std::vector<std::string> indicators;  // ticked indicators (catalogue codes)
  std::vector<std::string> person_ids;  // persons involved
};

// Metadata anyone who opens the store may see.
struct SignalSummary {
  std::string id;  // "S-" + 8 base32
  Date received{2000, 1, 1};
  SourceKind source_kind = SourceKind::kInternalTeam;
  std::optional<std::string> source_team;
  std::optional<std::string> reporter_id;
  std::optional<Scale> scale;
  std::optional<Severity> severity;
  MinorInvolved minor = MinorInvolved::kUnknown;
  std::vector<std::string> forms;
  std::vector<std::string> indicators;
  std::vector<std::string> person_ids;
  std::vector<std::string> case_ids;
  SignalStatus status = SignalStatus::kNew;
  std::optional<SignalOutcome> outcome;
  std::optional<Date> closed;
  bool has_narrative = false;
  bool has_nature = false;
  Instant created;
  Instant updated;
};

struct Signal {
  SignalSummary summary;
  std::optional<std::string> narrative;
  std::optional<std::string> nature;
};

// A change to an open signal. Set members replace; `clear_*` removes an optional value.
struct SignalPatch {
  std::optional<Date> received;
  std::optional<SourceKind> source_kind;
  std::optional<std::string> source_team;
  std::optional<std::string> reporter_id;
  bool clear_reporter = false;
  std::optional<std::string> narrative;
  std::optional<std::string> nature;
  std::optional<Scale> scale;
  std::optional<Severity> severity;
  std::optional<MinorInvolved> minor;
  std::optional<std::vector<std::string>> forms;       // replaces the whole list
  std::optional<std::vector<std::string>> indicators;  // replaces the whole list
  std::vector<std::string> add_person_ids;
  std::optional<SignalStatus> status;  // only kNew or kInAssessment; closing has its own call
};

struct SignalFilter {
  std::optional<SignalStatus> status;
  std::optional<std::string> form;
  std::optional<Date> received_from;  // inclusive
  std::optional<Date> received_to;    // inclusive
};

}  // namespace mk::vault

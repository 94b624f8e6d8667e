#include "vault/signal.hpp"

#include <initializer_list>

namespace mk::vault {
namespace {

template <typename E>
std::optional<E> parse_by_name(std::string_view s, std::initializer_list<E> values) {
  for (E v : values) {
    if (enum_name(v) == s) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view enum_name(SourceKind v) {
  switch (v) {
    case SourceKind::kInternalTeam:
      return "internal_team";
    case SourceKind::kPartner:
      return "partner";
    case SourceKind::kResident:
      return "resident";
    case SourceKind::kAnonymous:
      return "anonymous";
  }
  return "internal_team";
}

std::string_view enum_name(MinorInvolved v) {
  switch (v) {
    case MinorInvolved::kYes:
      return "yes";
    case MinorInvolved::kNo:
      return "no";
    case MinorInvolved::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view enum_name(Scale v) {
  switch (v) {
    case Scale::kSingle:
      return "single";
    case Scale::kMultiple:
      return "multiple";
    case Scale::kOrganised:
      return "organised";
  }
  return "single";
}

std::string_view enum_name(Severity v) {
  switch (v) {
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
    case Severity::kAcute:
      return "acute";
  }
  return "low";
}

std::string_view enum_name(SignalStatus v) {
  switch (v) {
    case SignalStatus::kNew:
      return "new";
    case SignalStatus::kInAssessment:
      return "in_assessment";
    case SignalStatus::kClosed:
      return "closed";
  }
  return "new";
}

std::string_view enum_name(SignalOutcome v) {
  switch (v) {
    case SignalOutcome::kNoSuspicion:
      return "no_suspicion";
    case SignalOutcome::kInsufficientInformation:
      return "insufficient_information";
    case SignalOutcome::kReferred:
      return "referred";
    case SignalOutcome::kCaseOpened:
      return "case_opened";
    case SignalOutcome::kOther:
      return "other";
  }
  return "other";
}

std::optional<SourceKind> parse_source_kind(std::string_view s) {
  return parse_by_name(s, {SourceKind::kInternalTeam, SourceKind::kPartner, SourceKind::kResident,
                           SourceKind::kAnonymous});
}

std::optional<MinorInvolved> parse_minor_involved(std::string_view s) {
  return parse_by_name(s, {MinorInvolved::kYes, MinorInvolved::kNo, MinorInvolved::kUnknown});
}

std::optional<Scale> parse_scale(std::string_view s) {
  return parse_by_name(s, {Scale::kSingle, Scale::kMultiple, Scale::kOrganised});
}

std::optional<Severity> parse_severity(std::string_view s) {
  return parse_by_name(s, {Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kAcute});
}

std::optional<SignalStatus> parse_signal_status(std::string_view s) {
  return parse_by_name(s, {SignalStatus::kNew, SignalStatus::kInAssessment, SignalStatus::kClosed});
}

std::optional<SignalOutcome> parse_signal_outcome(std::string_view s) {
  return parse_by_name(
      s, {SignalOutcome::kNoSuspicion, SignalOutcome::kInsufficientInformation,
          SignalOutcome::kReferred, SignalOutcome::kCaseOpened, SignalOutcome::kOther});
}

}  // namespace mk::vault

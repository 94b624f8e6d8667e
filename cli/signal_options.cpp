#include "cli/signal_options.hpp"

#include "cli/option_values.hpp"
#include "cli/text_input.hpp"

namespace mk::cli {
namespace {

constexpr std::string_view kSources = "internal_team, partner, resident, anonymous";
constexpr std::string_view kMinor = "yes, no, unknown";
constexpr std::string_view kScales = "single, multiple, organised";
constexpr std::string_view kSeverities = "low, medium, high, acute";

// The enum-valued options both add and update take.
struct Assessment {
  std::optional<vault::SourceKind> source;
  std::optional<vault::MinorInvolved> minor;
  std::optional<vault::Scale> scale;
  std::optional<vault::Severity> severity;
};

Outcome<Assessment> assessment_from(const ParsedArgs& args) {
  Assessment a;
  MK_CLI_TRY(a.source,
             enum_option<vault::SourceKind>(args, "source", vault::parse_source_kind, kSources));
  MK_CLI_TRY(a.minor,
             enum_option<vault::MinorInvolved>(args, "minor", vault::parse_minor_involved, kMinor));
  MK_CLI_TRY(a.scale, enum_option<vault::Scale>(args, "scale", vault::parse_scale, kScales));
  MK_CLI_TRY(a.severity,
             enum_option<vault::Severity>(args, "severity", vault::parse_severity, kSeverities));
  return a;
}

}  // namespace

std::vector<OptionSpec> signal_field_options() {
  return {
      {"received", OptionKind::kSingle, "DATE", "date the signal was received (YYYY-MM-DD)"},
      {"source", OptionKind::kSingle, "KIND", "internal_team, partner, resident or anonymous"},
      {"team", OptionKind::kSingle, "T", "the reporting team or partner (\"Wijkteam Oost\")"},
      {"reporter", OptionKind::kSingle, "P-ID", "the reporting person (role reporter)"},
      {"narrative-file", OptionKind::kSingle, "FILE|-", "the account of what was reported"},
      {"nature-file", OptionKind::kSingle, "FILE|-", "your assessment of its nature (aard)"},
      {"form", OptionKind::kRepeated, "CODE", "suspected form of trafficking (repeatable)"},
      {"indicator", OptionKind::kRepeated, "CODE", "indicator ticked (repeatable)"},
      {"minor", OptionKind::kSingle, "yes|no|unknown", "a minor is involved"},
      {"scale", OptionKind::kSingle, "S", "omvang: single, multiple or organised"},
      {"severity", OptionKind::kSingle, "S", "ernst: low, medium, high or acute"},
      {"person", OptionKind::kRepeated, "P-ID", "a person involved (repeatable)"},
  };
}

Outcome<vault::SignalInput> signal_input_from(const ParsedArgs& args) {
  for (std::string_view required : {"received", "source"}) {
    if (Exit e = require_option(args, required, "signal add"); !e.is_ok()) return e;
  }
  if (Exit e = stdin_used_once(args, {"narrative-file", "nature-file"}); !e.is_ok()) return e;
  vault::SignalInput in;
  MK_CLI_TRY(std::optional<Date> received, date_option(args, "received"));
  in.received = *received;
  MK_CLI_TRY(Assessment a, assessment_from(args));
  in.source_kind = *a.source;
  in.minor = a.minor.value_or(vault::MinorInvolved::kUnknown);
  in.scale = a.scale;
  in.severity = a.severity;
  in.source_team = args.value("team");
  in.reporter_id = args.value("reporter");
  in.forms = args.values("form");
  in.indicators = args.values("indicator");
  in.person_ids = args.values("person");
  MK_CLI_TRY(in.narrative, text_option(args, "narrative-file"));
  MK_CLI_TRY(in.nature, text_option(args, "nature-file"));
  return in;
}

Outcome<vault::SignalPatch> signal_patch_from(const ParsedArgs& args) {
  if (args.has("reporter") && args.has("clear-reporter")) {
    return Exit::usage("give --reporter or --clear-reporter, not both");
  }
  if (args.has("form") && args.has("clear-forms")) {
    return Exit::usage("give --form or --clear-forms, not both");
  }
  if (args.has("indicator") && args.has("clear-indicators")) {
    return Exit::usage("give --indicator or --clear-indicators, not both");
  }
  if (Exit e = stdin_used_once(args, {"narrative-file", "nature-file"}); !e.is_ok()) return e;
  bool any = false;
  for (const OptionSpec& o : signal_field_options())
    any = any || args.has(o.name);
  for (std::string_view extra : {"clear-reporter", "clear-forms", "clear-indicators", "status"})
    any = any || args.has(extra);
  if (!any) return Exit::usage("nothing to change", "see: meldkluis signal update --help");
  vault::SignalPatch p;
  MK_CLI_TRY(p.received, date_option(args, "received"));
  MK_CLI_TRY(Assessment a, assessment_from(args));
  p.source_kind = a.source;
  p.minor = a.minor;
  p.scale = a.scale;
  p.severity = a.severity;
  MK_CLI_TRY(p.status, enum_option<vault::SignalStatus>(
                           args, "status",
                           [](std::string_view s) {
                             auto v = vault::parse_signal_status(s);
                             return v == vault::SignalStatus::kClosed ? std::nullopt : v;
                           },
                           "new, in_assessment (close with: meldkluis signal close)"));
  p.source_team = args.value("team");
  p.reporter_id = args.value("reporter");
  p.clear_reporter = args.has("clear-reporter");
  if (args.has("form") || args.has("clear-forms")) p.forms = args.values("form");
  if (args.has("indicator") || args.has("clear-indicators"))
    p.indicators = args.values("indicator");
  p.add_person_ids = args.values("person");
  MK_CLI_TRY(p.narrative, text_option(args, "narrative-file"));
  MK_CLI_TRY(p.nature, text_option(args, "nature-file"));
  return p;
}

Outcome<vault::SignalFilter> signal_filter_from(const ParsedArgs& args) {
  vault::SignalFilter f;
  MK_CLI_TRY(f.status, enum_option<vault::SignalStatus>(args, "status", vault::parse_signal_status,
                                                        "new, in_assessment, closed"));
  f.form = args.value("form");
  MK_CLI_TRY(f.received_from, date_option(args, "from"));
  MK_CLI_TRY(f.received_to, date_option(args, "to"));
  return f;
}

}  // namespace mk::cli

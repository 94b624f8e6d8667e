// parse_normtimes_policy: the strict reading of the norm-time format documented in
// docs/policies/normtimes.md.
#include "policies/normtimes_policy.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

std::string where(json::Position p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string known_kinds() {
  std::string out;
  for (std::string_view k : kHelpRequestKinds)
    out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

std::string kind_rule(std::string_view value) {
  if (is_help_request_kind(value)) return {};
  return "must be a kind of help request (" + known_kinds() + ")";
}

}  // namespace

bool is_help_request_kind(std::string_view s) {
  return std::find(kHelpRequestKinds.begin(), kHelpRequestKinds.end(), s) !=
         kHelpRequestKinds.end();
}

const NormTime* NormTimesPolicy::find(std::string_view kind) const {
  for (const NormTime& n : norms_) {
    if (n.kind == kind) return &n;
  }
  return nullptr;
}

Result<NormTimesPolicy> parse_normtimes_policy(std::string_view text, std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kNormTimesPolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kNormTimesPolicyFormat));
  }
  (void)top.optional_string("note", text_rule);
  const json::Array& norms = top.array("norms", StrictObject::Items::kNonEmpty);
  MK_RETURN_IF_ERROR(top.finish());

  NormTimesPolicy policy;
  std::map<std::string, json::Position, std::less<>> seen;
  for (const json::Value& v : norms) {
    StrictObject o(v, file, "norm");
    NormTime n;
    n.kind = o.string("kind", kind_rule);
    if (is_help_request_kind(n.kind)) o.describe_as("norm " + quoted(n.kind));
    const std::optional<std::string> period = o.optional_string("period", iso_period_problem);
    const std::optional<std::int64_t> days = o.optional_integer("days", 1, kMaxNormDays);
    n.reference = o.string("reference", text_rule);
    n.note = o.optional_string("note", text_rule).value_or("");
    MK_RETURN_IF_ERROR(o.finish());
    if (period.has_value() == days.has_value()) {
      return policy_error(file, o.position(),
                          o.description() + " needs exactly one of \"period\" and \"days\"");
    }
    if (period) {
      n.period = *parse_iso_period(*period);
    } else {
      n.period.days = static_cast<int>(*days);
    }
    const auto [it, inserted] = seen.emplace(n.kind, o.position_of("kind"));
    if (!inserted) {
      return policy_error(
          file, o.position_of("kind"),
          "duplicate norm for kind " + quoted(n.kind) + " (first at " + where(it->second) + ")");
    }
    policy.norms_.push_back(std::move(n));
  }
  for (std::string_view kind : kHelpRequestKinds) {
    if (seen.find(kind) == seen.end()) {
      return policy_error(
          file, top.position_of("norms"),
          "no norm for kind " + quoted(kind) + ": every kind of help request needs one");
    }
  }
  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  return policy;
}

Result<NormTimesPolicy> load_normtimes_policy(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_normtimes_policy(text, path);
}

}  // namespace mk::policies

// parse_routing_policy: the strict reading of the routing format documented in
// docs/policies/routing.md. Each rule is read shallowly with StrictObject (types, texts, unknown
// keys), then its names are checked against the sharing policy's partners and purposes and the
// indicator catalogue's forms and indicators.
#include <algorithm>
#include <map>
#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/routing_policy.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

std::string where(json::Position p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

// One of a rule's condition lists and the names it may hold.
struct ListSpec {
  std::string_view key;
  const std::vector<std::string>& known;
  std::string_view what;  // "form"
  std::string hint;       // "(known: sexual, labour)" or "(not in the indicator catalogue)"
};

}  // namespace

// Reads the rules of a routing policy one at a time; read_rule() either adds the rule or returns
// the first problem with it, and the caller stops at the first problem.
class RoutingPolicyBuilder {
 public:
  RoutingPolicyBuilder(std::string_view file, const std::vector<std::string>& targets,
                       const std::vector<std::string>& forms,
                       const std::vector<std::string>& indicators)
      : file_(file), targets_(targets), forms_(forms), indicators_(indicators) {}

  Status read_rule(const json::Value& v) {
    StrictObject o(v, file_, "rule");
    RoutingPolicy::Rule r;
    RoutingSuggestion& s = r.suggestion;
    s.rule = o.string("id", code_rule);
    if (is_valid_code(s.rule)) o.describe_as("rule " + quoted(s.rule));
    const json::Array* forms = o.optional_array("forms", StrictObject::Items::kAny);
    const json::Array* indicators = o.optional_array("indicators", StrictObject::Items::kAny);
    r.minor = o.optional_boolean("minor");
    r.has_victim = o.optional_boolean("has_victim");
    r.has_suspect = o.optional_boolean("has_suspect");
    s.partner = o.string("partner", code_rule);
    s.purpose = o.string("purpose", code_rule);
    s.reason_nl = o.string("reason_nl", text_rule);
    s.reason_en = o.string("reason_en", text_rule);
    s.reference = o.string("reference", text_rule);
    MK_RETURN_IF_ERROR(o.finish());

    const std::string& what = o.description();
    MK_RETURN_IF_ERROR(
        read_list(o, forms, {"forms", forms_, "form", "(known: " + joined(forms_) + ")"}, r.forms));
    MK_RETURN_IF_ERROR(read_list(
        o, indicators, {"indicators", indicators_, "indicator", "(not in the indicator catalogue)"},
        r.indicators));
    if (forms == nullptr && indicators == nullptr && !r.minor && !r.has_victim && !r.has_suspect) {
      return policy_error(file_, o.position(),
                          what + " has no condition, so it would suggest " + s.partner + "/" +
                              s.purpose +
                              " for everything: give at least one of \"forms\", \"indicators\", "
                              "\"minor\", \"has_victim\", \"has_suspect\"");
    }
    MK_RETURN_IF_ERROR(check_target(o, s));
    const json::Position id_at = o.position_of("id");
    const auto [it, inserted] = ids_.emplace(s.rule, id_at);
    if (!inserted) {
      return policy_error(
          file_, id_at,
          "duplicate rule id " + quoted(s.rule) + " (first at " + where(it->second) + ")");
    }
    rules_.push_back(std::move(r));
    return Status::ok();
  }

  std::vector<RoutingPolicy::Rule> take() && { return std::move(rules_); }

 private:
  // Reads an optional condition list (`items`, nullptr when absent) into `out`: present, it must
  // be a non-empty array of distinct known names.
  Status read_list(const StrictObject& o, const json::Array* items, const ListSpec& spec,
                   std::vector<std::string>& out) const {
    if (items == nullptr) return Status::ok();
    const std::string key = quoted(spec.key);
    const std::string& what = o.description();
    if (items->empty()) {
      return policy_error(
          file_, o.position_of(spec.key),
          key + " of " + what + " must not be empty (leave the key out for no condition)");
    }
    for (const json::Value& item : *items) {
      if (!item.is_string()) {
        return policy_error(file_, item.position(),
                            key + " of " + what + " must hold strings, found " +
                                std::string(json::Value::type_name(item.type())));
      }
      const std::string& name = item.as_string();
      if (!contains(spec.known, name)) {
        return policy_error(file_, item.position(),
                            "unknown " + std::string(spec.what) + " " + quoted(name) + " in " +
                                key + " of " + what + " " + spec.hint);
      }
      if (contains(out, name)) {
        return policy_error(file_, item.position(),
                            quoted(name) + " appears twice in " + key + " of " + what);
      }
      out.push_back(name);
    }
    return Status::ok();
  }

  // The partner and purpose must be a pair of the sharing policy.
  Status check_target(const StrictObject& o, const RoutingSuggestion& s) const {
    if (contains(targets_, s.partner + "/" + s.purpose)) return Status::ok();
    std::vector<std::string> partners, purposes;
    for (const std::string& t : targets_) {
      const std::string partner = t.substr(0, t.find('/'));
      if (!contains(partners, partner)) partners.push_back(partner);
      if (partner == s.partner) purposes.push_back(t.substr(t.find('/') + 1));
    }
    if (purposes.empty()) {
      return policy_error(file_, o.position_of("partner"),
                          "unknown partner " + quoted(s.partner) + " in \"partner\" of " +
                              o.description() + " (the sharing policy has: " + joined(partners) +
                              ")");
    }
    return policy_error(file_, o.position_of("purpose"),
                        "unknown purpose " + quoted(s.purpose) + " in \"purpose\" of " +
                            o.description() + " (partner " + quoted(s.partner) +
                            " has: " + joined(purposes) + ")");
  }

  std::string_view file_;
  const std::vector<std::string>& targets_;
  const std::vector<std::string>& forms_;
  const std::vector<std::string>& indicators_;
  std::vector<RoutingPolicy::Rule> rules_;
  std::map<std::string, json::Position, std::less<>> ids_;
};

Result<RoutingPolicy> parse_routing_policy(std::string_view text, std::string_view file_name,
                                           const std::vector<std::string>& known_targets,
                                           const std::vector<std::string>& known_forms,
                                           const std::vector<std::string>& known_indicators) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kRoutingPolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kRoutingPolicyFormat));
  }
  (void)top.optional_string("note", text_rule);
  const json::Array& rules = top.array("rules", StrictObject::Items::kNonEmpty);
  MK_RETURN_IF_ERROR(top.finish());

  RoutingPolicyBuilder builder(file, known_targets, known_forms, known_indicators);
  for (const json::Value& v : rules)
    MK_RETURN_IF_ERROR(builder.read_rule(v));
  RoutingPolicy policy;
  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  policy.rules_ = std::move(builder).take();
  return policy;
}

}  // namespace mk::policies

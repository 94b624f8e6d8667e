// parse_retention_policy: the strict reading of the retention format documented in
// docs/policies/retention.md. Each rule is read shallowly with StrictObject (types, texts, unknown
// keys), then its condition lists and class-specific limits are checked here, and finally the
// rules as a whole: every rule reachable, every class and person role covered.
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/policy_file.hpp"
#include "policies/retention_policy.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

constexpr std::size_t kMaxIdBytes = 64;

constexpr RecordClass kClasses[] = {RecordClass::kSignal, RecordClass::kCase, RecordClass::kPerson,
                                    RecordClass::kDisclosure, RecordClass::kAuditEntry};
constexpr RetentionTrigger kTriggers[] = {
    RetentionTrigger::kClosed, RetentionTrigger::kLastActivity, RetentionTrigger::kReceived};
constexpr RetentionAction kActions[] = {RetentionAction::kShred, RetentionAction::kDeidentify};

template <typename E, std::size_t N>
std::optional<E> parse_name(const E (&values)[N], std::string_view name) {
  for (E e : values) {
    if (enum_name(e) == name) return e;
  }
  return std::nullopt;
}

// "\"a\", \"b\" or \"c\"" for an enum's names in messages.
template <typename E, std::size_t N>
std::string one_of(const E (&values)[N]) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + quoted(enum_name(values[i]));
  }
  return out;
}

template <std::size_t N>
std::string listed(const std::array<std::string_view, N>& names) {
  std::string out;
  for (std::string_view n : names)
    out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

std::string id_rule(std::string_view value) {
  const bool ok = !value.empty() && value.size() <= kMaxIdBytes && value.front() >= 'a' &&
                  value.front() <= 'z' && std::all_of(value.begin(), value.end(), is_id_char) &&
                  value.back() != '-' && value.back() != '_' && value.back() != '.';
  if (ok) return {};
  return "must be an id: up to 64 bytes, a lowercase ASCII letter followed by lowercase letters, "
         "digits, '-', '_' or '.', not ending in '-', '_' or '.'";
}

std::string class_rule(std::string_view value) {
  if (parse_name(kClasses, value)) return {};
  return "must be " + one_of(kClasses);
}

std::string trigger_rule(std::string_view value) {
  if (parse_name(kTriggers, value)) return {};
  return "must be " + one_of(kTriggers);
}

std::string action_rule(std::string_view value) {
  if (parse_name(kActions, value)) return {};
  return "must be " + one_of(kActions);
}

std::string where(json::Position p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// How a subject of a class is called in messages.
std::string_view noun(RecordClass c) {
  return c == RecordClass::kAuditEntry ? "audit entry" : enum_name(c);
}

// One of a rule's condition lists and what it may hold.
struct ListSpec {
  std::string_view key;
  bool (*valid)(std::string_view);
  std::string_view what;  // "person role"
  std::string known;      // "victim, suspect, reporter, other"
};

// Every subject a rule of class `c` can meet, as far as matching can tell them apart.
std::vector<SubjectFacts> universe(RecordClass c) {
  std::vector<SubjectFacts> out;
  SubjectFacts f;
  f.record_class = c;
  if (c == RecordClass::kSignal) {
    out.push_back(f);  // open: no outcome
    for (std::string_view o : kSignalOutcomes) {
      f.outcome = std::string(o);
      out.push_back(f);
    }
  } else if (c == RecordClass::kPerson) {
    for (std::string_view role : kPersonRoles) {
      f.role = std::string(role);
      for (unsigned mask = 0; mask < (1u << kPartnerKinds.size()); ++mask) {
        f.disclosed_to.clear();
        for (std::size_t k = 0; k < kPartnerKinds.size(); ++k) {
          if (mask & (1u << k)) f.disclosed_to.emplace_back(kPartnerKinds[k]);
        }
        out.push_back(f);
      }
    }
  } else {
    out.push_back(f);
  }
  return out;
}

bool unconditional(const RetentionRule& r) {
  return r.outcomes.empty() && r.disclosed_to.empty() && r.not_disclosed_to.empty();
}

}  // namespace

// Reads and checks the rules of a policy. read_rule() either adds the rule or returns the
// first problem with it; the caller stops at the first problem.
class RetentionPolicyBuilder {
 public:
  explicit RetentionPolicyBuilder(std::string_view file) : file_(file) {}

  Status read_rule(const json::Value& v) {
    StrictObject o(v, file_, "rule");
    RetentionRule r;
    r.id = o.string("id", id_rule);
    if (id_rule(r.id).empty()) o.describe_as("rule " + quoted(r.id));
    const std::string record_class = o.string("class", class_rule);
    const ListSpec lists[] = {
        {"roles", is_person_role, "person role", listed(kPersonRoles)},
        {"outcomes", is_signal_outcome, "signal outcome", listed(kSignalOutcomes)},
        {"disclosed_to", is_partner_kind, "partner kind", listed(kPartnerKinds)},
        {"not_disclosed_to", is_partner_kind, "partner kind", listed(kPartnerKinds)},
    };
    const json::Array* items[std::size(lists)];
    for (std::size_t i = 0; i < std::size(lists); ++i)
      items[i] = o.optional_array(lists[i].key, StrictObject::Items::kAny);
    const std::string trigger = o.string("trigger", trigger_rule);
    const std::string period = o.string("period", iso_period_problem);
    const std::string action = o.string("action", action_rule);
    r.reference = o.string("reference", text_rule);
    r.note = o.optional_string("note", text_rule).value_or("");
    r.confirmed = o.boolean("confirmed");
    MK_RETURN_IF_ERROR(o.finish());
    // The rules above accepted these.
    r.record_class = *parse_name(kClasses, record_class);
    r.trigger = *parse_name(kTriggers, trigger);
    r.period = *parse_iso_period(period);
    r.action = *parse_name(kActions, action);

    std::vector<std::string>* outs[] = {&r.roles, &r.outcomes, &r.disclosed_to,
                                        &r.not_disclosed_to};
    for (std::size_t i = 0; i < std::size(lists); ++i)
      MK_RETURN_IF_ERROR(read_list(o, items[i], lists[i], *outs[i]));
    const std::string& what = o.description();
    MK_RETURN_IF_ERROR(check_class_limits(v, what, r));

    const json::Position id_at = o.position_of("id");
    const auto [it, inserted] = ids_.emplace(r.id, id_at);
    if (!inserted) {
      return policy_error(
          file_, id_at,
          "duplicate rule id " + quoted(r.id) + " (first at " + where(it->second) + ")");
    }
    id_positions_.push_back(id_at);
    rules_.push_back(std::move(r));
    return Status::ok();
  }

  // Requires every rule read. A rule every subject of which an earlier rule already decides can
  // never decide anything: almost certainly a mistake in the order of the rules.
  Status check_reachable() const {
    const std::vector<RetentionRule>& rules = rules_;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      std::set<std::size_t> deciders;
      bool reachable = false;
      bool matched = false;
      for (const SubjectFacts& f : universe(rules[i].record_class)) {
        if (!matches(rules[i], f)) continue;
        matched = true;
        const auto earlier = std::find_if(rules.begin(), rules.begin() + static_cast<long>(i),
                                          [&](const RetentionRule& r) { return matches(r, f); });
        if (earlier == rules.begin() + static_cast<long>(i)) {
          reachable = true;
          break;
        }
        deciders.insert(static_cast<std::size_t>(earlier - rules.begin()));
      }
      if (reachable) continue;
      if (!matched) {  // the checks of each rule leave no such rule; kept as a safety net
        return policy_error(file_, id_positions_[i],
                            "rule " + quoted(rules[i].id) + " matches no " +
                                std::string(noun(rules[i].record_class)));
      }
      std::string names;
      for (std::size_t j : deciders)
        names += (names.empty() ? "" : ", ") + quoted(rules[j].id);
      return policy_error(
          file_, id_positions_[i],
          "rule " + quoted(rules[i].id) + " is unreachable: every " +
              std::string(noun(rules[i].record_class)) + " it matches is decided by " +
              (deciders.size() == 1 ? "an earlier rule (" : "earlier rules (") + names + ")");
    }
    return Status::ok();
  }

  // Requires every rule read. Every class, and every person role, needs a rule without conditions,
  // so no subject is kept forever because no rule matched it.
  Status check_coverage(json::Position rules_at) const {
    const std::vector<RetentionRule>& rules = rules_;
    for (RecordClass c : kClasses) {
      if (c == RecordClass::kPerson) {
        for (std::string_view role : kPersonRoles) {
          const bool covered = std::any_of(rules.begin(), rules.end(), [&](const auto& r) {
            return r.record_class == c && unconditional(r) &&
                   (r.roles.empty() ||
                    std::find(r.roles.begin(), r.roles.end(), role) != r.roles.end());
          });
          if (!covered) {
            return policy_error(file_, rules_at,
                                "no catch-all rule for persons with role " + quoted(role) +
                                    ": add a person rule for that role (or for every role) without "
                                    "\"disclosed_to\" or \"not_disclosed_to\", so none is kept "
                                    "forever by omission");
          }
        }
        continue;
      }
      const bool covered = std::any_of(rules.begin(), rules.end(), [&](const auto& r) {
        return r.record_class == c && unconditional(r);
      });
      if (!covered) {
        return policy_error(file_, rules_at,
                            "no catch-all rule for class " + quoted(enum_name(c)) + ": add " +
                                (c == RecordClass::kSignal ? "a signal rule without \"outcomes\""
                                                           : "a rule for it") +
                                ", so none is kept forever by omission");
      }
    }
    return Status::ok();
  }

  std::vector<RetentionRule> take() && { return std::move(rules_); }

 private:
  // Reads the optional list `spec.key` of rule `o` (`items`; nullptr when absent, an array as
  // StrictObject checked) into `out`: absent is no condition; present, it must be a non-empty
  // array of distinct known names.
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
      if (!spec.valid(name)) {
        return policy_error(file_, item.position(),
                            "unknown " + std::string(spec.what) + " " + quoted(name) + " in " +
                                key + " of " + what + " (known: " + spec.known + ")");
      }
      if (std::find(out.begin(), out.end(), name) != out.end()) {
        return policy_error(file_, item.position(),
                            quoted(name) + " appears twice in " + key + " of " + what);
      }
      out.push_back(name);
    }
    return Status::ok();
  }

  // What a rule may say depends on its class.
  Status check_class_limits(const json::Value& rule, const std::string& what,
                            const RetentionRule& r) const {
    const std::string cls = quoted(enum_name(r.record_class));
    auto at = [&](std::string_view key) { return rule.find(key)->position(); };
    if (r.record_class != RecordClass::kPerson) {
      for (std::string_view key : {"roles", "disclosed_to", "not_disclosed_to"}) {
        if (rule.find(key) != nullptr) {
          return policy_error(file_, at(key),
                              quoted(key) + " of " + what +
                                  " is a condition on persons; this rule is for class " + cls);
        }
      }
    }
    if (r.record_class != RecordClass::kSignal && !r.outcomes.empty()) {
      return policy_error(
          file_, at("outcomes"),
          "\"outcomes\" of " + what + " is a condition on signals; this rule is for class " + cls);
    }
    for (const std::string& kind : r.not_disclosed_to) {
      if (std::find(r.disclosed_to.begin(), r.disclosed_to.end(), kind) != r.disclosed_to.end()) {
        return policy_error(file_, at("not_disclosed_to"),
                            "partner kind " + quoted(kind) +
                                " is in both \"disclosed_to\" and \"not_disclosed_to\" of " + what);
      }
    }
    if (r.action == RetentionAction::kDeidentify &&
        (r.record_class == RecordClass::kPerson || r.record_class == RecordClass::kAuditEntry)) {
      return policy_error(file_, at("action"),
                          "\"action\" of " + what + " cannot be \"deidentify\" for class " + cls +
                              ": statistics are kept for signals, cases and disclosures only");
    }
    if (r.trigger != RetentionTrigger::kReceived && (r.record_class == RecordClass::kDisclosure ||
                                                     r.record_class == RecordClass::kAuditEntry)) {
      return policy_error(file_, at("trigger"),
                          "\"trigger\" of " + what + " must be \"received\" for class " + cls +
                              " (it is never closed or changed, so any other trigger would keep "
                              "it forever)");
    }
    return Status::ok();
  }

  std::string_view file_;
  std::vector<RetentionRule> rules_;
  std::map<std::string, json::Position, std::less<>> ids_;
  std::vector<json::Position> id_positions_;  // of each rule's id, by index
};

Result<RetentionPolicy> parse_retention_policy(std::string_view text, std::string_view file_name) {
  const std::string_view file = file_name;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "policy");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kRetentionPolicyFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kRetentionPolicyFormat));
  }
  const json::Array& rules = top.array("rules", StrictObject::Items::kNonEmpty);
  (void)top.optional_string("note", text_rule);
  MK_RETURN_IF_ERROR(top.finish());

  RetentionPolicyBuilder builder(file);
  for (const json::Value& v : rules)
    MK_RETURN_IF_ERROR(builder.read_rule(v));
  MK_RETURN_IF_ERROR(builder.check_reachable());
  MK_RETURN_IF_ERROR(builder.check_coverage(top.position_of("rules")));
  RetentionPolicy policy;
  policy.file_ = std::string(file);
  policy.hash_ = to_hex(crypto::sha256(as_bytes(text)));
  policy.rules_ = std::move(builder).take();
  return policy;
}

}  // namespace mk::policies

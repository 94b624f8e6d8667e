// The routing policy's one decision: which partners and purposes the rules suggest for a signal
// or case, in file order.
#include "policies/routing_policy.hpp"

#include <algorithm>

#include "policies/policy_file.hpp"

namespace mk::policies {

namespace {

bool any_in(const std::vector<std::string>& wanted, const std::vector<std::string>& present) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
    return std::find(present.begin(), present.end(), w) != present.end();
  });
}

bool holds(const std::optional<bool>& condition, bool fact) {
  return !condition || *condition == fact;
}

}  // namespace

std::vector<RoutingSuggestion> RoutingPolicy::suggest(const RoutingFacts& facts) const {
  std::vector<RoutingSuggestion> out;
  for (const Rule& r : rules_) {
    if (!r.forms.empty() && !any_in(r.forms, facts.forms)) continue;
    if (!r.indicators.empty() && !any_in(r.indicators, facts.indicators)) continue;
    if (!holds(r.minor, facts.minor) || !holds(r.has_victim, facts.has_victim) ||
        !holds(r.has_suspect, facts.has_suspect)) {
      continue;
    }
    const bool seen = std::any_of(out.begin(), out.end(), [&](const RoutingSuggestion& s) {
      return s.partner == r.suggestion.partner && s.purpose == r.suggestion.purpose;
    });
    if (!seen) out.push_back(r.suggestion);
  }
  return out;
}

Result<RoutingPolicy> load_routing_policy(const std::string& path,
                                          const std::vector<std::string>& known_targets,
                                          const std::vector<std::string>& known_forms,
                                          const std::vector<std::string>& known_indicators) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_routing_policy(text, path, known_targets, known_forms, known_indicators);
}

}  // namespace mk::policies

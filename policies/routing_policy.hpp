// Routing suggestions (policies/routing.json): which partner a signal or case might go to, given
// its suspected forms and flags, with the reason. Suggestions only: the coordinator decides, and
// whatever is then sent still goes through the disclosure policy (sharing_policy.hpp).
// See docs/policies/routing.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kRoutingPolicyFormat = "meldkluis-routing/1";

struct RoutingFacts {
  std::vector<std::string> forms;       // suspected form codes
  std::vector<std::string> indicators;  // ticked indicator codes
  bool minor = false;                   // a minor is involved
  bool has_victim = false;
  bool has_suspect = false;
};

struct RoutingSuggestion {
  std::string rule;     // the id of the rule that made the suggestion
  std::string partner;  // a partner id of sharing.json
  std::string purpose;  // a purpose of that partner
  std::string reason_nl;
  std::string reason_en;
  std::string reference;
};

class RoutingPolicy {
 public:
  // Every rule whose conditions all hold (a rule's conditions: any of its forms, any of its
  // indicators, minor, has_victim, has_suspect; absent conditions hold; every rule has at least
  // one), in file order, each partner/purpose once (the first rule suggesting it gives the reason).
  std::vector<RoutingSuggestion> suggest(const RoutingFacts& facts) const;
  const std::string& hash() const { return hash_; }  // SHA-256 hex of the file's bytes
  const std::string& file() const { return file_; }  // the name given to the parser
  std::size_t rule_count() const { return rules_.size(); }

 private:
  friend class RoutingPolicyBuilder;
  friend Result<RoutingPolicy> parse_routing_policy(std::string_view, std::string_view,
                                                    const std::vector<std::string>&,
                                                    const std::vector<std::string>&,
                                                    const std::vector<std::string>&);
  std::string file_;
  std::string hash_;
  struct Rule {
    std::vector<std::string> forms, indicators;
    std::optional<bool> minor, has_victim, has_suspect;
    RoutingSuggestion suggestion;
  };
  std::vector<Rule> rules_;
};

// Strict, as every policy file (strict_reader.hpp): kPolicyInvalid "FILE:LINE:COL: reason", FILE
// being `file_name`, for unknown keys, a wrong format ("meldkluis-routing/1"), a duplicate rule id,
// a rule without conditions, and names the other policies do not define:
//   `known_targets`    "partner/purpose" pairs of the sharing policy (SharingPolicy::targets());
//   `known_forms`      form codes of the indicator catalogue;
//   `known_indicators` indicator codes of the indicator catalogue.
// Forms and indicators are separate lists because their codes may coincide ("labour" is a form
// and an indicator group) while a rule's "forms" and "indicators" mean different things.
Result<RoutingPolicy> parse_routing_policy(std::string_view text, std::string_view file_name,
                                           const std::vector<std::string>& known_targets,
                                           const std::vector<std::string>& known_forms,
                                           const std::vector<std::string>& known_indicators);
// Reads the file at `path` (named in messages as given) and parses it as above. Errors: kNotFound,
// kIo (see read_policy_file) and kPolicyInvalid.
Result<RoutingPolicy> load_routing_policy(const std::string& path,
                                          const std::vector<std::string>& known_targets,
                                          const std::vector<std::string>& known_forms,
                                          const std::vector<std::string>& known_indicators);

}  // namespace mk::policies

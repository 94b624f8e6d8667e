// The shipped policy files (policies/*.json, found through MELDKLUIS_POLICY_DIR), for parsers that
// check names against other policies. Loaded once; a shipped file that does not load is a broken
// build, so the target stops.
#pragma once

#include <string>
#include <vector>

#include "fuzz/fuzz_support.hpp"
#include "policies/indicator_catalogue.hpp"
#include "policies/sharing_policy.hpp"

namespace mk::fuzz {

inline const policies::IndicatorCatalogue& shipped_catalogue() {
  static const policies::IndicatorCatalogue catalogue = [] {
    auto loaded = policies::load_indicator_catalogue(MELDKLUIS_POLICY_DIR "/indicators.json");
    require(loaded.is_ok(), "the shipped indicators.json does not load");
    return std::move(loaded).value();
  }();
  return catalogue;
}

// The names parse_routing_policy checks against: sharing targets, form codes, indicator codes.
struct RoutingNames {
  std::vector<std::string> targets;
  std::vector<std::string> forms;
  std::vector<std::string> indicators;
};

inline const RoutingNames& shipped_routing_names() {
  static const RoutingNames names = [] {
    RoutingNames n;
    auto sharing = policies::load_sharing_policy(MELDKLUIS_POLICY_DIR "/sharing.json");
    require(sharing.is_ok(), "the shipped sharing.json does not load");
    n.targets = sharing->targets();
    for (const auto& form : shipped_catalogue().forms())
      n.forms.push_back(form.code);
    for (const auto& indicator : shipped_catalogue().indicators())
      n.indicators.push_back(indicator.code);
    return n;
  }();
  return names;
}

}  // namespace mk::fuzz

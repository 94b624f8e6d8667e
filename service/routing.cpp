// Routing suggestions (service/sharing.hpp): policies/routing.json applied to the metadata of a
// signal or a case. Decrypts nothing, so every role may ask.
#include <algorithm>

#include "service/sharing.hpp"
#include "vault/case_store.hpp"
#include "vault/person_store.hpp"
#include "vault/signal_store.hpp"

namespace mk::service {
namespace {

void add_all(std::vector<std::string>& to, const std::vector<std::string>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Adds a signal's forms, indicators and minor flag, and its persons to `persons`.
void add_signal(policies::RoutingFacts& facts, std::vector<std::string>& persons,
                const vault::SignalSummary& s) {
  add_all(facts.forms, s.forms);
  add_all(facts.indicators, s.indicators);
  if (s.minor == vault::MinorInvolved::kYes) facts.minor = true;
  add_all(persons, s.person_ids);
}

Status add_roles(vault::UnitOfWork& uow, policies::RoutingFacts& facts,
                 std::vector<std::string> persons) {
  sort_unique(persons);
  for (const std::string& id : persons) {
    MK_ASSIGN_OR_RETURN(vault::PersonSummary p, vault::get_person_summary(uow, id));
    if (p.role == vault::PersonRole::kVictim) facts.has_victim = true;
    if (p.role == vault::PersonRole::kSuspect) facts.has_suspect = true;
  }
  sort_unique(facts.forms);
  sort_unique(facts.indicators);
  return Status::ok();
}

}  // namespace

Result<policies::RoutingPolicy> load_routing(Session& s) {
  MK_ASSIGN_OR_RETURN(policies::SharingPolicy sharing, load_sharing(s));
  const policies::IndicatorCatalogue& catalogue = s.policies().indicators;
  std::vector<std::string> forms, indicators;
  for (const policies::TraffickingForm& f : catalogue.forms())
    forms.push_back(f.code);
  for (const policies::Indicator& i : catalogue.indicators())
    indicators.push_back(i.code);
  return policies::load_routing_policy((s.policies().dir / "routing.json").string(),
                                       sharing.targets(), forms, indicators);
}

Result<std::vector<policies::RoutingSuggestion>> routing_for_signal(Session& s,
                                                                    const std::string& id) {
  MK_ASSIGN_OR_RETURN(policies::RoutingPolicy policy, load_routing(s));
  MK_ASSIGN_OR_RETURN(policies::RoutingFacts facts,
                      s.transact(
                          "signal.routing",
                          [&](vault::UnitOfWork& uow) -> Result<policies::RoutingFacts> {
                            MK_ASSIGN_OR_RETURN(vault::SignalSummary signal,
                                                vault::get_signal_summary(uow, id));
                            policies::RoutingFacts f;
                            std::vector<std::string> persons;
                            add_signal(f, persons, signal);
                            MK_RETURN_IF_ERROR(add_roles(uow, f, std::move(persons)));
                            return f;
                          },
                          id));
  return policy.suggest(facts);
}

Result<std::vector<policies::RoutingSuggestion>> routing_for_case(Session& s,
                                                                  const std::string& id) {
  MK_ASSIGN_OR_RETURN(policies::RoutingPolicy policy, load_routing(s));
  MK_ASSIGN_OR_RETURN(policies::RoutingFacts facts,
                      s.transact(
                          "case.routing",
                          [&](vault::UnitOfWork& uow) -> Result<policies::RoutingFacts> {
                            MK_ASSIGN_OR_RETURN(vault::CaseSummary c,
                                                vault::get_case_summary(uow, id));
                            policies::RoutingFacts f;
                            std::vector<std::string> persons = c.person_ids;
                            for (const std::string& signal_id : c.signal_ids) {
                              MK_ASSIGN_OR_RETURN(vault::SignalSummary signal,
                                                  vault::get_signal_summary(uow, signal_id));
                              add_signal(f, persons, signal);
                            }
                            MK_RETURN_IF_ERROR(add_roles(uow, f, std::move(persons)));
                            return f;
                          },
                          id));
  return policy.suggest(facts);
}

}  // namespace mk::service

// Records as JSON for --json output. Field names follow the record types (snake_case); dates are
// ISO "YYYY-MM-DD", instants "YYYY-MM-DDTHH:MM:SSZ"; an absent optional value is null.
#pragma once

#include <vector>

#include "base/json.hpp"
#include "policies/indicator_catalogue.hpp"
#include "vault/case.hpp"
#include "vault/person.hpp"
#include "vault/signal.hpp"
#include "vault/vault.hpp"

namespace mk::cli {

json::Value to_json(const vault::SignalSummary& s);
json::Value to_json(const vault::Signal& s);  // the summary's members plus narrative and nature
json::Value to_json(const vault::PersonSummary& p);
json::Value to_json(const vault::Person& p);  // the summary's members plus "identity"
json::Value to_json(const vault::CaseSummary& c);
json::Value to_json(const vault::Case& c);  // the summary's members plus summary_text, closure_note
json::Value to_json(const vault::SlotInfo& slot);
json::Value to_json(const policies::IndicatorCatalogue& catalogue);

template <typename T>
json::Value to_json_array(const std::vector<T>& items) {
  json::Value out = json::Value::array();
  for (const T& item : items)
    out.push(to_json(item));
  return out;
}

}  // namespace mk::cli

// policies/routing_policy.hpp: parse_routing_policy on any text, as the file's content, with the
// targets, forms and indicators of the shipped sharing.json and indicators.json. See
// policy_support.hpp for what is checked.
#include <cstddef>
#include <cstdint>

#include "fuzz/crypto_init.hpp"
#include "fuzz/policy_support.hpp"
#include "fuzz/shipped_policies.hpp"
#include "policies/routing_policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& names = mk::fuzz::shipped_routing_names();
  const auto text = mk::fuzz::as_text(data, size);
  mk::fuzz::check_policy(
      mk::policies::parse_routing_policy(text, mk::fuzz::kPolicyFileName, names.targets,
                                         names.forms, names.indicators),
      text);
  return 0;
}

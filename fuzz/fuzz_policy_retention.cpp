// policies/retention_policy.hpp: parse_retention_policy on any text, as the file's content. See
// policy_support.hpp for what is checked.
#include <cstddef>
#include <cstdint>

#include "fuzz/crypto_init.hpp"
#include "fuzz/policy_support.hpp"
#include "policies/retention_policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = mk::fuzz::as_text(data, size);
  mk::fuzz::check_policy(mk::policies::parse_retention_policy(text, mk::fuzz::kPolicyFileName),
                         text);
  return 0;
}

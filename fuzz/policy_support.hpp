// What every policy file parser promises (policies/strict_reader.hpp), checked on each result:
// failure is kPolicyInvalid with a message that starts with the file name; success carries the
// policy version, the lowercase hex SHA-256 of exactly the bytes parsed.
#pragma once

#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/hash.hpp"
#include "fuzz/fuzz_support.hpp"

namespace mk::fuzz {

inline constexpr std::string_view kPolicyFileName = "fuzz.json";

template <typename Policy>
void check_policy(const Result<Policy>& policy, std::string_view text) {
  if (!policy) {
    require_code(policy.status(), Code::kPolicyInvalid, "policy parser: error code");
    require(std::string_view(policy.status().message()).substr(0, kPolicyFileName.size()) ==
                kPolicyFileName,
            "policy parser: message does not start with the file name");
    return;
  }
  require(policy->hash() == to_hex(crypto::sha256(as_bytes(text))),
          "policy parser: hash is not the SHA-256 of the text");
}

}  // namespace mk::fuzz

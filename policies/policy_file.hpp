// Getting a policy file's bytes and its JSON tree. The loaders hash the exact bytes (the policy
// version recorded with every decision) and read the tree with StrictObject.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/json.hpp"
#include "base/result.hpp"

namespace mk::policies {

// Policy files are small, hand-edited documents; anything bigger is refused before parsing.
inline constexpr std::size_t kMaxPolicyFileBytes = 1024 * 1024;

// Reads the whole file at `path`. Errors: kNotFound when it does not exist, kIo when it cannot be
// read, kPolicyInvalid when it is larger than kMaxPolicyFileBytes; each message starts with `path`.
Result<std::string> read_policy_file(const std::string& path);

// Parses `text` as strict JSON (base/json.hpp). A syntax error becomes kPolicyInvalid with the
// message "FILE:LINE:COL: reason", FILE being `file_name`; `text` larger than kMaxPolicyFileBytes
// is refused the same way.
Result<json::Value> parse_policy_json(std::string_view text, std::string_view file_name);

}  // namespace mk::policies

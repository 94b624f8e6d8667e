// The recovery key printed at vault creation: 256 random bits written as 14 groups of four
// Crockford base32 characters, the last group a checksum, e.g.
//   7K3M-9Q2X-...-H4TZ
// It opens the recovery slot, which holds the root key. Typed input is forgiving (case, spaces,
// dashes, O for 0, I and L for 1) and a typo is caught by the checksum before any slot is tried.
#pragma once

#include <optional>
#include <string_view>

#include "crypto/secret_buffer.hpp"

namespace mk::vault {

inline constexpr std::size_t kRecoveryKeyChars = 56;  // 52 key characters + 4 checksum

// A fresh recovery key in its printed form (with dashes), in secure memory.
crypto::SecretBuffer generate_recovery_key();

// The canonical form (56 characters, no dashes, upper case) of typed input, or nullopt when the
// input is not a well-formed recovery key or its checksum does not match.
std::optional<crypto::SecretBuffer> canonical_recovery_key(std::string_view typed);

}  // namespace mk::vault

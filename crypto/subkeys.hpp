// Subkeys derived from one master key (libsodium crypto_kdf, BLAKE2b-based): one master, many
// independent keys, each named by an 8-character context and a numeric id. Knowing a subkey reveals
// nothing about the master or its other subkeys.
#pragma once

#include <cstdint>
#include <string_view>

#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr std::size_t kMasterKeySize = 32;

// Requires master.size() == kMasterKeySize, context.size() == 8 (ASCII), 16 <= size <= 64.
// Aborts when a requirement is broken (they are programmer errors, not data errors).
SecretBuffer derive_subkey(const SecretBuffer& master, std::string_view context,
                           std::uint64_t subkey_id, std::size_t size = 32);

}  // namespace mk::crypto

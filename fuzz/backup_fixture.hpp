// The fixed key and vault id the backup targets (and make_fuzz_seeds) use: a synthetic vault, so
// the fuzzer can reach the manifest behind the seal.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "crypto/secret_buffer.hpp"

namespace mk::fuzz {

inline constexpr std::string_view kBackupVaultIdHex = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";

// The backup key: 32 bytes 0x20..0x3f.
inline crypto::SecretBuffer backup_fixture_key() {
  std::array<std::uint8_t, 32> key{};
  for (std::size_t i = 0; i < key.size(); ++i)
    key[i] = static_cast<std::uint8_t>(0x20 + i);
  return crypto::SecretBuffer::copy_of(key);
}

}  // namespace mk::fuzz

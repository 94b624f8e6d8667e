// Argon2id (libsodium crypto_pwhash, algorithm ARGON2ID13, one lane) turns a passphrase into a
// key-wrapping key. Parameters are chosen per machine by calibrate() and stored beside each key
// slot, so a slot made on a fast machine still opens on a slow one.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>

#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

inline constexpr std::size_t kPwhashSaltSize = 16;

struct PwhashParams {
  std::uint64_t opslimit = 0;  // passes over memory
  std::uint64_t memlimit = 0;  // bytes

  friend bool operator==(const PwhashParams&, const PwhashParams&) = default;
};

// Bounds this project accepts when opening a slot: libsodium's own bounds, and memlimit at most
// 4 GiB and opslimit at most 64, so that a forged slot cannot make us allocate or spin for ever.
bool pwhash_params_acceptable(const PwhashParams& params);

// The smallest acceptable parameters. For tests and benchmarks only: far too weak for a real vault.
PwhashParams pwhash_params_for_tests();

// Derives `out_size` bytes from the passphrase and a kPwhashSaltSize-byte salt. Returns nullopt
// when the parameters are not acceptable, the salt has another size, or memory cannot be had.
// Deterministic for equal inputs. Requires out_size >= 16 (libsodium's minimum); aborts otherwise.
std::optional<SecretBuffer> derive_from_passphrase(std::span<const std::uint8_t> passphrase,
                                                   std::span<const std::uint8_t> salt,
                                                   const PwhashParams& params,
                                                   std::size_t out_size = 32);

// Measures this machine and returns parameters whose derivation takes roughly `target` (within
// [target, 2*target] on an otherwise idle machine). Uses 256 MiB of memory for targets of 250 ms
// and above, less for smaller targets; raises opslimit to reach the target. Takes a few multiples
// of `target` to run.
PwhashParams calibrate(std::chrono::milliseconds target);

}  // namespace mk::crypto

#include "crypto/password_kdf.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mk::crypto {

namespace {

static_assert(kPwhashSaltSize == crypto_pwhash_argon2id_SALTBYTES);

constexpr std::uint64_t kMiB = 1024 * 1024;
constexpr std::uint64_t kMaxMemlimit = 4096 * kMiB;  // 4 GiB
constexpr std::uint64_t kMaxOpslimit = 64;
constexpr std::uint64_t kCalibrationMemory = 256 * kMiB;
constexpr auto kFullMemoryTarget = std::chrono::milliseconds(250);

constexpr std::uint64_t min_memlimit() {
  return crypto_pwhash_argon2id_MEMLIMIT_MIN;
}
constexpr std::uint64_t min_opslimit() {
  return crypto_pwhash_argon2id_OPSLIMIT_MIN;
}
constexpr std::uint64_t max_memlimit() {
  return std::min<std::uint64_t>(kMaxMemlimit, crypto_pwhash_argon2id_MEMLIMIT_MAX);
}
constexpr std::uint64_t max_opslimit() {
  return std::min<std::uint64_t>(kMaxOpslimit, crypto_pwhash_argon2id_OPSLIMIT_MAX);
}

// One derivation with fixed inputs; returns its wall-clock duration in seconds.
double time_derivation(const PwhashParams& params) {
  static constexpr std::uint8_t kPassphrase[] = {'c', 'a', 'l', 'i', 'b', 'r', 'a', 't', 'e'};
  static constexpr std::uint8_t kSalt[kPwhashSaltSize] = {};
  auto start = std::chrono::steady_clock::now();
  auto key = derive_from_passphrase(kPassphrase, kSalt, params, 32);
  auto stop = std::chrono::steady_clock::now();
  if (!key) std::abort();  // out of memory for a calibration we chose ourselves
  return std::chrono::duration<double>(stop - start).count();
}

}  // namespace

bool pwhash_params_acceptable(const PwhashParams& params) {
  return params.opslimit >= min_opslimit() && params.opslimit <= max_opslimit() &&
         params.memlimit >= min_memlimit() && params.memlimit <= max_memlimit();
}

PwhashParams pwhash_params_for_tests() {
  return {min_opslimit(), min_memlimit()};
}

std::optional<SecretBuffer> derive_from_passphrase(std::span<const std::uint8_t> passphrase,
                                                   std::span<const std::uint8_t> salt,
                                                   const PwhashParams& params,
                                                   std::size_t out_size) {
  // The output size is the caller's choice in code, not data: a wrong one is a programmer error.
  if (out_size < crypto_pwhash_argon2id_BYTES_MIN || out_size > crypto_pwhash_argon2id_BYTES_MAX)
    std::abort();
  if (!pwhash_params_acceptable(params)) return std::nullopt;
  if (salt.size() != kPwhashSaltSize) return std::nullopt;
  if (passphrase.size() > crypto_pwhash_argon2id_PASSWD_MAX) return std::nullopt;

  // libsodium declares every pointer nonnull, even that of an empty passphrase.
  static constexpr char kEmpty[1] = {0};
  const char* passwd =
      passphrase.empty() ? kEmpty : reinterpret_cast<const char*>(passphrase.data());

  SecretBuffer out(out_size);
  if (crypto_pwhash(out.data(), out_size, passwd, passphrase.size(), salt.data(), params.opslimit,
                    static_cast<std::size_t>(params.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return std::nullopt;  // the memory could not be had
  }
  return out;
}

PwhashParams calibrate(std::chrono::milliseconds target) {
  const double target_s = std::chrono::duration<double>(target).count();
  const bool full_memory = target >= kFullMemoryTarget;

  // Memory: 256 MiB from 250 ms up; below, in proportion to the target (whole MiB, at least one).
  PwhashParams params;
  params.opslimit = 1;
  params.memlimit = kCalibrationMemory;
  if (!full_memory) {
    double mib = 256.0 * target_s / std::chrono::duration<double>(kFullMemoryTarget).count();
    params.memlimit = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(mib)) * kMiB;
  }

  // One pass must fit in the target, or no opslimit can land in [target, 2 * target]. Below the
  // full-memory range, halve the memory until it does.
  double one_pass = time_derivation(params);
  while (!full_memory && one_pass > target_s && params.memlimit / 2 >= min_memlimit()) {
    params.memlimit /= 2;
    one_pass = time_derivation(params);
  }
  if (one_pass >= target_s) return params;

  // Time is about fixed + opslimit * per_pass (the fixed part: allocating and first touching the
  // memory, hashing in and out). Two measurements give both; then take the smallest opslimit that
  // reaches the target. As per_pass <= one_pass < target, that lands in [target, 2 * target).
  // Timer noise on a busy machine can make the difference of two measurements absurd, so per_pass
  // is kept within [one_pass / 2, one_pass]: the fixed part is never more than a pass.
  params.opslimit = 2;
  double two_passes = time_derivation(params);
  double per_pass = std::max(1e-9, std::clamp(two_passes - one_pass, one_pass / 2, one_pass));
  double fixed = one_pass - per_pass;
  double ops = std::ceil((target_s - fixed) / per_pass);
  params.opslimit = static_cast<std::uint64_t>(
      std::clamp(ops, static_cast<double>(min_opslimit()), static_cast<double>(max_opslimit())));
  return params;
}

}  // namespace mk::crypto

#include "crypto/blind_index.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "crypto/blind_index_detail.hpp"

namespace mk::crypto {

namespace {
constexpr std::size_t kBlindIndexKeySize = 32;
constexpr unsigned kMaxBits = 256;
}  // namespace

namespace detail {

Bytes keyed_blake2b(const SecretBuffer& key, std::span<const std::uint8_t> input,
                    std::size_t out_size) {
  if (key.size() < crypto_generichash_KEYBYTES_MIN || key.size() > crypto_generichash_KEYBYTES_MAX)
    std::abort();
  if (out_size < crypto_generichash_BYTES_MIN || out_size > crypto_generichash_BYTES_MAX)
    std::abort();
  Bytes out(out_size);
  if (crypto_generichash(out.data(), out.size(), input.data(), input.size(), key.data(),
                         key.size()) != 0) {
    std::abort();  // cannot happen with the sizes checked above
  }
  return out;
}

}  // namespace detail

Bytes blind_index(const SecretBuffer& key, std::span<const std::uint8_t> input, unsigned bits) {
  if (key.size() != kBlindIndexKeySize) std::abort();
  if (bits < 1 || bits > kMaxBits) std::abort();
  Bytes out = detail::keyed_blake2b(key, input, kMaxBits / 8);
  out.resize((bits + 7) / 8);
  if (unsigned used = bits % 8; used != 0) {
    // Keep the `used` high-order bits of the last byte.
    out.back() &= static_cast<std::uint8_t>(0xffu << (8 - used));
  }
  return out;
}

unsigned plan_blind_index_bits(double planned_rows, double input_bits) {
  if (std::isnan(planned_rows) || std::isnan(input_bits)) return 1;
  // log2 of a non-positive value is -inf or NaN; both end up at the floor of 1 below.
  double bits = std::min(std::floor(std::log2(planned_rows / 2)), std::ceil(input_bits));
  if (!(bits >= 1)) return 1;
  if (bits >= kMaxBits) return kMaxBits;
  return static_cast<unsigned>(bits);
}

double expected_coincidences(double planned_rows, unsigned bits, double input_bits) {
  return planned_rows / std::exp2(std::min(static_cast<double>(bits), input_bits));
}

}  // namespace mk::crypto

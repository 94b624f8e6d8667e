#include "crypto/random.hpp"

#include <sodium.h>

#include <cstdlib>

namespace mk::crypto {

namespace {

// Crockford's base32 alphabet: digits and capitals without I, L, O and U.
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static_assert(sizeof(kCrockford) - 1 == 32);

}  // namespace

Bytes random_bytes(std::size_t n) {
  Bytes out(n);
  if (n != 0) randombytes_buf(out.data(), n);
  return out;
}

std::string random_base32(std::size_t chars) {
  std::string out(chars, '0');
  for (char& c : out)
    c = kCrockford[randombytes_uniform(32)];
  return out;
}

std::uint32_t random_uniform(std::uint32_t upper_bound) {
  if (upper_bound == 0) std::abort();  // programmer error: the range is empty
  // randombytes_uniform() rejects samples to avoid modulo bias.
  return randombytes_uniform(upper_bound);
}

}  // namespace mk::crypto

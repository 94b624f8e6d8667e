#include "crypto/hmac.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>

namespace mk::crypto {

static_assert(kHmacSha256Size == crypto_auth_hmacsha256_BYTES);

namespace {

// HMAC-SHA-256 over the concatenation of `parts`, into `out` (32 bytes). The streaming API takes
// keys of any length; crypto_auth_hmacsha256() itself insists on 32 bytes.
void hmac_into(std::uint8_t* out, std::span<const std::uint8_t> key,
               std::initializer_list<std::span<const std::uint8_t>> parts) {
  // libsodium declares the key pointer nonnull even when keylen is 0 (an empty HKDF salt).
  static constexpr std::uint8_t kNoKey[1] = {0};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data() != nullptr ? key.data() : kNoKey, key.size());
  for (auto part : parts)
    crypto_auth_hmacsha256_update(&state, part.data(), part.size());
  crypto_auth_hmacsha256_final(&state, out);
  sodium_memzero(&state, sizeof state);  // it holds the key's inner and outer pads
}

}  // namespace

HmacSha256Tag hmac_sha256(const SecretBuffer& key, std::span<const std::uint8_t> message) {
  HmacSha256Tag out;
  hmac_into(out.data(), key.view(), {message});
  return out;
}

bool hmac_sha256_verify(const SecretBuffer& key, std::span<const std::uint8_t> message,
                        std::span<const std::uint8_t> tag) {
  if (tag.size() != kHmacSha256Size) return false;
  HmacSha256Tag expected = hmac_sha256(key, message);
  return crypto_verify_32(expected.data(), tag.data()) == 0;
}

SecretBuffer hkdf_sha256_extract(std::span<const std::uint8_t> salt, const SecretBuffer& ikm) {
  // HMAC pads its key with zeros to the block size, so an empty salt and 32 zero bytes are the same
  // key; RFC 5869's default needs no special case.
  SecretBuffer prk(kHmacSha256Size);
  hmac_into(prk.data(), salt, {ikm.view()});
  return prk;
}

SecretBuffer hkdf_sha256_expand(const SecretBuffer& prk, std::span<const std::uint8_t> info,
                                std::size_t size) {
  if (prk.size() < kHmacSha256Size) std::abort();
  if (size < 1 || size > kHkdfSha256MaxSize) std::abort();

  SecretBuffer okm(size);
  SecretBuffer block(kHmacSha256Size);  // T(i)
  std::size_t done = 0;
  for (std::uint8_t counter = 1; done < size; ++counter) {
    const std::uint8_t counter_byte[1] = {counter};
    // T(i) = HMAC(PRK, T(i-1) || info || i), with T(0) empty.
    std::span<const std::uint8_t> previous =
        counter == 1 ? std::span<const std::uint8_t>() : block.view();
    hmac_into(block.data(), prk.view(), {previous, info, counter_byte});
    std::size_t n = std::min(kHmacSha256Size, size - done);
    std::copy_n(block.data(), n, okm.data() + done);
    done += n;
  }
  return okm;
}

SecretBuffer hkdf_sha256(std::span<const std::uint8_t> salt, const SecretBuffer& ikm,
                         std::span<const std::uint8_t> info, std::size_t size) {
  return hkdf_sha256_expand(hkdf_sha256_extract(salt, ikm), info, size);
}

}  // namespace mk::crypto

#include "crypto/scrypt.hpp"

#include <sodium.h>

namespace mk::crypto {

std::optional<SecretBuffer> scrypt(const SecretBuffer& passphrase,
                                   std::span<const std::uint8_t> salt, int log2_n,
                                   std::size_t out_size) {
  if (log2_n < 1 || log2_n > kScryptMaxLog2N || out_size == 0) return std::nullopt;
  // libsodium declares every pointer nonnull, even for empty inputs.
  const std::uint8_t empty[1] = {0};
  const std::uint8_t* p = passphrase.empty() ? empty : passphrase.data();
  const std::uint8_t* s = salt.empty() ? empty : salt.data();
  SecretBuffer out(out_size);
  if (crypto_pwhash_scryptsalsa208sha256_ll(p, passphrase.size(), s, salt.size(),
                                            std::uint64_t{1} << log2_n, kScryptBlockSize,
                                            kScryptParallelism, out.data(), out.size()) != 0) {
    return std::nullopt;  // out of memory
  }
  return out;
}

}  // namespace mk::crypto

#include "crypto/subkeys.hpp"

#include <sodium.h>

#include <cstdlib>

namespace mk::crypto {

static_assert(kMasterKeySize == crypto_kdf_KEYBYTES);
static_assert(crypto_kdf_CONTEXTBYTES == 8);

SecretBuffer derive_subkey(const SecretBuffer& master, std::string_view context,
                           std::uint64_t subkey_id, std::size_t size) {
  if (master.size() != kMasterKeySize) std::abort();
  if (context.size() != crypto_kdf_CONTEXTBYTES) std::abort();
  for (char c : context) {
    if (static_cast<unsigned char>(c) > 0x7f) std::abort();
  }
  if (size < crypto_kdf_BYTES_MIN || size > crypto_kdf_BYTES_MAX) std::abort();

  SecretBuffer out(size);
  // libsodium reads exactly crypto_kdf_CONTEXTBYTES bytes from the context; no terminator needed.
  if (crypto_kdf_derive_from_key(out.data(), size, subkey_id, context.data(), master.data()) != 0) {
    std::abort();  // cannot happen with the sizes checked above
  }
  return out;
}

}  // namespace mk::crypto

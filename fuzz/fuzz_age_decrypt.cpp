// exchange/age.hpp: age_decrypt with the age test kit's X25519 identity, and
// age_decrypt_with_passphrase with "password" (work factor at most 12, as a cheap limit), on any
// bytes: header, stanza unwrapping, header MAC and payload stream. Failure is kInvalidInput or
// kWrongPassphrase (kInternal only when scrypt has no memory); success is all of the plaintext.
#include <cstddef>
#include <cstdint>

#include "exchange/age.hpp"
#include "exchange/age_scrypt.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/exchange_fixture.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

template <typename R>
void check(const R& result) {
  using mk::Code;
  if (result) return;
  const Code code = result.status().code();
  mk::fuzz::require(code == Code::kInvalidInput || code == Code::kWrongPassphrase,
                    "age decrypt: error code");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  static const exchange::AgeIdentity identity = fuzz::identity_fixture(fuzz::kTestKitIdentity);
  static const exchange::AgePassphraseIdentity passphrase = [] {
    exchange::AgePassphraseIdentity p;
    p.passphrase = crypto::SecretBuffer::copy_of(std::string_view("password"));
    p.max_work_factor = 12;
    return p;
  }();
  const ByteView file = fuzz::as_view(data, size);
  check(exchange::age_decrypt(file, identity));
  check(exchange::age_decrypt_with_passphrase(file, passphrase));
  return 0;
}

// exchange/package.hpp: open_package with the example partner's identity, the input being the
// .age file. Failure is kInvalidInput or kWrongPassphrase; success is the three members
// (checked in depth by fuzz_package_members, which reaches them).
#include <cstddef>
#include <cstdint>

#include "exchange/package.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/exchange_fixture.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  static const exchange::AgeIdentity identity = fuzz::identity_fixture(fuzz::kPackageIdentity);
  auto contents = exchange::open_package(fuzz::as_view(data, size), identity);
  if (!contents) {
    const Code code = contents.status().code();
    fuzz::require(code == Code::kInvalidInput || code == Code::kWrongPassphrase,
                  "open_package: error code");
    return 0;
  }
  return 0;
}

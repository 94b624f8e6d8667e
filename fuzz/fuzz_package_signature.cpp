// exchange/package.hpp: verify_package (minisign_verify) of the example package with the
// municipality's key, the input being the FILE.minisig text. Only a signature by that key of that
// file verifies; anything else is kInvalidInput.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/bytes.hpp"
#include "exchange/package.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/exchange_fixture.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  static const std::string package = fuzz::test_data_file(fuzz::kPackageFile);
  auto verified = exchange::verify_package(as_bytes(package), fuzz::as_text(data, size),
                                           fuzz::package_signer());
  if (!verified) {
    fuzz::require_code(verified.status(), Code::kInvalidInput, "verify_package: error code");
    return 0;
  }
  fuzz::require(verified->trusted_comment.size() <= exchange::kMinisignMaxCommentSize,
                "verify_package: trusted comment too long");
  return 0;
}

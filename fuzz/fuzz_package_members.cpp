// exchange/package.hpp: open_package behind the encryption. The input is the archive a package
// holds; the target encrypts it to the example partner (a valid age file the fuzzer could not
// forge) and opens it. Only an archive of exactly LEESMIJ.txt, manifest.json and records.json,
// in that order, opens; their contents are what the archive holds.
#include <cstddef>
#include <cstdint>

#include "base/bytes.hpp"
#include "exchange/age.hpp"
#include "exchange/package.hpp"
#include "exchange/tar_archive.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/exchange_fixture.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

bool same(const mk::crypto::SecretBuffer& a, mk::ByteView b) {
  return a.size() == b.size() && std::equal(b.begin(), b.end(), a.data());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mk;
  static const exchange::AgeIdentity identity = fuzz::identity_fixture(fuzz::kPackageIdentity);
  static const exchange::AgeRecipient recipient = identity.recipient();
  const ByteView archive = fuzz::as_view(data, size);
  auto file = exchange::age_encrypt(archive, {&recipient, 1});
  fuzz::require(file.is_ok(), "package members: age_encrypt failed");
  auto contents = exchange::open_package(*file, identity);
  auto members = exchange::read_tar(archive);
  if (!contents) {
    fuzz::require_code(contents.status(), Code::kInvalidInput, "open_package: error code");
    return 0;
  }
  fuzz::require(members.is_ok() && members->size() == 3, "package members: not three members");
  fuzz::require((*members)[0].name == exchange::kPackageSummaryName &&
                    (*members)[1].name == exchange::kPackageManifestName &&
                    (*members)[2].name == exchange::kPackageRecordsName,
                "package members: names or order");
  fuzz::require(same(contents->summary, (*members)[0].content) &&
                    same(contents->manifest, (*members)[1].content) &&
                    same(contents->records, (*members)[2].content),
                "package members: contents differ from the archive");
  return 0;
}

// The fixed inputs of the package test vector (docs/formats/package.md, "Test vectors"): the
// partner's age identity, the municipality's signing key, the time, the file name and the three
// members, committed under tests/data/exchange/package/.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/secret_buffer.hpp"
#include "exchange/age_keys.hpp"
#include "exchange/minisign.hpp"
#include "exchange/package.hpp"
#include "exchange/tar_archive.hpp"
#include "exchange_test_util.hpp"

namespace mk::exchange::test {

// 2026-11-29T10:00:00Z.
inline constexpr std::int64_t kPackageTime = 1795946400;
inline constexpr std::string_view kPackageFileName = "pakket-shop-2026-11-29.age";
inline constexpr std::string_view kPartnerRecipient =
    "age1vawa2a8dw7ynzzea9emgrumepdrxcaemz5slanek2au4sdc755hsee0f04";
inline constexpr std::string_view kSignerKeyIdHex = "1A2B3C4D5E6F7081";

inline std::string package_data_dir() {
  return std::string(MELDKLUIS_TEST_DATA_DIR) + "/exchange/package";
}

inline std::string package_data_file(std::string_view name) {
  return package_data_dir() + "/" + std::string(name);
}

// Bytes first..first+31.
inline crypto::SecretBuffer sequence_secret(std::uint8_t first) {
  crypto::SecretBuffer out(32);
  for (std::size_t i = 0; i < out.size(); ++i)
    out.data()[i] = static_cast<std::uint8_t>(first + i);
  return out;
}

// The partner (SHOP in the example): X25519 secret 60 61 .. 7f.
inline AgeIdentity partner_identity() {
  return AgeIdentity::from_secret(sequence_secret(0x60));
}

// The municipality: Ed25519 seed 40 41 .. 5f, key id bytes 81 70 6f 5e 4d 3c 2b 1a (shown as
// 1A2B3C4D5E6F7081).
inline MinisignSigningKey municipality_key() {
  return MinisignSigningKey(sequence_secret(0x40),
                            {0x81, 0x70, 0x6f, 0x5e, 0x4d, 0x3c, 0x2b, 0x1a});
}

// The three example members, as committed in members/.
inline PackageContents example_contents() {
  auto load = [](std::string_view name) {
    return crypto::SecretBuffer::copy_of(
        read_text(package_data_file("members/" + std::string(name))));
  };
  return {load(kPackageSummaryName), load(kPackageManifestName), load(kPackageRecordsName)};
}

// The members of `contents` as package.cpp archives them.
inline std::array<TarMember, 3> example_members(const PackageContents& contents) {
  return {
      TarMember{kPackageSummaryName, contents.summary.view(), 0600, kPackageTime, "meldkluis"},
      TarMember{kPackageManifestName, contents.manifest.view(), 0600, kPackageTime, "meldkluis"},
      TarMember{kPackageRecordsName, contents.records.view(), 0600, kPackageTime, "meldkluis"}};
}

inline Bytes bytes_of(const crypto::SecretBuffer& b) {
  return Bytes(b.view().begin(), b.view().end());
}

}  // namespace mk::exchange::test

// Fixed keys and files of the exchange targets, all synthetic test data already in the repository:
// the example package of docs/formats/package.md (tests/data/exchange/package/) and the identity
// of the C2SP age test kit (tests/data/exchange/cctv/). A fixture that does not load stops the
// target: the fuzz build is broken, not the input.
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "exchange/age_keys.hpp"
#include "exchange/minisign.hpp"
#include "fuzz/fuzz_support.hpp"

namespace mk::fuzz {

// shop-sleutel.txt: the partner's X25519 secret 60..7f.
inline constexpr std::string_view kPackageIdentity =
    "AGE-SECRET-KEY-1VPSKYCMYV4NXW6RFDF4KCMTWDAC8ZUNNW36HVAMC09A8KLRA0ELS5V382A";
// gemeente-rijswijk.pub: the municipality's minisign key, key id 1A2B3C4D5E6F7081.
inline constexpr std::string_view kPackageSigner =
    "untrusted comment: minisign public key 1A2B3C4D5E6F7081\n"
    "RWSBcG9eTTwrGiVDuS/xCVURR2rcg2nbbdyTNmWhGXjdoUBO4QZsqVWd\n";
// The C2SP age test kit's X25519 identity (tests/data/exchange/cctv/x25519).
inline constexpr std::string_view kTestKitIdentity =
    "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

inline exchange::AgeIdentity identity_fixture(std::string_view text) {
  auto identity = exchange::parse_age_identity(text);
  require(identity.is_ok(), "fixture: the test identity does not parse");
  return std::move(identity).value();
}

inline const exchange::MinisignPublicKey& package_signer() {
  static const exchange::MinisignPublicKey key = [] {
    auto parsed = exchange::parse_minisign_public_key(kPackageSigner);
    require(parsed.is_ok(), "fixture: the test signing key does not parse");
    return *parsed;
  }();
  return key;
}

// A file of tests/data (MK_FUZZ_DATA_DIR), whole.
inline std::string test_data_file(const std::string& relative) {
  std::ifstream in(std::string(MK_FUZZ_DATA_DIR) + "/" + relative, std::ios::binary);
  require(in.good(), "fixture: a tests/data file is missing");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline constexpr const char* kPackageFile = "exchange/package/pakket-shop-2026-11-29.age";

}  // namespace mk::fuzz

// A package: what a partner receives (docs/formats/package.md). Bytes in, bytes out; the vault and
// the policies decide what goes in.
//
//   FILE          age v1 (age.hpp), binary, to the partner's X25519 recipient, whose plaintext is
//                 a POSIX ustar archive (tar_archive.hpp) holding, in this order:
//                   LEESMIJ.txt     a short human-readable summary (Dutch, then English), UTF-8
//                   manifest.json   format version, sender, recipient, purpose, legal basis,
//                                   policy hash, created, record count, what was withheld and why
//                   records.json    the minimised records
//   FILE.minisig  a minisign signature (prehashed, "ED") of FILE's bytes by the municipality's key
//
// A partner opens it with standard tools:
//   minisign -Vm FILE -p gemeente.pub && age -d -i partner-key.txt FILE | tar -x
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "exchange/age_keys.hpp"
#include "exchange/minisign.hpp"

namespace mk::exchange {

inline constexpr std::string_view kPackageSummaryName = "LEESMIJ.txt";
inline constexpr std::string_view kPackageManifestName = "manifest.json";
inline constexpr std::string_view kPackageRecordsName = "records.json";

// The three members' contents. In secure memory: records hold personal data.
struct PackageContents {
  crypto::SecretBuffer summary;
  crypto::SecretBuffer manifest;
  crypto::SecretBuffer records;
};

struct SealedPackage {
  Bytes file;              // the age file
  std::string signature;   // the FILE.minisig text
  std::string sha256_hex;  // SHA-256 of `file`, lowercase hex: what the disclosure register keeps
};

// Archives, encrypts to `recipient` and signs (trusted comment as MinisignSigningKey::sign with
// `file_name`, the name the package file will have, and `unix_time`). The archive's member times
// are `unix_time` too, owner "meldkluis", mode 0600. kInvalidInput when a member is not valid UTF-8
// or the whole exceeds kAgeMaxPlaintextSize, or for a bad file_name.
Result<SealedPackage> seal_package(const PackageContents& contents, const AgeRecipient& recipient,
                                   const MinisignSigningKey& signer, std::string_view file_name,
                                   std::int64_t unix_time);

// Decrypts with `identity` and unpacks: exactly the three members, in order, regular files, no
// others (kInvalidInput otherwise); kWrongPassphrase when the identity does not open it.
Result<PackageContents> open_package(ByteView file, const AgeIdentity& identity);

// Checks FILE.minisig against the municipality's public key (minisign_verify). Returns the trusted
// comment.
Result<MinisignVerified> verify_package(ByteView file, std::string_view signature,
                                        const MinisignPublicKey& signer);

}  // namespace mk::exchange

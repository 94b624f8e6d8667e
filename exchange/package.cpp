#include "exchange/package.hpp"

#include <array>
#include <string>

#include "base/utf8.hpp"
#include "crypto/hash.hpp"
#include "exchange/age.hpp"
#include "exchange/tar_archive.hpp"

namespace mk::exchange {
namespace {

constexpr std::uint32_t kMemberMode = 0600;
constexpr std::string_view kMemberOwner = "meldkluis";
constexpr std::array<std::string_view, 3> kMemberNames = {kPackageSummaryName, kPackageManifestName,
                                                          kPackageRecordsName};

}  // namespace

Result<SealedPackage> seal_package(const PackageContents& contents, const AgeRecipient& recipient,
                                   const MinisignSigningKey& signer, std::string_view file_name,
                                   std::int64_t unix_time) {
  const std::array<const crypto::SecretBuffer*, 3> parts = {&contents.summary, &contents.manifest,
                                                            &contents.records};
  std::array<TarMember, 3> members;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!is_valid_utf8(parts[i]->as_text())) {
      return invalid_input("package: " + std::string(kMemberNames[i]) + " is not valid UTF-8");
    }
    members[i] = {kMemberNames[i], parts[i]->view(), kMemberMode, unix_time, kMemberOwner};
  }
  if (unix_time < 0 || unix_time > kTarMaxTime) {
    return invalid_input("package: time out of range (1970 to 2242)");
  }
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer archive, write_tar(members, kAgeMaxPlaintextSize));
  MK_ASSIGN_OR_RETURN(Bytes file, age_encrypt(archive.view(), std::span(&recipient, 1)));
  MK_ASSIGN_OR_RETURN(std::string signature, signer.sign(file, unix_time, file_name));
  std::string sha256_hex = to_hex(crypto::sha256(file));
  return SealedPackage{std::move(file), std::move(signature), std::move(sha256_hex)};
}

Result<PackageContents> open_package(ByteView file, const AgeIdentity& identity) {
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer archive, age_decrypt(file, identity));
  TarLimits limits;
  limits.max_members = kMemberNames.size();
  limits.max_member_size = kAgeMaxPlaintextSize;
  auto members = read_tar(archive.view(), limits);
  if (!members) return members.status().with_context("package");
  if (members->size() != kMemberNames.size()) {
    return invalid_input("package: expected 3 members (LEESMIJ.txt, manifest.json, records.json)");
  }
  std::array<crypto::SecretBuffer, 3> parts;
  for (std::size_t i = 0; i < kMemberNames.size(); ++i) {
    const TarMember& m = (*members)[i];
    if (m.name != kMemberNames[i]) {
      return invalid_input("package: member " + std::to_string(i + 1) + " is not " +
                           std::string(kMemberNames[i]));
    }
    if (!is_valid_utf8(as_chars(m.content))) {
      return invalid_input("package: " + std::string(kMemberNames[i]) + " is not valid UTF-8");
    }
    parts[i] = crypto::SecretBuffer::copy_of(m.content);
  }
  return PackageContents{std::move(parts[0]), std::move(parts[1]), std::move(parts[2])};
}

Result<MinisignVerified> verify_package(ByteView file, std::string_view signature,
                                        const MinisignPublicKey& signer) {
  return minisign_verify(file, signature, signer);
}

}  // namespace mk::exchange

// A partner's side of a package, for partners who prefer our tool to the standard ones
// (`meldkluis package open|verify`; docs/formats/package.md). No vault and no policy: a package
// file, the partner's age identity file and the municipality's minisign public key are all it
// needs. What these do, `age -d -i KEY FILE | tar -x` and `minisign -Vm FILE -p PUB` do as well.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace mk::service {

// Package files above this size are refused before reading (the age payload limit plus room).
inline constexpr std::uintmax_t kMaxPackageFileBytes = (std::uintmax_t{64} << 20) + (1 << 20);

struct OpenedPackage {
  std::filesystem::path dir;         // the folder the members were written to
  std::vector<std::string> members;  // LEESMIJ.txt, manifest.json, records.json
  // From manifest.json, as far as it reads (empty or 0 otherwise): the reader's own checks.
  std::string format;
  std::string partner;
  std::string purpose;
  std::string created;
  std::int64_t record_count = -1;
};

// Decrypts `package` with the identities of `identity_file` (an age-keygen file; any identity in
// it may open the package) and writes its three members into the new folder `out_dir` (mode
// 0700, members 0600). kConflict when `out_dir` exists, kNotFound when the package, the identity
// file or the parent of `out_dir` is missing, kWrongPassphrase when no identity opens the package,
// kInvalidInput for a malformed identity file or package (also a package whose archive is not
// exactly the three members). Writes nothing on any error.
Result<OpenedPackage> open_package_file(const std::filesystem::path& package,
                                        const std::filesystem::path& identity_file,
                                        const std::filesystem::path& out_dir);

struct VerifiedPackage {
  std::string key_id;           // the signer's minisign key id, as minisign shows it
  std::string trusted_comment;  // authenticated
  // From the trusted comment "timestamp:<unix>\tfile:<name>\thashed", when it has that form.
  std::optional<std::int64_t> timestamp;
  std::optional<std::string> signed_name;
  bool name_matches = false;  // signed_name is the package file's own name
};

// Checks `signature` (default: `package` + ".minisig") of `package` against the public key file
// `signer` (minisign's format). kInvalidInput when the signature does not verify (the file, the
// signature or its comment was altered, or another key signed it) or a file is malformed;
// kNotFound for a missing file.
Result<VerifiedPackage> verify_package_file(const std::filesystem::path& package,
                                            const std::filesystem::path& signer,
                                            const std::optional<std::filesystem::path>& signature);

}  // namespace mk::service

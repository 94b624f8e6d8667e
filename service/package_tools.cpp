#include "service/package_tools.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <fstream>
#include <iterator>
#include <system_error>

#include "base/json.hpp"
#include "crypto/secret_buffer.hpp"
#include "exchange/age_keys.hpp"
#include "exchange/package.hpp"
#include "service/new_file.hpp"

namespace mk::service {
namespace {

namespace fs = std::filesystem;

// A whole file of at most `limit` bytes. `what` names it in messages ("the package file").
Result<std::string> read_whole(const fs::path& path, std::uintmax_t limit,
                               const std::string& what) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) return not_found(what + " does not exist");
  if (ec || st.type() != fs::file_type::regular) return io_error(what + " is not a regular file");
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return io_error("cannot read " + what);
  if (size > limit) return invalid_input(what + " is too large");
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error("cannot open " + what);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return io_error("cannot read " + what);
  return bytes;
}

// The identities of an age identity file, the file's text wiped from plain memory.
Result<std::vector<exchange::AgeIdentity>> read_identities(const fs::path& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_whole(path, 1 << 20, "the identity file"));
  crypto::SecretBuffer secret = crypto::SecretBuffer::copy_of(text);
  crypto::wipe(text.data(), text.size());
  Result<std::vector<exchange::AgeIdentity>> ids =
      exchange::parse_age_identity_file(secret.as_text());
  if (!ids) return ids.status().with_context("the identity file");
  return ids;
}

Result<exchange::PackageContents> decrypt(ByteView file,
                                          const std::vector<exchange::AgeIdentity>& identities) {
  for (const exchange::AgeIdentity& identity : identities) {
    Result<exchange::PackageContents> opened = exchange::open_package(file, identity);
    if (opened || opened.status().code() != Code::kWrongPassphrase) return opened;
  }
  return Status(Code::kWrongPassphrase,
                "no identity in the identity file opens this package (is it addressed to you?)");
}

void read_manifest(const crypto::SecretBuffer& manifest, OpenedPackage& out) {
  Result<json::Value> doc = json::parse(manifest.as_text());
  if (!doc || !doc->is_object()) return;
  auto text = [&](const json::Value* v) {
    return v != nullptr && v->is_string() ? v->as_string() : std::string();
  };
  const json::Value* recipient = doc->find("recipient");
  const json::Value* purpose = doc->find("purpose");
  out.format = text(doc->find("format"));
  out.created = text(doc->find("created"));
  if (recipient != nullptr) out.partner = text(recipient->find("partner_id"));
  if (purpose != nullptr) out.purpose = text(purpose->find("id"));
  const json::Value* count = doc->find("record_count");
  if (count != nullptr && count->is_integer()) out.record_count = count->as_integer();
}

Status make_private_dir(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) == 0) return Status::ok();
  if (errno == EEXIST) return conflict("--out: the folder exists; choose a new one");
  if (errno == ENOENT) return not_found("--out: the folder it goes in does not exist");
  return io_error("--out: cannot create the folder");
}

Status write_members(const fs::path& dir, const exchange::PackageContents& contents) {
  MK_RETURN_IF_ERROR(
      write_new_file(dir / std::string(exchange::kPackageSummaryName), contents.summary.view()));
  MK_RETURN_IF_ERROR(
      write_new_file(dir / std::string(exchange::kPackageManifestName), contents.manifest.view()));
  return write_new_file(dir / std::string(exchange::kPackageRecordsName), contents.records.view());
}

// "timestamp:1795946400\tfile:pakket.age\thashed" -> its parts.
void parse_trusted_comment(const std::string& comment, VerifiedPackage& out) {
  constexpr std::string_view kTime = "timestamp:", kFile = "\tfile:", kEnd = "\thashed";
  std::string_view c = comment;
  if (!c.starts_with(kTime) || !c.ends_with(kEnd)) return;
  std::size_t file_at = c.find(kFile);
  if (file_at == std::string_view::npos) return;
  std::string_view digits = c.substr(kTime.size(), file_at - kTime.size());
  std::int64_t t = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), t);
  if (ec != std::errc() || end != digits.data() + digits.size()) return;
  std::size_t name_at = file_at + kFile.size();
  out.timestamp = t;
  out.signed_name = std::string(c.substr(name_at, c.size() - kEnd.size() - name_at));
}

}  // namespace

Result<OpenedPackage> open_package_file(const fs::path& package, const fs::path& identity_file,
                                        const fs::path& out_dir) {
  MK_ASSIGN_OR_RETURN(std::vector<exchange::AgeIdentity> identities,
                      read_identities(identity_file));
  MK_ASSIGN_OR_RETURN(std::string file,
                      read_whole(package, kMaxPackageFileBytes, "the package file"));
  MK_ASSIGN_OR_RETURN(exchange::PackageContents contents, decrypt(as_bytes(file), identities));
  MK_RETURN_IF_ERROR(make_private_dir(out_dir));
  if (Status s = write_members(out_dir, contents); !s.is_ok()) {
    std::error_code ec;
    fs::remove_all(out_dir, ec);
    return s;
  }
  OpenedPackage out;
  out.dir = out_dir;
  out.members = {std::string(exchange::kPackageSummaryName),
                 std::string(exchange::kPackageManifestName),
                 std::string(exchange::kPackageRecordsName)};
  read_manifest(contents.manifest, out);
  return out;
}

Result<VerifiedPackage> verify_package_file(const fs::path& package, const fs::path& signer,
                                            const std::optional<fs::path>& signature) {
  MK_ASSIGN_OR_RETURN(std::string key_text, read_whole(signer, 64 << 10, "the public key file"));
  Result<exchange::MinisignPublicKey> key = exchange::parse_minisign_public_key(key_text);
  if (!key) return key.status().with_context("the public key file");
  fs::path signature_path = signature.value_or(fs::path(package.string() + ".minisig"));
  MK_ASSIGN_OR_RETURN(std::string sig_text,
                      read_whole(signature_path, 64 << 10, "the signature file"));
  MK_ASSIGN_OR_RETURN(std::string file,
                      read_whole(package, kMaxPackageFileBytes, "the package file"));
  Result<exchange::MinisignVerified> verified =
      exchange::verify_package(as_bytes(file), sig_text, *key);
  if (!verified) {
    return invalid_input("the signature does not verify (" + verified.status().message() +
                         "): the package, its signature or its comment was altered, or another "
                         "key signed it");
  }
  VerifiedPackage out;
  out.key_id = exchange::minisign_key_id_hex(key->key_id);
  out.trusted_comment = verified->trusted_comment;
  parse_trusted_comment(out.trusted_comment, out);
  out.name_matches = out.signed_name && *out.signed_name == package.filename().string();
  return out;
}

}  // namespace mk::service

// Tampering with a real share package (a case exported to the police by export_share): every byte
// of the age file changed, every bit of every byte of its .minisig, every truncation of both. The
// partner's checks (exchange::verify_package and exchange::open_package, and the service's
// verify_package_file and open_package_file on files) must refuse each one with an error Status:
// never a crash, never contents. The one part that carries no meaning is minisign's untrusted
// comment (minisign does not sign it): a change there may verify, with exactly the original
// trusted comment.
#include <catch2/catch.hpp>
#include <string>

#include "exchange/package.hpp"
#include "service/package_tools.hpp"
#include "service/sharing_world.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

namespace {

struct RealPackage {
  std::string file;       // the age file's bytes
  std::string signature;  // the .minisig text
  exchange::MinisignPublicKey signer;
  std::vector<exchange::AgeIdentity> police;  // the partner's identity file: one identity
  fs::path package_path, public_key_path, identity_path;
};

RealPackage export_real_package(SharingWorld& w) {
  RealPackage p;
  p.package_path = w.path("pakket-politie-2026-11-29.age");
  MK_REQUIRE_OK(export_share(w.s(), "police", "report", case_target(w.case_id()), p.package_path));
  p.public_key_path = w.path("gemeente.pub");
  MK_REQUIRE_OK(export_signing_key(w.s(), p.public_key_path));
  p.identity_path = w.key_of("police");
  p.file = testing::read_file_bytes(p.package_path);
  p.signature = testing::read_file_bytes(p.package_path.string() + ".minisig");
  Result<exchange::MinisignPublicKey> key =
      exchange::parse_minisign_public_key(testing::read_file_bytes(p.public_key_path));
  MK_REQUIRE_OK(key);
  p.signer = *key;
  Result<std::vector<exchange::AgeIdentity>> ids =
      exchange::parse_age_identity_file(testing::read_file_bytes(p.identity_path));
  MK_REQUIRE_OK(ids);
  REQUIRE(ids->size() == 1);
  p.police = std::move(*ids);
  // Control: the untouched package verifies and opens.
  MK_REQUIRE_OK(exchange::verify_package(as_bytes(p.file), p.signature, p.signer));
  MK_REQUIRE_OK(exchange::open_package(as_bytes(p.file), p.police.front()));
  return p;
}

// Both checks refuse `file`: verify with kInvalidInput, open with kInvalidInput or
// kWrongPassphrase (a changed stanza leaves no stanza this identity opens). Never contents.
void require_refused(const RealPackage& p, const std::string& file) {
  Result<exchange::MinisignVerified> verified =
      exchange::verify_package(as_bytes(file), p.signature, p.signer);
  REQUIRE_FALSE(verified);
  REQUIRE(verified.status().code() == Code::kInvalidInput);
  Result<exchange::PackageContents> opened =
      exchange::open_package(as_bytes(file), p.police.front());
  REQUIRE_FALSE(opened);
  REQUIRE((opened.status().code() == Code::kInvalidInput ||
           opened.status().code() == Code::kWrongPassphrase));
}

}  // namespace

TEST_CASE(
    "every changed byte of a real package's header, every 3rd of its payload, and cuts are refused",
    "[sharing][package][tamper]") {
  SharingWorld w;
  const RealPackage p = export_real_package(w);
  const std::size_t n = p.file.size();
  // The age header and the payload's nonce, byte for byte; the payload's chunks every 3rd byte
  // (each 64 KiB chunk is one AEAD: a change anywhere in it meets the same check).
  const std::size_t header_end = p.file.find("\n---") + 4;
  REQUIRE(header_end > 4);
  const std::size_t payload_from = p.file.find('\n', header_end) + 1 + 16;
  auto step = [&](std::size_t at) { return at < payload_from ? 1 : 3; };

  std::size_t offsets = 0, tried = 0;
  for (std::size_t at = 0; at < n; at += step(at)) {
    ++offsets;
    // A different bit at each offset; at every 8th also all eight bits at once.
    std::vector<std::uint8_t> masks = {static_cast<std::uint8_t>(1u << (at % 8))};
    if (offsets % 8 == 0) masks.push_back(0xff);
    for (std::uint8_t mask : masks) {
      INFO("byte " << at << " of " << n << " changed with mask " << int{mask});
      std::string altered = p.file;
      altered[at] = static_cast<char>(static_cast<std::uint8_t>(altered[at]) ^ mask);
      require_refused(p, altered);
      ++tried;
    }
  }
  REQUIRE(offsets >= 2000);
  // Cuts: anywhere in the header, every 29th length of the payload, the last 32.
  std::size_t cuts = 0;
  for (std::size_t len = 0; len < n; len += len < payload_from || len + 32 >= n ? 1 : 29) {
    INFO("cut to " << len << " of " << n << " bytes");
    require_refused(p, p.file.substr(0, len));
    ++cuts;
  }
  for (std::string tail : {std::string(1, '\0'), std::string("\n"), p.file.substr(n - 16)}) {
    require_refused(p, p.file + tail);
    ++cuts;
  }
  WARN("package tamper: age file of " << n << " bytes (header " << payload_from << "): " << tried
                                      << " changes at " << offsets << " offsets and " << cuts
                                      << " cuts and tails, all refused by verify and open");
}

TEST_CASE(
    "every changed bit of a real package's .minisig is refused, but for its untrusted comment",
    "[sharing][package][tamper]") {
  SharingWorld w;
  const RealPackage p = export_real_package(w);
  Result<exchange::MinisignVerified> original =
      exchange::verify_package(as_bytes(p.file), p.signature, p.signer);
  MK_REQUIRE_OK(original);
  // minisign signs neither the words "untrusted comment: " nor what follows them; the prefix is
  // syntax (a change there is malformed), the text after it carries no meaning.
  const std::size_t comment_from = std::string_view("untrusted comment: ").size();
  const std::size_t comment_to = p.signature.find('\n');
  REQUIRE(p.signature.rfind("untrusted comment: ", 0) == 0);

  std::size_t tried = 0, refused = 0, harmless = 0;
  auto judge = [&](const std::string& sig, bool in_untrusted_comment) {
    ++tried;
    Result<exchange::MinisignVerified> v =
        exchange::verify_package(as_bytes(p.file), sig, p.signer);
    if (!v) {
      REQUIRE(v.status().code() == Code::kInvalidInput);
      ++refused;
      return;
    }
    REQUIRE(in_untrusted_comment);
    REQUIRE(v->trusted_comment == original->trusted_comment);
    REQUIRE(v->prehashed == original->prehashed);
    ++harmless;
  };
  for (std::size_t at = 0; at < p.signature.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      INFO("bit " << bit << " of byte " << at << " of the signature file");
      std::string altered = p.signature;
      altered[at] = static_cast<char>(altered[at] ^ (1 << bit));
      judge(altered, at >= comment_from && at < comment_to);
    }
  }
  for (std::size_t len = 0; len < p.signature.size(); ++len) {
    INFO("signature file cut to " << len << " bytes");
    // Only the final newline may go (minisign reads the last line without it).
    judge(p.signature.substr(0, len), len == p.signature.size() - 1);
  }
  WARN("package tamper: .minisig of " << p.signature.size() << " bytes: " << tried
                                      << " changed bits and cuts, " << refused << " refused, "
                                      << harmless
                                      << " verified with the original trusted comment (all in "
                                         "the unsigned untrusted comment or its final newline)");
  CHECK(refused + harmless == tried);
  // Everything outside the untrusted comment's text was refused.
  CHECK(refused >= 8 * (p.signature.size() - (comment_to - comment_from)));
}

TEST_CASE("the partner's package tools refuse changed files and write nothing",
          "[sharing][package][tamper]") {
  SharingWorld w;
  const RealPackage p = export_real_package(w);
  w.ts().close();  // the partner has no vault
  const fs::path signature = p.package_path.string() + ".minisig";
  const std::size_t n = p.file.size();
  std::size_t tried = 0;
  for (std::size_t at = 0; at < n; at += 7) {
    INFO("byte " << at << " of " << n << " changed");
    std::string altered = p.file;
    altered[at] = static_cast<char>(altered[at] ^ 0x10);
    fs::path bad = w.path("pakket-" + std::to_string(at) + ".age");
    testing::write_file_bytes(bad, altered);
    Result<VerifiedPackage> verified = verify_package_file(bad, p.public_key_path, signature);
    REQUIRE_FALSE(verified);
    REQUIRE(verified.status().code() == Code::kInvalidInput);
    fs::path out = w.path("uitgepakt-" + std::to_string(at));
    Result<OpenedPackage> opened = open_package_file(bad, p.identity_path, out);
    REQUIRE_FALSE(opened);
    REQUIRE((opened.status().code() == Code::kInvalidInput ||
             opened.status().code() == Code::kWrongPassphrase));
    REQUIRE_FALSE(fs::exists(out));  // writes nothing on any error
    fs::remove(bad);
    ++tried;
  }
  WARN("package tamper: package open|verify on " << tried
                                                 << " changed files (every 7th byte): all "
                                                    "refused, no folder written");
}

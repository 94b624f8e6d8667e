// What a partner does with a package, with the real tools only (Debian's minisign 0.11, age 1.1.1
// and GNU tar), as docs/formats/package.md tells them:
//   minisign -Vm FILE -p gemeente.pub && age -d -i partner-key.txt FILE | tar -x
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "exchange/package.hpp"
#include "package_fixture.hpp"

namespace mk::exchange {
namespace {

using test::require_tool;
using test::ScratchDir;

struct Partner {
  std::string key_file;
  AgeRecipient recipient;
  std::vector<AgeIdentity> identities;  // the key file as we read it
};

// A partner key made with the standard age-keygen, as a partner makes theirs.
Partner keygen_partner(const ScratchDir& dir) {
  std::string keygen = require_tool("age-keygen");
  Partner p;
  p.key_file = dir.file("shop-sleutel.txt");
  REQUIRE(testing::run_process({keygen, "-o", p.key_file}).exit_code == 0);
  auto y = testing::run_process({keygen, "-y", p.key_file});
  REQUIRE(y.exit_code == 0);
  auto recipient = parse_age_recipient(y.output.substr(0, y.output.size() - 1));
  REQUIRE(recipient);
  p.recipient = *recipient;
  auto identities = parse_age_identity_file(test::read_text(p.key_file));
  REQUIRE(identities);
  p.identities = std::move(identities).value();
  return p;
}

// `minisign -Vm FILE -p PUB` (FILE.minisig beside FILE).
testing::ProcessResult minisign_verify_tool(const std::string& file, const std::string& pub) {
  return testing::run_process({require_tool("minisign"), "-Vm", file, "-p", pub});
}

// `age -d -i KEY FILE | tar -x` in `out`, through a shell, as a partner types it.
testing::ProcessResult age_untar(const std::string& out, const std::string& key,
                                 const std::string& file) {
  require_tool("age");
  require_tool("tar");
  return testing::run_process({"bash", "-o", "pipefail", "-c",
                               "cd \"$1\" && age -d -i \"$2\" \"$3\" | tar -x", "bash", out, key,
                               file});
}

struct Written {
  std::string file, pub;
};

// Writes FILE, FILE.minisig and the municipality's public key file into `dir`.
Written write_package(const ScratchDir& dir, const SealedPackage& sealed) {
  Written w{dir.file(std::string(test::kPackageFileName)), dir.file("gemeente-rijswijk.pub")};
  test::write_file(w.file, sealed.file);
  test::write_file(w.file + ".minisig", sealed.signature);
  test::write_file(w.pub, format_minisign_public_key(test::municipality_key().public_key()));
  return w;
}

TEST_CASE("a sealed package: minisign -V accepts it, age -d | tar -x yields the three files",
          "[exchange][package][interop]") {
  ScratchDir dir;
  Partner partner = keygen_partner(dir);
  PackageContents contents = test::example_contents();
  auto sealed = seal_package(contents, partner.recipient, test::municipality_key(),
                             test::kPackageFileName, test::kPackageTime);
  REQUIRE(sealed);
  Written w = write_package(dir, *sealed);

  auto v = minisign_verify_tool(w.file, w.pub);
  INFO(v.output);
  REQUIRE(v.exit_code == 0);
  CHECK(v.output.find("Signature and comment signature verified") != std::string::npos);
  CHECK(v.output.find("Trusted comment: timestamp:1795946400\tfile:pakket-shop-2026-11-29.age"
                      "\thashed") != std::string::npos);

  std::filesystem::create_directory(dir.file("uit"));
  auto x = age_untar(dir.file("uit"), partner.key_file, w.file);
  INFO(x.output);
  REQUIRE(x.exit_code == 0);
  CHECK(test::read_text(dir.file("uit/LEESMIJ.txt")) == contents.summary.as_text());
  CHECK(test::read_text(dir.file("uit/manifest.json")) == contents.manifest.as_text());
  CHECK(test::read_text(dir.file("uit/records.json")) == contents.records.as_text());
  CHECK(std::distance(std::filesystem::directory_iterator(dir.file("uit")),
                      std::filesystem::directory_iterator()) == 3);
}

TEST_CASE("one changed byte of a package fails both minisign -V and age -d",
          "[exchange][package][interop][tamper]") {
  ScratchDir dir;
  Partner partner = keygen_partner(dir);
  auto sealed = seal_package(test::example_contents(), partner.recipient, test::municipality_key(),
                             test::kPackageFileName, test::kPackageTime);
  REQUIRE(sealed);
  Written w = write_package(dir, *sealed);
  std::string age = require_tool("age");
  // Control: unaltered, both tools accept it.
  REQUIRE(minisign_verify_tool(w.file, w.pub).exit_code == 0);
  REQUIRE(
      testing::run_process({age, "-d", "-i", partner.key_file, "-o", dir.file("control"), w.file})
          .exit_code == 0);

  const Bytes& file = sealed->file;
  std::size_t header_end = std::string_view(as_chars(file)).find("\n---") + 4;
  // The version line, the stanza, the header MAC, the payload nonce, a payload byte, the last tag.
  for (std::size_t at : {std::size_t{5}, std::size_t{40}, header_end + 10, header_end + 50,
                         file.size() / 2, file.size() - 1}) {
    INFO("byte " << at << " of " << file.size() << " changed");
    Bytes altered = file;
    altered[at] ^= 0x20;
    test::write_file(w.file, altered);
    auto v = minisign_verify_tool(w.file, w.pub);
    INFO(v.output);
    CHECK(v.exit_code != 0);
    std::string out = dir.file("out-" + std::to_string(at));
    auto d = testing::run_process({age, "-d", "-i", partner.key_file, "-o", out, w.file});
    INFO(d.output);
    CHECK(d.exit_code != 0);
    CHECK_FALSE(open_package(altered, partner.identities.front()));
  }
}

}  // namespace
}  // namespace mk::exchange

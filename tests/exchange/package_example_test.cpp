// The committed example package of docs/formats/package.md ("Test vectors"), in
// tests/data/exchange/package/: it verifies and opens, with our code and with the real tools; its
// archive is the documented bytes; its manifest and records follow the documented schema.
//
// Regenerate it (only when the format changes; the age file is randomised, so its hash changes):
//   build/tests/test_exchange "[.generate-package-example]"
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "base/clock.hpp"
#include "base/json.hpp"
#include "crypto/hash.hpp"
#include "exchange/age.hpp"
#include "exchange/package.hpp"
#include "package_fixture.hpp"

namespace mk::exchange {
namespace {

using test::package_data_file;
using test::require_tool;
using test::ScratchDir;

// The documented SHA-256 of the ustar archive of the three example members (10240 bytes).
constexpr std::string_view kArchiveSha256 =
    "361646d1837be01a4f0ffbc18ecc128698380f31bc44a13f403c446952523c0c";
// The documented SHA-256 of the committed age file (what the disclosure register would keep).
constexpr std::string_view kFileSha256 =
    "8808fc378b7e5a770707a4d8981d2ff7799655afe7f22a4bae9420c758fcc115";

const std::string kAgeFile = package_data_file(test::kPackageFileName);
const std::string kSignatureFile = kAgeFile + ".minisig";
const std::string kPublicKeyFile = package_data_file("gemeente-rijswijk.pub");
const std::string kIdentityFile = package_data_file("shop-sleutel.txt");

TEST_CASE("the example package's archive is the documented bytes", "[exchange][package][vector]") {
  PackageContents contents = test::example_contents();
  auto archive = write_tar(test::example_members(contents));
  REQUIRE(archive);
  CHECK(archive->size() == 10240);
  CHECK(to_hex(crypto::sha256(archive->view())) == kArchiveSha256);
  // The committed age file holds exactly these bytes.
  auto plaintext = age_decrypt(test::read_file(kAgeFile), test::partner_identity());
  REQUIRE(plaintext);
  CHECK(plaintext->equals(*archive));
}

TEST_CASE("the committed example package verifies and opens", "[exchange][package][vector]") {
  Bytes file = test::read_file(kAgeFile);
  CHECK(to_hex(crypto::sha256(file)) == kFileSha256);

  // The committed keys are the fixed ones of the fixture.
  std::string pub_text = test::read_text(kPublicKeyFile);
  auto pub = parse_minisign_public_key(pub_text);
  REQUIRE(pub);
  CHECK(*pub == test::municipality_key().public_key());
  CHECK(pub_text == format_minisign_public_key(*pub));
  CHECK(pub_text.rfind("untrusted comment: minisign public key 1A2B3C4D5E6F7081\n", 0) == 0);
  auto identities = parse_age_identity_file(test::read_text(kIdentityFile));
  REQUIRE(identities);
  REQUIRE(identities->size() == 1);
  CHECK(format_age_recipient(identities->front().recipient()) == test::kPartnerRecipient);
  CHECK(identities->front().secret().equals(test::partner_identity().secret()));

  auto verified = verify_package(file, test::read_text(kSignatureFile), *pub);
  REQUIRE(verified);
  CHECK(verified->trusted_comment ==
        "timestamp:1795946400\tfile:pakket-shop-2026-11-29.age\thashed");

  auto opened = open_package(file, identities->front());
  REQUIRE(opened);
  PackageContents expected = test::example_contents();
  CHECK(opened->summary.as_text() == expected.summary.as_text());
  CHECK(opened->manifest.as_text() == expected.manifest.as_text());
  CHECK(opened->records.as_text() == expected.records.as_text());

  auto stranger = open_package(file, AgeIdentity::generate());
  REQUIRE_FALSE(stranger);
  CHECK(stranger.status().code() == Code::kWrongPassphrase);
}

TEST_CASE("the committed example package with minisign -V, age -d and tar -x",
          "[exchange][package][vector][interop]") {
  std::string minisign = require_tool("minisign");
  require_tool("age");
  require_tool("tar");
  auto v = testing::run_process({minisign, "-Vm", kAgeFile, "-p", kPublicKeyFile});
  INFO(v.output);
  CHECK(v.exit_code == 0);
  ScratchDir dir;
  auto x = testing::run_process({"bash", "-o", "pipefail", "-c",
                                 "cd \"$1\" && age -d -i \"$2\" \"$3\" | tar -x", "bash",
                                 dir.file(""), kIdentityFile, kAgeFile});
  INFO(x.output);
  REQUIRE(x.exit_code == 0);
  for (std::string_view name : {kPackageSummaryName, kPackageManifestName, kPackageRecordsName}) {
    INFO(name);
    CHECK(test::read_file(dir.file(std::string(name))) ==
          test::read_file(package_data_file("members/" + std::string(name))));
  }
}

// --- The schema of docs/formats/package.md, checked on the example ----------------------------

const json::Value& member(const json::Value& object, std::string_view key, json::Value::Type type) {
  INFO("key \"" << key << "\"");
  const json::Value* v = object.find(key);
  REQUIRE(v != nullptr);
  REQUIRE(v->type() == type);
  return *v;
}

void check_keys(const json::Value& object, std::set<std::string> keys) {
  std::set<std::string> present;
  for (const auto& [k, v] : object.as_object())
    present.insert(k);
  CHECK(present == keys);
}

bool is_lower_hex(const std::string& s, std::size_t size) {
  return s.size() == size && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST_CASE("the example manifest and records follow the documented schema",
          "[exchange][package][vector]") {
  using T = json::Value::Type;
  PackageContents c = test::example_contents();
  auto manifest = json::parse(c.manifest.as_text());
  REQUIRE(manifest);
  auto records = json::parse(c.records.as_text());
  REQUIRE(records);
  // Both are what our serializer writes (two-space indent, final newline).
  CHECK(json::serialize(*manifest, true) == c.manifest.as_text());
  CHECK(json::serialize(*records, true) == c.records.as_text());

  const json::Value& m = *manifest;
  check_keys(m, {"format", "sender", "recipient", "purpose", "legal_basis", "policy", "created",
                 "record_count", "withheld", "pseudonymised", "generalised"});
  CHECK(member(m, "format", T::kString).as_string() == "meldkluis-package/1");
  const json::Value& sender = member(m, "sender", T::kObject);
  check_keys(sender, {"municipality", "signing_key_id"});
  CHECK(member(sender, "signing_key_id", T::kString).as_string() == test::kSignerKeyIdHex);
  const json::Value& recipient = member(m, "recipient", T::kObject);
  check_keys(recipient, {"partner_id", "name", "kind", "age_recipient"});
  CHECK(member(recipient, "age_recipient", T::kString).as_string() == test::kPartnerRecipient);
  check_keys(member(m, "purpose", T::kObject), {"id", "label"});
  check_keys(member(m, "legal_basis", T::kObject), {"text", "reference"});
  const json::Value& policy = member(m, "policy", T::kObject);
  check_keys(policy, {"file", "sha256"});
  CHECK(is_lower_hex(member(policy, "sha256", T::kString).as_string(), 64));
  Instant created;
  REQUIRE(parse_instant(member(m, "created", T::kString).as_string(), created));
  CHECK(created.time_since_epoch().count() == test::kPackageTime);
  for (const json::Value& w : member(m, "withheld", T::kArray).as_array()) {
    check_keys(w, {"field", "role", "reason"});
    member(w, "field", T::kString);
    member(w, "reason", T::kString);
    CHECK((w.find("role")->is_string() || w.find("role")->is_null()));
  }
  for (const char* list : {"pseudonymised", "generalised"}) {
    for (const json::Value& f : member(m, list, T::kArray).as_array())
      CHECK(f.is_string());
  }

  REQUIRE(records->is_array());
  CHECK(member(m, "record_count", T::kNumber).as_integer() ==
        static_cast<std::int64_t>(records->as_array().size()));
  std::set<std::string> pseudonyms, refs;
  for (const json::Value& r : records->as_array()) {
    std::string kind = member(r, "record", T::kString).as_string();
    if (kind == "person") {
      pseudonyms.insert(member(r, "pseudonym", T::kString).as_string());
      member(r, "role", T::kString);
      CHECK(r.find("name") == nullptr);  // the example pseudonymises names
    } else {
      CHECK((kind == "case" || kind == "signal"));
      refs.insert(member(r, "ref", T::kString).as_string());
    }
  }
  // Every reference between records resolves inside the package.
  for (const json::Value& r : records->as_array()) {
    if (const json::Value* persons = r.find("persons")) {
      for (const json::Value& p : persons->as_array())
        CHECK(pseudonyms.count(p.as_string()) == 1);
    }
    if (const json::Value* signals = r.find("signals")) {
      for (const json::Value& s : signals->as_array())
        CHECK(refs.count(s.as_string()) == 1);
    }
  }
}

// Writes the example's age file, signature, public key and identity file from the fixed keys and
// members. Hidden: run by hand only.
TEST_CASE("regenerate the example package", "[.generate-package-example]") {
  PackageContents contents = test::example_contents();
  AgeIdentity partner = test::partner_identity();
  auto sealed = seal_package(contents, partner.recipient(), test::municipality_key(),
                             test::kPackageFileName, test::kPackageTime);
  REQUIRE(sealed);
  test::write_file(kAgeFile, sealed->file);
  test::write_file(kSignatureFile, sealed->signature);
  test::write_file(kPublicKeyFile,
                   format_minisign_public_key(test::municipality_key().public_key()));
  Instant created{std::chrono::seconds(test::kPackageTime - 2 * 3600)};
  test::write_file(kIdentityFile, format_age_identity_file(partner, created).as_text());
  auto archive = write_tar(test::example_members(contents));
  REQUIRE(archive);
  WARN("archive sha256 " << to_hex(crypto::sha256(archive->view())) << ", file sha256 "
                         << sealed->sha256_hex);
}

}  // namespace
}  // namespace mk::exchange

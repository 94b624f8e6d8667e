// Packages through our own API: sealed, a package opens with the partner's identity only and
// verifies with the municipality's key only; altered, it does neither; the archive inside is the
// three members in order, and nothing else opens.
#include "exchange/package.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "crypto/hash.hpp"
#include "exchange/age.hpp"
#include "package_fixture.hpp"

namespace mk::exchange {
namespace {

SealedPackage seal_example(const PackageContents& contents, const AgeRecipient& recipient) {
  auto sealed = seal_package(contents, recipient, test::municipality_key(), test::kPackageFileName,
                             test::kPackageTime);
  REQUIRE(sealed);
  return std::move(sealed).value();
}

TEST_CASE("package: sealed, it opens with the partner's identity and verifies with our key",
          "[exchange][package]") {
  PackageContents contents = test::example_contents();
  AgeIdentity partner = test::partner_identity();
  SealedPackage sealed = seal_example(contents, partner.recipient());

  CHECK(sealed.sha256_hex == to_hex(crypto::sha256(sealed.file)));
  CHECK(sealed.sha256_hex.size() == 64);
  CHECK(as_chars(ByteView(sealed.file).first(22)) == "age-encryption.org/v1\n");

  auto verified =
      verify_package(sealed.file, sealed.signature, test::municipality_key().public_key());
  REQUIRE(verified);
  CHECK(verified->trusted_comment ==
        "timestamp:1795946400\tfile:pakket-shop-2026-11-29.age\thashed");
  CHECK(verified->prehashed);

  auto opened = open_package(sealed.file, partner);
  REQUIRE(opened);
  CHECK(opened->summary.as_text() == contents.summary.as_text());
  CHECK(opened->manifest.as_text() == contents.manifest.as_text());
  CHECK(opened->records.as_text() == contents.records.as_text());

  // age is randomised: the same contents seal to another file, which opens the same.
  SealedPackage again = seal_example(contents, partner.recipient());
  CHECK(again.file != sealed.file);
  CHECK(again.sha256_hex != sealed.sha256_hex);
  auto reopened = open_package(again.file, partner);
  REQUIRE(reopened);
  CHECK(reopened->records.as_text() == contents.records.as_text());
}

TEST_CASE("package: the plaintext is the ustar archive of the three members, in order",
          "[exchange][package]") {
  PackageContents contents = test::example_contents();
  AgeIdentity partner = test::partner_identity();
  SealedPackage sealed = seal_example(contents, partner.recipient());
  auto plaintext = age_decrypt(sealed.file, partner);
  REQUIRE(plaintext);
  auto expected = write_tar(test::example_members(contents));
  REQUIRE(expected);
  CHECK(plaintext->equals(*expected));
  auto members = read_tar(plaintext->view());
  REQUIRE(members);
  REQUIRE(members->size() == 3);
  CHECK((*members)[0].name == "LEESMIJ.txt");
  CHECK((*members)[1].name == "manifest.json");
  CHECK((*members)[2].name == "records.json");
  for (const TarMember& m : *members) {
    CHECK(m.mode == 0600);
    CHECK(m.mtime == test::kPackageTime);
    CHECK(m.owner == "meldkluis");
  }
}

TEST_CASE("package: another identity cannot open it: kWrongPassphrase, no contents",
          "[exchange][package]") {
  PackageContents contents = test::example_contents();
  SealedPackage sealed = seal_example(contents, test::partner_identity().recipient());
  auto other = open_package(sealed.file, AgeIdentity::generate());
  REQUIRE_FALSE(other);
  CHECK(other.status().code() == Code::kWrongPassphrase);
  // Sealed to another partner, the example partner cannot open it either.
  SealedPackage for_police = seal_example(contents, AgeIdentity::generate().recipient());
  auto r = open_package(for_police.file, test::partner_identity());
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kWrongPassphrase);
}

TEST_CASE("package: an altered file neither verifies nor opens", "[exchange][package][tamper]") {
  PackageContents contents = test::example_contents();
  AgeIdentity partner = test::partner_identity();
  SealedPackage sealed = seal_example(contents, partner.recipient());
  MinisignPublicKey key = test::municipality_key().public_key();
  const std::size_t n = sealed.file.size();
  // Header version line, stanza, MAC line, payload nonce, a middle chunk byte, the last tag byte.
  std::size_t header_end = std::string_view(as_chars(sealed.file)).find("\n---") + 4;
  for (std::size_t at :
       {std::size_t{3}, std::size_t{40}, header_end + 10, header_end + 60, n / 2 + 100, n - 1}) {
    INFO("byte " << at << " of " << n << " changed");
    Bytes altered = sealed.file;
    altered[at] ^= 0x01;
    CHECK_FALSE(verify_package(altered, sealed.signature, key));
    auto opened = open_package(altered, partner);
    REQUIRE_FALSE(opened);
    // A changed stanza leaves no stanza that opens (kWrongPassphrase); anything else is
    // kInvalidInput. Never contents.
    CHECK((opened.status().code() == Code::kInvalidInput ||
           opened.status().code() == Code::kWrongPassphrase));
  }
  // A changed payload byte is corruption, not a wrong key.
  Bytes payload_changed = sealed.file;
  payload_changed[n / 2 + 100] ^= 0x80;
  CHECK(open_package(payload_changed, partner).status().code() == Code::kInvalidInput);
  Bytes truncated(sealed.file.begin(), sealed.file.end() - 1);
  CHECK_FALSE(verify_package(truncated, sealed.signature, key));
  CHECK(open_package(truncated, partner).status().code() == Code::kInvalidInput);

  // The signature of another key, or a changed trusted comment, does not verify.
  MinisignSigningKey impostor(crypto::SecretBuffer::random(32),
                              {0x81, 0x70, 0x6f, 0x5e, 0x4d, 0x3c, 0x2b, 0x1a});
  auto forged = impostor.sign(sealed.file, test::kPackageTime, test::kPackageFileName);
  REQUIRE(forged);
  CHECK_FALSE(verify_package(sealed.file, *forged, key));
  std::string comment_changed = sealed.signature;
  comment_changed.replace(comment_changed.find("pakket-shop"), 11, "pakket-riec");
  CHECK_FALSE(verify_package(sealed.file, comment_changed, key));
  // Control: unaltered, both succeed.
  CHECK(verify_package(sealed.file, sealed.signature, key));
  CHECK(open_package(sealed.file, partner));
}

TEST_CASE("package: bad arguments to seal are refused", "[exchange][package]") {
  AgeRecipient recipient = test::partner_identity().recipient();
  MinisignSigningKey key = test::municipality_key();
  {
    PackageContents c = test::example_contents();
    c.records = crypto::SecretBuffer::copy_of(std::string_view("[{\"naam\": \"\xc3\x28\"}]"));
    auto r = seal_package(c, recipient, key, test::kPackageFileName, test::kPackageTime);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
    CHECK(r.status().message().find("records.json") != std::string::npos);
  }
  for (std::string_view name : {"", "pakketten/pakket.age", "pakket\n.age", "pakket\t.age"}) {
    INFO("file name \"" << name << "\"");
    auto r = seal_package(test::example_contents(), recipient, key, name, test::kPackageTime);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
  }
  for (std::int64_t t : {std::int64_t{-1}, kTarMaxTime + 1}) {
    auto r = seal_package(test::example_contents(), recipient, key, test::kPackageFileName, t);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
  }
  // Empty members are allowed (a package with no records is still a package).
  PackageContents empty;
  CHECK(seal_package(empty, recipient, key, test::kPackageFileName, test::kPackageTime));
}

// An age file to the example partner holding `archive`.
Bytes age_file_of(ByteView plaintext) {
  AgeRecipient recipient = test::partner_identity().recipient();
  auto file = age_encrypt(plaintext, std::span(&recipient, 1));
  REQUIRE(file);
  return std::move(file).value();
}

Bytes age_file_of_members(std::span<const TarMember> members) {
  auto archive = write_tar(members);
  REQUIRE(archive);
  return age_file_of(archive->view());
}

TEST_CASE("package: open refuses anything but the three members in order",
          "[exchange][package][tamper]") {
  PackageContents c = test::example_contents();
  auto m = test::example_members(c);
  AgeIdentity partner = test::partner_identity();
  auto refused = [&](const Bytes& file, std::string_view why) {
    INFO(why);
    auto r = open_package(file, partner);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
    CHECK(r.status().message().rfind("package: ", 0) == 0);
  };
  // Control: the three members in order open.
  CHECK(open_package(age_file_of_members(m), partner));

  refused(age_file_of_members(std::span(m).first(2)), "records.json missing");
  std::vector<TarMember> swapped = {m[1], m[0], m[2]};
  refused(age_file_of_members(swapped), "manifest first");
  std::string extra = "#!/bin/sh\n";
  std::vector<TarMember> four = {
      m[0], m[1], m[2], {"installeer.sh", as_bytes(extra), 0700, 0, "meldkluis"}};
  refused(age_file_of_members(four), "a fourth member");
  std::vector<TarMember> renamed = {m[0], m[1], m[2]};
  renamed[2].name = "gegevens.json";
  refused(age_file_of_members(renamed), "records under another name");
  std::string latin1 = "[{\"plaats\": \"Rijswijk \xe9\"}]";
  std::vector<TarMember> not_utf8 = {m[0], m[1], m[2]};
  not_utf8[2].content = as_bytes(latin1);
  refused(age_file_of_members(not_utf8), "records not UTF-8");
  refused(age_file_of(as_bytes(std::string_view("Dit is geen tar-archief.\n"))), "not a tar");
  refused(age_file_of({}), "empty plaintext");
  auto not_age = open_package(as_bytes(std::string_view("niet age\n")), partner);
  REQUIRE_FALSE(not_age);
  CHECK(not_age.status().code() == Code::kInvalidInput);
}

}  // namespace
}  // namespace mk::exchange

// Interoperability with the standard `age` tool (Debian's age 1.1.1), in both directions: what we
// write, a partner opens with `age -d`; what a partner writes with `age`, we open.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "crypto/random.hpp"
#include "exchange/age.hpp"
#include "exchange_test_util.hpp"

namespace mk::exchange {
namespace {

using test::require_tool;
using test::ScratchDir;

// Sizes around the 64 KiB chunk boundary, and empty.
const std::size_t kSizes[] = {0, 1, 300, kAgeChunkSize, kAgeChunkSize + 1, 3 * kAgeChunkSize + 7};

Bytes sample(std::size_t size) {
  // Readable text where small, random bytes past it (so chunk contents differ).
  std::string text =
      "Signaal M-2026-014, ontvangen 14-03-2026 van het Wijkteam Rijswijk-Zuid: vermoedelijke "
      "arbeidsuitbuiting in een nagelstudio aan de Herenstraat. Pseudoniem K7M-3QX.\n";
  Bytes out(text.begin(), text.end());
  if (size <= out.size())
    return Bytes(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(size));
  Bytes rest = crypto::random_bytes(size - out.size());
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

Bytes bytes_of(const crypto::SecretBuffer& b) {
  return Bytes(b.view().begin(), b.view().end());
}

TEST_CASE("age -d opens what we encrypt to an age-keygen key", "[exchange][age][interop]") {
  std::string age = require_tool("age");
  std::string keygen = require_tool("age-keygen");
  ScratchDir dir;
  REQUIRE(testing::run_process({keygen, "-o", dir.file("partner.txt")}).exit_code == 0);
  auto y = testing::run_process({keygen, "-y", dir.file("partner.txt")});
  REQUIRE(y.exit_code == 0);
  auto recipient = parse_age_recipient(y.output.substr(0, y.output.size() - 1));
  REQUIRE(recipient);

  for (std::size_t size : kSizes) {
    INFO("plaintext of " << size << " bytes");
    Bytes plaintext = sample(size);
    // The partner's key, plus a second recipient (ours) in front of it.
    AgeRecipient recipients[] = {AgeIdentity::generate().recipient(), *recipient};
    auto file = age_encrypt(plaintext, recipients);
    REQUIRE(file);
    test::write_file(dir.file("package.age"), *file);
    std::remove(dir.file("out").c_str());
    auto r = testing::run_process(
        {age, "-d", "-i", dir.file("partner.txt"), "-o", dir.file("out"), dir.file("package.age")});
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    // age creates its output file on the first byte written: none for an empty plaintext.
    Bytes out = size == 0 && !std::filesystem::exists(dir.file("out"))
                    ? Bytes()
                    : test::read_file(dir.file("out"));
    CHECK(out == plaintext);
  }
}

TEST_CASE("age -d refuses what we encrypted once it is altered", "[exchange][age][interop]") {
  std::string age = require_tool("age");
  std::string keygen = require_tool("age-keygen");
  ScratchDir dir;
  REQUIRE(testing::run_process({keygen, "-o", dir.file("partner.txt")}).exit_code == 0);
  auto y = testing::run_process({keygen, "-y", dir.file("partner.txt")});
  auto recipient = parse_age_recipient(y.output.substr(0, y.output.size() - 1));
  REQUIRE(recipient);
  AgeRecipient recipients[] = {*recipient};
  auto file = age_encrypt(sample(300), recipients);
  REQUIRE(file);
  // Control: unaltered, it opens.
  test::write_file(dir.file("ok.age"), *file);
  REQUIRE(testing::run_process(
              {age, "-d", "-i", dir.file("partner.txt"), "-o", dir.file("out"), dir.file("ok.age")})
              .exit_code == 0);
  for (std::size_t at : {std::size_t{30}, file->size() / 2, file->size() - 1}) {
    Bytes bad = *file;
    bad[at] ^= 0x04;
    test::write_file(dir.file("bad.age"), bad);
    auto r = testing::run_process(
        {age, "-d", "-i", dir.file("partner.txt"), "-o", dir.file("out"), dir.file("bad.age")});
    CHECK(r.exit_code != 0);
  }
}

TEST_CASE("we open what age -r encrypts to our key", "[exchange][age][interop]") {
  std::string age = require_tool("age");
  ScratchDir dir;
  AgeIdentity ours = AgeIdentity::generate();
  std::string recipient = format_age_recipient(ours.recipient());

  for (std::size_t size : kSizes) {
    INFO("plaintext of " << size << " bytes");
    Bytes plaintext = sample(size);
    test::write_file(dir.file("in"), plaintext);
    auto r =
        testing::run_process({age, "-r", recipient, "-o", dir.file("theirs.age"), dir.file("in")});
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    auto plain = age_decrypt(test::read_file(dir.file("theirs.age")), ours);
    REQUIRE(plain);
    CHECK(bytes_of(*plain) == plaintext);
  }
}

TEST_CASE("we open what age encrypts to an age-keygen identity file", "[exchange][age][interop]") {
  std::string age = require_tool("age");
  std::string keygen = require_tool("age-keygen");
  ScratchDir dir;
  REQUIRE(testing::run_process({keygen, "-o", dir.file("key.txt")}).exit_code == 0);
  Bytes plaintext = sample(kAgeChunkSize + 1);
  test::write_file(dir.file("in"), plaintext);
  // -R: the recipients file is the identity file's public key line, as age reads it.
  auto y = testing::run_process({keygen, "-y", "-o", dir.file("key.pub"), dir.file("key.txt")});
  REQUIRE(y.exit_code == 0);
  auto r = testing::run_process(
      {age, "-R", dir.file("key.pub"), "-o", dir.file("theirs.age"), dir.file("in")});
  REQUIRE(r.exit_code == 0);
  auto identities = parse_age_identity_file(test::read_text(dir.file("key.txt")));
  REQUIRE(identities);
  auto plain = age_decrypt(test::read_file(dir.file("theirs.age")), *identities);
  REQUIRE(plain);
  CHECK(bytes_of(*plain) == plaintext);
  // Another identity does not open it.
  auto refused = age_decrypt(test::read_file(dir.file("theirs.age")), AgeIdentity::generate());
  REQUIRE_FALSE(refused);
  CHECK(refused.status().code() == Code::kWrongPassphrase);
}

constexpr std::string_view kPassphrase = "Schuilnaam-Vredenburch-2026";

TEST_CASE("age -d opens what we encrypt to a passphrase (typed on a terminal)",
          "[exchange][age][scrypt][interop]") {
  std::string age = require_tool("age");
  ScratchDir dir;
  Bytes plaintext = sample(kAgeChunkSize + 1);
  auto file = age_encrypt_with_passphrase(
      plaintext, {crypto::SecretBuffer::copy_of(kPassphrase), /*work_factor=*/12});
  REQUIRE(file);
  test::write_file(dir.file("ours.age"), *file);
  auto r = test::run_on_tty({age, "-d", "-o", dir.file("out"), dir.file("ours.age")},
                            {{"passphrase", std::string(kPassphrase) + "\n"}});
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(test::read_file(dir.file("out")) == plaintext);
}

TEST_CASE("we open what age -p encrypts (passphrase typed on a terminal)",
          "[exchange][age][scrypt][interop]") {
  std::string age = require_tool("age");
  ScratchDir dir;
  Bytes plaintext = sample(300);
  test::write_file(dir.file("in"), plaintext);
  auto r = test::run_on_tty({age, "-p", "-o", dir.file("theirs.age"), dir.file("in")},
                            {{"passphrase", std::string(kPassphrase) + "\n"},
                             {"Confirm", std::string(kPassphrase) + "\n"}});
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  Bytes file = test::read_file(dir.file("theirs.age"));
  // age writes its default work factor, 18.
  CHECK(std::string(file.begin(), file.begin() + 60).find(" 18\n") != std::string::npos);
  auto plain = age_decrypt_with_passphrase(file, {crypto::SecretBuffer::copy_of(kPassphrase)});
  REQUIRE(plain);
  CHECK(bytes_of(*plain) == plaintext);
  auto wrong = age_decrypt_with_passphrase(file, {crypto::SecretBuffer::copy_of("Vredenburch")});
  REQUIRE_FALSE(wrong);
  CHECK(wrong.status().code() == Code::kWrongPassphrase);
}

TEST_CASE("we open the committed age -p fixture", "[exchange][age][scrypt][interop]") {
  // tests/data/exchange/real_age_passphrase.age: made by Debian's age 1.1.1 (`age -p`, the
  // passphrase typed on a pseudo-terminal), work factor 18. See tests/data/exchange/README.md.
  std::string dir = std::string(MELDKLUIS_TEST_DATA_DIR) + "/exchange/";
  Bytes file = test::read_file(dir + "real_age_passphrase.age");
  auto plain =
      age_decrypt_with_passphrase(file, {crypto::SecretBuffer::copy_of("Kwetsbaar-Rijswijk-2026")});
  REQUIRE(plain);
  CHECK(bytes_of(*plain) == test::read_file(dir + "real_age_passphrase.txt"));
}

}  // namespace
}  // namespace mk::exchange

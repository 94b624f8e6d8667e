#include "exchange/age_keys.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "exchange/bech32.hpp"
#include "exchange_test_util.hpp"

namespace mk::exchange {
namespace {

using namespace std::chrono_literals;

// The example key pair of the age specification (c2sp.org/age, "The X25519 recipient type").
constexpr std::string_view kSpecIdentity =
    "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
constexpr std::string_view kSpecRecipient =
    "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

TEST_CASE("the age spec's example identity gives its example recipient", "[exchange][age][keys]") {
  auto identity = parse_age_identity(kSpecIdentity);
  REQUIRE(identity);
  CHECK(identity->secret().as_text() == std::string(32, 'B'));
  CHECK(format_age_recipient(identity->recipient()) == kSpecRecipient);
  CHECK(format_age_identity(*identity).as_text() == kSpecIdentity);
  auto recipient = parse_age_recipient(kSpecRecipient);
  REQUIRE(recipient);
  CHECK(*recipient == identity->recipient());
}

TEST_CASE("age keys are refused in the wrong case, with another HRP or a bad checksum",
          "[exchange][age][keys]") {
  CHECK_FALSE(parse_age_identity(lower(kSpecIdentity)));
  CHECK_FALSE(parse_age_recipient(upper(kSpecRecipient)));
  // Each as the other.
  CHECK_FALSE(parse_age_identity(kSpecRecipient));
  CHECK_FALSE(parse_age_recipient(kSpecIdentity));
  // A changed character.
  std::string bad(kSpecRecipient);
  bad[10] = bad[10] == 'q' ? 'p' : 'q';
  CHECK_FALSE(parse_age_recipient(bad));
  // Surrounding white space.
  CHECK_FALSE(parse_age_recipient(std::string(kSpecRecipient) + " "));
  CHECK_FALSE(parse_age_identity(std::string(kSpecIdentity) + "\n"));
  // A 31-byte key under the right HRP.
  std::string short_key = bech32_encode("age", bech32_bytes_to_values(Bytes(31, 7)));
  auto r = parse_age_recipient(short_key);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kInvalidInput);
  // Messages never repeat a secret key.
  auto e = parse_age_identity(lower(kSpecIdentity));
  CHECK(e.status().message().find("gfpyy") == std::string::npos);
}

TEST_CASE("generated age identities are distinct and round-trip through text",
          "[exchange][age][keys]") {
  AgeIdentity a = AgeIdentity::generate();
  AgeIdentity b = AgeIdentity::generate();
  CHECK_FALSE(a.recipient() == b.recipient());
  auto again = parse_age_identity(format_age_identity(a).as_text());
  REQUIRE(again);
  CHECK(again->secret().equals(a.secret()));
  auto r = parse_age_recipient(format_age_recipient(a.recipient()));
  REQUIRE(r);
  CHECK(*r == a.recipient());
}

TEST_CASE("age identity files: ours as age-keygen writes them, comments and CRLF allowed",
          "[exchange][age][keys]") {
  auto identity = parse_age_identity(kSpecIdentity);
  REQUIRE(identity);
  crypto::SecretBuffer file =
      format_age_identity_file(*identity, Instant(std::chrono::sys_days(2026y / 11 / 29)) + 8h);
  CHECK(file.as_text() ==
        "# created: 2026-11-29T08:00:00Z\n# public key: " + std::string(kSpecRecipient) + "\n" +
            std::string(kSpecIdentity) + "\n");
  auto parsed = parse_age_identity_file(file.as_text());
  REQUIRE(parsed);
  REQUIRE(parsed->size() == 1);
  CHECK((*parsed)[0].secret().equals(identity->secret()));

  AgeIdentity other = AgeIdentity::generate();
  std::string two = "# two keys\r\n\r\n" + std::string(kSpecIdentity) + "\r\n" +
                    std::string(format_age_identity(other).as_text());
  auto both = parse_age_identity_file(two);
  REQUIRE(both);
  REQUIRE(both->size() == 2);
  CHECK((*both)[1].recipient() == other.recipient());

  auto bad = parse_age_identity_file("# key\n" + std::string(kSpecRecipient) + "\n");
  REQUIRE_FALSE(bad);
  CHECK(bad.status().code() == Code::kInvalidInput);
  CHECK(bad.status().message().find("line 2") != std::string::npos);
  CHECK_FALSE(parse_age_identity_file("# only comments\n\n"));
  CHECK_FALSE(parse_age_identity_file(" " + std::string(kSpecIdentity) + "\n"));
}

TEST_CASE("age-keygen's keys parse, and age-keygen reads ours", "[exchange][age][keys][interop]") {
  std::string keygen = test::require_tool("age-keygen");
  test::ScratchDir dir;

  // Theirs: the recipient we compute equals the one age-keygen printed and `age-keygen -y` gives.
  auto made = testing::run_process({keygen, "-o", dir.file("theirs.txt")});
  REQUIRE(made.exit_code == 0);
  std::string text = test::read_text(dir.file("theirs.txt"));
  auto identities = parse_age_identity_file(text);
  REQUIRE(identities);
  REQUIRE(identities->size() == 1);
  std::string ours = format_age_recipient((*identities)[0].recipient());
  CHECK(text.find("# public key: " + ours + "\n") != std::string::npos);
  auto y = testing::run_process({keygen, "-y", dir.file("theirs.txt")});
  REQUIRE(y.exit_code == 0);
  CHECK(y.output == ours + "\n");

  // Ours: age-keygen -y reads our identity file and derives our recipient.
  AgeIdentity mine = AgeIdentity::generate();
  test::write_file(
      dir.file("mine.txt"),
      format_age_identity_file(mine, Instant(std::chrono::sys_days(2026y / 1 / 5))).as_text());
  auto y2 = testing::run_process({keygen, "-y", dir.file("mine.txt")});
  INFO(y2.output);
  REQUIRE(y2.exit_code == 0);
  CHECK(y2.output == format_age_recipient(mine.recipient()) + "\n");
}

}  // namespace
}  // namespace mk::exchange

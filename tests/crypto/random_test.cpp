#include "crypto/random.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string_view>

namespace mk::crypto {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

TEST_CASE("random_bytes returns n fresh bytes", "[crypto][random]") {
  CHECK(random_bytes(0).empty());
  CHECK(random_bytes(1).size() == 1);
  Bytes a = random_bytes(32);
  Bytes b = random_bytes(32);
  CHECK(a.size() == 32);
  CHECK(a != b);
}

TEST_CASE("random_base32 uses Crockford's alphabet at the asked length", "[crypto][random]") {
  CHECK(random_base32(0).empty());
  CHECK(random_base32(8).size() == 8);

  std::string many = random_base32(10000);
  REQUIRE(many.size() == 10000);
  std::set<char> seen;
  for (char c : many) {
    INFO("character " << c);
    REQUIRE(kCrockford.find(c) != std::string_view::npos);
    seen.insert(c);
  }
  // 10000 draws miss one of 32 symbols with probability about 32 * (31/32)^10000 < 1e-130.
  CHECK(seen.size() == 32);
  for (char excluded : {'I', 'L', 'O', 'U', 'i', 'l', 'o', 'u'}) {
    CHECK(many.find(excluded) == std::string::npos);
  }
  CHECK(random_base32(16) != random_base32(16));
}

TEST_CASE("random_uniform stays below the bound and reaches every value", "[crypto][random]") {
  CHECK(random_uniform(1) == 0);
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 2000; ++i) {
    std::uint32_t v = random_uniform(7);
    REQUIRE(v < 7);
    seen.insert(v);
  }
  CHECK(seen.size() == 7);
  for (int i = 0; i < 100; ++i)
    REQUIRE(random_uniform(0xffffffffu) < 0xffffffffu);
}

}  // namespace
}  // namespace mk::crypto

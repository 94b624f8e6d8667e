#include "tlog/compact_range.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <set>
#include <utility>
#include <vector>

#include "tlog_test_util.hpp"

namespace mk::tlog {
namespace {

using test::hash_hex;
using test::hex;
using test::random_leaf_hashes;

TEST_CASE("compact range root equals root_of for every size 0..300", "[tlog][compact_range]") {
  std::vector<Hash> leaves = random_leaf_hashes(300, 300);
  CompactRange range;
  CHECK(range.size() == 0);
  CHECK(range.root() == empty_root());
  CHECK(range.hashes().empty());
  for (std::size_t n = 1; n <= leaves.size(); ++n) {
    range.append(leaves[n - 1]);
    INFO("size " << n);
    REQUIRE(range.size() == n);
    REQUIRE(range.hashes().size() == static_cast<std::size_t>(std::popcount(n)));
    REQUIRE(range.root() == root_of({leaves.data(), n}));
  }
}

TEST_CASE("compact range gives the RFC 6962 vector roots", "[tlog][compact_range]") {
  const char* leaves[] = {
      "",
      "00",
      "10",
      "2021",
      "3031",
      "40414243",
      "5051525354555657",
      "606162636465666768696a6b6c6d6e6f",
  };
  CompactRange range;
  for (const char* leaf : leaves)
    range.append(leaf_hash(hex(leaf)));
  CHECK(range.root() ==
        hash_hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
}

TEST_CASE("append reports every completed aligned subtree once, with its root",
          "[tlog][compact_range]") {
  std::vector<Hash> leaves = random_leaf_hashes(300, 7);
  CompactRange range;
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
  for (std::size_t n = 1; n <= leaves.size(); ++n) {
    std::uint64_t previous_width = 1;
    range.append(leaves[n - 1], [&](const Subtree& s) {
      INFO("subtree [" << s.start << ", " << s.end << ") after leaf " << n - 1);
      std::uint64_t width = s.end - s.start;
      REQUIRE(s.end == n);
      REQUIRE(width == previous_width * 2);  // smallest first
      previous_width = width;
      REQUIRE(s.start % width == 0);
      REQUIRE(seen.insert({s.start, s.end}).second);
      REQUIRE(s.hash == root_of({leaves.data() + s.start, width}));
    });
    // Leaf n-1 completes one subtree per trailing one bit of n-1.
    REQUIRE(previous_width == (std::uint64_t{1} << std::countr_one(n - 1)));
  }
  // All aligned perfect subtrees of width >= 2 inside [0, 300): n - popcount(n) of them.
  CHECK(seen.size() == 300 - std::popcount(300u));
}

TEST_CASE("compact range serialises canonically and parses back", "[tlog][compact_range]") {
  std::vector<Hash> leaves = random_leaf_hashes(300, 11);
  CompactRange range;
  for (std::size_t n = 0; n <= leaves.size(); ++n) {
    if (n > 0) range.append(leaves[n - 1]);
    INFO("size " << n);
    Bytes bytes = range.serialize();
    REQUIRE(bytes.size() == 8 + 32 * static_cast<std::size_t>(std::popcount(n)));
    auto parsed = CompactRange::parse(bytes);
    REQUIRE(parsed);
    REQUIRE(*parsed == range);
    REQUIRE(parsed->root() == range.root());
    REQUIRE(parsed->serialize() == bytes);
    // One byte more or less is refused.
    Bytes longer = bytes;
    longer.push_back(0);
    REQUIRE_FALSE(CompactRange::parse(longer));
    REQUIRE_FALSE(CompactRange::parse(ByteView(bytes).first(bytes.size() - 1)));
  }
  // Known bytes: size 3 is 00..03, then the roots of [0, 2) and [2, 3).
  CompactRange three;
  for (std::size_t i = 0; i < 3; ++i)
    three.append(leaves[i]);
  Bytes expected = hex("0000000000000003");
  Hash left = node_hash(leaves[0], leaves[1]);
  expected.insert(expected.end(), left.begin(), left.end());
  expected.insert(expected.end(), leaves[2].begin(), leaves[2].end());
  CHECK(three.serialize() == expected);
}

TEST_CASE("compact range parse refuses malformed bytes without aborting", "[tlog][compact_range]") {
  CHECK_FALSE(CompactRange::parse({}));
  CHECK_FALSE(CompactRange::parse(hex("00000000000000")));
  CHECK(CompactRange::parse(hex("0000000000000000")));
  CHECK_FALSE(CompactRange::parse(hex("0000000000000001")));  // one hash missing
  // 2^64 - 1 leaves would need all 64 hashes and could never grow: refused.
  Bytes full = hex("ffffffffffffffff");
  full.resize(8 + 64 * 32, 0xab);
  CHECK(CompactRange::parse(full).status().code() == Code::kInvalidInput);
  // 2^64 - 2 leaves: 63 hashes, accepted, and it can take one more leaf.
  Bytes almost = hex("fffffffffffffffe");
  almost.resize(8 + 63 * 32, 0xcd);
  auto parsed = CompactRange::parse(almost);
  REQUIRE(parsed);
  parsed->append(Hash{});
  CHECK(parsed->size() == UINT64_MAX);
  CHECK(parsed->hashes().size() == 64);
}

TEST_CASE("a parsed compact range keeps growing like the original", "[tlog][compact_range]") {
  std::vector<Hash> leaves = random_leaf_hashes(200, 13);
  CompactRange range;
  for (std::size_t i = 0; i < 77; ++i)
    range.append(leaves[i]);
  auto restored = CompactRange::parse(range.serialize());
  REQUIRE(restored);
  for (std::size_t i = 77; i < leaves.size(); ++i)
    restored->append(leaves[i]);
  CHECK(restored->root() == root_of(leaves));
}

TEST_CASE("compact range from a hash source equals the appended one", "[tlog][compact_range]") {
  std::vector<Hash> leaves = random_leaf_hashes(130, 17);
  LeafSpanSource source(leaves);
  CompactRange range;
  for (std::size_t n = 0; n <= leaves.size(); ++n) {
    if (n > 0) range.append(leaves[n - 1]);
    auto rebuilt = CompactRange::from_source(n, source);
    REQUIRE(rebuilt);
    REQUIRE(*rebuilt == range);
  }
  CHECK(CompactRange::from_source(131, source).status().code() == Code::kInvalidInput);
  CHECK(CompactRange::from_source(UINT64_MAX, source).status().code() == Code::kInvalidInput);
}

}  // namespace
}  // namespace mk::tlog

#include "tlog/merkle.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "crypto/hash.hpp"
#include "tlog/compact_range.hpp"
#include "tlog_test_util.hpp"

namespace mk::tlog {
namespace {

using test::hash_hex;
using test::hex;
using test::random_leaf_hashes;

// REFERENCE.md §4: the RFC 6962 test leaves and the roots of their first n, n = 0..8 (from the
// certificate-transparency and transparency-dev test suites).
const char* const kLeaves[] = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
};
const char* const kRoots[] = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

std::vector<Hash> vector_leaf_hashes() {
  std::vector<Hash> out;
  for (const char* leaf : kLeaves)
    out.push_back(leaf_hash(hex(leaf)));
  return out;
}

Hash flip(Hash h, std::size_t byte, std::uint8_t mask = 0x01) {
  h[byte] ^= mask;
  return h;
}

// A source that stores every aligned subtree (as a store fed by CompactRange would) and counts
// the lookups it answers.
class CountingSource final : public HashSource {
 public:
  explicit CountingSource(std::vector<Hash> leaves) : leaves_(std::move(leaves)) {
    CompactRange range;
    for (const Hash& leaf : leaves_)
      range.append(leaf, [&](const Subtree& s) { subtrees_[{s.start, s.end}] = s.hash; });
  }
  Result<Hash> leaf(std::uint64_t index) const override {
    ++lookups;
    REQUIRE(index < leaves_.size());
    return leaves_[index];
  }
  std::optional<Hash> subtree(std::uint64_t start, std::uint64_t end) const override {
    ++lookups;
    REQUIRE(end - start >= 2);
    REQUIRE(std::has_single_bit(end - start));
    REQUIRE(start % (end - start) == 0);
    auto it = subtrees_.find({start, end});
    if (it == subtrees_.end()) return std::nullopt;
    return it->second;
  }
  mutable std::uint64_t lookups = 0;

 private:
  std::vector<Hash> leaves_;
  std::map<std::pair<std::uint64_t, std::uint64_t>, Hash> subtrees_;
};

class FailingSource final : public HashSource {
 public:
  Result<Hash> leaf(std::uint64_t) const override { return io_error("disk on fire"); }
};

TEST_CASE("leaf, node and empty hashes follow RFC 6962", "[tlog][merkle]") {
  CHECK(empty_root() == hash_hex(kRoots[0]));
  CHECK(leaf_hash({}) == hash_hex(kRoots[1]));  // the tree of the one empty leaf
  // node_hash is SHA-256 over the 65 bytes 0x01 || left || right.
  Hash l = leaf_hash(hex("00"));
  Hash r = leaf_hash(hex("10"));
  Bytes joined{0x01};
  joined.insert(joined.end(), l.begin(), l.end());
  joined.insert(joined.end(), r.begin(), r.end());
  CHECK(node_hash(l, r) == crypto::sha256(joined));
  CHECK(node_hash(l, r) == root_of(std::vector<Hash>{l, r}));
  CHECK(node_hash(leaf_hash({}), leaf_hash(hex("00"))) == hash_hex(kRoots[2]));
  Bytes entry = hex("2021");
  entry.insert(entry.begin(), 0x00);
  CHECK(leaf_hash(hex("2021")) == crypto::sha256(entry));
}

TEST_CASE("roots of the RFC 6962 test vectors for 0..8 leaves", "[tlog][merkle]") {
  std::vector<Hash> leaves = vector_leaf_hashes();
  for (std::size_t n = 0; n <= 8; ++n) {
    INFO("n = " << n);
    std::span<const Hash> first(leaves.data(), n);
    CHECK(root_of(first) == hash_hex(kRoots[n]));
    LeafSpanSource source(first);
    auto root = tree_root(n, source);
    REQUIRE(root);
    CHECK(*root == hash_hex(kRoots[n]));
  }
}

TEST_CASE("inclusion proof for leaf 5 in the tree of 8 matches the vector", "[tlog][merkle]") {
  std::vector<Hash> leaves = vector_leaf_hashes();
  LeafSpanSource source(leaves);
  std::vector<Hash> expected = {
      hash_hex("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
      hash_hex("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
      hash_hex("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
  };
  auto proof = inclusion_proof(5, 8, source);
  REQUIRE(proof);
  CHECK(*proof == expected);
  CHECK(verify_inclusion(5, 8, leaves[5], expected, hash_hex(kRoots[8])));
  CHECK_FALSE(verify_inclusion(4, 8, leaves[5], expected, hash_hex(kRoots[8])));
  CHECK_FALSE(verify_inclusion(5, 8, leaves[4], expected, hash_hex(kRoots[8])));
}

TEST_CASE("consistency proof 6 -> 8 matches the vector", "[tlog][merkle]") {
  std::vector<Hash> leaves = vector_leaf_hashes();
  LeafSpanSource source(leaves);
  std::vector<Hash> expected = {
      hash_hex("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
      hash_hex("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
      hash_hex("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
  };
  auto proof = consistency_proof(6, 8, source);
  REQUIRE(proof);
  CHECK(*proof == expected);
  CHECK(verify_consistency(6, 8, hash_hex(kRoots[6]), hash_hex(kRoots[8]), expected));
  CHECK_FALSE(verify_consistency(6, 8, hash_hex(kRoots[8]), hash_hex(kRoots[6]), expected));
  CHECK_FALSE(verify_consistency(5, 8, hash_hex(kRoots[5]), hash_hex(kRoots[8]), expected));
  CHECK_FALSE(verify_consistency(6, 7, hash_hex(kRoots[6]), hash_hex(kRoots[7]), expected));
}

TEST_CASE("inclusion proofs round-trip for every leaf of every tree up to 64", "[tlog][merkle]") {
  std::vector<Hash> all = random_leaf_hashes(65);
  std::vector<Hash> roots;
  for (std::uint64_t n = 0; n <= 64; ++n)
    roots.push_back(root_of({all.data(), n}));
  for (std::uint64_t n = 1; n <= 64; ++n) {
    std::vector<Hash> leaves(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
    LeafSpanSource source(leaves);
    Hash root = root_of(leaves);
    for (std::uint64_t i = 0; i < n; ++i) {
      INFO("index " << i << " size " << n);
      auto proof = inclusion_proof(i, n, source);
      REQUIRE(proof);
      REQUIRE(*proof == test::reference::path(i, leaves));
      REQUIRE(verify_inclusion(i, n, leaves[i], *proof, root));

      // Any altered element fails, wherever the bit is.
      for (std::size_t e = 0; e < proof->size(); ++e) {
        for (std::size_t byte : {std::size_t{0}, std::size_t{17}, std::size_t{31}}) {
          std::vector<Hash> bad = *proof;
          bad[e] = flip(bad[e], byte, 0x80);
          REQUIRE_FALSE(verify_inclusion(i, n, leaves[i], bad, root));
        }
      }
      // A missing, extra or swapped element fails.
      if (!proof->empty()) {
        std::vector<Hash> shorter(proof->begin(), proof->end() - 1);
        REQUIRE_FALSE(verify_inclusion(i, n, leaves[i], shorter, root));
      }
      std::vector<Hash> longer = *proof;
      longer.push_back(root);
      REQUIRE_FALSE(verify_inclusion(i, n, leaves[i], longer, root));
      if (proof->size() >= 2) {
        std::vector<Hash> swapped = *proof;
        std::swap(swapped[0], swapped[1]);
        REQUIRE_FALSE(verify_inclusion(i, n, leaves[i], swapped, root));
      }
      // A wrong index, leaf or root fails.
      for (std::uint64_t j = 0; j < n + 2; ++j) {
        if (j != i) REQUIRE_FALSE(verify_inclusion(j, n, leaves[i], *proof, root));
      }
      REQUIRE_FALSE(verify_inclusion(i, n, flip(leaves[i], 5), *proof, root));
      REQUIRE_FALSE(verify_inclusion(i, n, leaves[i], *proof, flip(root, 31)));
      for (std::uint64_t m = 1; m <= 64; ++m) {
        if (m != n) REQUIRE_FALSE(verify_inclusion(i, n, leaves[i], *proof, roots[m]));
      }
      // A wrong size fails against the root of that size (a checkpoint signs both together).
      for (std::uint64_t m = 1; m <= 64; ++m) {
        if (m != n && i < m) {
          REQUIRE_FALSE(verify_inclusion(i, m, leaves[i], *proof, roots[m]));
        }
      }
    }
  }
}

TEST_CASE("an inclusion proof authenticates the root, not the size", "[tlog][merkle]") {
  // RFC 9162's verifier cannot tell size 3 from size 4 for leaf 0: both paths go right, right.
  // Callers must take size and root from the same signed checkpoint, as open_checkpoint gives.
  std::vector<Hash> leaves = random_leaf_hashes(4);
  LeafSpanSource source(leaves);
  auto proof = inclusion_proof(0, 4, source);
  REQUIRE(proof);
  Hash root4 = root_of(leaves);
  CHECK(verify_inclusion(0, 4, leaves[0], *proof, root4));
  CHECK(verify_inclusion(0, 3, leaves[0], *proof, root4));
  CHECK_FALSE(verify_inclusion(0, 3, leaves[0], *proof, root_of({leaves.data(), 3})));
}

TEST_CASE("consistency proofs round-trip for every pair of sizes up to 64", "[tlog][merkle]") {
  std::vector<Hash> leaves = random_leaf_hashes(64, 9162);
  LeafSpanSource source(leaves);
  std::vector<Hash> roots;
  for (std::uint64_t n = 0; n <= 64; ++n)
    roots.push_back(root_of({leaves.data(), n}));
  for (std::uint64_t n = 0; n <= 64; ++n) {
    for (std::uint64_t m = 0; m <= n; ++m) {
      INFO("old size " << m << " new size " << n);
      auto proof = consistency_proof(m, n, source);
      REQUIRE(proof);
      if (m == 0 || m == n) {
        REQUIRE(proof->empty());
      } else {
        std::vector<Hash> prefix(leaves.begin(), leaves.begin() + static_cast<std::ptrdiff_t>(n));
        REQUIRE(*proof == test::reference::subproof(m, prefix, true));
      }
      REQUIRE(verify_consistency(m, n, roots[m], roots[n], *proof));

      for (std::size_t e = 0; e < proof->size(); ++e) {
        for (std::size_t byte : {std::size_t{0}, std::size_t{31}}) {
          std::vector<Hash> bad = *proof;
          bad[e] = flip(bad[e], byte);
          REQUIRE_FALSE(verify_consistency(m, n, roots[m], roots[n], bad));
        }
      }
      if (!proof->empty()) {
        std::vector<Hash> shorter(proof->begin(), proof->end() - 1);
        REQUIRE_FALSE(verify_consistency(m, n, roots[m], roots[n], shorter));
      }
      std::vector<Hash> longer = *proof;
      longer.push_back(roots[n]);
      REQUIRE_FALSE(verify_consistency(m, n, roots[m], roots[n], longer));
      REQUIRE_FALSE(verify_consistency(m, n, flip(roots[m], 0), roots[n], *proof));
      if (m > 0) REQUIRE_FALSE(verify_consistency(m, n, roots[m], flip(roots[n], 0), *proof));
      if (m != n) {
        REQUIRE_FALSE(verify_consistency(m, n, roots[n], roots[m], *proof));  // swapped roots
        REQUIRE_FALSE(verify_consistency(n, m, roots[n], roots[m], *proof));  // swapped sizes
      }
      // Other sizes with their own roots fail (except old size 0: the empty tree is a prefix of
      // every tree, with the empty proof).
      for (std::uint64_t m2 = 1; m2 <= n; ++m2) {
        if (m2 != m && !(proof->empty() && m2 == n))
          REQUIRE_FALSE(verify_consistency(m2, n, roots[m2], roots[n], *proof));
      }
      for (std::uint64_t n2 = m; n2 <= 64 && m > 0; ++n2) {
        if (n2 != n) REQUIRE_FALSE(verify_consistency(m, n2, roots[m], roots[n2], *proof));
      }
    }
  }
}

TEST_CASE("bad proof requests are errors, bad claims are false", "[tlog][merkle]") {
  std::vector<Hash> leaves = random_leaf_hashes(8);
  LeafSpanSource source(leaves);
  CHECK(inclusion_proof(8, 8, source).status().code() == Code::kInvalidInput);
  CHECK(inclusion_proof(0, 0, source).status().code() == Code::kInvalidInput);
  CHECK(consistency_proof(5, 4, source).status().code() == Code::kInvalidInput);
  CHECK(range_root(3, 3, source).status().code() == Code::kInvalidInput);
  CHECK(inclusion_proof(3, 9, source).status().code() == Code::kInvalidInput);  // beyond the span

  Hash root = root_of(leaves);
  CHECK_FALSE(verify_inclusion(0, 0, leaves[0], {}, root));
  CHECK(verify_inclusion(0, 1, leaves[0], {}, leaves[0]));
  CHECK_FALSE(verify_consistency(5, 4, root, root, {}));
  CHECK(verify_consistency(0, 8, empty_root(), root, {}));
  CHECK_FALSE(verify_consistency(0, 8, root, root, {}));  // size 0 has one root
  CHECK_FALSE(verify_consistency(0, 8, empty_root(), root, std::vector<Hash>{root}));
  CHECK(verify_consistency(8, 8, root, root, {}));
  CHECK_FALSE(verify_consistency(8, 8, root, flip(root, 1), {}));
  CHECK_FALSE(verify_consistency(8, 8, root, root, std::vector<Hash>{root}));
  CHECK(verify_consistency(0, 0, empty_root(), empty_root(), {}));

  // Huge sizes do not overflow or loop.
  CHECK_FALSE(
      verify_inclusion(UINT64_MAX - 1, UINT64_MAX, leaves[0], std::vector<Hash>(64, root), root));
  CHECK_FALSE(
      verify_consistency(UINT64_MAX - 1, UINT64_MAX, root, root, std::vector<Hash>(200, root)));
}

TEST_CASE("a failing source fails the proof, it does not abort", "[tlog][merkle]") {
  FailingSource source;
  CHECK(inclusion_proof(3, 10, source).status().code() == Code::kIo);
  CHECK(consistency_proof(3, 10, source).status().code() == Code::kIo);
  CHECK(tree_root(10, source).status().code() == Code::kIo);
  CHECK(consistency_proof(0, 10, source));  // needs no hashes
}

TEST_CASE("proofs from stored subtrees cost O(log n) lookups and equal computed ones",
          "[tlog][merkle]") {
  const std::uint64_t n = 100'003;
  std::vector<Hash> leaves = random_leaf_hashes(n, 42);
  CountingSource stored(leaves);
  LeafSpanSource plain(leaves);
  const std::uint64_t bound = 4 * std::bit_width(n);  // 68; computing from leaves costs ~n

  for (std::uint64_t index :
       {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{65'536}, std::uint64_t{99'999}, n - 1}) {
    INFO("index " << index);
    stored.lookups = 0;
    auto proof = inclusion_proof(index, n, stored);
    REQUIRE(proof);
    CHECK(stored.lookups <= bound);
    auto expected = inclusion_proof(index, n, plain);
    REQUIRE(expected);
    CHECK(*proof == *expected);
    CHECK(verify_inclusion(index, n, leaves[index], *proof, root_of(leaves)));
  }
  for (std::uint64_t old_size :
       {std::uint64_t{1}, std::uint64_t{1'000}, std::uint64_t{65'536}, n - 1}) {
    INFO("old size " << old_size);
    stored.lookups = 0;
    auto proof = consistency_proof(old_size, n, stored);
    REQUIRE(proof);
    CHECK(stored.lookups <= bound);
    auto expected = consistency_proof(old_size, n, plain);
    REQUIRE(expected);
    CHECK(*proof == *expected);
    CHECK(verify_consistency(old_size, n, root_of({leaves.data(), old_size}), root_of(leaves),
                             *proof));
  }
  stored.lookups = 0;
  auto root = tree_root(n, stored);
  REQUIRE(root);
  CHECK(*root == root_of(leaves));
  CHECK(stored.lookups <= bound);
}

}  // namespace
}  // namespace mk::tlog

// CompactRange: the right edge ("frontier") of a growing RFC 6962 Merkle tree, enough to append a
// leaf and to compute the root in O(log n) hashes without ever reading the tree again.
//
// A tree of n leaves is the sequence of perfect subtrees given by the binary digits of n, largest
// (leftmost) first: for n = 6 (binary 110), the roots of leaves [0, 4) and [4, 6). CompactRange
// keeps those roots, at most 64 of them, in a fixed array: appending never allocates.
//
//   CompactRange range;
//   for (const Bytes& entry : entries)
//     range.append(leaf_hash(entry), [&](const Subtree& s) { store.put(s.start, s.end, s.hash); });
//   Hash head = range.root();
//
// Not thread-safe; a const CompactRange may be read from several threads.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "tlog/merkle.hpp"

namespace mk::tlog {

// A perfect subtree whose root a CompactRange computed: the leaves [start, end), where end - start
// is a power of two (at least 2) and start is a multiple of it. Exactly the ranges that
// HashSource::subtree() is asked about.
struct Subtree {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  Hash hash{};
};

class CompactRange {
 public:
  static constexpr std::size_t kMaxHashes = 64;
  // Bytes of serialize(): the size (8) and up to 64 hashes.
  static constexpr std::size_t kMaxSerializedSize = 8 + kMaxHashes * sizeof(Hash);

  // The empty tree.
  CompactRange() = default;

  // The number of leaves appended so far.
  std::uint64_t size() const { return size_; }

  // The roots of the perfect subtrees that make up the tree, largest (leftmost) first;
  // std::popcount(size()) of them.
  std::span<const Hash> hashes() const { return {hashes_.data(), count()}; }

  // The RFC 6962 root of the tree: empty_root() for size 0. O(log n) node hashes.
  Hash root() const;

  // Appends the leaf with hash `leaf` (not the entry itself: leaf_hash(entry)). Amortised one node
  // hash per append, at most 64. Requires size() < 2^64 - 1; aborts otherwise.
  void append(const Hash& leaf) {
    append(leaf, [](const Subtree&) {});
  }

  // Like append(leaf), and calls on_subtree(const Subtree&) for each perfect subtree this leaf
  // completes, smallest first (a store can keep them to serve HashSource::subtree()). Leaf i
  // completes one subtree per trailing one bit of i: none for even i, [i-1, i+1) for i = 1 mod 4,
  // and so on.
  template <typename OnSubtree>
  void append(const Hash& leaf, OnSubtree&& on_subtree);

  // The canonical bytes of this range: the size as 8 bytes big-endian, then the hashes() in order,
  // 32 bytes each (8 + 32 * popcount(size) bytes).
  Bytes serialize() const;

  // The inverse of serialize(). kInvalidInput unless `bytes` is exactly such an encoding with a
  // size below 2^64 - 1 (so that append() stays possible). Cannot check the hashes themselves:
  // compare root() with a trusted checkpoint for that.
  static Result<CompactRange> parse(ByteView bytes);

  // The range of a tree of `size` leaves, from the perfect subtree roots of `source`:
  // popcount(size) range_root() calls, O(log n) lookups when the source stores subtrees.
  // kInvalidInput for size 2^64 - 1; the source's error when it fails.
  static Result<CompactRange> from_source(std::uint64_t size, const HashSource& source);

  friend bool operator==(const CompactRange& a, const CompactRange& b);

 private:
  std::size_t count() const { return static_cast<std::size_t>(std::popcount(size_)); }

  std::uint64_t size_ = 0;
  std::array<Hash, kMaxHashes> hashes_{};  // the first count() are in use
};

template <typename OnSubtree>
void CompactRange::append(const Hash& leaf, OnSubtree&& on_subtree) {
  if (size_ == UINT64_MAX) std::abort();  // a 2^64-leaf tree has no room in 64 hashes
  std::size_t used = count();
  Hash merged = leaf;
  std::uint64_t width = 1;
  // Each trailing one bit of the old size is a perfect subtree of the same width as the one being
  // built; merge them right to left.
  for (std::uint64_t s = size_; (s & 1) != 0; s >>= 1) {
    merged = node_hash(hashes_[--used], merged);
    width <<= 1;
    on_subtree(Subtree{size_ + 1 - width, size_ + 1, merged});
  }
  hashes_[used] = merged;
  ++size_;
}

}  // namespace mk::tlog

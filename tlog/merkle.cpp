#include "tlog/merkle.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "crypto/hash.hpp"

namespace mk::tlog {

namespace {

// The largest power of two smaller than n. Requires n >= 2.
std::uint64_t split_point(std::uint64_t n) {
  return std::bit_floor(n - 1);
}

bool is_aligned_perfect(std::uint64_t start, std::uint64_t end) {
  std::uint64_t n = end - start;
  return n >= 2 && std::has_single_bit(n) && start % n == 0;
}

Hash root_of_range(std::span<const Hash> leaves) {
  if (leaves.size() == 1) return leaves[0];
  std::size_t k = split_point(leaves.size());
  return node_hash(root_of_range(leaves.first(k)), root_of_range(leaves.subspan(k)));
}

}  // namespace

Hash leaf_hash(ByteView data) {
  static constexpr std::uint8_t kLeafPrefix[1] = {0x00};
  crypto::Sha256 sha;
  sha.update(kLeafPrefix).update(data);
  return sha.finish();
}

Hash node_hash(const Hash& left, const Hash& right) {
  std::uint8_t buffer[1 + 2 * sizeof(Hash)];
  buffer[0] = 0x01;
  std::memcpy(buffer + 1, left.data(), left.size());
  std::memcpy(buffer + 1 + left.size(), right.data(), right.size());
  return crypto::sha256(buffer);
}

Hash empty_root() {
  return crypto::sha256({});
}

Hash root_of(std::span<const Hash> leaf_hashes) {
  if (leaf_hashes.empty()) return empty_root();
  return root_of_range(leaf_hashes);
}

std::optional<Hash> HashSource::subtree(std::uint64_t, std::uint64_t) const {
  return std::nullopt;
}

Result<Hash> LeafSpanSource::leaf(std::uint64_t index) const {
  if (index >= leaves_.size()) return invalid_input("leaf index beyond the stored leaf hashes");
  return leaves_[index];
}

Result<Hash> range_root(std::uint64_t start, std::uint64_t end, const HashSource& source) {
  if (start >= end) return invalid_input("empty or inverted leaf range");
  std::uint64_t n = end - start;
  if (n == 1) return source.leaf(start);
  if (is_aligned_perfect(start, end)) {
    if (std::optional<Hash> stored = source.subtree(start, end)) return *stored;
  }
  std::uint64_t k = split_point(n);
  MK_ASSIGN_OR_RETURN(Hash left, range_root(start, start + k, source));
  MK_ASSIGN_OR_RETURN(Hash right, range_root(start + k, end, source));
  return node_hash(left, right);
}

Result<Hash> tree_root(std::uint64_t size, const HashSource& source) {
  if (size == 0) return empty_root();
  return range_root(0, size, source);
}

Result<std::vector<Hash>> inclusion_proof(std::uint64_t index, std::uint64_t size,
                                          const HashSource& source) {
  if (index >= size) return invalid_input("leaf index is not below the tree size");
  // PATH(m, D[start:end]) of RFC 9162 §2.1.3.1, unrolled from the top: each step keeps the half
  // holding the leaf and records the root of the other half. The siblings come out top first.
  std::vector<Hash> proof;
  proof.reserve(64);
  std::uint64_t start = 0;
  std::uint64_t end = size;
  while (end - start > 1) {
    std::uint64_t mid = start + split_point(end - start);
    if (index < mid) {
      MK_ASSIGN_OR_RETURN(Hash sibling, range_root(mid, end, source));
      proof.push_back(sibling);
      end = mid;
    } else {
      MK_ASSIGN_OR_RETURN(Hash sibling, range_root(start, mid, source));
      proof.push_back(sibling);
      start = mid;
    }
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf_hash,
                      std::span<const Hash> proof, const Hash& root) {
  // RFC 9162 §2.1.3.2, step by step.
  if (index >= size) return false;
  std::uint64_t fn = index;
  std::uint64_t sn = size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    if ((fn & 1) != 0 || fn == sn) {
      r = node_hash(p, r);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

Result<std::vector<Hash>> consistency_proof(std::uint64_t old_size, std::uint64_t new_size,
                                            const HashSource& source) {
  if (old_size > new_size) return invalid_input("old tree size is larger than the new one");
  std::vector<Hash> proof;
  if (old_size == 0 || old_size == new_size) return proof;
  proof.reserve(64);
  // SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1, unrolled from the top; m is old_size,
  // counted from leaf 0. The hashes come out top first.
  std::uint64_t start = 0;
  std::uint64_t end = new_size;
  bool whole_old_tree = true;  // b: the range is the whole old tree's prefix, whose root is known
  while (true) {
    if (old_size == end) {
      if (!whole_old_tree) {
        MK_ASSIGN_OR_RETURN(Hash subtree_root, range_root(start, end, source));
        proof.push_back(subtree_root);
      }
      break;
    }
    std::uint64_t mid = start + split_point(end - start);
    if (old_size <= mid) {
      MK_ASSIGN_OR_RETURN(Hash right, range_root(mid, end, source));
      proof.push_back(right);
      end = mid;
    } else {
      MK_ASSIGN_OR_RETURN(Hash left, range_root(start, mid, source));
      proof.push_back(left);
      start = mid;
      whole_old_tree = false;
    }
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root,
                        const Hash& new_root, std::span<const Hash> proof) {
  if (old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (old_size == 0) return proof.empty() && old_root == empty_root();
  // RFC 9162 §2.1.4.2, step by step, for 0 < old_size < new_size.
  if (proof.empty()) return false;  // step 1
  // Step 2: when old_size is a power of two, old_root is prepended to the path.
  bool prepend = std::has_single_bit(old_size);
  std::size_t path_size = proof.size() + (prepend ? 1 : 0);
  auto path = [&](std::size_t i) -> const Hash& {
    if (prepend) return i == 0 ? old_root : proof[i - 1];
    return proof[i];
  };
  std::uint64_t fn = old_size - 1;  // step 3
  std::uint64_t sn = new_size - 1;
  while ((fn & 1) != 0) {  // step 4
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path(0);  // step 5
  Hash sr = path(0);
  for (std::size_t i = 1; i < path_size; ++i) {  // step 6
    const Hash& c = path(i);
    if (sn == 0) return false;
    if ((fn & 1) != 0 || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;  // step 7
}

}  // namespace mk::tlog

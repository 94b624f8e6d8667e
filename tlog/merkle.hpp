// RFC 6962 / RFC 9162 Merkle tree hashing, inclusion proofs and consistency proofs (SHA-256).
//
//   leaf hash   = SHA-256(0x00 || data)
//   node hash   = SHA-256(0x01 || left || right)
//   empty tree  = SHA-256("")
//   MTH(D[n])   = node_hash(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two smaller than n
//
// A tree of `size` leaves is described by its leaf hashes; leaf i is at index i (0-based). Proof
// generation reads the leaf hashes through a HashSource, so they may live anywhere (a vector, a
// database). Proof verification needs no source: only the proof, the sizes and the roots.
//
// tlog/ knows nothing of what the leaves mean: it sees hashes only.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"

namespace mk::tlog {

using Hash = std::array<std::uint8_t, 32>;

// SHA-256(0x00 || data): the hash of one log entry.
Hash leaf_hash(ByteView data);

// SHA-256(0x01 || left || right): the hash of an interior node.
Hash node_hash(const Hash& left, const Hash& right);

// SHA-256(""): the root of the tree with no leaves.
Hash empty_root();

// The root of the tree whose leaves have these hashes, by the recursive definition of RFC 9162
// §2.1.1. O(n) hashes; for a growing log use CompactRange instead.
Hash root_of(std::span<const Hash> leaf_hashes);

// Where proof generation finds the hashes of a tree. Implementations must be deterministic: every
// call with the same arguments returns the same hash.
class HashSource {
 public:
  virtual ~HashSource() = default;

  // The leaf hash at `index`. Only called with index < the tree size asked about. An error (the
  // store could not be read) is passed on to the caller of the proof function.
  virtual Result<Hash> leaf(std::uint64_t index) const = 0;

  // The root of the perfect subtree over the leaves [start, end), when the source has it stored,
  // else nullopt (then the caller computes it from the two halves). Only called when end - start is
  // a power of two, at least 2, and start is a multiple of end - start (an "aligned" subtree, as
  // CompactRange produces them), and end is at most the tree size asked about. A stored hash is
  // trusted: a wrong one gives a proof that fails verification, never a wrong "yes".
  // The default stores nothing.
  virtual std::optional<Hash> subtree(std::uint64_t start, std::uint64_t end) const;
};

// A HashSource over leaf hashes in memory (no stored subtrees). Keeps a view: `leaf_hashes` must
// outlive it.
class LeafSpanSource final : public HashSource {
 public:
  explicit LeafSpanSource(std::span<const Hash> leaf_hashes) : leaves_(leaf_hashes) {}
  Result<Hash> leaf(std::uint64_t index) const override;

 private:
  std::span<const Hash> leaves_;
};

// MTH(D[start:end]) read through `source`: one subtree() lookup per aligned perfect subtree of the
// range when the source stores them, O(log n) in all; computed from leaves where it does not.
// Requires start < end; returns kInvalidInput otherwise.
Result<Hash> range_root(std::uint64_t start, std::uint64_t end, const HashSource& source);

// The root of the tree of the first `size` leaves of `source` (empty_root() for size 0).
Result<Hash> tree_root(std::uint64_t size, const HashSource& source);

// The inclusion proof (audit path, RFC 9162 §2.1.3.1) of leaf `index` in the tree of `size` leaves,
// nearest sibling first. kInvalidInput when index >= size; the source's error when it fails.
// At most 64 hashes; O(log n) source lookups when the source stores aligned subtrees.
Result<std::vector<Hash>> inclusion_proof(std::uint64_t index, std::uint64_t size,
                                          const HashSource& source);

// True when `proof` shows that `leaf_hash` is leaf `index` of the tree of `size` leaves whose root
// is `root` (RFC 9162 §2.1.3.2). False for index >= size and for any proof of the wrong length.
// Note (RFC property): the proof authenticates the root, not the size; the size must come from the
// same signed checkpoint as the root.
bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf_hash,
                      std::span<const Hash> proof, const Hash& root);

// The consistency proof (RFC 9162 §2.1.4.1) that the tree of `old_size` leaves is a prefix of the
// tree of `new_size` leaves. Empty when old_size is 0 or equals new_size. kInvalidInput when
// old_size > new_size; the source's error when it fails. O(log n) source lookups when the source
// stores aligned subtrees.
Result<std::vector<Hash>> consistency_proof(std::uint64_t old_size, std::uint64_t new_size,
                                            const HashSource& source);

// True when `proof` shows that the tree (old_size, old_root) is a prefix of (new_size, new_root)
// (RFC 9162 §2.1.4.2). Edge cases: old_size > new_size is false; old_size == new_size needs an
// empty proof and equal roots; old_size == 0 needs an empty proof and old_root == empty_root().
bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root,
                        const Hash& new_root, std::span<const Hash> proof);

}  // namespace mk::tlog

// Helpers for the tlog tests: hex literals, random leaves and an independent RFC 6962 reference.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <random>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "tlog/merkle.hpp"

namespace mk::tlog::test {

// The bytes of a hex literal; aborts on a malformed literal (a bug in the test itself).
inline Bytes hex(std::string_view text) {
  Bytes out;
  if (!from_hex(text, out)) std::abort();
  return out;
}

inline Hash hash_hex(std::string_view text) {
  Bytes b = hex(text);
  if (b.size() != 32) std::abort();
  Hash h;
  std::copy(b.begin(), b.end(), h.begin());
  return h;
}

// `n` leaf hashes of random entries from a fixed-seed generator (reproducible).
inline std::vector<Hash> random_leaf_hashes(std::size_t n, std::uint32_t seed = 6962) {
  std::mt19937 rng(seed);
  std::vector<Hash> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Bytes entry(rng() % 100);
    for (auto& b : entry)
      b = static_cast<std::uint8_t>(rng());
    out.push_back(leaf_hash(entry));
  }
  return out;
}

// RFC 6962 §2.1, written out literally on vectors (D[a:b] is a sub-vector), as a reference that
// shares nothing with the code under test but node_hash.
namespace reference {

inline std::uint64_t k_of(std::size_t n) {
  std::size_t k = 1;
  while (k * 2 < n)
    k *= 2;
  return k;
}

inline Hash mth(const std::vector<Hash>& d) {
  if (d.size() == 1) return d[0];
  std::size_t k = k_of(d.size());
  return node_hash(mth({d.begin(), d.begin() + k}), mth({d.begin() + k, d.end()}));
}

inline std::vector<Hash> path(std::size_t m, const std::vector<Hash>& d) {
  if (d.size() <= 1) return {};
  std::size_t k = k_of(d.size());
  std::vector<Hash> left(d.begin(), d.begin() + k), right(d.begin() + k, d.end());
  std::vector<Hash> out;
  if (m < k) {
    out = path(m, left);
    out.push_back(mth(right));
  } else {
    out = path(m - k, right);
    out.push_back(mth(left));
  }
  return out;
}

inline std::vector<Hash> subproof(std::size_t m, const std::vector<Hash>& d, bool b) {
  std::size_t n = d.size();
  if (m == n) {
    if (b) return {};
    return {mth(d)};
  }
  std::size_t k = k_of(n);
  std::vector<Hash> left(d.begin(), d.begin() + k), right(d.begin() + k, d.end());
  std::vector<Hash> out;
  if (m <= k) {
    out = subproof(m, left, b);
    out.push_back(mth(right));
  } else {
    out = subproof(m - k, right, false);
    out.push_back(mth(left));
  }
  return out;
}

}  // namespace reference

}  // namespace mk::tlog::test

#include "tlog/compact_range.hpp"

#include <algorithm>

namespace mk::tlog {

Hash CompactRange::root() const {
  std::size_t n = count();
  if (n == 0) return empty_root();
  Hash r = hashes_[n - 1];
  for (std::size_t i = n - 1; i > 0; --i)
    r = node_hash(hashes_[i - 1], r);
  return r;
}

Bytes CompactRange::serialize() const {
  Bytes out;
  out.reserve(8 + count() * sizeof(Hash));
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<std::uint8_t>(size_ >> shift));
  for (const Hash& h : hashes())
    out.insert(out.end(), h.begin(), h.end());
  return out;
}

Result<CompactRange> CompactRange::parse(ByteView bytes) {
  if (bytes.size() < 8) return invalid_input("compact range: shorter than its 8-byte size");
  CompactRange range;
  for (std::size_t i = 0; i < 8; ++i)
    range.size_ = (range.size_ << 8) | bytes[i];
  if (range.size_ == UINT64_MAX) return invalid_input("compact range: size out of range");
  std::size_t n = range.count();
  if (bytes.size() != 8 + n * sizeof(Hash)) {
    return invalid_input(
        "compact range: length does not match the number of hashes its size needs");
  }
  for (std::size_t i = 0; i < n; ++i)
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(8 + i * sizeof(Hash)), sizeof(Hash),
                range.hashes_[i].begin());
  return range;
}

Result<CompactRange> CompactRange::from_source(std::uint64_t size, const HashSource& source) {
  if (size == UINT64_MAX) return invalid_input("compact range: size out of range");
  CompactRange range;
  std::uint64_t start = 0;
  std::size_t i = 0;
  for (int bit = 63; bit >= 0; --bit) {
    std::uint64_t width = std::uint64_t{1} << bit;
    if ((size & width) == 0) continue;
    MK_ASSIGN_OR_RETURN(range.hashes_[i], range_root(start, start + width, source));
    ++i;
    start += width;
  }
  range.size_ = size;
  return range;
}

bool operator==(const CompactRange& a, const CompactRange& b) {
  return a.size_ == b.size_ && std::equal(a.hashes().begin(), a.hashes().end(), b.hashes().begin());
}

}  // namespace mk::tlog

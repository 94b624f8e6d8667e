// Helpers every fuzz target shares: the input as text or bytes, and invariant checks that stop the
// fuzzer (as a crash it records with a reproducer) when a parser breaks its header's contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "base/bytes.hpp"
#include "base/status.hpp"

namespace mk::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline ByteView as_view(const std::uint8_t* data, std::size_t size) {
  return {data, size};
}

// Aborts with `what` when `ok` is false: libFuzzer then saves the input as crash-<sha1>.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// Bad input must give an error, never kOk-less nonsense: the failure's code must be one of the
// codes the parser documents.
inline void require_code(const Status& status, Code expected, const char* what) {
  require(!status.is_ok() && status.code() == expected, what);
}

}  // namespace mk::fuzz

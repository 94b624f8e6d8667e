// Initialises libsodium before the first input, as every program using crypto/ must. Include it in
// exactly one file of a fuzz target that reaches crypto/ (directly or through a parser).
#pragma once

#include "crypto/secret_buffer.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  mk::fuzz::require(mk::crypto::initialize(), "libsodium does not initialise");
  return 0;
}

// The one main() of every test binary: initialises libsodium before Catch2 runs the cases.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "crypto/secret_buffer.hpp"

int main(int argc, char** argv) {
  if (!mk::crypto::initialize()) return 1;
  return Catch::Session().run(argc, argv);
}

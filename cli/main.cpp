// meldkluis: the command-line face of Meldkluis. See docs/cli.md, or run `meldkluis help`.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/dispatch.hpp"
#include "crypto/secret_buffer.hpp"
#include "service/process_hardening.hpp"

int main(int argc, char** argv) {
  if (!mk::service::harden_process() || !mk::service::core_dumps_disabled()) {
    std::fputs("meldkluis: cannot switch off core dumps; refusing to run\n", stderr);
    return 1;
  }
  if (!mk::crypto::initialize()) {
    std::fputs("meldkluis: cannot initialise the cryptography library\n", stderr);
    return 1;
  }
  std::vector<std::string> tokens(argv + 1, argv + argc);
  return mk::cli::run(tokens);
}

// One process at a time: a second opener gets "vault in use", never a shared, corrupting handle.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

TEST_CASE("a second process opening the same vault gets vault in use") {
  TestVault tv;  // holds the vault open in this process
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    FixedClock clock(test_now());
    Result<Vault> second =
        Vault::open(tv.dir(), secret(kCoordinatorPassphrase), std::nullopt, clock);
    _exit(second.is_ok() ? 0 : second.status().code() == Code::kVaultInUse ? 7 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 7);

  // Once the first process lets go, the vault opens again.
  tv.close();
  MK_CHECK_OK(tv.reopen(kCoordinatorPassphrase));
}

TEST_CASE("the lock is released when the holder dies, so a crash leaves no stale lock") {
  TestVault tv;
  tv.close();
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    FixedClock clock(test_now());
    Result<Vault> held = Vault::open(tv.dir(), secret(kCoordinatorPassphrase), std::nullopt, clock);
    if (!held) _exit(1);
    ::kill(::getpid(), SIGKILL);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  MK_CHECK_OK(tv.reopen(kCoordinatorPassphrase));
}

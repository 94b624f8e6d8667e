// Crash consistency: a process writing to the vault is killed (SIGKILL) at random moments, many
// times. After every kill the vault must open, its audit log must verify, and every change must
// have its audit entry and every entry its change: a unit of work is all or nothing.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "vault/audit_log.hpp"
#include "vault/person_store.hpp"
#include "vault/signal_store.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;
using namespace mk::vault::test;

namespace {

// The child: opens the vault and writes until killed. Never returns.
[[noreturn]] void write_until_killed(const std::filesystem::path& dir, unsigned seed) {
  FixedClock clock(test_now());
  Result<Vault> v = Vault::open(dir, secret(kCoordinatorPassphrase), std::nullopt, clock);
  if (!v) _exit(3);
  AuditLog log("test@crash");
  v->set_audit_sink(&log);
  std::mt19937 rng(seed);
  for (int i = 0;; ++i) {
    clock.advance(std::chrono::seconds(1));
    Result<UnitOfWork> uow = UnitOfWork::begin(*v);
    if (!uow) _exit(4);
    Result<std::string> person =
        add_person(*uow, PersonRole::kVictim, synthetic::identity_of(synthetic::kIoana));
    if (!person) _exit(5);
    if (rng() % 2 == 0) {
      SignalInput in = synthetic::anonymous_tip(Date(2026, 1, 5));
      in.person_ids = {*person};
      if (!add_signal(*uow, in)) _exit(6);
    }
    if (!uow->commit().is_ok()) _exit(7);
    if (i % 5 == 4 && !write_checkpoint(*v)) _exit(8);
  }
}

std::set<std::string> ids_in(Vault& vault, const std::string& table) {
  Result<Statement> st = vault.db().prepare("SELECT id FROM " + table);
  REQUIRE(st.is_ok());
  std::set<std::string> out;
  while (*st->step())
    out.insert(st->column_text(0));
  return out;
}

std::set<std::string> objects_of(Vault& vault, const std::string& action) {
  AuditQuery all;
  Result<std::vector<AuditEntry>> entries = read_audit_entries(vault, all);
  REQUIRE(entries.is_ok());
  std::set<std::string> out;
  for (const AuditEntry& e : *entries) {
    if (e.action == action) REQUIRE(out.insert(e.object).second);  // never twice
  }
  return out;
}

}  // namespace

TEST_CASE("killed at random points, the vault keeps every change together with its audit entry",
          "[crash]") {
  TestVault tv;
  tv.close();
  std::mt19937 rng(20261129);
  const int kills = 40;
  std::set<long> delays;
  int mid_transaction = 0;  // kills that left a hot journal: the child was inside a commit
  for (int k = 0; k < kills; ++k) {
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) write_until_killed(tv.dir(), static_cast<unsigned>(rng()));
    long delay_us = 2000 + static_cast<long>(rng() % 60000);
    delays.insert(delay_us);
    ::usleep(static_cast<useconds_t>(delay_us));
    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    INFO("kill " << k << " after " << delay_us << " us");
    REQUIRE((WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));
    std::error_code ec;
    if (std::filesystem::exists(tv.dir() / "vault.db-journal", ec)) ++mid_transaction;

    MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
    Result<AuditVerification> verified = verify_audit_log(tv.vault(), std::nullopt);
    MK_REQUIRE_OK(verified);
    INFO(verified->problem);
    REQUIRE(verified->ok);
    CHECK(objects_of(tv.vault(), "person.add") == ids_in(tv.vault(), "persons"));
    CHECK(objects_of(tv.vault(), "signal.add") == ids_in(tv.vault(), "signals"));
    tv.close();
  }
  MK_REQUIRE_OK(tv.reopen(kCoordinatorPassphrase));
  INFO("persons written across all runs: " << ids_in(tv.vault(), "persons").size());
  CHECK_FALSE(ids_in(tv.vault(), "persons").empty());
  CHECK(delays.size() > kills / 2);
  INFO("kills inside a transaction: " << mid_transaction);
  CHECK(mid_transaction > 0);
  WARN("crash test: " << kills << " kills at " << delays.size() << " distinct delays, "
                      << mid_transaction << " inside a transaction, 0 inconsistencies");
}

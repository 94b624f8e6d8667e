// A sweep killed (SIGKILL) at random moments, many times: after each kill the vault opens, its
// audit log verifies, and every subject the sweep set out to shred is either whole (readable, its
// indexes and key in place, no shred entry) or gone (row, indexes, key and linked rows deleted,
// exactly one shred entry). Running the sweep again finishes the job.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "service/audit.hpp"
#include "service/retention_world.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;
namespace fs = std::filesystem;

namespace {

// Many small subjects, all due on world_today(): signals closed without suspicion, each with its
// reporter, and cases with a victim and a signal.
struct CrashWorld {
  std::vector<PlanItem> due;
  std::map<std::string, std::string> person_keys;  // person id -> subject key id
  std::map<std::string, std::string> case_signal;  // case id -> its signal
};

CrashWorld build_crash_world(Session& s) {
  namespace syn = vault::test::synthetic;
  const syn::DutchPerson* people[] = {&syn::kAnouk, &syn::kMehmet, &syn::kIoana, &syn::kPiotr,
                                      &syn::kDaan};
  CrashWorld cw;
  for (int i = 0; i < 24; ++i) {
    std::string reporter =
        must(add_person(s, vault::PersonRole::kReporter, syn::identity_of(*people[i % 5])));
    vault::SignalInput in = syn::anonymous_tip(Date(2018, 1 + i % 12, 3));
    in.source_kind = vault::SourceKind::kResident;
    in.reporter_id = reporter;
    std::string signal = must(register_signal(s, in));
    MK_REQUIRE_OK(
        close_signal(s, signal, vault::SignalOutcome::kNoSuspicion, Date(2018, 1 + i % 12, 20)));
  }
  for (int i = 0; i < 6; ++i) {
    std::string victim =
        must(add_person(s, vault::PersonRole::kVictim, syn::identity_of(*people[i % 5])));
    vault::SignalInput in = syn::labour_signal();
    in.received = Date(2017, 2 + i, 1);
    in.person_ids = {victim};
    std::string signal = must(register_signal(s, in));
    MK_REQUIRE_OK(
        close_signal(s, signal, vault::SignalOutcome::kCaseOpened, Date(2017, 2 + i, 10)));
    vault::CaseInput c;
    c.opened = Date(2017, 2 + i, 10);
    c.signal_ids = {signal};
    c.person_ids = {victim};
    std::string id = must(open_case(s, c));
    MK_REQUIRE_OK(close_case(s, id, false, Date(2019, 3, 1), std::nullopt));
    cw.case_signal[id] = signal;
  }
  Result<RetentionPlan> plan = plan_retention(s, world_today());
  MK_REQUIRE_OK(plan);
  cw.due = plan->due;
  REQUIRE(cw.due.size() == 24 * 2 + 6 * 2);
  Result<std::map<std::string, std::string>> keys =
      s.transact("test", [&](vault::UnitOfWork& uow) -> Result<std::map<std::string, std::string>> {
        std::map<std::string, std::string> out;
        MK_ASSIGN_OR_RETURN(vault::Statement st,
                            uow.db().prepare("SELECT id, key_id FROM persons"));
        while (true) {
          MK_ASSIGN_OR_RETURN(bool row, st.step());
          if (!row) break;
          out[st.column_text(0)] = st.column_text(1);
        }
        return out;
      });
  MK_REQUIRE_OK(keys);
  cw.person_keys = *keys;
  return cw;
}

std::int64_t count(Session& s, const std::string& sql, const std::string& id) {
  Result<std::int64_t> n = s.transact("test", [&](vault::UnitOfWork& uow) -> Result<std::int64_t> {
    MK_ASSIGN_OR_RETURN(vault::Statement st, uow.db().prepare(sql));
    st.bind(1, id);
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) return internal_error("no count");
    return st.column_int(0);
  });
  MK_REQUIRE_OK(n);
  return *n;
}

// Checks every subject is whole or gone; returns how many are gone.
std::size_t check_all_or_nothing(Session& s, const CrashWorld& cw) {
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(s, {});
  MK_REQUIRE_OK(entries);
  std::multiset<std::string> shred_entries;
  for (const vault::AuditEntry& e : *entries) {
    if (e.action == "retention.shred") shred_entries.insert(e.object);
  }
  std::size_t gone = 0;
  for (const PlanItem& item : cw.due) {
    INFO(item.id);
    bool whole = false;
    switch (item.kind) {
      case vault::SubjectKind::kSignal: {
        Result<vault::Signal> sig = show_signal(s, item.id);
        whole = sig.is_ok();
        if (whole) {
          CHECK(sig->narrative.has_value());
        } else {
          CHECK(sig.status().code() == Code::kNotFound);
          CHECK(count(s, "SELECT count(*) FROM signal_codes WHERE signal_id = ?1", item.id) == 0);
        }
        break;
      }
      case vault::SubjectKind::kCase: {
        Result<vault::Case> c = show_case(s, item.id);
        whole = c.is_ok();
        const std::string& signal = cw.case_signal.at(item.id);
        if (whole) {
          MK_CHECK_OK(show_signal(s, signal));
        } else {
          CHECK(c.status().code() == Code::kNotFound);
          CHECK(show_signal(s, signal).status().code() == Code::kNotFound);
          CHECK(shred_entries.count(signal) == 1);
        }
        break;
      }
      case vault::SubjectKind::kPerson: {
        Result<vault::Person> p = show_person(s, item.id);
        whole = p.is_ok();
        std::int64_t indexes =
            count(s, "SELECT count(*) FROM person_index WHERE person_id = ?1", item.id);
        std::int64_t keys =
            count(s, "SELECT count(*) FROM subject_keys WHERE id = ?1", cw.person_keys.at(item.id));
        if (whole) {
          CHECK(indexes == 3);
          CHECK(keys == 1);
        } else {
          CHECK(p.status().code() == Code::kNotFound);
          CHECK(indexes == 0);
          CHECK(keys == 0);
        }
        break;
      }
      case vault::SubjectKind::kDisclosure:
        FAIL("this world has no disclosures");
        break;
    }
    CHECK(shred_entries.count(item.id) == (whole ? 0u : 1u));
    if (!whole) ++gone;
  }
  return gone;
}

Result<Session> open_copy(const fs::path& dir, const Clock& clock) {
  return Session::open(dir, secret(vault::test::kCoordinatorPassphrase), std::nullopt, clock,
                       "test", default_policy_dir());
}

// Runs a sweep in a child process on `dir`; kills it after `delay` unless it ended first.
// Returns true when the kill landed (the child had not finished).
bool sweep_and_kill(const fs::path& dir, std::chrono::microseconds delay) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    FixedClock clock(instant_of(world_today()));
    Result<Session> s = open_copy(dir, clock);
    if (!s) ::_exit(2);
    ::_exit(sweep_retention(*s).is_ok() ? 0 : 3);
  }
  // Wait for the child to end, or for the moment of the kill.
  auto deadline = std::chrono::steady_clock::now() + delay;
  int status = 0;
  bool killed = false;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    REQUIRE(done >= 0);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      killed = ::kill(pid, SIGKILL) == 0;
      REQUIRE(::waitpid(pid, &status, 0) == pid);
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  if (WIFEXITED(status)) {
    REQUIRE(WEXITSTATUS(status) == 0);  // it finished before the kill: it must have succeeded
    return false;
  }
  return killed && WIFSIGNALED(status);
}

}  // namespace

TEST_CASE("a sweep killed at random points leaves every subject whole or gone, and resumes") {
  TestSession ts(world_today());
  CrashWorld cw = build_crash_world(ts.s());
  ts.close();

  // How long an uninterrupted sweep takes here, to spread the kills over it.
  fs::path timing = ts.temp() / "timing";
  fs::copy(ts.dir(), timing, fs::copy_options::recursive);
  auto start = std::chrono::steady_clock::now();
  REQUIRE_FALSE(sweep_and_kill(timing, std::chrono::seconds(60)));
  auto full = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);

  std::mt19937 random(20261129);
  // A loaded machine makes sweeps slower or faster than the timing run: kills are drawn from the
  // first 80% of it, and rounds go on until 20 kills landed (a sweep that ends first is checked
  // all the same).
  std::uniform_int_distribution<std::int64_t> when(0, full.count() * 4 / 5);
  std::set<std::size_t> points;  // subjects gone at the moment of a kill: distinct crash points
  int kills = 0;
  for (int round = 0; kills < 20 && round < 200; ++round) {
    fs::path copy = ts.temp() / ("round-" + std::to_string(round));
    fs::copy(ts.dir(), copy, fs::copy_options::recursive);
    bool killed = sweep_and_kill(copy, std::chrono::microseconds(when(random)));
    FixedClock clock(instant_of(world_today()));
    Result<Session> s = open_copy(copy, clock);
    MK_REQUIRE_OK(s);
    Result<vault::AuditVerification> verified = verify_audit(*s, std::nullopt);
    MK_REQUIRE_OK(verified);
    CHECK(verified->ok);
    std::size_t gone = check_all_or_nothing(*s, cw);
    if (killed) {
      ++kills;
      points.insert(gone);
    }
    // The next sweep finishes what the killed one left.
    Result<SweepReport> rest = sweep_retention(*s);
    MK_REQUIRE_OK(rest);
    CHECK(rest->shredded.size() == cw.due.size() - gone);
    CHECK(check_all_or_nothing(*s, cw) == cw.due.size());
    verified = verify_audit(*s, std::nullopt);
    MK_REQUIRE_OK(verified);
    CHECK(verified->ok);
    fs::remove_all(copy);
  }
  WARN("sweep of " << cw.due.size() << " subjects took " << full.count() / 1000 << " ms; " << kills
                   << " kills at " << points.size() << " distinct points");
  CHECK(kills >= 20);
  CHECK(points.size() >= 5);
}

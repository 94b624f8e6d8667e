// Fault injection: the coordinator's real use cases run against a disk that fills up, writes and
// fsyncs that fail, pages that cannot be read and journals that cannot be created (FaultVfs), at
// EVERY point of each operation: the fault is armed at call k = 1, 2, ... until the operation
// completes without the fault firing. After each fault the operation must have returned a clear
// error (kIo, or kVaultCorrupt for a page read back damaged; never personal data), the vault must
// open again, its audit log verify, the operation be all or nothing (every table's row count as
// before, or as after a clean run; files it writes exist together with their register entries)
// and a retry must succeed. A WARN line per scenario and fault kind shows the counts
// (docs/faults.md).
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "service/audit.hpp"
#include "service/backup.hpp"
#include "service/casework.hpp"
#include "service/fault_vfs.hpp"
#include "service/keyslots.hpp"
#include "service/retention_world.hpp"
#include "service/service_fixture.hpp"
#include "service/sharing.hpp"
#include "support/folder_snapshot.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;
using mk::testing::FaultKind;
using mk::testing::FaultVfs;
namespace fs = std::filesystem;

namespace {

// Names and text no real record holds: finding one in an error message is a leak.
constexpr std::string_view kCanaryPerson = "Kanarie Zonnebloem";
constexpr std::string_view kCanaryStory = "KANARIE-FOUT: kamers boven de nagelstudio";
constexpr std::string_view kNewPassphrase = "Nieuwe zin voor het meldpunt 2027!";

// What an operation changes, as the vault shows it after reopening: every table's row count and
// whether the key-slot file and the files the operation writes exist.
using State = std::map<std::string, std::string>;

std::string describe(const State& s) {
  std::ostringstream out;
  for (const auto& [k, v] : s)
    out << k << '=' << v << ' ';
  return out.str();
}

State table_counts(Session& s) {
  Result<State> counts = s.transact("test", [](vault::UnitOfWork& uow) -> Result<State> {
    std::vector<std::string> tables;
    MK_ASSIGN_OR_RETURN(vault::Statement list,
                        uow.db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                         "name NOT LIKE 'sqlite_%' ORDER BY name"));
    while (true) {
      MK_ASSIGN_OR_RETURN(bool row, list.step());
      if (!row) break;
      tables.push_back(list.column_text(0));
    }
    State out;
    for (const std::string& t : tables) {
      MK_ASSIGN_OR_RETURN(vault::Statement count,
                          uow.db().prepare("SELECT count(*) FROM \"" + t + "\""));
      MK_ASSIGN_OR_RETURN(bool row, count.step());
      if (!row) return internal_error("no count");
      out[t] = std::to_string(count.column_int(0));
    }
    return out;
  });
  MK_REQUIRE_OK(counts);
  return *counts;
}

struct Scenario {
  std::string name;
  // Builds the vault the operation starts from (once, without faults). `root` holds the vault
  // folder ("vault") and any file the scenario needs beside it.
  std::function<void(Session&, const fs::path& root)> setup;
  // The operation under test. `unit_done` is called after each unit of work of an operation made
  // of several (the retention sweep), so the reference run can record each state between them.
  std::function<Status(Session&, const fs::path& root, const std::function<void()>& unit_done)> op;
  // Files the operation writes beside the vault (relative to root): they must exist exactly when
  // the operation's records do.
  std::vector<std::string> outputs;
  // The operation starts from a log that grew since its last checkpoint (the template is copied
  // before its session closes, which would sign one).
  bool log_grown = false;
};

// A vault with a few records, the context every operation runs in.
void base_world(Session& s) {
  namespace syn = vault::test::synthetic;
  vault::PersonIdentity victim = syn::identity_of(syn::kIoana);
  victim.set(vault::PersonField::kName, std::string(kCanaryPerson));
  Result<std::string> v = add_person(s, vault::PersonRole::kVictim, victim);
  MK_REQUIRE_OK(v);
  vault::SignalInput in = syn::labour_signal();
  in.received = Date(2026, 11, 2);
  in.narrative = std::string(kCanaryStory);
  in.person_ids = {*v};
  MK_REQUIRE_OK(register_signal(s, in));
}

// The first id of a table, read directly (for operations that need an existing record). Inside
// an operation, so a fault may hit it: an error, not a failed test.
Result<std::string> first_id(Session& s, const std::string& table) {
  return s.transact("test", [&](vault::UnitOfWork& uow) -> Result<std::string> {
    MK_ASSIGN_OR_RETURN(vault::Statement st,
                        uow.db().prepare("SELECT id FROM " + table + " ORDER BY id LIMIT 1"));
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) return not_found("empty table");
    return st.column_text(0);
  });
}

std::string must_first_id(Session& s, const std::string& table) {
  Result<std::string> id = first_id(s, table);
  MK_REQUIRE_OK(id);
  return *id;
}

std::vector<Scenario> scenarios() {
  namespace syn = vault::test::synthetic;
  std::vector<Scenario> out;

  out.push_back({"intake (signal with a new person)",
                 [](Session& s, const fs::path&) { base_world(s); },
                 [](Session& s, const fs::path&, const std::function<void()>&) -> Status {
                   NewPerson p;
                   p.role = vault::PersonRole::kVictim;
                   p.identity = syn::identity_of(syn::kFatima);
                   p.identity.set(vault::PersonField::kName, std::string(kCanaryPerson));
                   vault::SignalInput in = syn::labour_signal();
                   in.received = Date(2026, 11, 27);
                   in.narrative = std::string(kCanaryStory);
                   return status_of(register_intake(s, in, {p}));
                 },
                 {}});

  out.push_back({"person add",
                 [](Session& s, const fs::path&) { base_world(s); },
                 [](Session& s, const fs::path&, const std::function<void()>&) -> Status {
                   vault::PersonIdentity id = syn::identity_of(syn::kMehmet);
                   id.set(vault::PersonField::kName, std::string(kCanaryPerson));
                   return status_of(add_person(s, vault::PersonRole::kVictim, id));
                 },
                 {}});

  out.push_back({"case open",
                 [](Session& s, const fs::path&) { base_world(s); },
                 [](Session& s, const fs::path&, const std::function<void()>&) -> Status {
                   vault::CaseInput c;
                   c.opened = Date(2026, 11, 28);
                   c.summary = std::string(kCanaryStory);
                   MK_ASSIGN_OR_RETURN(std::string signal, first_id(s, "signals"));
                   MK_ASSIGN_OR_RETURN(std::string person, first_id(s, "persons"));
                   c.signal_ids = {signal};
                   c.person_ids = {person};
                   return status_of(open_case(s, c));
                 },
                 {}});

  out.push_back({"share export",
                 [](Session& s, const fs::path& root) {
                   base_world(s);
                   Result<std::string> recipient = partner_keygen(
                       root / "politie-sleutel.txt", FixedClock(instant_of(Date(2026, 11, 29))));
                   MK_REQUIRE_OK(recipient);
                   vault::Partner partner;
                   partner.id = "police";
                   partner.name = "Politie Eenheid Den Haag, AVIM";
                   partner.kind = "police";
                   partner.age_recipient = *recipient;
                   partner.purposes = {"report"};
                   MK_REQUIRE_OK(add_partner(s, partner));
                   vault::CaseInput c;
                   c.opened = Date(2026, 11, 28);
                   c.summary = std::string(kCanaryStory);
                   c.signal_ids = {must_first_id(s, "signals")};
                   c.person_ids = {must_first_id(s, "persons")};
                   MK_REQUIRE_OK(open_case(s, c));
                 },
                 [](Session& s, const fs::path& root, const std::function<void()>&) -> Status {
                   ShareTarget t;
                   MK_ASSIGN_OR_RETURN(t.case_id, first_id(s, "cases"));
                   return status_of(export_share(s, "police", "report", t, root / "pakket.age"));
                 },
                 {"pakket.age", "pakket.age.minisig"}});

  out.push_back({"backup create",
                 [](Session& s, const fs::path&) { base_world(s); },
                 [](Session& s, const fs::path& root, const std::function<void()>&) -> Status {
                   return status_of(create_backup(s, root / "kluis.mkbackup"));
                 },
                 {"kluis.mkbackup"}});

  out.push_back({"retention sweep",
                 [](Session& s, const fs::path&) { (void)build_world(s); },
                 [](Session& s, const fs::path&, const std::function<void()>& unit_done) -> Status {
                   return status_of(sweep_retention(s, [&](const SweepProgress&) { unit_done(); }));
                 },
                 {}});

  out.push_back({"audit checkpoint",
                 [](Session& s, const fs::path&) { base_world(s); },
                 [](Session& s, const fs::path&, const std::function<void()>&) -> Status {
                   return status_of(audit_checkpoint(s));
                 },
                 {},
                 true});

  out.push_back({"key-slot passphrase change",
                 [](Session& s, const fs::path&) { base_world(s); },
                 [](Session& s, const fs::path&, const std::function<void()>&) -> Status {
                   return change_passphrase(s, "", secret(kNewPassphrase), 1);
                 },
                 {}});
  return out;
}

// --- one run of a scenario ----------------------------------------------------------------------

const Date kToday(2026, 11, 29);

void copy_folder(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

// Which passphrase opens the vault now: the key-slot file is the template's or a new one.
bool keyslots_changed(const fs::path& root, const fs::path& template_root) {
  return mk::testing::read_file_bytes(root / "vault" / "keyslots") !=
         mk::testing::read_file_bytes(template_root / "vault" / "keyslots");
}

Session open_session(const fs::path& root, const fs::path& template_root, FixedClock& clock) {
  std::string_view passphrase =
      keyslots_changed(root, template_root) ? kNewPassphrase : vault::test::kCoordinatorPassphrase;
  Result<Session> s =
      Session::open(root / "vault", secret(passphrase), std::nullopt, clock, "test");
  MK_REQUIRE_OK(s);
  return std::move(*s);
}

State observe(Session& s, const Scenario& sc, const fs::path& root, const fs::path& template_root) {
  State st = table_counts(s);
  st["file:keyslots"] = keyslots_changed(root, template_root) ? "new" : "as before";
  for (const std::string& f : sc.outputs)
    st["file:" + f] = fs::exists(root / f) ? "present" : "absent";
  return st;
}

void require_audit_verifies(Session& s) {
  Result<vault::AuditVerification> v = verify_audit(s, std::nullopt);
  MK_REQUIRE_OK(v);
  INFO(v->problem);
  REQUIRE(v->ok);
}

// The states a clean run passes through: before, after each unit of work, after.
struct Reference {
  std::vector<State> states;
  mk::testing::IoCounts io;
};

Reference reference_run(const Scenario& sc, const fs::path& template_root, const fs::path& root,
                        FaultVfs& vfs) {
  copy_folder(template_root, root);
  FixedClock clock(instant_of(kToday));
  Reference ref;
  {
    Session s = open_session(root, template_root, clock);
    ref.states.push_back(observe(s, sc, root, template_root));
    vfs.reset_counts();
    Status st = sc.op(s, root, [&] { ref.states.push_back(observe(s, sc, root, template_root)); });
    ref.io = vfs.counts();
    MK_REQUIRE_OK(st);
  }
  Session s = open_session(root, template_root, clock);
  require_audit_verifies(s);
  State after = observe(s, sc, root, template_root);
  REQUIRE(after != ref.states.front());
  ref.states.push_back(after);
  return ref;
}

struct Tally {
  std::uint64_t injected = 0;       // runs in which the fault fired
  std::uint64_t rolled_back = 0;    // the vault showed the state before the operation
  std::uint64_t partial_units = 0;  // a multi-unit operation stopped between two units
  std::uint64_t completed = 0;      // the operation was complete although an error was returned
  std::uint64_t absorbed = 0;       // SQLite recovered by itself: the operation succeeded
  std::map<std::string, std::uint64_t> codes;
  std::set<std::string> absorbed_at;  // which calls SQLite recovered from
  std::set<std::string> messages;     // every distinct error message seen
};

std::string summary(const Tally& t) {
  std::ostringstream out;
  out << t.injected << " faults: " << t.rolled_back << " rolled back, " << t.partial_units
      << " stopped between units, " << t.completed << " complete despite the error, " << t.absorbed
      << " absorbed; codes";
  for (const auto& [c, n] : t.codes)
    out << ' ' << c << '=' << n;
  for (const std::string& where : t.absorbed_at)
    out << "; absorbed: " << where;
  for (const std::string& m : t.messages)
    out << "\n      \"" << m << '"';
  return out.str();
}

// Runs `sc` with `kind` at k = 1, 2, ... until it completes without the fault firing.
Tally run_all_points(const Scenario& sc, FaultKind kind, const fs::path& template_root,
                     const fs::path& root, const Reference& ref, FaultVfs& vfs) {
  Tally tally;
  for (std::uint64_t k = 1;; ++k) {
    INFO(sc.name << ", " << mk::testing::fault_kind_name(kind) << ", k = " << k);
    copy_folder(template_root, root);
    FixedClock clock(instant_of(kToday));
    Status st;
    bool fired = false;
    {
      Session s = open_session(root, template_root, clock);
      vfs.arm(kind, k);
      st = sc.op(s, root, [] {});
      vfs.disarm();
      fired = vfs.fired();
    }  // closing signs a checkpoint if the log grew; no fault is armed any more
    const std::string where = vfs.last_failure();
    INFO("failed call: " << where);
    if (!fired) {
      MK_REQUIRE_OK(st);
      break;
    }
    ++tally.injected;
    if (st.is_ok()) {
      ++tally.absorbed;
      tally.absorbed_at.insert(where);
    } else {
      ++tally.codes[std::string(code_name(st.code()))];
      tally.messages.insert(st.to_string());
      INFO("error: " << st.to_string());
      // kIo for the disk's failures; kVaultCorrupt for a page that read back damaged. Never
      // kInternal: a fault of the disk is not a bug.
      CHECK((st.code() == Code::kIo || st.code() == Code::kVaultCorrupt));
      CHECK(!st.message().empty());
      CHECK(st.message().find(kCanaryPerson) == std::string::npos);
      CHECK(st.message().find(kCanaryStory) == std::string::npos);
      CHECK(st.message().find("Kanarie") == std::string::npos);
    }

    State seen;
    {
      Session s = open_session(root, template_root, clock);
      require_audit_verifies(s);
      seen = observe(s, sc, root, template_root);
    }
    // Between two units of a sweep the closing session signed a checkpoint the clean run's
    // in-session snapshot lacks: those states are compared without the checkpoint count.
    auto without_checkpoints = [](State state) {
      state.erase("audit_checkpoints");
      return state;
    };
    std::size_t at = 0;
    while (at < ref.states.size()) {
      bool ends = at == 0 || at + 1 == ref.states.size();
      if (ends ? ref.states[at] == seen
               : without_checkpoints(ref.states[at]) == without_checkpoints(seen)) {
        break;
      }
      ++at;
    }
    INFO("state after the fault: " << describe(seen));
    INFO("before: " << describe(ref.states.front()));
    INFO("after:  " << describe(ref.states.back()));
    REQUIRE(at < ref.states.size());
    if (at + 1 == ref.states.size()) {
      if (!st.is_ok()) ++tally.completed;
      continue;
    }
    if (st.is_ok()) FAIL("the operation reported success but its changes are not all there");
    if (at == 0) {
      ++tally.rolled_back;
    } else {
      ++tally.partial_units;
    }
    // Retried without the fault, it completes.
    {
      Session s = open_session(root, template_root, clock);
      MK_REQUIRE_OK(sc.op(s, root, [] {}));
    }
    Session s = open_session(root, template_root, clock);
    require_audit_verifies(s);
    State finished = observe(s, sc, root, template_root);
    INFO("after the retry: " << describe(finished));
    if (at == 0) {
      REQUIRE(finished == ref.states.back());
    } else {  // the interrupted session and the retry each signed a checkpoint
      REQUIRE(without_checkpoints(finished) == without_checkpoints(ref.states.back()));
    }
  }
  return tally;
}

// Builds the scenario's starting vault in base/build and returns its copy, base/template.
fs::path make_template(const Scenario& sc, const fs::path& base) {
  fs::path build = base / "build";
  fs::path copy = base / "template";
  fs::create_directories(build);
  FixedClock clock(instant_of(kToday));
  {
    Result<Session::Created> created =
        Session::create(build / "vault", secret(vault::test::kCoordinatorPassphrase),
                        crypto::pwhash_params_for_tests(), clock, "test");
    MK_REQUIRE_OK(created);
    sc.setup(created->session, build);
    if (sc.log_grown) copy_folder(build, copy);  // no transaction is open: the file is whole
  }
  if (!sc.log_grown) copy_folder(build, copy);
  return copy;
}

void run_scenario(const Scenario& sc, const std::vector<FaultKind>& kinds) {
  FaultVfs vfs;
  TempDir temp;
  fs::path template_root = make_template(sc, temp.path());
  Reference ref = reference_run(sc, template_root, temp.path() / "run", vfs);
  std::ostringstream report;
  report << "faults: " << sc.name << " (clean run: " << ref.io.writes << " writes, " << ref.io.syncs
         << " syncs, " << ref.io.reads << " reads, " << ref.io.new_file_opens << " new files)";
  for (FaultKind kind : kinds) {
    Tally t = run_all_points(sc, kind, template_root, temp.path() / "run", ref, vfs);
    report << "\n  " << mk::testing::fault_kind_name(kind) << ": " << summary(t);
    CHECK(t.injected > 0);
  }
  WARN(report.str());
}

const std::vector<FaultKind> kWriteFaults = {FaultKind::kDiskFull, FaultKind::kWriteError,
                                             FaultKind::kSyncError, FaultKind::kCantOpen};
const std::vector<FaultKind> kReadFaults = {FaultKind::kReadError, FaultKind::kShortRead};

const Scenario& scenario_named(const std::string& name) {
  static const std::vector<Scenario> all = scenarios();
  for (const Scenario& sc : all) {
    if (sc.name == name) return sc;
  }
  FAIL("no scenario " << name);
  return all.front();
}

}  // namespace

TEST_CASE("faults: write faults at every point of intake, person add and case open", "[faults]") {
  for (const char* name : {"intake (signal with a new person)", "person add", "case open"}) {
    run_scenario(scenario_named(name), kWriteFaults);
  }
}

TEST_CASE("faults: write faults at every point of a share export and a backup", "[faults]") {
  for (const char* name : {"share export", "backup create"}) {
    run_scenario(scenario_named(name), kWriteFaults);
  }
}

TEST_CASE("faults: write faults at every point of a retention sweep", "[faults]") {
  run_scenario(scenario_named("retention sweep"), kWriteFaults);
}

TEST_CASE("faults: write faults at every point of an audit checkpoint and a passphrase change",
          "[faults]") {
  for (const char* name : {"audit checkpoint", "key-slot passphrase change"}) {
    run_scenario(scenario_named(name), kWriteFaults);
  }
}

TEST_CASE("faults: read errors at every read of person add and share export give a clear error",
          "[faults]") {
  for (const char* name : {"person add", "share export"}) {
    run_scenario(scenario_named(name), kReadFaults);
  }
}

TEST_CASE(
    "faults: a read error at any read while opening the vault is a clear error, never wrong "
    "data",
    "[faults]") {
  FaultVfs vfs;
  TempDir temp;
  Scenario sc = scenario_named("case open");
  fs::path template_root = make_template(sc, temp.path());
  std::ostringstream report;
  report << "faults: opening the vault";
  for (FaultKind kind : kReadFaults) {
    Tally t;
    std::uint64_t k = 1;
    for (;; ++k) {
      INFO(mk::testing::fault_kind_name(kind) << ", k = " << k);
      FixedClock clock(instant_of(kToday));
      vfs.arm(kind, k);
      Result<Session> opened =
          Session::open(template_root / "vault", secret(vault::test::kCoordinatorPassphrase),
                        std::nullopt, clock, "test");
      // Reading through the opened session is part of "opening": the first list of signals.
      Result<std::vector<vault::SignalSummary>> listed =
          opened ? list_signals(*opened, vault::SignalFilter{})
                 : Result<std::vector<vault::SignalSummary>>(opened.status());
      vfs.disarm();
      if (!vfs.fired()) {
        MK_REQUIRE_OK(listed);
        break;
      }
      ++t.injected;
      INFO("failed call: " << vfs.last_failure());
      if (listed) {
        // SQLite recovered: the data must be exactly what is stored.
        ++t.absorbed;
        t.absorbed_at.insert(vfs.last_failure());
        REQUIRE(listed->size() == 1);
        continue;
      }
      ++t.codes[std::string(code_name(listed.status().code()))];
      t.messages.insert(listed.status().to_string());
      INFO(listed.status().to_string());
      CHECK((listed.status().code() == Code::kIo || listed.status().code() == Code::kVaultCorrupt));
      CHECK(listed.status().message().find("Kanarie") == std::string::npos);
      ++t.rolled_back;
    }
    report << "\n  " << mk::testing::fault_kind_name(kind) << ": " << t.injected << " faults over "
           << k - 1 << " reads; codes";
    for (const auto& [c, n] : t.codes)
      report << ' ' << c << '=' << n;
    report << "; " << t.absorbed << " absorbed";
    for (const std::string& where : t.absorbed_at)
      report << "; absorbed: " << where;
    for (const std::string& m : t.messages)
      report << "\n      \"" << m << '"';
    CHECK(t.injected > 0);
  }
  // The vault is untouched by all that: it opens and verifies.
  FixedClock clock(instant_of(kToday));
  Session s = open_session(template_root, template_root, clock);
  require_audit_verifies(s);
  WARN(report.str());
}

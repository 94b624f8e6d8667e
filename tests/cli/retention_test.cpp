// meldkluis retention plan|sweep and case hold|release|holds through the real binary, on a vault
// whose records were closed years ago (past dates are ordinary input). With the shipped
// policies/retention.json:
//
//   signal s1  no suspicion, closed 2019-04-01, reporter r1   both due 2020-04-01
//   case c1    closed 2019-06-30, signal s2, victim v1         both due 2024-06-30
//   signal s3  received 2026-10-01, still open, victim v3      never due while open
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>
#include <regex>
#include <set>

#include "cli_harness.hpp"
#include "support/folder_snapshot.hpp"

using namespace mk::cli_test;
using mk::json::Value;

namespace {

const std::string kHoldReason = "Strafrechtelijk onderzoek, verzoek OM 2026-11";
const std::string kReporterName = "Daan Visser";

struct World {
  std::string r1, s1;
  std::string v1, s2, c1;
  std::string v3, s3;
};

World build_world(VaultFixture& v) {
  World w;
  w.r1 = first_line(v.ok(
      {"person", "add", "--role", "reporter", "--name", kReporterName, "--dob", "1971-08-02"}));
  std::string narrative = v.file("melding.txt", "Buurman meldt drukte bij de massagesalon.");
  w.s1 = first_line(v.ok({"signal", "add", "--received", "2019-03-04", "--source", "resident",
                          "--reporter", w.r1, "--narrative-file", narrative, "--form", "sexual"}));
  v.ok({"signal", "close", w.s1, "--outcome", "no_suspicion", "--date", "2019-04-01"});

  w.v1 = first_line(v.ok(
      {"person", "add", "--role", "victim", "--name", "Ioana Popescu", "--dob", "1996-02-11"}));
  w.s2 = first_line(v.ok({"signal", "add", "--received", "2018-04-20", "--source", "internal_team",
                          "--team", "Wijkteam Oost", "--form", "labour", "--person", w.v1}));
  v.ok({"signal", "close", w.s2, "--outcome", "case_opened", "--date", "2018-05-01"});
  w.c1 = first_line(
      v.ok({"case", "open", "--opened", "2018-05-01", "--signal", w.s2, "--person", w.v1}));
  v.ok({"case", "close", w.c1, "--date", "2019-06-30", "--referred"});

  w.v3 = first_line(v.ok(
      {"person", "add", "--role", "victim", "--name", "Anouk de Graaf", "--dob", "2001-06-30"}));
  w.s3 = first_line(v.ok({"signal", "add", "--received", "2026-10-01", "--source", "internal_team",
                          "--team", "Wijkteam Noord", "--person", w.v3}));
  return w;
}

std::set<std::string> ids_of(const Value& items) {
  std::set<std::string> out;
  for (const Value& item : items.as_array())
    out.insert(item.find("id")->as_string());
  return out;
}

const Value* item_with_id(const Value& items, const std::string& id) {
  for (const Value& item : items.as_array()) {
    if (item.find("id")->as_string() == id) return &item;
  }
  return nullptr;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

struct TerminalRun {
  int exit_code = -1;
  std::string transcript;  // everything the terminal showed
  int answered = 0;
};

// Runs meldkluis on a new pseudo-terminal (stdin, stdout and stderr on it) and types `answer`
// each time the terminal shows `trigger`.
TerminalRun run_on_terminal(const std::vector<std::string>& args, const std::string& trigger,
                            const std::string& answer) {
  std::vector<std::string> storage = {MELDKLUIS_CLI};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : storage)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  TerminalRun run;
  std::size_t searched = 0;
  for (;;) {
    pollfd p{master, POLLIN, 0};
    int ready = ::poll(&p, 1, 30000);
    if (ready < 0 && errno == EINTR) continue;
    INFO(run.transcript);
    REQUIRE(ready > 0);  // no hang
    char buf[512];
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has gone
    run.transcript.append(buf, static_cast<std::size_t>(n));
    std::size_t at = run.transcript.find(trigger, searched);
    if (at != std::string::npos) {
      searched = at + trigger.size();
      std::string line = answer + "\n";
      REQUIRE(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
      ++run.answered;
    }
  }
  ::close(master);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::vector<std::string> with_vault(const VaultFixture& v, std::vector<std::string> args) {
  std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file",
                                   v.passphrase_file().string()};
  full.insert(full.end(), args.begin(), args.end());
  return full;
}

}  // namespace

TEST_CASE("cli retention plan: what is due, as of any date, read-only") {
  VaultFixture v;
  World w = build_world(v);
  mk::testing::FolderSnapshot before = mk::testing::snapshot(v.dir());

  // The day before the first due date: nothing.
  Value early = parse_json(v.ok({"--json", "retention", "plan", "--as-of", "2020-03-31"}));
  CHECK(early.find("as_of")->as_string() == "2020-03-31");
  CHECK(early.find("due")->as_array().empty());
  CHECK(early.find("shreddable")->as_integer() == 0);
  CHECK(early.find("held")->as_integer() == 0);
  CHECK(early.find("policy_hash")->as_string().size() == 64);
  CHECK(early.find("policy_file")->as_string().find("retention.json") != std::string::npos);

  // On the due date: the no-suspicion signal and its reporter.
  Value on = parse_json(v.ok({"--json", "retention", "plan", "--as-of", "2020-04-01"}));
  CHECK(ids_of(*on.find("due")) == std::set<std::string>{w.s1, w.r1});
  const Value* s1 = item_with_id(*on.find("due"), w.s1);
  REQUIRE(s1 != nullptr);
  CHECK(s1->find("kind")->as_string() == "signal");
  CHECK(s1->find("role")->is_null());
  CHECK(s1->find("rule")->as_string() == "signal-no-suspicion");
  CHECK(s1->find("rule_confirmed")->as_bool() == false);
  CHECK(s1->find("trigger")->as_string() == "closed");
  CHECK(s1->find("trigger_date")->as_string() == "2019-04-01");
  CHECK(s1->find("due")->as_string() == "2020-04-01");
  CHECK(s1->find("action")->as_string() == "deidentify");
  CHECK(s1->find("held_by")->as_array().empty());
  const Value* r1 = item_with_id(*on.find("due"), w.r1);
  REQUIRE(r1 != nullptr);
  CHECK(r1->find("kind")->as_string() == "person");
  CHECK(r1->find("role")->as_string() == "reporter");
  CHECK(r1->find("rule")->as_string() == "person-reporter");
  CHECK(r1->find("action")->as_string() == "shred");
  // Signals before persons: the order a sweep takes them.
  CHECK(on.find("due")->as_array().front().find("id")->as_string() == w.s1);

  // The day before the case falls due, and the day itself.
  Value before_case = parse_json(v.ok({"--json", "retention", "plan", "--as-of", "2024-06-29"}));
  CHECK(ids_of(*before_case.find("due")) == std::set<std::string>{w.s1, w.r1});
  Value today = parse_json(v.ok({"--json", "retention", "plan"}));
  CHECK(ids_of(*today.find("due")) == std::set<std::string>{w.s1, w.r1, w.c1, w.v1});
  CHECK(today.find("shreddable")->as_integer() == 4);
  const Value* c1 = item_with_id(*today.find("due"), w.c1);
  REQUIRE(c1 != nullptr);
  CHECK(c1->find("kind")->as_string() == "case");
  CHECK(c1->find("trigger_date")->as_string() == "2019-06-30");
  CHECK(c1->find("due")->as_string() == "2024-06-30");

  // The table: every due subject, the unconfirmed rules marked and named once in the footer,
  // the policy's version; no personal data.
  std::string table = v.ok({"retention", "plan"});
  for (const std::string& id : {w.s1, w.r1, w.c1, w.v1})
    CHECK(table.find(id) != std::string::npos);
  CHECK(table.find(w.s3) == std::string::npos);
  CHECK(table.find(w.v3) == std::string::npos);
  CHECK(table.find("VERVALT/DUE") != std::string::npos);
  CHECK(table.find("signal-no-suspicion*") != std::string::npos);
  CHECK(count_of(table, "not confirmed by the archivist") == 1);
  CHECK(table.find(today.find("policy_hash")->as_string()) != std::string::npos);
  CHECK(table.find(kReporterName) == std::string::npos);

  CHECK(v.run({"retention", "plan", "--as-of", "2020-02-30"}).exit_code == 3);
  CHECK(v.run({"retention", "plan", "--as-of", "1-4-2020"}).exit_code == 3);
  // Planning wrote nothing.
  CHECK(mk::testing::snapshot(v.dir()) == before);
}

TEST_CASE("cli retention: a legal hold blocks the sweep, its release unblocks it") {
  VaultFixture v;
  World w = build_world(v);

  // A hold needs its legal ground.
  mk::testing::FolderSnapshot unheld = mk::testing::snapshot(v.dir());
  RunResult no_reason = v.run({"case", "hold", w.c1});
  CHECK(no_reason.exit_code == 2);
  CHECK(no_reason.err.find("--reason") != std::string::npos);
  CHECK(v.run({"case", "hold", w.c1, "--reason", ""}).exit_code == 3);
  CHECK(v.run({"case", "hold", w.c1, "--reason", "regel een\nregel twee"}).exit_code == 3);
  CHECK(mk::testing::snapshot(v.dir()) == unheld);
  CHECK(v.run({"case", "hold", "C-AAAAAAAA", "--reason", kHoldReason}).exit_code == 4);

  Value held = parse_json(v.ok({"--json", "case", "hold", w.c1, "--reason", kHoldReason}));
  CHECK(held.find("id")->as_string() == w.c1);
  CHECK(held.find("result")->as_string() == "held");
  CHECK(v.run({"case", "hold", w.c1, "--reason", kHoldReason}).exit_code == 11);

  Value holds = parse_json(v.ok({"--json", "case", "holds"}));
  REQUIRE(holds.as_array().size() == 1);
  const Value& hold = holds.as_array().front();
  CHECK(hold.find("case_id")->as_string() == w.c1);
  CHECK(hold.find("reason")->as_string() == kHoldReason);
  CHECK(hold.find("placed_by")->as_string() == "coordinator");
  CHECK(hold.find("released")->is_null());
  CHECK(hold.find("released_by")->is_null());
  CHECK(v.ok({"case", "holds"}).find(kHoldReason) != std::string::npos);

  // The hold's reason is also the audit reason of the command that placed it.
  Value audit = parse_json(v.ok({"--json", "audit", "log", "--object", w.c1}));
  bool hold_audited = false;
  for (const Value& e : audit.as_array()) {
    if (e.find("action")->as_string() == "case.hold" && e.find("result")->as_string() == "ok") {
      hold_audited = e.find("reason")->as_string() == kHoldReason;
    }
  }
  CHECK(hold_audited);

  // The plan shows who holds what: the case and its victim.
  Value plan = parse_json(v.ok({"--json", "retention", "plan"}));
  CHECK(plan.find("shreddable")->as_integer() == 2);
  CHECK(plan.find("held")->as_integer() == 2);
  const Value* c1 = item_with_id(*plan.find("due"), w.c1);
  const Value* v1 = item_with_id(*plan.find("due"), w.v1);
  REQUIRE(c1 != nullptr);
  REQUIRE(v1 != nullptr);
  REQUIRE(c1->find("held_by")->as_array().size() == 1);
  CHECK(c1->find("held_by")->as_array().front().as_string() == w.c1);
  CHECK(v1->find("held_by")->as_array().front().as_string() == w.c1);
  CHECK(item_with_id(*plan.find("due"), w.s1)->find("held_by")->as_array().empty());
  // In the table, the victim's row ends with the case that holds it.
  std::string table = v.ok({"retention", "plan"});
  std::size_t row = table.find(w.v1);
  REQUIRE(row != std::string::npos);
  std::string victim_row = table.substr(row, table.find('\n', row) - row);
  CHECK(victim_row.size() > w.c1.size());
  CHECK(victim_row.substr(victim_row.size() - w.c1.size()) == w.c1);

  // Without a terminal a sweep needs --yes, and refusing writes nothing.
  mk::testing::FolderSnapshot before_sweep = mk::testing::snapshot(v.dir());
  RunResult unconfirmed = v.run({"retention", "sweep"});
  CHECK(unconfirmed.exit_code == 2);
  CHECK(unconfirmed.err.find("--yes") != std::string::npos);
  CHECK(mk::testing::snapshot(v.dir()) == before_sweep);

  // The sweep shreds what is not held and reports what is.
  Value swept = parse_json(v.ok({"--json", "retention", "sweep", "--yes"}));
  CHECK(swept.find("result")->as_string() == "swept");
  CHECK(ids_of(*swept.find("shredded")) == std::set<std::string>{w.s1, w.r1});
  CHECK(ids_of(*swept.find("held")) == std::set<std::string>{w.c1, w.v1});
  const Value* shredded_s1 = item_with_id(*swept.find("shredded"), w.s1);
  REQUIRE(shredded_s1 != nullptr);
  CHECK(shredded_s1->find("kind")->as_string() == "signal");
  CHECK(shredded_s1->find("rule")->as_string() == "signal-no-suspicion");
  CHECK(shredded_s1->find("action")->as_string() == "deidentify");
  CHECK(item_with_id(*swept.find("held"), w.v1)->find("held_by")->as_array().front().as_string() ==
        w.c1);
  CHECK(v.run({"signal", "show", w.s1}).exit_code == 4);
  CHECK(v.run({"person", "show", w.r1}).exit_code == 4);
  CHECK(v.run({"case", "show", w.c1}).exit_code == 0);
  CHECK(v.run({"person", "show", w.v1}).exit_code == 0);

  // Each shred is audited with its rule and the policy's version, by id only.
  std::string hash = plan.find("policy_hash")->as_string();
  std::string log = v.ok({"--json", "audit", "log", "--object", w.s1});
  CHECK(log.find("retention.shred") != std::string::npos);
  CHECK(log.find(hash) != std::string::npos);
  CHECK(log.find("signal-no-suspicion") != std::string::npos);
  CHECK(v.ok({"--json", "audit", "log"}).find(kReporterName) == std::string::npos);

  // Again: nothing more to shred while the hold is in force.
  Value again = parse_json(v.ok({"--json", "retention", "sweep", "--yes"}));
  CHECK(again.find("shredded")->as_array().empty());
  CHECK(ids_of(*again.find("held")) == std::set<std::string>{w.c1, w.v1});

  // Release: listed with --all only, and the next sweep takes the case and its victim.
  Value released = parse_json(v.ok({"--json", "case", "release", w.c1}));
  CHECK(released.find("result")->as_string() == "released");
  CHECK(v.run({"case", "release", w.c1}).exit_code == 11);
  CHECK(parse_json(v.ok({"--json", "case", "holds"})).as_array().empty());
  Value all = parse_json(v.ok({"--json", "case", "holds", "--all"}));
  REQUIRE(all.as_array().size() == 1);
  CHECK(all.as_array().front().find("released")->is_string());
  CHECK(all.as_array().front().find("released_by")->as_string() == "coordinator");

  RunResult last = v.run({"retention", "sweep", "--yes"});
  INFO(last.err);
  REQUIRE(last.exit_code == 0);
  CHECK(last.out.find(w.c1) != std::string::npos);
  CHECK(last.out.find(w.v1) != std::string::npos);
  CHECK(last.out.find("Vernietigd / Shredded") != std::string::npos);
  CHECK(last.err.find("\r") == std::string::npos);  // no progress bar off a terminal
  CHECK(v.run({"case", "show", w.c1}).exit_code == 4);
  CHECK(v.run({"person", "show", w.v1}).exit_code == 4);
  CHECK(v.run({"signal", "show", w.s2}).exit_code == 4);
  // Open matters are kept.
  CHECK(v.run({"person", "show", w.v3}).exit_code == 0);
  CHECK(v.run({"signal", "show", w.s3}).exit_code == 0);
  CHECK(parse_json(v.ok({"--json", "retention", "plan"})).find("due")->as_array().empty());
}

TEST_CASE("cli retention: an invalid retention policy is exit 8 and nothing is swept") {
  VaultFixture v;
  World w = build_world(v);
  std::filesystem::path policies = v.temp() / "policies";
  std::filesystem::copy(MELDKLUIS_SOURCE_DIR "/policies", policies,
                        std::filesystem::copy_options::recursive);
  std::filesystem::path file = policies / "retention.json";
  std::string text = read_file(file);
  const std::string good = "\"period\": \"P5Y\"";
  std::size_t at = text.find(good);
  REQUIRE(at != std::string::npos);
  text.replace(at, good.size(), "\"period\": \"P5X\"");
  write_file(file, text);
  std::size_t line =
      1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
  const std::regex place("retention\\.json:" + std::to_string(line) + ":[0-9]+");

  mk::testing::FolderSnapshot before = mk::testing::snapshot(v.dir());
  RunResult sweep = v.run({"--policy-dir", policies.string(), "retention", "sweep", "--yes"});
  CHECK(sweep.exit_code == 8);
  INFO(sweep.err);
  CHECK(std::regex_search(sweep.err, place));
  CHECK(sweep.out.empty());
  RunOptions env;
  env.env.emplace_back("MELDKLUIS_POLICY_DIR", policies.string());
  RunResult plan = v.run({"retention", "plan"}, env);
  CHECK(plan.exit_code == 8);
  CHECK(std::regex_search(plan.err, place));
  CHECK(v.run({"--json", "retention", "sweep", "--yes"}, env).exit_code == 8);
  CHECK(mk::testing::snapshot(v.dir()) == before);

  // Nothing was swept: with the shipped policy everything is still due.
  Value due = parse_json(v.ok({"--json", "retention", "plan"}));
  CHECK(ids_of(*due.find("due")) == std::set<std::string>{w.s1, w.r1, w.c1, w.v1});
}

TEST_CASE("cli retention sweep on a terminal: asks with the count, draws a progress bar") {
  VaultFixture v;
  World w = build_world(v);
  v.ok({"case", "hold", w.c1, "--reason", kHoldReason});

  // "nee": nothing is shredded.
  mk::testing::FolderSnapshot before = mk::testing::snapshot(v.dir());
  TerminalRun no = run_on_terminal(with_vault(v, {"retention", "sweep"}), "[j/N]", "nee");
  INFO(no.transcript);
  CHECK(no.exit_code == 0);
  CHECK(no.answered == 1);
  CHECK(no.transcript.find("2 subject(s) will be shredded irreversibly, 2 held") !=
        std::string::npos);
  CHECK(no.transcript.find("nothing was shredded") != std::string::npos);
  CHECK(mk::testing::snapshot(v.dir()) == before);

  // "ja": shredded, with a progress bar on the terminal.
  TerminalRun yes = run_on_terminal(with_vault(v, {"retention", "sweep"}), "[j/N]", "ja");
  INFO(yes.transcript);
  CHECK(yes.exit_code == 0);
  CHECK(yes.transcript.find("Vernietigen / Shredding [") != std::string::npos);
  CHECK(yes.transcript.find("2/2") != std::string::npos);
  CHECK(yes.transcript.find(w.s1) != std::string::npos);
  CHECK(v.run({"signal", "show", w.s1}).exit_code == 4);
  CHECK(v.run({"person", "show", w.r1}).exit_code == 4);

  // --json on a terminal: JSON only, no bar; nothing left but the held subjects, so no question.
  TerminalRun json =
      run_on_terminal(with_vault(v, {"--json", "retention", "sweep"}), "[j/N]", "ja");
  INFO(json.transcript);
  CHECK(json.exit_code == 0);
  CHECK(json.answered == 0);
  CHECK(json.transcript.find("Shredding [") == std::string::npos);
  CHECK(json.transcript.find("\"result\": \"swept\"") != std::string::npos);
}

TEST_CASE("cli retention: a compliance slot plans and lists holds, but cannot sweep or hold") {
  VaultFixture v;
  World w = build_world(v);
  v.ok({"case", "hold", w.c1, "--reason", kHoldReason});
  std::string fg_pass = v.file("fg-pass", "Functionaris Gegevensbescherming 9\n");
  v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", fg_pass,
        "--kdf-ms", "1"});
  auto as_fg = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file",
                                     fg_pass,   "--slot",         "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };

  RunResult plan = as_fg({"--json", "retention", "plan"});
  INFO(plan.err);
  REQUIRE(plan.exit_code == 0);
  CHECK(ids_of(*parse_json(plan.out).find("due")) == std::set<std::string>{w.s1, w.r1, w.c1, w.v1});
  RunResult holds = as_fg({"--json", "case", "holds"});
  REQUIRE(holds.exit_code == 0);
  CHECK(parse_json(holds.out).as_array().size() == 1);

  RunResult sweep = as_fg({"retention", "sweep", "--yes"});
  CHECK(sweep.exit_code == 10);
  CHECK(sweep.out.empty());
  CHECK(as_fg({"case", "release", w.c1}).exit_code == 10);
  CHECK(as_fg({"case", "hold", w.c1, "--reason", "Controle FG"}).exit_code == 10);

  // Nothing was shredded or released; the refusal of the sweep is in the log.
  CHECK(parse_json(v.ok({"--json", "retention", "plan"})).find("due")->as_array().size() == 4);
  CHECK(parse_json(v.ok({"--json", "case", "holds"})).as_array().size() == 1);
  Value log = parse_json(v.ok({"--json", "audit", "log", "--actor", "fg"}));
  bool refused = false;
  for (const Value& e : log.as_array()) {
    if (e.find("action")->as_string() == "retention.sweep" &&
        e.find("result")->as_string() == "forbidden") {
      refused = true;
    }
  }
  CHECK(refused);
}

TEST_CASE("cli retention and holds: --help for every new verb") {
  for (const std::vector<std::string>& command :
       std::vector<std::vector<std::string>>{{"retention", "plan"},
                                             {"retention", "sweep"},
                                             {"case", "hold"},
                                             {"case", "release"},
                                             {"case", "holds"}}) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    RunResult r = run_cli(args);
    INFO(command[0] << " " << command[1]);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage: meldkluis " + command[0] + " " + command[1]) != std::string::npos);
  }
  CHECK(run_cli({"retention", "--help"}).out.find("retention sweep") != std::string::npos);
  CHECK(run_cli({"case", "hold", "--help"}).out.find("audit reason") != std::string::npos);
}

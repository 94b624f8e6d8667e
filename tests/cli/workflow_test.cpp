// The casework workflow through the real binary: the Meldcode per case (case meldcode, case
// decide), help requests against norm times (help add|list|update|close|overdue), and the training
// log (training add|list), with the shipped policies. Past dates are ordinary input, so norm times
// are tested with --requested and --as-of instead of a clock.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli_harness.hpp"

using namespace mk::cli_test;
using mk::json::Value;

namespace {

const std::string kRationale =
    "Gesprek met mevrouw Kowalska overgeslagen: de uitzendbureau-eigenaar is altijd bij haar.";

struct Casework {
  std::string victim;
  std::string case_id;
};

Casework open_case(VaultFixture& v) {
  Casework c;
  c.victim = first_line(
      v.ok({"person", "add", "--role", "victim", "--name", "Ewa Kowalska", "--dob", "1994-03-12"}));
  c.case_id = first_line(v.ok({"case", "open", "--opened", "2026-01-05", "--person", c.victim}));
  return c;
}

// Runs meldkluis as the compliance slot "fg", added to `v` on first use.
struct Officer {
  explicit Officer(VaultFixture& v) : vault(v) {
    pass = v.file("fg-pass", "Functionaris Gegevensbescherming 9\n");
    v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", pass, "--kdf-ms",
          "1"});
  }
  RunResult run(std::vector<std::string> args) const {
    std::vector<std::string> full = {
        "--vault", vault.dir().string(), "--passphrase-file", pass, "--slot", "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  }
  VaultFixture& vault;
  std::string pass;
};

std::vector<std::string> ids_in(const Value& items) {
  std::vector<std::string> out;
  for (const Value& item : items.as_array())
    out.push_back(item.find("id")->as_string());
  return out;
}

}  // namespace

TEST_CASE("cli meldcode: decisions are recorded per case and the next step is suggested") {
  VaultFixture v;
  Casework c = open_case(v);

  Value start = parse_json(v.ok({"--json", "case", "meldcode", c.case_id}));
  CHECK(start.find("case_id")->as_string() == c.case_id);
  CHECK(start.find("steps")->as_array().size() == 5);
  CHECK(start.find("next")->find("kind")->as_string() == "step");
  CHECK(start.find("next")->find("code")->as_string() == "map_signals");
  CHECK(start.find("decisions")->as_array().empty());

  std::string d1 =
      first_line(v.ok({"case", "decide", c.case_id, "--step", "1", "--answer", "done"}));
  CHECK(d1.rfind("M-", 0) == 0);
  v.ok({"case", "decide", c.case_id, "--step", "2", "--answer", "done"});
  std::string why = v.file("waarom.txt", kRationale);
  v.ok(
      {"case", "decide", c.case_id, "--step", "3", "--answer", "skipped", "--rationale-file", why});
  v.ok({"case", "decide", c.case_id, "--question", "suspicion", "--answer", "yes"});
  v.ok({"case", "decide", c.case_id, "--question", "2", "--answer", "yes"});

  Value view = parse_json(v.ok({"--json", "case", "meldcode", c.case_id}));
  const Value& next = *view.find("next");
  CHECK(next.find("kind")->as_string() == "step");
  CHECK(next.find("code")->as_string() == "weigh");
  const Value& steps = *view.find("steps");
  CHECK(steps.as_array()[2].find("answer")->as_string() == "skipped");
  const Value& weigh = steps.as_array()[3];
  CHECK(weigh.find("answer")->is_null());
  CHECK(weigh.find("questions")->as_array()[1].find("answer")->as_string() == "yes");
  const Value& decisions = *view.find("decisions");
  REQUIRE(decisions.as_array().size() == 5);
  CHECK(decisions.as_array()[0].find("id")->as_string() == d1);
  CHECK(decisions.as_array()[2].find("rationale")->as_string() == kRationale);
  CHECK(decisions.as_array()[2].find("decided_by")->as_string() == "coordinator");

  v.ok({"case", "decide", c.case_id, "--step", "4", "--answer", "done"});
  std::string table = v.ok({"case", "meldcode", c.case_id});
  CHECK(table.find("Volgende stap / Next step") != std::string::npos);
  CHECK(table.find("stap 5 (decide)") != std::string::npos);
  CHECK(table.find("points to: report") != std::string::npos);
  CHECK(table.find("vraag / question acute_danger") != std::string::npos);
  CHECK(table.find(kRationale) != std::string::npos);  // the coordinator reads the rationale

  // The decision, then complete.
  v.ok({"case", "decide", c.case_id, "--step", "5", "--answer", "report"});
  CHECK(parse_json(v.ok({"--json", "case", "meldcode", c.case_id}))
            .find("next")
            ->find("kind")
            ->as_string() == "complete");

  // The audit log names ids and codes, never the rationale.
  std::string log = v.ok({"--json", "audit", "log", "--object", c.case_id});
  CHECK(log.find("case.decide") != std::string::npos);
  CHECK(log.find("answer=skipped;fields=rationale") != std::string::npos);
  CHECK(log.find("Kowalska") == std::string::npos);
}

TEST_CASE("cli meldcode: a bad decision is refused and the vault is untouched") {
  VaultFixture v;
  Casework c = open_case(v);
  Snapshot before = snapshot(v.dir());
  auto refused = [&](std::vector<std::string> args, int code, const std::string& part) {
    RunResult r = v.run(args);
    INFO(r.err);
    CHECK(r.exit_code == code);
    CHECK(r.out.empty());
    CHECK(r.err.find(part) != std::string::npos);
  };
  refused({"case", "decide", c.case_id, "--step", "1", "--answer", "skipped"}, 3, "allowed: done");
  refused({"case", "decide", c.case_id, "--step", "9", "--answer", "done"}, 3, "steps 1 to 5");
  refused({"case", "decide", c.case_id, "--question", "hulp", "--answer", "yes"}, 3,
          "not a question");
  refused({"case", "decide", c.case_id, "--step", "1", "--question", "1", "--answer", "done"}, 2,
          "exactly one of --step and --question");
  refused({"case", "decide", c.case_id, "--step", "1"}, 2, "missing --answer");
  refused({"case", "decide", c.case_id, "--step", "een", "--answer", "done"}, 3, "--step");
  refused({"case", "decide", "C-AAAAAAAA", "--step", "1", "--answer", "done"}, 4, "no case");
  CHECK(snapshot(v.dir()) == before);
}

TEST_CASE("cli meldcode: a compliance slot sees the decisions, never the rationale") {
  VaultFixture v;
  Casework c = open_case(v);
  std::string why = v.file("waarom.txt", kRationale);
  v.ok(
      {"case", "decide", c.case_id, "--step", "3", "--answer", "skipped", "--rationale-file", why});
  Officer fg(v);
  RunResult shown = fg.run({"--json", "case", "meldcode", c.case_id});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  Value view = parse_json(shown.out);
  const Value& d = view.find("decisions")->as_array().at(0);
  CHECK(d.find("has_rationale")->as_bool());
  CHECK(d.find("rationale")->is_null());
  CHECK(shown.out.find("Kowalska") == std::string::npos);
  RunResult table = fg.run({"case", "meldcode", c.case_id});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("Kowalska") == std::string::npos);
  CHECK(table.err.find("rationale not visible to this role") != std::string::npos);
  CHECK(fg.run({"case", "decide", c.case_id, "--step", "1", "--answer", "done"}).exit_code == 10);
}

TEST_CASE("cli help: a help request is overdue from the day after its norm time") {
  VaultFixture v;
  Casework c = open_case(v);
  // Housing: eight weeks from Monday 5 January 2026 is Monday 2 March.
  std::string housing =
      first_line(v.ok({"help", "add", c.case_id, "--kind", "housing", "--team", "Team Wonen",
                       "--person", c.victim, "--requested", "2026-01-05"}));
  CHECK(housing.rfind("H-", 0) == 0);
  Value added = parse_json(v.ok({"--json", "help", "add", c.case_id, "--kind", "shelter", "--team",
                                 "Maatschappelijke opvang", "--requested", "2026-01-05"}));
  std::string shelter = added.find("id")->as_string();
  CHECK(added.find("due")->as_string() == "2026-01-06");
  CHECK(added.find("norm")->as_string() == "P1D");
  CHECK(added.find("person_id")->is_null());

  Value list = parse_json(v.ok({"--json", "help", "list", "--case", c.case_id}));
  REQUIRE(list.as_array().size() == 2);
  const Value& first = list.as_array()[0];  // by due date: shelter first
  CHECK(first.find("id")->as_string() == shelter);
  const Value& second = list.as_array()[1];
  CHECK(second.find("due")->as_string() == "2026-03-02");
  CHECK(second.find("status")->as_string() == "open");
  CHECK(second.find("within_norm")->is_null());
  CHECK(second.find("policy_hash")->as_string().size() == 64);

  v.ok({"help", "close", shelter, "--met", "--date", "2026-01-06"});
  Value on_due = parse_json(v.ok({"--json", "help", "overdue", "--as-of", "2026-03-02"}));
  CHECK(on_due.find("as_of")->as_string() == "2026-03-02");
  CHECK(on_due.find("overdue")->as_array().empty());
  Value day_after = parse_json(v.ok({"--json", "help", "overdue", "--as-of", "2026-03-03"}));
  REQUIRE(ids_in(*day_after.find("overdue")) == std::vector<std::string>{housing});
  CHECK(day_after.find("overdue")->as_array()[0].find("days_overdue")->as_integer() == 1);
  // Today (later than March 2026 on any machine running this) it is still overdue.
  std::string table = v.ok({"help", "overdue"});
  CHECK(table.find(housing) != std::string::npos);
  CHECK(table.find(shelter) == std::string::npos);

  v.ok({"help", "update", housing, "--team", "Sociaal Domein, team Wonen"});
  v.ok({"help", "close", housing, "--met", "--date", "2026-03-03"});
  Value closed = parse_json(v.ok({"--json", "help", "list"}));
  const Value& late = closed.as_array()[1];
  CHECK(late.find("team")->as_string() == "Sociaal Domein, team Wonen");
  CHECK(late.find("status")->as_string() == "met");
  CHECK_FALSE(late.find("within_norm")->as_bool());
  CHECK(closed.as_array()[0].find("within_norm")->as_bool());
  CHECK(parse_json(v.ok({"--json", "help", "overdue", "--as-of", "2026-03-03"}))
            .find("overdue")
            ->as_array()
            .empty());

  std::string log = v.ok({"--json", "audit", "log", "--object", housing});
  for (const char* action : {"help.add", "help.update", "help.close"})
    CHECK(log.find(action) != std::string::npos);
  CHECK(log.find("Wonen") == std::string::npos);
}

TEST_CASE("cli help: bad help requests are refused, and `help` still gives help") {
  VaultFixture v;
  Casework c = open_case(v);
  std::string stranger = first_line(
      v.ok({"person", "add", "--role", "suspect", "--name", "Piotr Nowak", "--dob", "1979-05-30"}));
  Snapshot before = snapshot(v.dir());
  auto refused = [&](std::vector<std::string> args, int code, const std::string& part) {
    RunResult r = v.run(args);
    INFO(r.err);
    CHECK(r.exit_code == code);
    CHECK(r.err.find(part) != std::string::npos);
  };
  refused({"help", "add", c.case_id, "--kind", "debt_relief", "--team", "Schuldhulp"}, 3,
          "--kind: must be one of housing");
  refused({"help", "add", c.case_id, "--kind", "housing"}, 2, "missing --team");
  refused({"help", "add", c.case_id, "--kind", "housing", "--team", "Wonen", "--requested",
           "2026-02-30"},
          3, "--requested");
  refused({"help", "add", c.case_id, "--kind", "housing", "--team", "Wonen", "--requested",
           "2999-01-01"},
          3, "future");
  refused({"help", "add", c.case_id, "--kind", "housing", "--team", "Wonen", "--person", stranger},
          3, "not linked to case");
  refused({"help", "close", "H-AAAAAAAA"}, 2, "exactly one of --met and --unmet");
  refused({"help", "close", "H-AAAAAAAA", "--met"}, 4, "no help request");
  refused({"help", "overdue", "--as-of", "maart"}, 3, "--as-of");
  CHECK(snapshot(v.dir()) == before);

  RunResult overview = run_cli({"help"});
  CHECK(overview.exit_code == 0);
  CHECK(overview.out.find("Exit codes") != std::string::npos);
  CHECK(overview.out.find("help overdue") != std::string::npos);
  RunResult about_case = run_cli({"help", "case", "decide"});
  CHECK(about_case.exit_code == 0);
  CHECK(about_case.out.find("Usage: meldkluis case decide") != std::string::npos);
  RunResult about_add = run_cli({"help", "add", "--help"});
  CHECK(about_add.exit_code == 0);
  CHECK(about_add.out.find("Usage: meldkluis help add") != std::string::npos);
  CHECK(run_cli({"help", "help", "add"}).out == about_add.out);
}

TEST_CASE("cli training: the coordinator records trainings, every role lists them") {
  VaultFixture v;
  std::string first =
      first_line(v.ok({"training", "add", "--date", "2026-03-12", "--team", "Burgerzaken",
                       "--count", "14", "--subject", "Signalen van mensenhandel aan de balie"}));
  CHECK(first.rfind("T-", 0) == 0);
  v.ok({"training", "add", "--date", "2025-10-02", "--team", "Wijkteam Oost", "--count", "11",
        "--subject", "Meldcode en centraal meldpunt"});
  v.ok({"training", "add", "--date", "2026-09-24", "--team", "Toezicht en Handhaving", "--count",
        "8", "--subject", "Arbeidsuitbuiting bij controles"});

  Value year = parse_json(v.ok({"--json", "training", "list", "--year", "2026"}));
  CHECK(year.find("year")->as_integer() == 2026);
  CHECK(year.find("sessions")->as_integer() == 2);
  CHECK(year.find("trained")->as_integer() == 22);
  REQUIRE(year.find("trainings")->as_array().size() == 2);
  CHECK(year.find("trainings")->as_array()[0].find("id")->as_string() == first);
  std::string table = v.ok({"training", "list"});
  CHECK(table.find("Totaal / Total: 33 getraind in 3 trainingen") != std::string::npos);

  Snapshot before = snapshot(v.dir());
  CHECK(v.run({"training", "add", "--date", "2026-03-12", "--team", "VIH", "--count", "0",
               "--subject", "Signalen"})
            .exit_code == 3);
  CHECK(v.run({"training", "add", "--date", "2026-03-12", "--team", "VIH", "--count", "3"})
            .exit_code == 2);
  CHECK(v.run({"training", "list", "--year", "26"}).exit_code == 3);
  CHECK(snapshot(v.dir()) == before);
  Officer fg(v);
  RunResult refused = fg.run({"training", "add", "--date", "2026-03-12", "--team", "VIH", "--count",
                              "3", "--subject", "Signalen"});
  CHECK(refused.exit_code == 10);
  RunResult listed = fg.run({"--json", "training", "list"});
  REQUIRE(listed.exit_code == 0);
  CHECK(parse_json(listed.out).find("sessions")->as_integer() == 3);
  // The officer's refusal is audited; their list is not.
  Value log = parse_json(v.ok({"--json", "audit", "log", "--actor", "fg"}));
  bool refusal = false;
  for (const Value& e : log.as_array()) {
    refusal = refusal || (e.find("action")->as_string() == "training.add" &&
                          e.find("result")->as_string() == "forbidden");
  }
  CHECK(refusal);
}

// Help, version and usage errors (exit 2): the command line is wrong before any vault is touched.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"

using namespace mk::cli_test;

TEST_CASE("cli: --version and help print to stdout and exit 0") {
  RunResult v = run_cli({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out.rfind("meldkluis ", 0) == 0);

  RunResult h = run_cli({"help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("Exit codes") != std::string::npos);
  for (const char* line : {"  2   usage error", "  5   wrong passphrase", "  12  I/O error"})
    CHECK(h.out.find(line) != std::string::npos);
  CHECK(run_cli({"--help"}).out == h.out);
}

TEST_CASE("cli: every command has --help") {
  const std::vector<std::vector<std::string>> commands = {{"init"},
                                                          {"keyslot", "list"},
                                                          {"keyslot", "add"},
                                                          {"keyslot", "remove"},
                                                          {"keyslot", "passwd"},
                                                          {"signal", "add"},
                                                          {"signal", "list"},
                                                          {"signal", "show"},
                                                          {"signal", "update"},
                                                          {"signal", "close"},
                                                          {"person", "add"},
                                                          {"person", "show"},
                                                          {"person", "list"},
                                                          {"person", "find"},
                                                          {"person", "update"},
                                                          {"case", "open"},
                                                          {"case", "link"},
                                                          {"case", "show"},
                                                          {"case", "list"},
                                                          {"case", "close"},
                                                          {"indicators", "list"}};
  for (const auto& command : commands) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    RunResult r = run_cli(args);
    INFO(args[0] << " " << (args.size() > 2 ? args[1] : ""));
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage: meldkluis " + command[0]) != std::string::npos);
    CHECK(r.err.empty());
    // `help NOUN VERB` says the same.
    std::vector<std::string> via_help = {"help"};
    via_help.insert(via_help.end(), command.begin(), command.end());
    CHECK(run_cli(via_help).out == r.out);
  }
  RunResult noun = run_cli({"signal", "--help"});
  CHECK(noun.exit_code == 0);
  CHECK(noun.out.find("signal close") != std::string::npos);
}

TEST_CASE("cli: person add --help warns that arguments are visible") {
  RunResult r = run_cli({"person", "add", "--help"});
  CHECK(r.out.find("--fields-json") != std::string::npos);
  CHECK(r.out.find("`ps`") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2 with a hint") {
  auto check_usage = [](const std::vector<std::string>& args, const std::string& expect) {
    RunResult r = run_cli(args);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("meldkluis: ", 0) == 0);
    CHECK(r.err.find(expect) != std::string::npos);
  };
  check_usage({}, "missing command");
  check_usage({"frobnicate"}, "unknown command");
  check_usage({"sgnal", "list"}, "did you mean \"signal\"?");
  check_usage({"signal"}, "needs a subcommand");
  check_usage({"signal", "ad"}, "unknown subcommand of signal (did you mean \"add\"?)");
  check_usage({"--vault", "/tmp/x", "signal", "add", "--recieved", "2026-03-01"},
              "did you mean --received?");
  check_usage({"--vault", "/tmp/x", "signal", "add", "--received"}, "--received needs a value");
  check_usage({"--vault", "/tmp/x", "signal", "add", "--received", "2026-03-01", "--received",
               "2026-03-02", "--source", "partner"},
              "--received may be given only once");
  check_usage({"--vault", "/tmp/x", "signal", "add", "--source", "partner"}, "missing --received");
  check_usage({"--vault", "/tmp/x", "signal", "show"}, "missing ID");
  check_usage({"--vault", "/tmp/x", "signal", "show", "S-AAAAAAAA", "S-BBBBBBBB"},
              "unexpected extra argument");
  check_usage({"--vault", "/tmp/x", "--json=yes", "signal", "list"}, "--json takes no value");
  check_usage({"--vault", "/tmp/x", "case", "link", "C-AAAAAAAA"}, "nothing to link");
  check_usage({"--vault", "/tmp/x", "person", "update", "P-AAAAAAAA"}, "nothing to change");
  check_usage({"--vault", "/tmp/x", "signal", "update", "S-AAAAAAAA"}, "nothing to change");
  check_usage({"--vault", "/tmp/x", "signal", "add", "--received", "2026-03-01", "--source",
               "partner", "--narrative-file", "-", "--nature-file", "-"},
              "only one option can read stdin");
  check_usage({"--vault", "/tmp/x", "person", "find", "--name", "Jan de Vries"},
              "search by one of");
  check_usage({"--vault", "/tmp/x", "signal", "update", "S-AAAAAAAA", "--reporter", "P-AAAAAAAA",
               "--clear-reporter"},
              "not both");
  // No vault named anywhere.
  check_usage({"signal", "list"}, "no vault given");
}

TEST_CASE("cli: a misplaced value is never repeated in the error") {
  // A field option before the noun makes its value look like a command word.
  RunResult r = run_cli({"--name", "jansen", "person", "add", "--role", "victim"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("jansen") == std::string::npos);
  r = run_cli({"person", "jansen"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("jansen") == std::string::npos);
}

TEST_CASE("cli: the hint on stderr names the command's help") {
  RunResult r = run_cli({"person", "add", "--rol", "victim"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean --role?") != std::string::npos);
  CHECK(r.err.find("see: meldkluis person add --help") != std::string::npos);
}

TEST_CASE("cli: global options go before or after the noun") {
  VaultFixture v;
  std::string before = run_cli({"--json", "--vault", v.dir().string(), "--passphrase-file",
                                v.passphrase_file().string(), "keyslot", "list"})
                           .out;
  std::string after = run_cli({"keyslot", "list", "--vault", v.dir().string(), "--json",
                               "--passphrase-file=" + v.passphrase_file().string()})
                          .out;
  CHECK(parse_json(before).as_array().size() == 2);
  CHECK(before == after);
  // $MELDKLUIS_VAULT stands in for --vault.
  RunOptions env;
  env.env = {{"MELDKLUIS_VAULT", v.dir().string()}};
  RunResult r = run_cli(
      {"keyslot", "list", "--json", "--passphrase-file", v.passphrase_file().string()}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out == before);
}

TEST_CASE("cli: without --passphrase-file and without a terminal: usage error") {
  VaultFixture v;
  Snapshot before = snapshot(v.dir());
  RunResult r = run_cli({"--vault", v.dir().string(), "signal", "list"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no terminal") != std::string::npos);
  CHECK(r.err.find("--passphrase-file") != std::string::npos);
  CHECK(snapshot(v.dir()) == before);
}

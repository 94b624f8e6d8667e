// The passphrase prompt on a real (pseudo-)terminal: asked on /dev/tty with echo off, twice for a
// new vault, and never echoed back.
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>

#include "cli_harness.hpp"

using namespace mk::cli_test;

namespace {

struct TerminalRun {
  int exit_code = -1;
  std::string transcript;  // everything the terminal showed
  int prompts = 0;
};

// Runs meldkluis on a new pseudo-terminal and types the next of `answers` at each passphrase
// prompt.
TerminalRun run_on_terminal(const std::vector<std::string>& args,
                            const std::vector<std::string>& answers) {
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
  std::size_t answered_up_to = 0;
  for (;;) {
    pollfd p{master, POLLIN, 0};
    int ready = ::poll(&p, 1, 20000);
    if (ready < 0 && errno == EINTR) continue;
    REQUIRE(ready > 0);  // no hang: the child either prompts, prints or exits
    char buf[512];
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has gone
    run.transcript.append(buf, static_cast<std::size_t>(n));
    std::size_t prompt = run.transcript.find("assphrase: ", answered_up_to);
    if (prompt != std::string::npos) {
      answered_up_to = prompt + 1;
      if (run.prompts < static_cast<int>(answers.size())) {
        std::string line = answers[static_cast<std::size_t>(run.prompts)] + "\n";
        REQUIRE(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
      }
      ++run.prompts;
    }
  }
  ::close(master);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace

TEST_CASE("cli: the passphrase is prompted on the terminal without echo") {
  TempDir t;
  const std::string secret = "Zomeravond aan de Vliet 2026";
  std::string vault = (t / "kluis").string();
  TerminalRun init = run_on_terminal({"init", "--vault", vault, "--kdf-ms", "1"}, {secret, secret});
  INFO(init.transcript);
  CHECK(init.exit_code == 0);
  CHECK(init.prompts == 2);
  CHECK(init.transcript.find("Herhaal") != std::string::npos);
  CHECK(init.transcript.find(secret) == std::string::npos);

  TerminalRun list = run_on_terminal({"--vault", vault, "keyslot", "list"}, {secret});
  INFO(list.transcript);
  CHECK(list.exit_code == 0);
  CHECK(list.prompts == 1);
  CHECK(list.transcript.find("coordinator") != std::string::npos);
  CHECK(list.transcript.find(secret) == std::string::npos);

  TerminalRun wrong =
      run_on_terminal({"--vault", vault, "keyslot", "list"}, {"Verkeerd wachtwoord"});
  CHECK(wrong.exit_code == 5);
  CHECK(wrong.transcript.find("Verkeerd") == std::string::npos);
}

TEST_CASE("cli: init refuses two different passphrases typed at the prompt") {
  TempDir t;
  std::string vault = (t / "kluis").string();
  TerminalRun r = run_on_terminal({"init", "--vault", vault, "--kdf-ms", "1"},
                                  {"Zomeravond aan de Vliet", "Zomeravond aan de Schie"});
  CHECK(r.exit_code == 3);
  CHECK(!std::filesystem::exists(vault));
}

TEST_CASE("cli: a passphrase file readable by others draws a warning") {
  VaultFixture v;
  std::string loose = (v.temp() / "loose").string();
  write_file(loose, read_file(v.passphrase_file()));
  std::filesystem::permissions(loose, std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  RunResult r =
      run_cli({"--vault", v.dir().string(), "--passphrase-file", loose, "keyslot", "list"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("can be read by other users") != std::string::npos);
  CHECK(v.run({"keyslot", "list"}).err.empty());
}

// Helpers for the exchange tests: finding the partner-side tools (age, age-keygen, minisign), a
// scratch folder, files, and running a tool that reads a passphrase from a terminal.
#pragma once

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "support/run_process.hpp"

namespace mk::exchange::test {

namespace fs = std::filesystem;

// The full path of a tool that scripts/setup.sh installs. A missing tool fails the test: the
// interoperability tests are the point, so they may not pass by skipping.
inline std::string require_tool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
    if (!candidate.empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  FAIL("`" << name
           << "` is not installed (it comes with the Debian package installed by "
              "scripts/setup.sh): the interoperability tests need it");
  return {};
}

// A fresh folder under the system's temp folder, removed with everything in it at scope exit.
class ScratchDir {
 public:
  ScratchDir() {
    std::string templ = (fs::temp_directory_path() / "mk-exchange-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) FAIL("mkdtemp failed");
    path_ = templ;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline void write_file(const std::string& path, ByteView bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

inline void write_file(const std::string& path, std::string_view text) {
  write_file(path, as_bytes(text));
}

inline Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string read_text(const std::string& path) {
  Bytes b = read_file(path);
  return std::string(b.begin(), b.end());
}

// One step of a terminal dialogue: wait until `prompt` appears in the output, then type `reply`.
struct TtyStep {
  std::string prompt;
  std::string reply;
};

// Runs `argv` on a new pseudo-terminal (its controlling terminal, so a tool that reads a
// passphrase from /dev/tty reads it there) and plays `steps`. Kills the child after `timeout`.
// The output is what the tool wrote to the terminal (stdout and stderr); use its -o option for
// data.
inline testing::ProcessResult run_on_tty(const std::vector<std::string>& argv,
                                         const std::vector<TtyStep>& steps,
                                         std::chrono::seconds timeout = std::chrono::seconds(60)) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return {};
  if (pid == 0) {
    std::vector<char*> args;
    for (const std::string& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  testing::ProcessResult r;
  std::size_t step = 0, searched_from = 0;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{master, POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready <= 0) continue;
    char buf[4096];
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has closed the terminal
    r.output.append(buf, static_cast<std::size_t>(n));
    if (step < steps.size()) {
      std::size_t at = r.output.find(steps[step].prompt, searched_from);
      if (at != std::string::npos) {
        searched_from = at + steps[step].prompt.size();
        (void)!write(master, steps[step].reply.data(), steps[step].reply.size());
        ++step;
      }
    }
  }
  if (timed_out) kill(pid, SIGKILL);
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) && !timed_out ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace mk::exchange::test

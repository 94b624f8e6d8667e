// Runs an external program for a test and captures what it printed and how it ended.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace mk::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when the program could not run or died by a signal
  std::string output;  // stdout and stderr together
};

// Runs `argv` (argv[0] looked up in PATH), feeding `input` on stdin.
inline ProcessResult run_process(const std::vector<std::string>& argv,
                                 const std::string& input = {}) {
  int in_pipe[2], out_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(out_pipe[1], 2);
    close(in_pipe[1]);
    close(out_pipe[0]);
    std::vector<char*> args;
    for (const std::string& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (!input.empty()) (void)!write(in_pipe[1], input.data(), input.size());
  close(in_pipe[1]);
  ProcessResult r;
  std::array<char, 4096> buf;
  ssize_t n;
  while ((n = read(out_pipe[0], buf.data(), buf.size())) > 0) {
    r.output.append(buf.data(), static_cast<std::size_t>(n));
  }
  close(out_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace mk::testing

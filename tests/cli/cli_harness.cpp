#include "cli_harness.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;

namespace mk::cli_test {
namespace {

constexpr const char kPassphrase[] = "Lente in Rijswijk 2026!";

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return;  // the child closed stdin early; fine
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

RunResult run_cli(const std::vector<std::string>& args, const RunOptions& options) {
  int in[2], out[2], err[2];
  REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(err, O_CLOEXEC) == 0);

  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    if (entry.rfind("MELDKLUIS_VAULT=", 0) == 0) continue;
    env.push_back(entry);
  }
  for (const auto& [k, v] : options.env)
    env.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (std::string& e : env)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_storage = {MELDKLUIS_CLI};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setsid();  // no controlling terminal: /dev/tty cannot be opened
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  write_all(in[1], options.stdin_text);
  ::close(in[1]);

  RunResult r;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_count = 2;
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      FAIL("poll failed");
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buf[4096];
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "meldkluis-cli-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
  f.close();
  REQUIRE(f.good());
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

Snapshot snapshot(const std::filesystem::path& dir) {
  Snapshot s;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      s[std::filesystem::relative(entry.path(), dir).string()] = read_file(entry.path());
    }
  }
  return s;
}

json::Value parse_json(const std::string& text) {
  Result<json::Value> v = json::parse(text);
  INFO("stdout: " << text);
  REQUIRE(v.is_ok());
  return *v;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

VaultFixture::VaultFixture() {
  dir_ = temp_ / "vault";
  passphrase_file_ = temp_ / "passphrase";
  write_file(passphrase_file_, std::string(kPassphrase) + "\n");
  std::filesystem::path key_file = temp_ / "recovery-key";
  RunResult r =
      run_cli({"init", "--vault", dir_.string(), "--passphrase-file", passphrase_file_.string(),
               "--kdf-ms", "1", "--recovery-key-out", key_file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  recovery_key_ = first_line(read_file(key_file));
}

RunResult VaultFixture::run(std::vector<std::string> args, const RunOptions& options) const {
  std::vector<std::string> full = {"--vault", dir_.string(), "--passphrase-file",
                                   passphrase_file_.string()};
  full.insert(full.end(), args.begin(), args.end());
  return run_cli(full, options);
}

std::string VaultFixture::ok(std::vector<std::string> args, const RunOptions& options) const {
  RunResult r = run(args, options);
  INFO("meldkluis " << (args.empty() ? "" : args[0]) << " stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string VaultFixture::file(const std::string& name, const std::string& text) {
  std::filesystem::path p = temp_ / name;
  write_file(p, text);
  return p.string();
}

}  // namespace mk::cli_test

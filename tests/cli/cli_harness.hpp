// Runs the real `meldkluis` binary (MELDKLUIS_CLI) as a child process and captures what it prints,
// plus the fixtures the CLI tests share: temporary folders, passphrase files, a fresh vault, and a
// byte-for-byte snapshot of a vault folder to prove that a failed command wrote nothing.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/json.hpp"

namespace mk::cli_test {

struct RunResult {
  int exit_code = -1;  // the exit status, or 128 + signal
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string stdin_text;
  std::vector<std::pair<std::string, std::string>> env;  // added to a clean environment
};

// Runs meldkluis with `args` in a new session without a controlling terminal. MELDKLUIS_VAULT is
// removed from the environment unless `options.env` sets it.
RunResult run_cli(const std::vector<std::string>& args, const RunOptions& options = {});

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

// Every file below `dir` (relative path -> bytes).
using Snapshot = std::map<std::string, std::string>;
Snapshot snapshot(const std::filesystem::path& dir);

// Parses stdout as JSON; fails the test when it does not parse.
json::Value parse_json(const std::string& text);

// A vault made with `init --kdf-ms 1` in a temp folder; its coordinator passphrase is in a file.
class VaultFixture {
 public:
  VaultFixture();
  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& passphrase_file() const { return passphrase_file_; }
  const std::string& recovery_key() const { return recovery_key_; }
  TempDir& temp() { return temp_; }

  // --vault DIR --passphrase-file FILE, then `args`.
  RunResult run(std::vector<std::string> args, const RunOptions& options = {}) const;
  // Like run(), and requires exit 0; returns stdout.
  std::string ok(std::vector<std::string> args, const RunOptions& options = {}) const;
  // Writes `text` to a new file in the temp folder and returns its path.
  std::string file(const std::string& name, const std::string& text);

 private:
  TempDir temp_;
  std::filesystem::path dir_;
  std::filesystem::path passphrase_file_;
  std::string recovery_key_;
};

// First line of stdout, without the newline.
std::string first_line(const std::string& text);

}  // namespace mk::cli_test

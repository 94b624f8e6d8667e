#include "cli/confirmation.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>

namespace mk::cli {
namespace {

constexpr std::size_t kMaxAnswer = 16;

class Tty {
 public:
  Tty() : fd_(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) {
    if (fd_ >= 0 && !::isatty(fd_)) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~Tty() {
    if (fd_ >= 0) ::close(fd_);
  }
  Tty(const Tty&) = delete;
  Tty& operator=(const Tty&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// One line from the terminal into `answer`, lowercased, without spaces; at most kMaxAnswer
// characters are kept.
Exit read_answer(int fd, std::string& answer) {
  for (;;) {
    char c = 0;
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return Exit(ExitCode::kIo, std::string("cannot read the terminal: ") + std::strerror(errno));
    }
    if (n == 0 || c == '\n') break;
    if (answer.size() < kMaxAnswer && !std::isspace(static_cast<unsigned char>(c))) {
      answer.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return Exit::ok();
}

}  // namespace

bool terminal_available() {
  return Tty().fd() >= 0;
}

Exit require_terminal_or_yes(bool assume_yes, std::string_view command) {
  if (assume_yes || terminal_available()) return Exit::ok();
  return Exit::usage(
      "no terminal to ask for confirmation",
      "give --yes to confirm in advance; see: meldkluis " + std::string(command) + " --help");
}

Outcome<bool> confirm(std::string_view question, bool assume_yes) {
  if (assume_yes) return true;
  Tty tty;
  if (tty.fd() < 0) {
    return Exit::usage("no terminal to ask for confirmation", "give --yes to confirm in advance");
  }
  std::string text(question);
  text += " [j/N] ";
  if (!write_all(tty.fd(), text)) {
    return Exit(ExitCode::kIo,
                std::string("cannot write to the terminal: ") + std::strerror(errno));
  }
  std::string answer;
  if (Exit e = read_answer(tty.fd(), answer); !e.is_ok()) return e;
  return answer == "j" || answer == "ja" || answer == "y" || answer == "yes";
}

}  // namespace mk::cli

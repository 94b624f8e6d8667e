#include "cli/passphrase_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

namespace mk::cli {
namespace {

constexpr std::string_view kNoTerminalHint =
    "give --passphrase-file FILE (its first line is the passphrase)";

// Closes a descriptor on every path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads one line (up to '\n' or end of input) from `fd` into secure memory, one byte at a time so
// nothing past the line is consumed. Drops the '\n' and a '\r' before it.
Outcome<crypto::SecretBuffer> read_line(int fd, std::string_view what) {
  crypto::SecretBuffer buffer(kMaxPassphraseBytes + 1);
  std::size_t length = 0;
  bool too_long = false;
  for (;;) {
    std::uint8_t byte = 0;
    ssize_t n = ::read(fd, &byte, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return Exit(ExitCode::kIo, "cannot read " + std::string(what) + ": " + std::strerror(errno));
    }
    if (n == 0 || byte == '\n') break;
    if (length < buffer.size()) {
      buffer.data()[length++] = byte;
    } else {
      too_long = true;  // keep reading to the end of the line, then refuse
    }
    crypto::wipe(&byte, 1);
  }
  if (length > 0 && buffer.data()[length - 1] == '\r') --length;
  if (too_long || length > kMaxPassphraseBytes) {
    return Exit::invalid(std::string(what) + ": the passphrase is longer than " +
                         std::to_string(kMaxPassphraseBytes) + " bytes");
  }
  if (length == 0) return Exit::invalid(std::string(what) + ": the passphrase is empty");
  buffer.truncate(length);
  return buffer;
}

// The terminal state to restore if a signal arrives while echo is off.
volatile sig_atomic_t g_tty_fd = -1;
struct termios g_saved_termios;

extern "C" void restore_tty_and_reraise(int signo) {
  if (g_tty_fd >= 0) ::tcsetattr(g_tty_fd, TCSAFLUSH, &g_saved_termios);
  std::signal(signo, SIG_DFL);
  std::raise(signo);
}

// Not SIGTSTP: a stopped job's terminal modes are the shell's business, and on SIGCONT echo must
// still be off.
constexpr int kRestoreSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// Echo off for its lifetime; signal handlers restore the terminal if the user interrupts.
class EchoOff {
 public:
  explicit EchoOff(int fd) : fd_(fd) {}
  bool engage() {
    if (::tcgetattr(fd_, &g_saved_termios) != 0) return false;
    struct termios quiet = g_saved_termios;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    g_tty_fd = fd_;
    struct sigaction action {};
    action.sa_handler = restore_tty_and_reraise;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(kRestoreSignals); ++i)
      ::sigaction(kRestoreSignals[i], &action, &previous_[i]);
    if (::tcsetattr(fd_, TCSAFLUSH, &quiet) != 0) {
      disengage();
      return false;
    }
    engaged_ = true;
    return true;
  }
  ~EchoOff() { disengage(); }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  void disengage() {
    if (g_tty_fd < 0) return;
    if (engaged_) ::tcsetattr(fd_, TCSAFLUSH, &g_saved_termios);
    g_tty_fd = -1;
    for (std::size_t i = 0; i < std::size(kRestoreSignals); ++i)
      ::sigaction(kRestoreSignals[i], &previous_[i], nullptr);
  }
  int fd_;
  bool engaged_ = false;
  struct sigaction previous_[std::size(kRestoreSignals)]{};
};

}  // namespace

Outcome<crypto::SecretBuffer> read_passphrase_file(const std::filesystem::path& file,
                                                   std::string_view option) {
  Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    int err = errno;
    ExitCode code = err == ENOENT ? ExitCode::kNotFound : ExitCode::kIo;
    return Exit(code, "cannot open " + std::string(option) + ": " + std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0) {
    std::string warning = "meldkluis: warning: " + std::string(option) +
                          " can be read by other users (chmod 600 it)\n";
    std::fputs(warning.c_str(), stderr);
  }
  return read_line(fd.get(), option);
}

Outcome<crypto::SecretBuffer> prompt_passphrase(std::string_view prompt) {
  Fd tty(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
  if (tty.get() < 0 || !::isatty(tty.get())) {
    return Exit::usage("no terminal to ask for the passphrase", std::string(kNoTerminalHint));
  }
  EchoOff echo_off(tty.get());
  if (!echo_off.engage()) {
    return Exit::usage("cannot turn off echo on the terminal", std::string(kNoTerminalHint));
  }
  std::string text(prompt);
  text += ": ";
  if (::write(tty.get(), text.data(), text.size()) < 0) {
    return Exit(ExitCode::kIo,
                std::string("cannot write to the terminal: ") + std::strerror(errno));
  }
  return read_line(tty.get(), "the passphrase");
}

Outcome<crypto::SecretBuffer> read_passphrase(const std::optional<std::filesystem::path>& file,
                                              std::string_view option) {
  if (file) return read_passphrase_file(*file, option);
  return prompt_passphrase("Wachtwoord / Passphrase");
}

Outcome<crypto::SecretBuffer> read_new_passphrase(const std::optional<std::filesystem::path>& file,
                                                  std::string_view option) {
  if (file) return read_passphrase_file(*file, option);
  MK_CLI_TRY(crypto::SecretBuffer first, prompt_passphrase("Nieuw wachtwoord / New passphrase"));
  MK_CLI_TRY(crypto::SecretBuffer second,
             prompt_passphrase("Herhaal het wachtwoord / Repeat the passphrase"));
  if (!first.equals(second)) {
    return Exit::invalid("the two passphrases differ / de wachtwoorden verschillen");
  }
  return first;
}

}  // namespace mk::cli

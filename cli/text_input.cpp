#include "cli/text_input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crypto/secret_buffer.hpp"

namespace mk::cli {

void wipe_string(std::string& s) {
  if (!s.empty()) crypto::wipe(s.data(), s.size());
  s.clear();
}

Outcome<std::string> read_text_input(const std::string& source, std::string_view option) {
  int fd = STDIN_FILENO;
  if (source != "-") {
    fd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
      int err = errno;
      ExitCode code = err == ENOENT ? ExitCode::kNotFound : ExitCode::kIo;
      return Exit(code, "cannot open " + std::string(option) + ": " + std::strerror(err));
    }
  }
  std::string text;
  char chunk[4096];
  int error = 0;
  bool too_large = false;
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = errno;
      break;
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > kMaxTextInputBytes) {
      too_large = true;
      break;
    }
    text.append(chunk, static_cast<std::size_t>(n));
  }
  crypto::wipe(chunk, sizeof chunk);
  if (fd != STDIN_FILENO) ::close(fd);
  if (error != 0) {
    wipe_string(text);
    return Exit(ExitCode::kIo, "cannot read " + std::string(option) + ": " + std::strerror(error));
  }
  if (too_large) {
    wipe_string(text);
    return Exit::invalid(std::string(option) + ": larger than " +
                         std::to_string(kMaxTextInputBytes) + " bytes");
  }
  return text;
}

Outcome<std::optional<std::string>> text_option(const ParsedArgs& args, std::string_view name) {
  std::optional<std::string> source = args.value(name);
  if (!source) return std::optional<std::string>();
  MK_CLI_TRY(std::string text, read_text_input(*source, "--" + std::string(name)));
  return std::optional<std::string>(std::move(text));
}

Exit stdin_used_once(const ParsedArgs& args, std::initializer_list<std::string_view> names) {
  int readers = 0;
  for (std::string_view name : names) {
    for (const std::string& v : args.values(name))
      readers += v == "-" ? 1 : 0;
  }
  if (readers > 1) return Exit::usage("only one option can read stdin (\"-\")");
  return Exit::ok();
}

}  // namespace mk::cli

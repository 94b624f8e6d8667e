#include "cli/private_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace mk::cli {

Outcome<PrivateFile> PrivateFile::create(const std::filesystem::path& path,
                                         std::string_view option) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    int err = errno;
    std::string message = "cannot create " + std::string(option) + ": " + std::strerror(err);
    if (err == EEXIST) return Exit(ExitCode::kConflict, message + " (it must be a new file)");
    if (err == ENOENT) return Exit(ExitCode::kNotFound, message);
    return Exit(ExitCode::kIo, message);
  }
  return PrivateFile(path, std::string(option), fd);
}

PrivateFile::PrivateFile(PrivateFile&& other) noexcept
    : path_(std::move(other.path_)),
      option_(std::move(other.option_)),
      fd_(std::exchange(other.fd_, -1)) {}

PrivateFile::~PrivateFile() {
  if (fd_ >= 0) ::close(fd_);
}

Exit PrivateFile::write_and_close(std::span<const std::uint8_t> bytes) {
  std::size_t done = 0;
  int err = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      err = errno;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fsync(fd_) != 0) err = errno;
  if (::close(std::exchange(fd_, -1)) != 0 && err == 0) err = errno;
  if (err != 0) {
    return Exit(ExitCode::kIo, "cannot write " + option_ + ": " + std::strerror(err));
  }
  return Exit::ok();
}

void PrivateFile::discard() {
  if (fd_ >= 0) ::close(std::exchange(fd_, -1));
  ::unlink(path_.c_str());
}

}  // namespace mk::cli

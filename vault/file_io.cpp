#include "vault/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mk::vault {
namespace {

Status errno_status(std::string_view what, int err) {
  return io_error(std::string(what) + ": " + std::strerror(err));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

}  // namespace

Result<std::string> read_small_file(const std::filesystem::path& path, std::size_t max_size) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    if (errno == ENOENT) return not_found("file is missing: " + path.filename().string());
    return errno_status("cannot open " + path.filename().string(), errno);
  }
  std::string out;
  char buf[8192];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_status("cannot read " + path.filename().string(), errno);
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > max_size) {
      return vault_corrupt(path.filename().string() + " is larger than any valid such file");
    }
  }
  return out;
}

Status sync_directory(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return errno_status("cannot open folder for sync", errno);
  if (::fsync(fd.get()) != 0) return errno_status("cannot sync folder", errno);
  return Status::ok();
}

Status replace_file_atomically(const std::filesystem::path& path, std::string_view contents) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (fd.get() < 0) return errno_status("cannot create " + tmp.filename().string(), errno);
  auto fail = [&](std::string_view what, int err) {
    ::unlink(tmp.c_str());
    return errno_status(what, err);
  };
  std::size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = ::write(fd.get(), contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write " + path.filename().string(), errno);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) return fail("cannot sync " + path.filename().string(), errno);
  if (::close(fd.release()) != 0) return fail("cannot close " + path.filename().string(), errno);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    return fail("cannot replace " + path.filename().string(), errno);
  }
  return sync_directory(path.parent_path().empty() ? "." : path.parent_path());
}

}  // namespace mk::vault

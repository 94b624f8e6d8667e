#include "service/new_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "crypto/random.hpp"

namespace mk::service {
namespace {

Status errno_status(const std::string& what, int err) {
  if (err == EEXIST) return conflict(what + ": the file exists; choose another name");
  if (err == ENOENT) return not_found(what + ": the folder does not exist");
  return io_error(what + ": " + std::strerror(err));
}

Status sync_parent(const std::filesystem::path& path) {
  std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno_status(dir.string(), errno);
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return errno_status(dir.string(), err);
  return Status::ok();
}

}  // namespace

Status write_new_file(const std::filesystem::path& path, ByteView contents) {
  const std::string name = path.string();
  int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return errno_status(name, errno);
  const std::uint8_t* p = contents.data();
  std::size_t left = contents.size();
  int err = 0;
  while (left > 0 && err == 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno != EINTR) err = errno;
      continue;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) {
    ::unlink(name.c_str());
    return errno_status(name, err);
  }
  if (Status s = sync_parent(path); !s.is_ok()) {
    ::unlink(name.c_str());
    return s;
  }
  return Status::ok();
}

std::filesystem::path hidden_sibling(const std::filesystem::path& path, std::string_view suffix) {
  return path.parent_path() / ("." + path.filename().string() + "." + crypto::random_base32(8) +
                               "." + std::string(suffix));
}

Status move_new_file(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) != 0) {
    const int err = errno;
    if (err != EINVAL && err != ENOSYS) return errno_status(to.string(), err);
    // A filesystem without RENAME_NOREPLACE: a hard link does not replace anything either.
    if (::link(from.c_str(), to.c_str()) != 0) return errno_status(to.string(), errno);
    ::unlink(from.c_str());
  }
  return sync_parent(to);
}

}  // namespace mk::service

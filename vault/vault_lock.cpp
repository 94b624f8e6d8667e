#include "vault/vault_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace mk::vault {

Result<VaultLock> VaultLock::acquire(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) return not_found("the vault's lock file is missing (is this a vault?)");
    return io_error(std::string("cannot open the vault's lock file: ") + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Status(Code::kVaultInUse, "vault in use: another Meldkluis process has it open");
    }
    return io_error(std::string("cannot lock the vault: ") + std::strerror(err));
  }
  return VaultLock(fd);
}

VaultLock::VaultLock(VaultLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

VaultLock& VaultLock::operator=(VaultLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

VaultLock::~VaultLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace mk::vault

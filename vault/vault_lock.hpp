// VaultLock: one process at a time per vault. An exclusive, non-blocking flock(2) on the vault's
// lock file, held for as long as the vault is open; the kernel drops it when the process dies, so a
// crash never leaves a stale lock. A second process gets kVaultInUse instead of a corrupt store.
#pragma once

#include <filesystem>

#include "base/result.hpp"

namespace mk::vault {

class VaultLock {
 public:
  // Locks the existing file at `path`. Writes nothing to it. kVaultInUse when another open file
  // description holds the lock; kNotFound when the file is missing; kIo otherwise.
  static Result<VaultLock> acquire(const std::filesystem::path& path);

  VaultLock(VaultLock&& other) noexcept;
  VaultLock& operator=(VaultLock&& other) noexcept;
  VaultLock(const VaultLock&) = delete;
  VaultLock& operator=(const VaultLock&) = delete;
  ~VaultLock();

 private:
  explicit VaultLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace mk::vault

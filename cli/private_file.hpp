// A new file only its owner can read (mode 0600), for secrets such as the recovery key. It is
// created (O_EXCL, not following symlinks) before the work that produces the secret, so a bad path
// fails early; discard() removes it again when that work fails.
#pragma once

#include <filesystem>
#include <span>
#include <string_view>

#include "cli/outcome.hpp"

namespace mk::cli {

class PrivateFile {
 public:
  // kConflict when the file exists, kNotFound when its folder does not, kIo otherwise.
  static Outcome<PrivateFile> create(const std::filesystem::path& path, std::string_view option);

  PrivateFile(PrivateFile&& other) noexcept;
  PrivateFile& operator=(PrivateFile&&) = delete;
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;
  ~PrivateFile();  // closes; a file neither written nor discarded stays (empty)

  // Writes `bytes`, flushes them to disk and closes the file.
  Exit write_and_close(std::span<const std::uint8_t> bytes);
  // Closes and removes the file.
  void discard();

 private:
  PrivateFile(std::filesystem::path path, std::string option, int fd)
      : path_(std::move(path)), option_(std::move(option)), fd_(fd) {}
  std::filesystem::path path_;
  std::string option_;
  int fd_ = -1;
};

}  // namespace mk::cli

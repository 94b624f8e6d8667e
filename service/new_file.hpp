// Writing a file that leaves the vault (an access export, a partner package): a new file only its
// owner can read, never replacing anything, complete on disk or absent.
#pragma once

#include <filesystem>

#include "base/bytes.hpp"
#include "base/status.hpp"

namespace mk::service {

// Creates `path` (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600), writes `contents`, fsyncs the file
// and its folder. kConflict when `path` exists (nothing is overwritten, symlinks included);
// kNotFound when the folder does not exist; kIo otherwise. On any failure after creation the
// partial file is removed.
Status write_new_file(const std::filesystem::path& path, ByteView contents);

}  // namespace mk::service

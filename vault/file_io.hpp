// Small-file I/O for the vault folder: bounded reads and crash-safe replacement.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace mk::vault {

// Reads a whole file of at most `max_size` bytes. kNotFound when missing, kVaultCorrupt when
// larger than max_size, kIo otherwise.
Result<std::string> read_small_file(const std::filesystem::path& path, std::size_t max_size);

// Replaces `path` with `contents` so that a crash at any point leaves either the old or the new
// file, never a mix: writes a temporary file beside it (mode 0600), fsyncs it, renames it over
// `path`, fsyncs the folder. On failure (e.g. a full disk) the old file is untouched and the
// temporary file removed.
Status replace_file_atomically(const std::filesystem::path& path, std::string_view contents);

// fsyncs a folder so a rename or a new file in it is durable.
Status sync_directory(const std::filesystem::path& dir);

}  // namespace mk::vault

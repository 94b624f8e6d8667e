// Writing a file that leaves the vault (an access export, a partner package): a new file only its
// owner can read, never replacing anything, complete on disk or absent.
#pragma once

#include <filesystem>
#include <string_view>

#include "base/bytes.hpp"
#include "base/status.hpp"

namespace mk::service {

// Creates `path` (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600), writes `contents`, fsyncs the file
// and its folder. kConflict when `path` exists (nothing is overwritten, symlinks included);
// kNotFound when the folder does not exist; kIo otherwise. On any failure after creation the
// partial file is removed.
Status write_new_file(const std::filesystem::path& path, ByteView contents);

// A hidden name beside `path` for a file written before it may take `path`'s name:
// ".<file name>.<8 random characters>.<suffix>" in the same folder (so on the same filesystem).
std::filesystem::path hidden_sibling(const std::filesystem::path& path, std::string_view suffix);

// Gives the file `from` the name `to` (in the same filesystem), never replacing anything, and
// fsyncs `to`'s folder: kConflict when `to` exists (then `from` stays), kIo otherwise. How a file
// written and synced under a hidden name appears whole at its name, once its record committed.
Status move_new_file(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace mk::service

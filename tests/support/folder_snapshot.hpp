// A byte-exact picture of a folder (every regular file's relative path and contents), to assert
// that an operation that failed changed nothing on disk.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

namespace mk::testing {

using FolderSnapshot = std::map<std::string, std::string>;

inline std::string read_file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file_bytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline FolderSnapshot snapshot(const std::filesystem::path& dir) {
  FolderSnapshot out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      out[std::filesystem::relative(entry.path(), dir).string()] = read_file_bytes(entry.path());
    }
  }
  return out;
}

// True when `haystack` holds `needle` anywhere (byte comparison).
inline bool contains_bytes(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace mk::testing

// Passphrases come from a file (--passphrase-file: its first line, without the line ending) or from
// a no-echo prompt on the controlling terminal. They are read byte by byte straight into a
// SecretBuffer: never into a std::string, and never more than the first line of a pipe or FIFO.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "cli/outcome.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::cli {

inline constexpr std::size_t kMaxPassphraseBytes = 1024;

// The first line of `file`; `option` ("--passphrase-file") names it in messages.
Outcome<crypto::SecretBuffer> read_passphrase_file(const std::filesystem::path& file,
                                                   std::string_view option);

// One line typed on /dev/tty with echo off, after `prompt`. A usage error when there is no
// terminal.
Outcome<crypto::SecretBuffer> prompt_passphrase(std::string_view prompt);

// The passphrase to open a vault: from `file` when given, else prompted once.
Outcome<crypto::SecretBuffer> read_passphrase(const std::optional<std::filesystem::path>& file,
                                              std::string_view option);

// A new passphrase: from `file` when given, else prompted twice (the two must match).
Outcome<crypto::SecretBuffer> read_new_passphrase(const std::optional<std::filesystem::path>& file,
                                                  std::string_view option);

}  // namespace mk::cli

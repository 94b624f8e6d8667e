#include "tlog/checkpoint.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "base/base64.hpp"
#include "base/utf8.hpp"

namespace mk::tlog {

namespace {

// A non-empty line of UTF-8 text without control characters (and so without "\n").
bool is_valid_line(std::string_view line) {
  if (line.empty() || !is_valid_utf8(line)) return false;
  return std::none_of(line.begin(), line.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::optional<std::uint64_t> parse_decimal(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace

bool is_valid_checkpoint(const Checkpoint& checkpoint) {
  if (!is_valid_line(checkpoint.origin)) return false;
  // origin, up to 20 digits, 44 characters of base64, each with "\n".
  std::size_t size = checkpoint.origin.size() + 1 + 21 + 45;
  for (const std::string& line : checkpoint.extensions) {
    if (!is_valid_line(line)) return false;
    size += line.size() + 1;
    if (size > kMaxNoteSize) return false;
  }
  return size <= kMaxNoteSize;
}

std::string checkpoint_body(const Checkpoint& checkpoint) {
  if (!is_valid_checkpoint(checkpoint)) std::abort();
  std::string body = checkpoint.origin;
  body += '\n';
  body += std::to_string(checkpoint.size);
  body += '\n';
  body += base64_encode(checkpoint.root);
  body += '\n';
  for (const std::string& line : checkpoint.extensions) {
    body += line;
    body += '\n';
  }
  return body;
}

Result<Checkpoint> parse_checkpoint_body(std::string_view body) {
  if (body.size() > kMaxNoteSize) return invalid_input("checkpoint: too long");
  if (body.empty() || body.back() != '\n') {
    return invalid_input("checkpoint: the body does not end in a newline");
  }
  std::vector<std::string_view> lines;
  for (std::string_view rest = body; !rest.empty();) {
    std::size_t end = rest.find('\n');
    lines.push_back(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
  if (lines.size() < 3) return invalid_input("checkpoint: fewer than three lines");
  for (std::string_view line : lines) {
    if (!is_valid_line(line)) {
      return invalid_input("checkpoint: an empty line, bad UTF-8 or a control character");
    }
  }
  Checkpoint checkpoint;
  checkpoint.origin = std::string(lines[0]);
  std::optional<std::uint64_t> size = parse_decimal(lines[1]);
  if (!size) return invalid_input("checkpoint: the tree size is not a canonical decimal number");
  checkpoint.size = *size;
  std::optional<Bytes> root = base64_decode(lines[2]);
  if (!root || root->size() != checkpoint.root.size()) {
    return invalid_input("checkpoint: the root is not canonical base64 of 32 bytes");
  }
  std::copy(root->begin(), root->end(), checkpoint.root.begin());
  checkpoint.extensions.assign(lines.begin() + 3, lines.end());
  return checkpoint;
}

std::string sign_checkpoint(const Checkpoint& checkpoint, std::string_view name,
                            const crypto::SigningKey& key) {
  std::string body = checkpoint_body(checkpoint);
  std::string line = sign_note(body, name, key);
  return body + "\n" + line;
}

Result<Checkpoint> open_checkpoint(std::string_view note_text, const VerifierKey& log_key) {
  MK_ASSIGN_OR_RETURN(SignedNote note, parse_signed_note(note_text));
  if (!verify_note_signature(note, log_key)) {
    return invalid_input("checkpoint: no valid signature of the log's key");
  }
  return parse_checkpoint_body(note.body);
}

}  // namespace mk::tlog

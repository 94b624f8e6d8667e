#include "exchange/age_header.hpp"

#include <cstdlib>

#include "base/base64.hpp"

namespace mk::exchange {
namespace {

constexpr std::size_t kBodyColumns = 64;
constexpr std::string_view kMacPrefix = "---";
constexpr std::string_view kStanzaPrefix = "-> ";

bool is_argument(std::string_view a) {
  if (a.empty()) return false;
  for (char c : a)
    if (c < 0x21 || c > 0x7e) return false;
  return true;
}

Status line_error(std::size_t line, const std::string& what) {
  return invalid_input("age header, line " + std::to_string(line) + ": " + what);
}

// Splits "a b c" at single spaces; false on an empty or invalid argument.
bool split_arguments(std::string_view text, std::vector<std::string>& out) {
  while (true) {
    std::size_t space = text.find(' ');
    std::string_view arg = text.substr(0, space);
    if (!is_argument(arg)) return false;
    out.emplace_back(arg);
    if (space == std::string_view::npos) return true;
    text = text.substr(space + 1);
  }
}

}  // namespace

Result<AgeHeader> parse_age_header(ByteView file) {
  std::string_view text = as_chars(file);
  if (text.substr(0, kAgeVersionLine.size()) != kAgeVersionLine) {
    if (text.substr(0, 19) == "age-encryption.org/") {
      return invalid_input("age header: unsupported version (only age-encryption.org/v1)");
    }
    return invalid_input("age header: not an age file (no \"age-encryption.org/v1\" line)");
  }
  AgeHeader header;
  std::size_t pos = kAgeVersionLine.size();
  std::size_t line_number = 1;
  // Returns the next line without its "\n", or nullopt at the end of the file.
  auto next_line = [&]() -> std::optional<std::string_view> {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    return line;
  };

  while (true) {
    auto line = next_line();
    if (!line) return invalid_input("age header: ends before the \"---\" MAC line");
    if (line->substr(0, kMacPrefix.size()) == kMacPrefix) {
      if (header.stanzas.empty()) return line_error(line_number, "no recipient stanza");
      if (line->size() < 4 || (*line)[3] != ' ') {
        return line_error(line_number, "malformed MAC line");
      }
      auto mac = base64_decode(line->substr(4), Base64Padding::kUnpadded);
      if (!mac || mac->size() != kAgeHeaderMacSize) {
        return line_error(line_number, "MAC is not canonical base64 of 32 bytes");
      }
      header.mac = std::move(*mac);
      header.mac_input_size = pos - 1 - line->size() + kMacPrefix.size();
      header.size = pos;
      return header;
    }
    if (line->substr(0, kStanzaPrefix.size()) != kStanzaPrefix) {
      return line_error(line_number, "expected a stanza (\"-> \") or the MAC line (\"--- \")");
    }
    std::vector<std::string> args;
    if (!split_arguments(line->substr(kStanzaPrefix.size()), args)) {
      return line_error(line_number, "malformed stanza arguments");
    }
    AgeStanza stanza;
    stanza.type = std::move(args.front());
    stanza.args.assign(std::make_move_iterator(args.begin() + 1),
                       std::make_move_iterator(args.end()));
    // The body: full 64-column lines, then exactly one shorter (possibly empty) line.
    while (true) {
      auto body_line = next_line();
      if (!body_line) return invalid_input("age header: ends inside a stanza body");
      if (body_line->size() > kBodyColumns) {
        return line_error(line_number, "stanza body line longer than 64 columns");
      }
      auto bytes = base64_decode(*body_line, Base64Padding::kUnpadded);
      if (!bytes) return line_error(line_number, "stanza body is not canonical base64");
      stanza.body.insert(stanza.body.end(), bytes->begin(), bytes->end());
      if (body_line->size() < kBodyColumns) break;
    }
    header.stanzas.push_back(std::move(stanza));
  }
}

std::string age_header_mac_input(const std::vector<AgeStanza>& stanzas) {
  if (stanzas.empty()) std::abort();
  std::string out(kAgeVersionLine);
  for (const AgeStanza& s : stanzas) {
    if (!is_argument(s.type)) std::abort();
    out += kStanzaPrefix;
    out += s.type;
    for (const std::string& a : s.args) {
      if (!is_argument(a)) std::abort();
      out += ' ';
      out += a;
    }
    out += '\n';
    // Full lines of 48 bytes (64 columns), then a shorter final line, empty when the body is a
    // multiple of 48 bytes.
    ByteView body = s.body;
    while (true) {
      ByteView chunk = body.subspan(0, std::min(body.size(), kAgeBodyBytesPerLine));
      out += base64_encode(chunk, Base64Padding::kUnpadded);
      out += '\n';
      body = body.subspan(chunk.size());
      if (chunk.size() < kAgeBodyBytesPerLine) break;
    }
  }
  out += kMacPrefix;
  return out;
}

crypto::HmacSha256Tag age_header_mac(const crypto::SecretBuffer& file_key, ByteView mac_input) {
  crypto::SecretBuffer key = crypto::hkdf_sha256({}, file_key, as_bytes("header"), 32);
  return crypto::hmac_sha256(key, mac_input);
}

bool age_header_mac_verifies(const crypto::SecretBuffer& file_key, const AgeHeader& header,
                             ByteView file) {
  if (header.mac_input_size > file.size()) return false;
  crypto::SecretBuffer key = crypto::hkdf_sha256({}, file_key, as_bytes("header"), 32);
  return crypto::hmac_sha256_verify(key, file.subspan(0, header.mac_input_size), header.mac);
}

std::string serialize_age_header(const std::vector<AgeStanza>& stanzas,
                                 const crypto::SecretBuffer& file_key) {
  std::string out = age_header_mac_input(stanzas);
  crypto::HmacSha256Tag mac = age_header_mac(file_key, as_bytes(out));
  out += ' ';
  out += base64_encode(mac, Base64Padding::kUnpadded);
  out += '\n';
  return out;
}

}  // namespace mk::exchange

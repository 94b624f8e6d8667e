#include "policies/policy_file.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

Status too_large(std::string_view file) {
  return policy_error(file, {},
                      "file is larger than " + std::to_string(kMaxPolicyFileBytes) + " bytes");
}

}  // namespace

Result<std::string> read_policy_file(const std::string& path) {
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (st.type() == std::filesystem::file_type::not_found) {
    return not_found(path + ": no such policy file");
  }
  if (ec) return io_error(path + ": cannot read: " + ec.message());
  if (st.type() != std::filesystem::file_type::regular) {
    return io_error(path + ": not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error(path + ": cannot open");
  std::string text;
  char buf[16 * 1024];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxPolicyFileBytes) return too_large(path);
  }
  if (in.bad()) return io_error(path + ": read failed");
  return text;
}

Result<json::Value> parse_policy_json(std::string_view text, std::string_view file_name) {
  if (text.size() > kMaxPolicyFileBytes) return too_large(file_name);
  Result<json::Value> parsed = json::parse(text);
  if (!parsed) {
    // The parser's message is "LINE:COL: reason"; name the file and make it a policy error.
    return Status(Code::kPolicyInvalid, std::string(file_name) + ":" + parsed.status().message());
  }
  return parsed;
}

}  // namespace mk::policies

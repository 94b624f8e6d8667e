#include "vault/policy_versions.hpp"

#include <string_view>

#include "vault/vault.hpp"

namespace mk::vault {
namespace {

bool acceptable_file_name(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  for (char c : name) {
    if (c == '/' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

bool is_hex_digest(std::string_view h) {
  if (h.size() != 64) return false;
  for (char c : h) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

constexpr const char* kColumns = "seq, file, sha256, text, first_seen, actor, origin";

Result<PolicyVersion> read_row(const Statement& st) {
  PolicyVersion v;
  v.seq = st.column_int(0);
  v.file = st.column_text(1);
  v.sha256 = st.column_text(2);
  v.text = st.column_text(3);
  if (!parse_instant(st.column_text(4), v.first_seen)) {
    return vault_corrupt("a policy version row is bad");
  }
  v.actor = st.column_text(5);
  v.origin = st.column_text(6);
  return v;
}

}  // namespace

Status record_policy_version(UnitOfWork& uow, const std::string& file, const std::string& sha256,
                             const std::string& text, const std::string& origin) {
  if (!acceptable_file_name(file)) {
    return invalid_input("a policy file name must be 1-255 bytes, without '/' or controls");
  }
  const bool removed = sha256.empty() && text.empty();
  if (!removed && !is_hex_digest(sha256)) {
    return invalid_input("a policy version needs the SHA-256 of its file in lowercase hex");
  }
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("INSERT INTO policy_versions (file, sha256, text, "
                                       "first_seen, actor, origin) VALUES (?1, ?2, ?3, ?4, ?5, "
                                       "?6)"));
  return st.bind(1, file)
      .bind(2, sha256)
      .bind(3, text)
      .bind(4, format_instant(uow.now()))
      .bind(5, uow.vault().slot_name())
      .bind(6, origin)
      .run();
}

Result<std::map<std::string, std::string>> latest_policy_hashes(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT file, sha256 FROM policy_versions ORDER BY "
                                               "seq"));
  std::map<std::string, std::string> latest;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    latest[st.column_text(0)] = st.column_text(1);
  }
  return latest;
}

Result<std::vector<PolicyVersion>> list_policy_versions(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT " + std::string(kColumns) +
                                               " FROM policy_versions ORDER BY seq"));
  std::vector<PolicyVersion> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    MK_ASSIGN_OR_RETURN(PolicyVersion v, read_row(st));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace mk::vault

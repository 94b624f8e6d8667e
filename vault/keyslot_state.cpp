#include "vault/keyslot_state.hpp"

#include "base/bytes.hpp"
#include "crypto/hash.hpp"

namespace mk::vault {

std::string key_slot_file_digest(std::string_view file_bytes) {
  return to_hex(crypto::sha256(as_bytes(file_bytes)));
}

Result<std::optional<std::string>> recorded_key_slot_file(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      db.prepare("SELECT sha256 FROM keyslot_file_state WHERE one = 1"));
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(st.column_text(0));
}

Status record_key_slot_file(Database& db, std::string_view digest) {
  MK_ASSIGN_OR_RETURN(
      Statement st,
      db.prepare("INSERT OR REPLACE INTO keyslot_file_state (one, sha256) VALUES (1, ?1)"));
  return st.bind(1, digest).run();
}

StagedFileMeaning staged_file_meaning(const std::optional<std::string>& recorded,
                                      std::string_view keyslots_digest,
                                      const std::optional<std::string>& staged_digest) {
  if (recorded && staged_digest && *recorded == *staged_digest) {
    return StagedFileMeaning::kCommitted;
  }
  if (!recorded || *recorded == keyslots_digest) return StagedFileMeaning::kUncommitted;
  return StagedFileMeaning::kUnknown;
}

}  // namespace mk::vault

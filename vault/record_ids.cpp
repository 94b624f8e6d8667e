#include "vault/record_ids.hpp"

#include "crypto/random.hpp"

namespace mk::vault {

Result<std::string> new_record_id(UnitOfWork& uow, std::string_view table, char prefix) {
  std::string sql = "SELECT 1 FROM " + std::string(table) + " WHERE id = ?1";
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql));
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string id = std::string(1, prefix) + "-" + crypto::random_base32(8);
    st.reset();
    st.bind(1, id);
    MK_ASSIGN_OR_RETURN(bool taken, st.step());
    if (!taken) return id;
  }
  return internal_error("could not find a free record id");
}

bool looks_like_id(std::string_view id, char prefix) {
  if (id.size() != 10 || id[0] != prefix || id[1] != '-') return false;
  for (char c : id.substr(2)) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (!ok || c == 'I' || c == 'L' || c == 'O' || c == 'U') return false;
  }
  return true;
}

}  // namespace mk::vault

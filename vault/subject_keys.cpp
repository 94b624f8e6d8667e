#include "vault/subject_keys.hpp"

#include "crypto/aead.hpp"
#include "crypto/random.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr std::uint64_t kWrapFormat = 1;

crypto::AssociatedData wrap_ad(const Vault& vault, std::string_view key_id) {
  crypto::AssociatedData ad;
  ad.add_u64(kWrapFormat).add("subject_keys").add_bytes(vault.vault_id()).add(key_id);
  return ad;
}

Status require_field_keys(const Vault& vault) {
  if (!vault.can_read_identities()) {
    return forbidden("this role cannot decrypt or write identifying data");
  }
  return Status::ok();
}

}  // namespace

Result<SubjectKey> create_subject_key(UnitOfWork& uow) {
  Vault& vault = uow.vault();
  MK_RETURN_IF_ERROR(require_field_keys(vault));
  SubjectKey out{"K-" + crypto::random_base32(16), crypto::SecretBuffer::random(32)};
  Bytes wrapped =
      crypto::seal(vault.keys().get(KeyName::kFieldWrap), out.key.view(), wrap_ad(vault, out.id));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("INSERT INTO subject_keys (id, wrapped, created) VALUES (?1, ?2, ?3)"));
  st.bind(1, out.id).bind_blob(2, wrapped).bind(3, format_instant(uow.now()));
  MK_RETURN_IF_ERROR(st.run());
  return out;
}

Result<crypto::SecretBuffer> load_subject_key(UnitOfWork& uow, std::string_view key_id) {
  Vault& vault = uow.vault();
  MK_RETURN_IF_ERROR(require_field_keys(vault));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT wrapped FROM subject_keys WHERE id = ?1"));
  st.bind(1, key_id);
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return not_found("the record's key has been destroyed");
  std::optional<crypto::SecretBuffer> key = crypto::open_secret(
      vault.keys().get(KeyName::kFieldWrap), st.column_blob(0), wrap_ad(vault, key_id));
  if (!key) return vault_corrupt("a record key failed authentication: corrupt or tampered");
  return std::move(*key);
}

Status destroy_subject_key(UnitOfWork& uow, std::string_view key_id) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("DELETE FROM subject_keys WHERE id = ?1"));
  st.bind(1, key_id);
  return st.run();
}

}  // namespace mk::vault

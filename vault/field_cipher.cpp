#include "vault/field_cipher.hpp"

#include "crypto/aead.hpp"

namespace mk::vault {
namespace {

constexpr std::uint8_t kFieldFormat = 1;

crypto::AssociatedData field_ad(const FieldLocation& where) {
  crypto::AssociatedData ad;
  ad.add_u64(kFieldFormat)
      .add(where.table)
      .add(where.column)
      .add(where.record_id)
      .add(where.key_id);
  return ad;
}

}  // namespace

Bytes encrypt_field(const crypto::SecretBuffer& subject_key, const FieldLocation& where,
                    std::string_view plaintext) {
  Bytes sealed = crypto::seal(subject_key, as_bytes(plaintext), field_ad(where));
  Bytes out;
  out.reserve(sealed.size() + 1);
  out.push_back(kFieldFormat);
  out.insert(out.end(), sealed.begin(), sealed.end());
  return out;
}

Result<std::string> decrypt_field(const crypto::SecretBuffer& subject_key,
                                  const FieldLocation& where, ByteView stored) {
  auto fail = [&] {
    return vault_corrupt("field " + std::string(where.table) + "." + std::string(where.column) +
                         " of " + std::string(where.record_id) +
                         " failed authentication: corrupt or tampered");
  };
  if (stored.empty() || stored[0] != kFieldFormat) return fail();
  std::optional<Bytes> plain = crypto::open(subject_key, stored.subspan(1), field_ad(where));
  if (!plain) return fail();
  std::string text(as_chars(*plain));
  crypto::wipe(plain->data(), plain->size());
  return text;
}

}  // namespace mk::vault

// Per-subject data keys. Every person, signal and case has its own random 32-byte key, stored
// wrapped (XChaCha20-Poly1305) under the vault's field_wrap key, bound to the vault and the key id.
// Destroying a subject's key crypto-shreds every field encrypted under it, wherever a copy of the
// ciphertext went (backups, exports of the database).
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

struct SubjectKey {
  std::string id;  // "K-" + 16 base32 characters
  crypto::SecretBuffer key;
};

// Makes and stores a new subject key. Requires a role holding the field_wrap key (kForbidden).
Result<SubjectKey> create_subject_key(UnitOfWork& uow);

// Unwraps a stored key. kForbidden without the field_wrap key; kNotFound when it was destroyed;
// kVaultCorrupt when the wrapped key fails authentication.
Result<crypto::SecretBuffer> load_subject_key(UnitOfWork& uow, std::string_view key_id);

// Deletes the wrapped key (secure_delete overwrites the freed page space).
Status destroy_subject_key(UnitOfWork& uow, std::string_view key_id);

}  // namespace mk::vault

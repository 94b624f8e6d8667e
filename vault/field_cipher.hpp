// Field encryption: each identifying or narrative value is sealed on its own under its subject's
// key, bound to where it belongs. Stored form: format byte 0x01 || crypto::seal output.
// Associated data: (format 1, table, column, record id, key id), each length-prefixed, so a
// ciphertext copied to another row, another column or another table fails to open.
#pragma once

#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::vault {

struct FieldLocation {
  std::string_view table;
  std::string_view column;
  std::string_view record_id;
  std::string_view key_id;
};

Bytes encrypt_field(const crypto::SecretBuffer& subject_key, const FieldLocation& where,
                    std::string_view plaintext);

// kVaultCorrupt (naming table and column, never content) when the value does not open here.
Result<std::string> decrypt_field(const crypto::SecretBuffer& subject_key,
                                  const FieldLocation& where, ByteView stored);

}  // namespace mk::vault

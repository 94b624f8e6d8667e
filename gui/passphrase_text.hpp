// Moving a passphrase out of a QLineEdit: the text goes into a SecretBuffer and the field is
// emptied. (Qt keeps its own copies of the typed text; we keep no further ones.)
#pragma once

#include <QLineEdit>
#include <cstddef>

#include "crypto/secret_buffer.hpp"

namespace mk::gui {

// The vault refuses shorter passphrases (vault::Vault::create); counted in UTF-8 bytes as it does.
inline constexpr std::size_t kMinPassphraseBytes = 10;

// The field's text as UTF-8 in secure memory; the field is cleared.
crypto::SecretBuffer take_passphrase(QLineEdit& field);
// The UTF-8 length of the field's text.
std::size_t passphrase_bytes(const QLineEdit& field);

}  // namespace mk::gui

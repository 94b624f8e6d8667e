#include "gui/passphrase_text.hpp"

#include <QByteArray>
#include <cstdint>
#include <span>

namespace mk::gui {

crypto::SecretBuffer take_passphrase(QLineEdit& field) {
  QByteArray utf8 = field.text().toUtf8();
  crypto::SecretBuffer out = crypto::SecretBuffer::copy_of(
      std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(utf8.constData()),
                                    static_cast<std::size_t>(utf8.size())));
  crypto::wipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
  field.clear();
  return out;
}

std::size_t passphrase_bytes(const QLineEdit& field) {
  return static_cast<std::size_t>(field.text().toUtf8().size());
}

}  // namespace mk::gui

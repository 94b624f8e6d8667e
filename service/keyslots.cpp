#include "service/keyslots.hpp"

namespace mk::service {

std::vector<vault::SlotInfo> list_key_slots(Session& s) {
  return s.vault().list_slots();
}

Status add_key_slot(Session& s, const std::string& name, vault::Role role,
                    const crypto::SecretBuffer& passphrase, int kdf_ms) {
  if (!s.vault().keys().is_full()) return forbidden("only a coordinator can add key slots");
  return s.vault().add_slot(name, role, passphrase, kdf_for_target(kdf_ms));
}

Status remove_key_slot(Session& s, const std::string& name) {
  return s.vault().remove_slot(name);
}

Status change_passphrase(Session& s, const std::string& name,
                         const crypto::SecretBuffer& new_passphrase, int kdf_ms) {
  const std::string& target = name.empty() ? s.vault().slot_name() : name;
  return s.vault().change_passphrase(target, new_passphrase, kdf_for_target(kdf_ms));
}

}  // namespace mk::service

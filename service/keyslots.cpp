#include "service/keyslots.hpp"

namespace mk::service {

// Each change runs inside a unit of work that records it: the key-slot file is replaced while the
// transaction is open and the entry commits right after, so a refused or failed change leaves
// neither. (A crash between the file's rename and the commit would leave the change unaudited;
// the window is one fsync.)

std::vector<vault::SlotInfo> list_key_slots(Session& s) {
  return s.vault().list_slots();
}

Status add_key_slot(Session& s, const std::string& name, vault::Role role,
                    const crypto::SecretBuffer& passphrase, int kdf_ms) {
  if (!s.vault().keys().is_full()) {
    return s.transact(
        "keyslot.add",
        [](vault::UnitOfWork&) -> Status {
          return forbidden("only a coordinator can add key slots");
        },
        name);
  }
  crypto::PwhashParams kdf = kdf_for_target(kdf_ms);  // seconds of work: outside the transaction
  return s.transact(
      "keyslot.add",
      [&](vault::UnitOfWork& uow) -> Status {
        MK_RETURN_IF_ERROR(uow.vault().add_slot(name, role, passphrase, kdf));
        uow.record({"keyslot.add", name, "role=" + std::string(vault::role_name(role))});
        return Status::ok();
      },
      name);
}

Status remove_key_slot(Session& s, const std::string& name) {
  return s.transact(
      "keyslot.remove",
      [&](vault::UnitOfWork& uow) -> Status {
        MK_RETURN_IF_ERROR(uow.vault().remove_slot(name));
        uow.record({"keyslot.remove", name, ""});
        return Status::ok();
      },
      name);
}

Status change_passphrase(Session& s, const std::string& name,
                         const crypto::SecretBuffer& new_passphrase, int kdf_ms) {
  const std::string target = name.empty() ? s.vault().slot_name() : name;
  crypto::PwhashParams kdf = kdf_for_target(kdf_ms);
  return s.transact(
      "keyslot.passwd",
      [&](vault::UnitOfWork& uow) -> Status {
        MK_RETURN_IF_ERROR(uow.vault().change_passphrase(target, new_passphrase, kdf));
        uow.record({"keyslot.passwd", target, ""});
        return Status::ok();
      },
      target);
}

}  // namespace mk::service

#include "service/keyslots.hpp"

namespace mk::service {

// Each change runs inside a unit of work that records it: the key-slot file is replaced while the
// transaction is open and the entry commits right after, so a refused or failed change leaves
// neither. When the commit itself fails (a full disk, an I/O error), the previous file is written
// back (slot_change below); fault injection found the change otherwise stayed, unaudited. (A crash
// between the file's rename and the commit would still leave the change unaudited; the window is
// one fsync.)

namespace {

// Runs `change(uow)` (which replaces the key-slot file) as `action` on `object`; when the unit of
// work fails after the file was replaced, puts the previous file back.
template <typename Change>
Status slot_change(Session& s, const std::string& action, const std::string& object,
                   Change&& change) {
  const vault::KeySlotFile previous = s.vault().slot_file();
  bool replaced = false;
  Status result = s.transact(
      action,
      [&](vault::UnitOfWork& uow) -> Status {
        MK_RETURN_IF_ERROR(change(uow));
        replaced = true;
        return Status::ok();
      },
      object);
  if (result.is_ok() || !replaced) return result;
  if (Status undone = s.vault().restore_slots(previous); !undone.is_ok()) {
    return Status(result.code(), result.message() +
                                     "; the key-slot file could not be put back either (" +
                                     undone.message() + "): the change is in effect, unaudited");
  }
  return result;
}

}  // namespace

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
  return slot_change(s, "keyslot.add", name, [&](vault::UnitOfWork& uow) -> Status {
    MK_RETURN_IF_ERROR(uow.vault().add_slot(name, role, passphrase, kdf));
    uow.record({"keyslot.add", name, "role=" + std::string(vault::role_name(role))});
    return Status::ok();
  });
}

Status remove_key_slot(Session& s, const std::string& name) {
  return slot_change(s, "keyslot.remove", name, [&](vault::UnitOfWork& uow) -> Status {
    MK_RETURN_IF_ERROR(uow.vault().remove_slot(name));
    uow.record({"keyslot.remove", name, ""});
    return Status::ok();
  });
}

Status change_passphrase(Session& s, const std::string& name,
                         const crypto::SecretBuffer& new_passphrase, int kdf_ms) {
  const std::string target = name.empty() ? s.vault().slot_name() : name;
  crypto::PwhashParams kdf = kdf_for_target(kdf_ms);
  return slot_change(s, "keyslot.passwd", target, [&](vault::UnitOfWork& uow) -> Status {
    MK_RETURN_IF_ERROR(uow.vault().change_passphrase(target, new_passphrase, kdf));
    uow.record({"keyslot.passwd", target, ""});
    return Status::ok();
  });
}

}  // namespace mk::service

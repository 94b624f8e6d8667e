#include "service/keyslots.hpp"

#include <utility>

namespace mk::service {

// Each change is two-phase (vault/vault.hpp, "Key slots"; docs/formats/keyslots.md): inside the
// unit of work that records its audit entry, the new key-slot file is staged as `keyslots.next`
// (fsynced) and its SHA-256 recorded in the same transaction; after the unit of work has ended,
// settle_staged_slots() puts the staged file in place when that record committed, and deletes it
// otherwise. The change and its entry therefore commit together: a refused or failed change
// leaves neither, and a crash between the commit and the rename is finished by the next unlock
// (vault::Vault::open), which the database's record tells what committed.

namespace {

// Runs `change(uow)` (which stages a key-slot change) as `action` on `object`, then settles the
// staged file. The unit of work's error comes first; a change that committed but could not be put
// in place yet reports the settling error (it takes effect at the next unlock).
template <typename Change>
Status slot_change(Session& s, const std::string& action, const std::string& object,
                   Change&& change) {
  Status result = s.transact(action, std::forward<Change>(change), object);
  Status settled = s.vault().settle_staged_slots(result.is_ok());
  return result.is_ok() ? settled : result;
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
    MK_RETURN_IF_ERROR(uow.vault().add_slot(uow, name, role, passphrase, kdf));
    uow.record({"keyslot.add", name, "role=" + std::string(vault::role_name(role))});
    return Status::ok();
  });
}

Status remove_key_slot(Session& s, const std::string& name) {
  return slot_change(s, "keyslot.remove", name, [&](vault::UnitOfWork& uow) -> Status {
    MK_RETURN_IF_ERROR(uow.vault().remove_slot(uow, name));
    uow.record({"keyslot.remove", name, ""});
    return Status::ok();
  });
}

Status change_passphrase(Session& s, const std::string& name,
                         const crypto::SecretBuffer& new_passphrase, int kdf_ms) {
  const std::string target = name.empty() ? s.vault().slot_name() : name;
  crypto::PwhashParams kdf = kdf_for_target(kdf_ms);
  return slot_change(s, "keyslot.passwd", target, [&](vault::UnitOfWork& uow) -> Status {
    MK_RETURN_IF_ERROR(uow.vault().change_passphrase(uow, target, new_passphrase, kdf));
    uow.record({"keyslot.passwd", target, ""});
    return Status::ok();
  });
}

}  // namespace mk::service

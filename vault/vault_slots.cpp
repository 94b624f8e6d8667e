// The two phases of a key-slot change (vault.hpp, "Key slots"): staging the new file inside the
// unit of work that audits the change, and settling it once that unit of work has ended.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "vault/file_io.hpp"
#include "vault/keyslot_state.hpp"
#include "vault/unit_of_work.hpp"
#include "vault/vault.hpp"

namespace mk::vault {

Status Vault::stage_slots(UnitOfWork& uow, KeySlotFile next) {
  if (&uow.vault() != this) return internal_error("a key-slot change in another vault's unit");
  if (staged_) {
    return conflict("an earlier key-slot change is not settled yet: lock and unlock the vault");
  }
  std::string text = serialize_key_slot_file(next, keys_.get(KeyName::kSlotFile));
  // Remembered before the file is written, so that settling removes whatever a failed write left.
  staged_ = StagedSlots{std::move(next), key_slot_file_digest(text)};
  MK_RETURN_IF_ERROR(replace_file_atomically(paths_.staged_keyslots(), text));
  return record_key_slot_file(uow.db(), staged_->digest);
}

Status Vault::settle_staged_slots(bool committed) {
  if (!staged_) return Status::ok();
  if (!committed) {
    Result<std::optional<std::string>> recorded = recorded_key_slot_file(db_);
    if (!recorded) {
      return recorded.status().with_context(
          "the key-slot change could not be settled; the next unlock settles it");
    }
    committed = *recorded == staged_->digest;
  }
  if (committed) {
    if (Status installed = install_staged_file(paths_); !installed.is_ok()) {
      return installed.with_context(
          "the key-slot change is recorded; it takes effect at the next unlock");
    }
    slots_ = std::move(staged_->file);
  } else {
    // Never committed: the staged file means nothing. Should deleting it fail, the next open()
    // finds it unrecorded and deletes it then.
    (void)discard_staged_file(paths_);
  }
  staged_.reset();
  return Status::ok();
}

Status Vault::install_staged_file(const VaultPaths& paths) {
  if (std::rename(paths.staged_keyslots().c_str(), paths.keyslots().c_str()) != 0) {
    return io_error(std::string("cannot put keyslots.next in place: ") + std::strerror(errno));
  }
  return sync_directory(paths.dir);
}

Status Vault::discard_staged_file(const VaultPaths& paths) {
  if (std::remove(paths.staged_keyslots().c_str()) != 0 && errno != ENOENT) {
    return io_error(std::string("cannot delete keyslots.next: ") + std::strerror(errno));
  }
  return sync_directory(paths.dir);
}

template <typename Change>
Status Vault::change_slots_alone(Change&& change) {
  Status changed = [&]() -> Status {
    MK_ASSIGN_OR_RETURN(UnitOfWork uow, UnitOfWork::begin(*this));
    MK_RETURN_IF_ERROR(change(uow));
    return uow.commit();
  }();  // the unit of work has ended (committed or rolled back) before it is settled
  Status settled = settle_staged_slots(changed.is_ok());
  return changed.is_ok() ? settled : changed;
}

Status Vault::add_slot(const std::string& name, Role role, const crypto::SecretBuffer& passphrase,
                       const crypto::PwhashParams& kdf) {
  return change_slots_alone(
      [&](UnitOfWork& uow) { return add_slot(uow, name, role, passphrase, kdf); });
}

Status Vault::remove_slot(const std::string& name) {
  return change_slots_alone([&](UnitOfWork& uow) { return remove_slot(uow, name); });
}

Status Vault::change_passphrase(const std::string& name, const crypto::SecretBuffer& new_passphrase,
                                const crypto::PwhashParams& kdf) {
  return change_slots_alone(
      [&](UnitOfWork& uow) { return change_passphrase(uow, name, new_passphrase, kdf); });
}

}  // namespace mk::vault

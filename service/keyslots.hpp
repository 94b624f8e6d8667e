// Key-slot management use cases: who can unlock the vault, and with what.
#pragma once

#include <string>
#include <vector>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "service/session.hpp"
#include "vault/vault.hpp"

namespace mk::service {

std::vector<vault::SlotInfo> list_key_slots(Session& s);

// Adds a coordinator or compliance slot whose KDF is calibrated to `kdf_ms` on this machine.
Status add_key_slot(Session& s, const std::string& name, vault::Role role,
                    const crypto::SecretBuffer& passphrase, int kdf_ms = kDefaultKdfMilliseconds);

Status remove_key_slot(Session& s, const std::string& name);

// Changes the passphrase of `name` (the session's own slot when empty).
Status change_passphrase(Session& s, const std::string& name,
                         const crypto::SecretBuffer& new_passphrase,
                         int kdf_ms = kDefaultKdfMilliseconds);

}  // namespace mk::service

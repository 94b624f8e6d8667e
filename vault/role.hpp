// The roles a key slot can unlock. A role is enforced by the keys its slot holds (see
// key_ring.hpp), not by checks in the user interface.
#pragma once

#include <optional>
#include <string_view>

namespace mk::vault {

enum class Role {
  kCoordinator,  // all keys: reads and writes records
  kCompliance,   // database, audit and slot-file keys only: metadata, never identities
  kRecovery,     // the printed recovery key: all keys, acts as a coordinator
};

std::string_view role_name(Role role);  // "coordinator", "compliance", "recovery"
std::optional<Role> parse_role(std::string_view name);

// True for roles whose slots hold the root key.
inline bool holds_all_keys(Role role) {
  return role != Role::kCompliance;
}

}  // namespace mk::vault

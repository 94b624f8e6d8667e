#include "vault/role.hpp"

namespace mk::vault {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kCoordinator:
      return "coordinator";
    case Role::kCompliance:
      return "compliance";
    case Role::kRecovery:
      return "recovery";
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "coordinator") return Role::kCoordinator;
  if (name == "compliance") return Role::kCompliance;
  if (name == "recovery") return Role::kRecovery;
  return std::nullopt;
}

}  // namespace mk::vault

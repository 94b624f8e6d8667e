#include "service/session.hpp"

#include <cstdlib>

namespace mk::service {

std::filesystem::path default_policy_dir() {
  if (const char* env = std::getenv("MELDKLUIS_POLICY_DIR"); env && *env) return env;
  return MELDKLUIS_POLICY_DIR;
}

Result<Policies> load_policies(const std::filesystem::path& dir) {
  MK_ASSIGN_OR_RETURN(policies::IndicatorCatalogue indicators,
                      policies::load_indicator_catalogue((dir / "indicators.json").string()));
  return Policies{dir, std::move(indicators)};
}

crypto::PwhashParams kdf_for_target(int target_ms) {
  return crypto::calibrate(std::chrono::milliseconds(target_ms < 1 ? 1 : target_ms));
}

Result<Session> Session::open(const std::filesystem::path& dir,
                              const crypto::SecretBuffer& passphrase,
                              const std::optional<std::string>& slot, const Clock& clock,
                              const std::filesystem::path& policy_dir) {
  MK_ASSIGN_OR_RETURN(Policies policies, load_policies(policy_dir));
  MK_ASSIGN_OR_RETURN(vault::Vault vault, vault::Vault::open(dir, passphrase, slot, clock));
  return Session(std::move(vault), std::move(policies));
}

Result<Session::Created> Session::create(const std::filesystem::path& dir,
                                         const crypto::SecretBuffer& passphrase,
                                         const crypto::PwhashParams& kdf, const Clock& clock,
                                         const std::filesystem::path& policy_dir) {
  MK_ASSIGN_OR_RETURN(Policies policies, load_policies(policy_dir));
  vault::CreateOptions options;
  options.coordinator_kdf = kdf;
  MK_ASSIGN_OR_RETURN(vault::Vault::Created created,
                      vault::Vault::create(dir, passphrase, options, clock));
  return Created{Session(std::move(created.vault), std::move(policies)),
                 std::move(created.recovery_key)};
}

}  // namespace mk::service

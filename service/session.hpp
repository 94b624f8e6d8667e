// Session: an open vault together with the policies in force, the face the CLI and the GUI both
// use. It owns transactions: every use case runs in one unit of work that commits or rolls back
// whole.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "crypto/password_kdf.hpp"
#include "crypto/secret_buffer.hpp"
#include "policies/indicator_catalogue.hpp"
#include "vault/unit_of_work.hpp"
#include "vault/vault.hpp"

namespace mk::service {

// The policy folder: $MELDKLUIS_POLICY_DIR when set, else the policies/ folder of this build.
std::filesystem::path default_policy_dir();

// Every policy file, loaded and validated. Any invalid file is kPolicyInvalid naming file, place
// and reason: policies fail closed.
struct Policies {
  std::filesystem::path dir;
  policies::IndicatorCatalogue indicators;
};
Result<Policies> load_policies(const std::filesystem::path& dir);

// Key-derivation cost for new slots: calibrated to take about `target_ms` on this machine.
// 500 (the default) gives 0.5-1 s per unlock; tests pass small values.
inline constexpr int kDefaultKdfMilliseconds = 500;
crypto::PwhashParams kdf_for_target(int target_ms);

class Session {
 public:
  struct Created;

  // Loads the policies first (an invalid policy stops here, before the vault is touched), then
  // opens the vault (see vault::Vault::open for the errors).
  static Result<Session> open(const std::filesystem::path& dir,
                              const crypto::SecretBuffer& passphrase,
                              const std::optional<std::string>& slot, const Clock& clock,
                              const std::filesystem::path& policy_dir = default_policy_dir());

  // Creates a vault (see vault::Vault::create) and opens a session on it.
  static Result<Created> create(const std::filesystem::path& dir,
                                const crypto::SecretBuffer& passphrase,
                                const crypto::PwhashParams& kdf, const Clock& clock,
                                const std::filesystem::path& policy_dir = default_policy_dir());

  vault::Vault& vault() { return vault_; }
  const Policies& policies() const { return policies_; }

  // Runs `work(UnitOfWork&)` in one unit of work. `work` returns Status or Result<T>; on success
  // the unit is committed (audit events included) and the result returned; on any error, or when
  // the commit fails, everything is rolled back and the error returned.
  template <typename Work>
  auto transact(std::string reason, Work&& work) -> std::invoke_result_t<Work, vault::UnitOfWork&>;

 private:
  Session(vault::Vault v, Policies p) : vault_(std::move(v)), policies_(std::move(p)) {}
  vault::Vault vault_;
  Policies policies_;
};

struct Session::Created {
  Session session;
  crypto::SecretBuffer recovery_key;  // printed form; show once
};

template <typename Work>
auto Session::transact(std::string reason, Work&& work)
    -> std::invoke_result_t<Work, vault::UnitOfWork&> {
  using R = std::invoke_result_t<Work, vault::UnitOfWork&>;
  Result<vault::UnitOfWork> uow = vault::UnitOfWork::begin(vault_, std::move(reason));
  if (!uow) return R(uow.status());
  R result = std::forward<Work>(work)(*uow);
  if (!status_of(result).is_ok()) return result;  // the unit of work rolls back
  if (Status s = uow->commit(); !s.is_ok()) return R(s);
  return result;
}

}  // namespace mk::service

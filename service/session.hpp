// Session: an open vault together with the policies in force, the face the CLI and the GUI both
// use. It owns transactions: every use case runs in one unit of work that commits or rolls back
// whole.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "crypto/password_kdf.hpp"
#include "crypto/secret_buffer.hpp"
#include "policies/indicator_catalogue.hpp"
#include "vault/audit_log.hpp"
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
  // opens the vault (see vault::Vault::open for the errors). A wrong passphrase is recorded in the
  // vault's unlock-failures file (vault/unlock_failures.hpp). On success the audit log is attached
  // and earlier failed unlocks are moved into it; policy files that changed since the vault last
  // saw them are recorded as "policy.change" (service/policy_recording.hpp); nothing else is
  // written. `origin` says where the session runs, as origin_here() makes it.
  static Result<Session> open(const std::filesystem::path& dir,
                              const crypto::SecretBuffer& passphrase,
                              const std::optional<std::string>& slot, const Clock& clock,
                              const std::string& origin,
                              const std::filesystem::path& policy_dir = default_policy_dir());

  // Creates a vault (see vault::Vault::create) and opens a session on it; the audit log's first
  // entry is "vault.create", then one "policy.adopt" per policy file of `policy_dir`.
  static Result<Created> create(const std::filesystem::path& dir,
                                const crypto::SecretBuffer& passphrase,
                                const crypto::PwhashParams& kdf, const Clock& clock,
                                const std::string& origin,
                                const std::filesystem::path& policy_dir = default_policy_dir());

  Session(Session&& other) noexcept = default;
  Session& operator=(Session&&) = delete;
  // Closes the session (see close()), ignoring errors.
  ~Session();

  vault::Vault& vault() { return *vault_; }
  const Policies& policies() const { return policies_; }

  // The purpose the user gave for this session's work ("Verzoek SHOP 12-03"); it goes with every
  // audit entry. At most 200 characters, one line; never personal data. kInvalidInput otherwise.
  Status set_reason(std::string reason);
  const std::string& reason() const { return reason_; }

  // Runs `work(UnitOfWork&)` in one unit of work. `work` returns Status or Result<T>; on success
  // the unit is committed (audit events included) and the result returned; on any error, or when
  // the commit fails, everything is rolled back and the error returned. A refusal for the role
  // (kForbidden) is itself audited as `action` on `object` with that result.
  template <typename Work>
  auto transact(std::string action, Work&& work, std::string object = {})
      -> std::invoke_result_t<Work, vault::UnitOfWork&>;

  // Signs a checkpoint of the audit log when it grew during the session (every command and GUI
  // session ends with one) and returns the latest checkpoint note. The session stays usable.
  Result<std::string> checkpoint();

 private:
  Session(vault::Vault v, Policies p, std::unique_ptr<vault::AuditLog> log);
  Status audit_refusal(const std::string& action, const std::string& object, const Status& refusal);
  std::unique_ptr<vault::Vault> vault_;  // on the heap: the audit sink points into the session
  Policies policies_;
  std::unique_ptr<vault::AuditLog> audit_log_;
  std::string reason_;
};

// "cli@<host name>" for face "cli": where audit entries say a session ran.
std::string origin_here(std::string_view face);

struct Session::Created {
  Session session;
  crypto::SecretBuffer recovery_key;  // printed form; show once
};

template <typename Work>
auto Session::transact(std::string action, Work&& work, std::string object)
    -> std::invoke_result_t<Work, vault::UnitOfWork&> {
  using R = std::invoke_result_t<Work, vault::UnitOfWork&>;
  R result = [&]() -> R {
    Result<vault::UnitOfWork> uow = vault::UnitOfWork::begin(*vault_, reason_);
    if (!uow) return R(uow.status());
    R r = std::forward<Work>(work)(*uow);
    if (!status_of(r).is_ok()) return r;  // the unit of work rolls back
    if (Status s = uow->commit(); !s.is_ok()) return R(s);
    return r;
  }();
  if (status_of(result).code() == Code::kForbidden) {
    if (Status s = audit_refusal(action, object, status_of(result)); !s.is_ok()) return R(s);
  }
  return result;
}

}  // namespace mk::service

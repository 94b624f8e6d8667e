#include "service/session.hpp"

#include <unistd.h>

#include <cstdlib>

#include "service/policy_recording.hpp"
#include "vault/field_rules.hpp"
#include "vault/unlock_failures.hpp"

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

std::string origin_here(std::string_view face) {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return std::string(face);
  std::string out = std::string(face) + "@";
  for (const char* p = host; *p; ++p) {
    char c = *p;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.';
    out.push_back(ok ? c : '_');
  }
  return out.substr(0, 128);
}

Session::Session(vault::Vault v, Policies p, std::unique_ptr<vault::AuditLog> log)
    : vault_(std::make_unique<vault::Vault>(std::move(v))),
      policies_(std::move(p)),
      audit_log_(std::move(log)) {
  vault_->set_audit_sink(audit_log_.get());
}

Session::~Session() {
  if (vault_) (void)checkpoint();
}

Status Session::set_reason(std::string reason) {
  if (reason.empty()) {
    reason_.clear();
    return Status::ok();
  }
  MK_ASSIGN_OR_RETURN(std::string checked, vault::check_text("reason", reason, 200));
  reason_ = std::move(checked);
  return Status::ok();
}

Status Session::audit_refusal(const std::string& action, const std::string& object,
                              const Status& refusal) {
  MK_ASSIGN_OR_RETURN(vault::UnitOfWork uow, vault::UnitOfWork::begin(*vault_, reason_));
  uow.record({action, object, "", std::string(code_name(refusal.code()))});
  return uow.commit();
}

Result<std::string> Session::checkpoint() {
  return vault::write_checkpoint(*vault_);
}

Result<Session> Session::open(const std::filesystem::path& dir,
                              const crypto::SecretBuffer& passphrase,
                              const std::optional<std::string>& slot, const Clock& clock,
                              const std::string& origin, const std::filesystem::path& policy_dir) {
  MK_ASSIGN_OR_RETURN(Policies policies, load_policies(policy_dir));
  MK_ASSIGN_OR_RETURN(PolicyTexts policy_texts, read_policy_folder(policy_dir));
  Result<vault::Vault> opened = vault::Vault::open(dir, passphrase, slot, clock);
  if (!opened) {
    if (opened.status().code() == Code::kWrongPassphrase) {
      (void)vault::record_failed_unlock(dir, clock.now(), slot.value_or(""), origin);
    }
    return opened.status();
  }
  Session session(std::move(*opened), std::move(policies),
                  std::make_unique<vault::AuditLog>(origin));
  // Opening itself writes nothing (a command refused for bad input leaves the vault as it was);
  // only failed unlocks recorded since the last session are moved into the audit log, and policy
  // files that changed since the vault last saw them are recorded (policy_recording.hpp).
  MK_RETURN_IF_ERROR(session.transact("vault.unlock", [&](vault::UnitOfWork& uow) -> Status {
    MK_RETURN_IF_ERROR(vault::ingest_failed_unlocks(uow).status());
    return record_policy_changes(uow, policy_texts, PolicyRecording::kChange, origin);
  }));
  return session;
}

Result<Session::Created> Session::create(const std::filesystem::path& dir,
                                         const crypto::SecretBuffer& passphrase,
                                         const crypto::PwhashParams& kdf, const Clock& clock,
                                         const std::string& origin,
                                         const std::filesystem::path& policy_dir) {
  MK_ASSIGN_OR_RETURN(Policies policies, load_policies(policy_dir));
  MK_ASSIGN_OR_RETURN(PolicyTexts policy_texts, read_policy_folder(policy_dir));
  vault::CreateOptions options;
  options.coordinator_kdf = kdf;
  MK_ASSIGN_OR_RETURN(vault::Vault::Created created,
                      vault::Vault::create(dir, passphrase, options, clock));
  Session session(std::move(created.vault), std::move(policies),
                  std::make_unique<vault::AuditLog>(origin));
  MK_RETURN_IF_ERROR(session.transact("vault.create", [&](vault::UnitOfWork& uow) -> Status {
    uow.record({"vault.create", "", "slots=coordinator,recovery"});
    return record_policy_changes(uow, policy_texts, PolicyRecording::kAdopt, origin);
  }));
  return Created{std::move(session), std::move(created.recovery_key)};
}

}  // namespace mk::service

#include "vault/unit_of_work.hpp"

#include <utility>

#include "vault/vault.hpp"

namespace mk::vault {

Result<UnitOfWork> UnitOfWork::begin(Vault& vault, std::string reason) {
  MK_RETURN_IF_ERROR(vault.db().exec("BEGIN IMMEDIATE"));
  return UnitOfWork(vault, vault.clock().now(), std::move(reason));
}

UnitOfWork::UnitOfWork(UnitOfWork&& other) noexcept
    : vault_(other.vault_),
      now_(other.now_),
      reason_(std::move(other.reason_)),
      events_(std::move(other.events_)),
      open_(std::exchange(other.open_, false)) {}

UnitOfWork::~UnitOfWork() {
  if (open_) (void)vault_->db().exec("ROLLBACK");
}

Database& UnitOfWork::db() {
  return vault_->db();
}

Status UnitOfWork::commit() {
  if (!open_) return internal_error("unit of work already finished");
  Status s;
  if (AuditSink* sink = vault_->audit_sink(); sink && !events_.empty()) {
    s = sink->append(*this, events_);
  }
  if (s.is_ok()) s = vault_->db().exec("COMMIT");
  if (!s.is_ok()) {
    (void)vault_->db().exec("ROLLBACK");
    open_ = false;
    return s;
  }
  open_ = false;
  return Status::ok();
}

}  // namespace mk::vault

// UnitOfWork: every change to the store, and every read that decrypts identifying data, runs in
// one. It is one SQLite transaction; the audit events recorded in it are written by the vault's
// AuditSink inside that same transaction at commit, so a change and its audit entry are stored
// together or not at all.
#pragma once

#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "vault/database.hpp"

namespace mk::vault {

class Vault;

// What happened, to which object. Ids only: never a name, a narrative or any other plaintext.
struct AuditEvent {
  std::string action;         // "person.add", "signal.close", "person.read" ...
  std::string object;         // record id, slot name, or empty
  std::string detail;         // codes or field names only (e.g. "fields=name,bsn")
  std::string result = "ok";  // or the code name of a refusal ("forbidden")
};

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  // Appends `events` inside the open transaction of `uow`. An error aborts the unit of work.
  virtual Status append(class UnitOfWork& uow, const std::vector<AuditEvent>& events) = 0;
};

class UnitOfWork {
 public:
  // Starts a transaction that takes the write lock at once (BEGIN IMMEDIATE). `reason` is the
  // purpose the user gave, if any; it goes to the audit log with every event.
  static Result<UnitOfWork> begin(Vault& vault, std::string reason = {});

  UnitOfWork(UnitOfWork&& other) noexcept;
  UnitOfWork& operator=(UnitOfWork&&) = delete;
  UnitOfWork(const UnitOfWork&) = delete;
  ~UnitOfWork();  // rolls back unless committed

  Vault& vault() { return *vault_; }
  Database& db();
  // The time of this unit of work, taken once from the vault's clock when it began: every row it
  // writes carries the same timestamp.
  Instant now() const { return now_; }
  const std::string& reason() const { return reason_; }

  void record(AuditEvent event) { events_.push_back(std::move(event)); }
  const std::vector<AuditEvent>& events() const { return events_; }

  // Writes the audit events, then commits. On any error everything is rolled back.
  Status commit();

 private:
  UnitOfWork(Vault& vault, Instant now, std::string reason)
      : vault_(&vault), now_(now), reason_(std::move(reason)) {}
  Vault* vault_;
  Instant now_;
  std::string reason_;
  std::vector<AuditEvent> events_;
  bool open_ = true;
};

}  // namespace mk::vault

// AppContext: the app's one vault session and the facts every page needs (vault folder, clock,
// role). It lives on the UI thread. Pages borrow the session for the length of a call and never
// keep a reference to it: locking ends the session and wipes its keys.
#pragma once

#include <QObject>
#include <filesystem>
#include <optional>

#include "base/clock.hpp"
#include "service/session.hpp"
#include "vault/role.hpp"

namespace mk::gui {

class AppContext : public QObject {
  Q_OBJECT

 public:
  // `clock` must outlive the context (tests pass a FixedClock). `policy_dir` is where the
  // policies are loaded from when a vault is opened or created.
  AppContext(std::filesystem::path vault_dir, const Clock& clock,
             std::filesystem::path policy_dir = service::default_policy_dir(),
             QObject* parent = nullptr);
  ~AppContext() override;

  const std::filesystem::path& vault_dir() const { return vault_dir_; }
  void set_vault_dir(std::filesystem::path dir) { vault_dir_ = std::move(dir); }
  const std::filesystem::path& policy_dir() const { return policy_dir_; }
  const Clock& clock() const { return clock_; }

  bool is_unlocked() const { return session_.has_value(); }
  // Requires is_unlocked().
  service::Session& session();
  vault::Role role() const;  // requires is_unlocked()
  // True for the compliance role: pages that show identities are not offered.
  bool is_compliance() const;

  // Takes an opened session (from Session::open or Session::create) and emits unlocked().
  void adopt(service::Session session);
  // Signs a checkpoint when the log grew, closes the session (keys wiped) and emits locked().
  // Does nothing when already locked.
  void lock();

 Q_SIGNALS:
  void unlocked();
  void locked();

 private:
  std::filesystem::path vault_dir_;
  const Clock& clock_;
  std::filesystem::path policy_dir_;
  std::optional<service::Session> session_;
};

}  // namespace mk::gui

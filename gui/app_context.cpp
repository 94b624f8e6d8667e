#include "gui/app_context.hpp"

#include <cstdlib>

namespace mk::gui {

AppContext::AppContext(std::filesystem::path vault_dir, const Clock& clock,
                       std::filesystem::path policy_dir, QObject* parent)
    : QObject(parent),
      vault_dir_(std::move(vault_dir)),
      clock_(clock),
      policy_dir_(std::move(policy_dir)) {}

AppContext::~AppContext() {
  // Close quietly: nobody listens for locked() any more. The checkpoint still seals the session.
  if (session_) {
    (void)session_->checkpoint();
    session_.reset();
  }
}

service::Session& AppContext::session() {
  if (!session_) std::abort();  // programmer error: pages are only shown while unlocked
  return *session_;
}

vault::Role AppContext::role() const {
  if (!session_) std::abort();
  // Session::vault() has no const overload; reading the role changes nothing.
  return const_cast<std::optional<service::Session>&>(session_)->vault().role();
}

bool AppContext::is_compliance() const {
  return is_unlocked() && role() == vault::Role::kCompliance;
}

void AppContext::adopt(service::Session session) {
  session_.reset();
  session_.emplace(std::move(session));
  Q_EMIT unlocked();
}

void AppContext::lock() {
  if (!session_) return;
  // A failed checkpoint must not keep the vault open: the log entries are committed already and
  // the next session signs them.
  (void)session_->checkpoint();
  session_.reset();  // closes the vault; its keys are wiped
  Q_EMIT locked();
}

}  // namespace mk::gui

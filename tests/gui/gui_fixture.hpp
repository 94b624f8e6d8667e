// Shared fixture of the GUI tests: one offscreen QApplication for the whole binary, and an
// AppContext on a fresh vault (created through the service layer, small KDF) with a fixed clock.
#pragma once

#include <QApplication>
#include <QWidget>
#include <filesystem>
#include <memory>

#include "gui/app_context.hpp"
#include "service/session.hpp"
#include "vault/test_vault_fixture.hpp"

namespace mk::gui::test {

using vault::test::secret;
using vault::test::TempDir;

// The process's QApplication (created on first use, offscreen unless QT_QPA_PLATFORM says else).
// Never destroyed: a static QApplication would be torn down after Qt's own globals at exit and
// crash the process after every test had passed.
inline QApplication& app() {
  static int argc = 1;
  static char name[] = "test_gui";
  static char* argv[] = {name, nullptr};
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static QApplication* instance = new QApplication(argc, argv);
  return *instance;
}

inline Instant noon_of(const Date& d) {
  return d.sys_days() + std::chrono::hours(12);
}

// A vault created on `today` in a temporary folder, unlocked as the coordinator in `context`.
class GuiWorld {
 public:
  explicit GuiWorld(const Date& today = Date(2026, 11, 2))
      : dir_(temp_.path() / "vault"), clock_(noon_of(today)) {
    app();
    context_ = std::make_unique<AppContext>(dir_, clock_);
    Result<service::Session::Created> created =
        service::Session::create(dir_, secret(vault::test::kCoordinatorPassphrase),
                                 crypto::pwhash_params_for_tests(), clock_, "gui-test");
    MK_REQUIRE_OK(created);
    context_->adopt(std::move(created->session));
  }
  GuiWorld(const GuiWorld&) = delete;
  GuiWorld& operator=(const GuiWorld&) = delete;

  AppContext& context() { return *context_; }
  service::Session& s() { return context_->session(); }
  FixedClock& clock() { return clock_; }
  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& temp() const { return temp_.path(); }

 private:
  TempDir temp_;
  std::filesystem::path dir_;
  FixedClock clock_;
  std::unique_ptr<AppContext> context_;
};

}  // namespace mk::gui::test

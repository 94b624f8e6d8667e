#include "reports/offscreen_gui.hpp"

#include <QGuiApplication>

namespace mk::reports {

namespace {

char kName[] = "meldkluis";
char kPlatformFlag[] = "-platform";
char kOffscreen[] = "offscreen";

}  // namespace

OffscreenGui::OffscreenGui() : argv_{kName, kPlatformFlag, kOffscreen, nullptr} {
  if (have_gui_application()) return;
  app_ = std::make_unique<QGuiApplication>(argc_, argv_);
}

OffscreenGui::~OffscreenGui() = default;

bool have_gui_application() {
  return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}

}  // namespace mk::reports

#include "reports/offscreen_gui.hpp"

#include <QGuiApplication>
#include <QString>

namespace mk::reports {

namespace {

QtMessageHandler previous_handler = nullptr;

// Drops Qt's notice that XDG_RUNTIME_DIR is unset (usual for a command run over ssh or from cron;
// the offscreen platform needs no runtime folder) and passes every other message on.
void quiet_runtime_dir_notice(QtMsgType type, const QMessageLogContext& context,
                              const QString& message) {
  if (message.startsWith(QStringLiteral("QStandardPaths: XDG_RUNTIME_DIR not set"))) return;
  if (previous_handler != nullptr) previous_handler(type, context, message);
}

char kName[] = "meldkluis";
char kPlatformFlag[] = "-platform";
char kOffscreen[] = "offscreen";

}  // namespace

OffscreenGui::OffscreenGui() : argv_{kName, kPlatformFlag, kOffscreen, nullptr} {
  if (have_gui_application()) return;
  previous_handler = qInstallMessageHandler(quiet_runtime_dir_notice);
  app_ = std::make_unique<QGuiApplication>(argc_, argv_);
}

OffscreenGui::~OffscreenGui() = default;

bool have_gui_application() {
  return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}

}  // namespace mk::reports

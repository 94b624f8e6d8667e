// meldkluis-gui: the coordinator's and the compliance officer's desktop app.
//
//   meldkluis-gui [--vault DIR] [--lang nl|en] [--auto-lock-minutes N]
//   meldkluis-gui --screenshots OUTDIR --passphrase-file FILE [--slot NAME] [--vault DIR]
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/clock.hpp"
#include "crypto/secret_buffer.hpp"
#include "gui/app_context.hpp"
#include "gui/language.hpp"
#include "gui/main_window.hpp"
#include "gui/screenshots.hpp"
#include "service/process_hardening.hpp"

namespace {

std::filesystem::path default_vault_dir() {
  const QByteArray from_env = qgetenv("MELDKLUIS_VAULT");
  if (!from_env.isEmpty()) return std::filesystem::path(from_env.toStdString());
  return std::filesystem::path(QDir::homePath().toStdString()) / ".local" / "share" / "meldkluis" /
         "vault";
}

bool wants_screenshots(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--screenshots") == 0) return true;
  }
  return false;
}

int fail(const QString& message) {
  std::fprintf(stderr, "meldkluis-gui: %s\n", message.toLocal8Bit().constData());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (!mk::service::harden_process() || !mk::service::core_dumps_disabled()) {
    std::fputs("meldkluis-gui: cannot switch off core dumps; refusing to run\n", stderr);
    return 1;
  }
  if (!mk::crypto::initialize()) {
    std::fputs("meldkluis-gui: cannot initialise the cryptography library\n", stderr);
    return 1;
  }
  // Screenshots are rendered without a display.
  if (wants_screenshots(argc, argv)) qputenv("QT_QPA_PLATFORM", "offscreen");

  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Meldkluis"));
  QApplication::setApplicationName(QStringLiteral("meldkluis-gui"));
  QApplication::setApplicationVersion(QStringLiteral(MELDKLUIS_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Meldkluis: encrypted casework vault"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption vault_option(
      QStringLiteral("vault"),
      QStringLiteral("Vault folder (default $MELDKLUIS_VAULT or ~/.local/share/meldkluis/vault)."),
      QStringLiteral("DIR"));
  const QCommandLineOption lang_option(QStringLiteral("lang"),
                                       QStringLiteral("Interface language: nl (default) or en."),
                                       QStringLiteral("nl|en"));
  const QCommandLineOption minutes_option(
      QStringLiteral("auto-lock-minutes"),
      QStringLiteral("Lock after N idle minutes (default: the saved setting, else 10)."),
      QStringLiteral("N"));
  const QCommandLineOption screenshots_option(
      QStringLiteral("screenshots"),
      QStringLiteral("Render every screen offscreen into OUTDIR/<nn>-<key>.png and exit."),
      QStringLiteral("OUTDIR"));
  const QCommandLineOption passphrase_option(
      QStringLiteral("passphrase-file"),
      QStringLiteral("With --screenshots: file whose first line opens the vault."),
      QStringLiteral("FILE"));
  const QCommandLineOption slot_option(QStringLiteral("slot"),
                                       QStringLiteral("With --screenshots: key slot to open."),
                                       QStringLiteral("NAME"));
  parser.addOptions({vault_option, lang_option, minutes_option, screenshots_option,
                     passphrase_option, slot_option});
  parser.process(app);

  const std::filesystem::path vault_dir =
      parser.isSet(vault_option) ? std::filesystem::path(parser.value(vault_option).toStdString())
                                 : default_vault_dir();
  mk::SystemClock clock;
  mk::gui::AppContext context(vault_dir, clock);

  if (parser.isSet(screenshots_option)) {
    if (!parser.isSet(passphrase_option))
      return fail(QStringLiteral("--screenshots needs --passphrase-file"));
    mk::gui::ScreenshotOptions options;
    options.out_dir = parser.value(screenshots_option).toStdString();
    options.passphrase_file = parser.value(passphrase_option).toStdString();
    if (parser.isSet(slot_option)) options.slot = parser.value(slot_option).toStdString();
    mk::Result<QStringList> written = mk::gui::render_screenshots(context, options);
    if (!written) return fail(QString::fromStdString(written.status().to_string()));
    for (const QString& file : *written)
      std::printf("%s\n", file.toLocal8Bit().constData());
    return 0;
  }

  const QString lang = parser.isSet(lang_option) ? parser.value(lang_option) : QStringLiteral("nl");
  const std::optional<mk::gui::Language> language = mk::gui::parse_language(lang);
  if (!language) return fail(QStringLiteral("--lang must be nl or en"));
  if (!mk::gui::set_language(*language))
    return fail(QStringLiteral("cannot load the English translation"));

  int minutes = QSettings().value(mk::gui::MainWindow::auto_lock_setting(), 10).toInt();
  if (parser.isSet(minutes_option)) {
    bool ok = false;
    minutes = parser.value(minutes_option).toInt(&ok);
    if (!ok || minutes < 1 || minutes > 1440) {
      return fail(QStringLiteral("--auto-lock-minutes must be a number from 1 to 1440"));
    }
  }

  mk::gui::MainWindow window(context);
  window.set_auto_lock_minutes(minutes);
  window.show();
  const int code = app.exec();
  context.lock();
  return code;
}

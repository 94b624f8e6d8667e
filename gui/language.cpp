#include "gui/language.hpp"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace mk::gui {
namespace {

struct Installed {
  Language language = Language::kDutch;
  std::unique_ptr<QTranslator> app;  // Meldkluis's own strings (English only)
  std::unique_ptr<QTranslator> qt;   // Qt's own strings (buttons of standard dialogs)
};

Installed& installed() {
  static Installed state;
  return state;
}

void remove(std::unique_ptr<QTranslator>& translator) {
  if (!translator) return;
  QCoreApplication::removeTranslator(translator.get());
  translator.reset();
}

// Qt's translations of its own dialogs, when the system has them (optional).
std::unique_ptr<QTranslator> qt_translator(const QString& code) {
  auto translator = std::make_unique<QTranslator>();
  if (!translator->load(QStringLiteral("qtbase_") + code,
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    return nullptr;
  }
  return translator;
}

}  // namespace

std::optional<Language> parse_language(const QString& code) {
  if (code == QLatin1String("nl")) return Language::kDutch;
  if (code == QLatin1String("en")) return Language::kEnglish;
  return std::nullopt;
}

QString language_code(Language language) {
  return language == Language::kEnglish ? QStringLiteral("en") : QStringLiteral("nl");
}

bool set_language(Language language) {
  Installed& state = installed();
  std::unique_ptr<QTranslator> app;
  if (language == Language::kEnglish) {
    app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/meldkluis_en.qm"))) return false;
  }
  remove(state.app);
  remove(state.qt);
  state.language = language;
  QLocale::setDefault(
      QLocale(language == Language::kEnglish ? QLocale::English : QLocale::Dutch,
              language == Language::kEnglish ? QLocale::UnitedKingdom : QLocale::Netherlands));
  state.qt = qt_translator(language_code(language));
  if (state.qt) QCoreApplication::installTranslator(state.qt.get());
  if (app) {
    state.app = std::move(app);
    QCoreApplication::installTranslator(state.app.get());
  } else {
    // Removing a translator already sends LanguageChange; make sure it is sent even when there
    // was nothing to remove, so every widget retranslates.
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
  }
  return true;
}

Language current_language() {
  return installed().language;
}

}  // namespace mk::gui

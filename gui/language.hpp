// The interface language. Source strings are Dutch, so Dutch needs no translator; English comes
// from the embedded :/i18n/meldkluis_en.qm. Switching sends QEvent::LanguageChange to every widget,
// and widgets retranslate on it.
#pragma once

#include <QString>
#include <optional>

namespace mk::gui {

enum class Language { kDutch, kEnglish };

// "nl" or "en"; nullopt for anything else.
std::optional<Language> parse_language(const QString& code);
QString language_code(Language language);

// Installs the translators for `language` on the running QApplication, replacing those of an
// earlier call. Returns false (and stays Dutch) when the English file cannot be loaded.
bool set_language(Language language);
Language current_language();

}  // namespace mk::gui

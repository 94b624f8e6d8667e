// The Dutch words the case view and the share dialog show for the codes the service returns
// (case statuses, help kinds, consent signers, field names, fates). Translated with Qt (context
// "mk::gui::CaseWords"); an unknown code is shown as it is.
#pragma once

#include <QString>
#include <string>
#include <string_view>

#include "vault/case.hpp"
#include "vault/help_request_store.hpp"

namespace mk::gui {

inline QString qs(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString case_status_words(vault::CaseStatus status);  // "Actief", "Gesloten" ...
QString help_kind_words(vault::HelpKind kind);        // "Huisvesting" ...
QString signer_words(std::string_view signer_code);   // "self" -> "Betrokkene zelf"
QString person_field_words(std::string_view field);   // "date_of_birth" -> "Geboortedatum"
QString share_field_words(std::string_view field);    // person or record field ("signal.forms")
QString fate_words(std::string_view fate);            // "include" -> "Meegestuurd"

}  // namespace mk::gui

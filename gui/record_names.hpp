// Dutch names for the codes the service uses in retention plans and registers ("signal",
// "victim", "shred", "closed" ...), for tables. Unknown codes are shown as they are.
#pragma once

#include <QString>
#include <string>
#include <string_view>

#include "vault/retention_subjects.hpp"

namespace mk::gui::registers {

QString subject_kind_name(vault::SubjectKind kind);        // "Melding", "Casus", "Persoon", ...
QString person_role_text(std::string_view role);           // "slachtoffer", "verdachte", ...
QString retention_action_text(std::string_view action);    // "vernietigen", "anonimiseren"
QString retention_trigger_text(std::string_view trigger);  // "afgesloten", ...
QString role_text(std::string_view role);  // key-slot roles: "coördinator", "compliance", ...
QString yes_no(bool value);                // "ja" / "nee"

}  // namespace mk::gui::registers

// A refused share in the coordinator's words: the service gives its reason in fixed English
// phrases that name rules and record ids (service/share_plan.cpp, policies/sharing_policy.cpp);
// this renders each known phrase in Dutch (translatable) and keeps any other text as it is. It
// decides nothing: the refusal itself comes from the service.
#pragma once

#include <QString>
#include <QStringList>

namespace mk::gui {

// One line per reason, in Dutch. `message` is the Status message of a kDisclosureRefused
// ("refused: P-7K3M9Q2X: no consent recorded for comensha/registration").
QStringList refusal_reasons(const QString& message);

// A reason about one person's verdict ("no consent recorded for ..."), in Dutch.
QString person_reason(const QString& reason);

}  // namespace mk::gui

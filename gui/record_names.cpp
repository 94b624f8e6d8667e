#include "gui/record_names.hpp"

#include <QCoreApplication>

namespace mk::gui::registers {

namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("mk::gui::RecordNames", text);
}

QString as_is(std::string_view code) {
  return QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size()));
}

}  // namespace

QString subject_kind_name(vault::SubjectKind kind) {
  switch (kind) {
    case vault::SubjectKind::kSignal:
      return tr("Melding");
    case vault::SubjectKind::kCase:
      return tr("Casus");
    case vault::SubjectKind::kPerson:
      return tr("Persoon");
    case vault::SubjectKind::kDisclosure:
      return tr("Verstrekking");
  }
  return as_is(vault::enum_name(kind));
}

QString person_role_text(std::string_view role) {
  if (role.empty()) return {};
  if (role == "victim") return tr("slachtoffer");
  if (role == "suspect") return tr("verdachte");
  if (role == "reporter") return tr("melder");
  if (role == "witness") return tr("getuige");
  if (role == "other") return tr("overig");
  return as_is(role);
}

QString retention_action_text(std::string_view action) {
  if (action == "shred") return tr("vernietigen");
  if (action == "deidentify") return tr("anonimiseren");
  return as_is(action);
}

QString retention_trigger_text(std::string_view trigger) {
  if (trigger == "closed") return tr("afgesloten");
  if (trigger == "last_activity") return tr("laatste activiteit");
  if (trigger == "received") return tr("ontvangen");
  return as_is(trigger);
}

QString role_text(std::string_view role) {
  if (role == "coordinator") return tr("coördinator");
  if (role == "compliance") return tr("compliance (FG)");
  if (role == "recovery") return tr("herstelsleutel");
  return as_is(role);
}

QString yes_no(bool value) {
  return value ? tr("ja") : tr("nee");
}

}  // namespace mk::gui::registers

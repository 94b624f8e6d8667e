#include "gui/signal_labels.hpp"

#include <QCoreApplication>
#include <QStringList>

namespace mk::gui {

QString source_label(vault::SourceKind kind) {
  switch (kind) {
    case vault::SourceKind::kInternalTeam:
      return QCoreApplication::translate("SignalLabels", "Interne afdeling");
    case vault::SourceKind::kPartner:
      return QCoreApplication::translate("SignalLabels", "Partner");
    case vault::SourceKind::kResident:
      return QCoreApplication::translate("SignalLabels", "Inwoner");
    case vault::SourceKind::kAnonymous:
      return QCoreApplication::translate("SignalLabels", "Anoniem");
  }
  return {};
}

QString status_label(vault::SignalStatus status) {
  switch (status) {
    case vault::SignalStatus::kNew:
      return QCoreApplication::translate("SignalLabels", "Nieuw");
    case vault::SignalStatus::kInAssessment:
      return QCoreApplication::translate("SignalLabels", "In beoordeling");
    case vault::SignalStatus::kClosed:
      return QCoreApplication::translate("SignalLabels", "Afgesloten");
  }
  return {};
}

QString outcome_label(vault::SignalOutcome outcome) {
  switch (outcome) {
    case vault::SignalOutcome::kNoSuspicion:
      return QCoreApplication::translate("SignalLabels", "Geen vermoeden");
    case vault::SignalOutcome::kInsufficientInformation:
      return QCoreApplication::translate("SignalLabels", "Onvoldoende informatie");
    case vault::SignalOutcome::kReferred:
      return QCoreApplication::translate("SignalLabels", "Doorverwezen");
    case vault::SignalOutcome::kCaseOpened:
      return QCoreApplication::translate("SignalLabels", "Zaak geopend");
    case vault::SignalOutcome::kOther:
      return QCoreApplication::translate("SignalLabels", "Anders");
  }
  return {};
}

QString minor_label(vault::MinorInvolved minor) {
  switch (minor) {
    case vault::MinorInvolved::kYes:
      return QCoreApplication::translate("SignalLabels", "Ja");
    case vault::MinorInvolved::kNo:
      return QCoreApplication::translate("SignalLabels", "Nee");
    case vault::MinorInvolved::kUnknown:
      return QCoreApplication::translate("SignalLabels", "Onbekend");
  }
  return {};
}

QString scale_label(vault::Scale scale) {
  switch (scale) {
    case vault::Scale::kSingle:
      return QCoreApplication::translate("SignalLabels", "Eenmalig");
    case vault::Scale::kMultiple:
      return QCoreApplication::translate("SignalLabels", "Meerdere slachtoffers");
    case vault::Scale::kOrganised:
      return QCoreApplication::translate("SignalLabels", "Georganiseerd");
  }
  return {};
}

QString severity_label(vault::Severity severity) {
  switch (severity) {
    case vault::Severity::kLow:
      return QCoreApplication::translate("SignalLabels", "Laag");
    case vault::Severity::kMedium:
      return QCoreApplication::translate("SignalLabels", "Middel");
    case vault::Severity::kHigh:
      return QCoreApplication::translate("SignalLabels", "Hoog");
    case vault::Severity::kAcute:
      return QCoreApplication::translate("SignalLabels", "Acuut");
  }
  return {};
}

QString axis_label(policies::Axis axis) {
  switch (axis) {
    case policies::Axis::kCoercion:
      return QCoreApplication::translate("SignalLabels", "Dwang");
    case policies::Axis::kExploitation:
      return QCoreApplication::translate("SignalLabels", "Uitbuiting");
    case policies::Axis::kControl:
      return QCoreApplication::translate("SignalLabels", "Controlemethoden (HTCDS)");
  }
  return {};
}

QString form_label(const policies::IndicatorCatalogue& catalogue, std::string_view code) {
  if (const policies::TraffickingForm* f = catalogue.find_form(code)) {
    return QString::fromStdString(f->label_nl);
  }
  return QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size()));
}

QString forms_label(const policies::IndicatorCatalogue& catalogue,
                    const std::vector<std::string>& codes) {
  QStringList out;
  for (const std::string& c : codes)
    out << form_label(catalogue, c);
  return out.join(QStringLiteral(", "));
}

}  // namespace mk::gui

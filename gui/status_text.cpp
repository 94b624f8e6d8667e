#include "gui/status_text.hpp"

namespace mk::gui {

QString StatusText::open_error(const Status& status) {
  const QString detail = QString::fromStdString(status.message());
  switch (status.code()) {
    case Code::kWrongPassphrase:
      return tr(
          "De wachtwoordzin is onjuist. De kluis blijft vergrendeld; de mislukte poging "
          "wordt vastgelegd in het auditlog.");
    case Code::kNotFound:
      return tr("Geen kluis gevonden in deze map, of de opgegeven sleutel bestaat niet.");
    case Code::kVaultInUse:
      return tr(
          "De kluis is al geopend door een ander programma (bijvoorbeeld de opdrachtregel). "
          "Sluit dat eerst af.");
    case Code::kVaultCorrupt:
      return tr("Een bestand van de kluis is beschadigd of gewijzigd. Neem contact op met de "
                "beheerder (details: %1).")
          .arg(detail);
    case Code::kPolicyInvalid:
      return tr("Een beleidsbestand is ongeldig; de kluis wordt niet geopend (details: %1).")
          .arg(detail);
    case Code::kInvalidInput:
      return tr("De invoer is niet geldig (details: %1).").arg(detail);
    default:
      return tr("Het is niet gelukt (details: %1).").arg(detail);
  }
}

}  // namespace mk::gui

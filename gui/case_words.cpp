#include "gui/case_words.hpp"

#include <QCoreApplication>
#include <array>
#include <utility>

namespace mk::gui {
namespace {

QString w(const char* text) {
  return QCoreApplication::translate("mk::gui::CaseWords", text);
}

template <std::size_t N>
QString lookup(const std::array<std::pair<std::string_view, const char*>, N>& table,
               std::string_view code) {
  for (const auto& [key, words] : table) {
    if (key == code) return w(words);
  }
  return qs(code);
}

// QT_TRANSLATE_NOOP marks the strings for lupdate; w() translates them at run time.
const std::array<std::pair<std::string_view, const char*>, 7> kPersonFields = {{
    {"name", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Naam")},
    {"date_of_birth", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Geboortedatum")},
    {"nationality", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Nationaliteit")},
    {"bsn", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "BSN")},
    {"document_number", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Documentnummer")},
    {"address", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Adres")},
    {"phone", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Telefoon")},
}};

const std::array<std::pair<std::string_view, const char*>, 13> kRecordFields = {{
    {"signal.received", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: datum ontvangen")},
    {"signal.source_kind", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: soort bron")},
    {"signal.forms", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: vormen van uitbuiting")},
    {"signal.indicators", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: indicatoren")},
    {"signal.minor", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: minderjarige betrokken")},
    {"signal.scale", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: omvang")},
    {"signal.severity", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: ernst")},
    {"signal.nature", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: aard")},
    {"signal.narrative", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Melding: verhaal")},
    {"case.opened", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Zaak: geopend op")},
    {"case.closed", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Zaak: gesloten op")},
    {"case.status", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Zaak: status")},
    {"case.summary", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Zaak: samenvatting")},
}};

const std::array<std::pair<std::string_view, const char*>, 4> kFates = {{
    {"include", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Meegestuurd")},
    {"pseudonymise", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Gepseudonimiseerd")},
    {"generalise", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Gegeneraliseerd")},
    {"withhold", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Achtergehouden")},
}};

const std::array<std::pair<std::string_view, const char*>, 3> kSigners = {{
    {"self", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Betrokkene zelf")},
    {"parent", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Ouder")},
    {"guardian", QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Voogd")},
}};

}  // namespace

QString case_status_words(vault::CaseStatus status) {
  switch (status) {
    case vault::CaseStatus::kActive:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Actief"));
    case vault::CaseStatus::kFollowUp:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Nazorg"));
    case vault::CaseStatus::kClosed:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Gesloten"));
    case vault::CaseStatus::kClosedReferred:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Gesloten, doorverwezen"));
  }
  return {};
}

QString help_kind_words(vault::HelpKind kind) {
  switch (kind) {
    case vault::HelpKind::kHousing:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Huisvesting"));
    case vault::HelpKind::kBenefit:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Uitkering"));
    case vault::HelpKind::kBrpRegistration:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Inschrijving BRP"));
    case vault::HelpKind::kMedical:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Medische zorg"));
    case vault::HelpKind::kShelter:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Opvang"));
    case vault::HelpKind::kLegalAid:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Rechtsbijstand"));
    case vault::HelpKind::kIdPapers:
      return w(QT_TRANSLATE_NOOP("mk::gui::CaseWords", "Identiteitspapieren"));
  }
  return {};
}

QString signer_words(std::string_view signer_code) {
  return lookup(kSigners, signer_code);
}
QString person_field_words(std::string_view field) {
  return lookup(kPersonFields, field);
}

QString share_field_words(std::string_view field) {
  for (const auto& [key, words] : kRecordFields) {
    if (key == field) return w(words);
  }
  return lookup(kPersonFields, field);
}

QString fate_words(std::string_view fate) {
  return lookup(kFates, fate);
}

}  // namespace mk::gui

// A synthetic legacy spreadsheet, as a coordinator kept it before Meldkluis: the columns of
// policies/csv_import_nl.json, Dutch sources and teams, dates from 2019 to 2025 written as Dutch
// Excel writes them (dd-mm-jjjj, some jjjj-mm-dd), narratives with quotes, semicolons and line
// breaks, forms and signals in the sheet's own words, open and closed registrations, and reporters'
// names. Deterministic: the same row count gives the same sheet. Nobody in it exists.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/date.hpp"

namespace mk::legacy_test {

inline const std::vector<std::string> kHeader = {"Nr.",
                                                 "Datum melding",
                                                 "Bron",
                                                 "Team of organisatie",
                                                 "Omschrijving",
                                                 "Vorm",
                                                 "Signalen",
                                                 "Minderjarig",
                                                 "Status",
                                                 "Uitkomst",
                                                 "Datum afgesloten",
                                                 "Naam melder"};

// Column positions in kHeader.
enum Col : std::size_t {
  kNr,
  kReceived,
  kSource,
  kTeam,
  kNarrative,
  kForms,
  kIndicators,
  kMinor,
  kStatus,
  kOutcome,
  kClosed,
  kReporter
};

struct Sheet {
  std::vector<std::vector<std::string>> rows;  // data rows; spreadsheet row = index + 2

  // Expected outcome of an import of this sheet.
  std::size_t closed = 0;
  std::size_t in_assessment = 0;
  std::size_t reporters = 0;
};

// A small deterministic generator (64-bit LCG), so the sheet is the same on every machine.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : state_(seed) {}
  std::size_t below(std::size_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state_ >> 33) % n);
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

inline std::string two(unsigned v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}
inline std::string dutch_date(const Date& d) {
  return two(d.day()) + "-" + two(d.month()) + "-" + std::to_string(d.year());
}

inline Sheet make_sheet(std::size_t n) {
  struct Source {
    std::string word;
    std::string team;
    bool named_reporter;
  };
  const std::vector<Source> sources = {
      {"wijkteam", "Wijkteam Oost", true},
      {"Wijkteam", "Wijkteam Noord", true},
      {"Sociaal wijkteam", "Wijkteam Te Werve", true},
      {"jeugdteam", "Jeugdteam Rijswijk", true},
      {"Burgerzaken", "Burgerzaken", true},
      {"handhaving", "Team Handhaving en Toezicht", true},
      {"Werk en Inkomen", "Werk en Inkomen", true},
      {"politie", "Politie Haaglanden, AVIM", true},
      {"Arbeidsinspectie", "Nederlandse Arbeidsinspectie", true},
      {"Veilig Thuis", "Veilig Thuis Haaglanden", true},
      {"GGD", "GGD Haaglanden", false},
      {"SHOP", "SHOP Den Haag", true},
      {"inwoner", "", true},
      {"buurtbewoner", "", true},
      {"anoniem", "", false},
      {"Meld Misdaad Anoniem", "", false},
  };
  const std::vector<std::string> narratives = {
      "Bewoners zien 's avonds laat busjes met mannen aankomen bij een bedrijfspand aan de "
      "Lange Kleiweg; er zouden zo'n twintig mensen in het pand slapen.",
      "Cliënte vertelt bij het wijkteam dat haar \"vriend\" haar inkomsten beheert en dat ze "
      "geen eigen bankpas heeft.\nZe wil niet dat er contact met de politie wordt opgenomen.",
      "Bij een controle van een nagelstudio aan de Herenstraat bleek personeel in het pand te "
      "wonen; paspoorten lagen bij de eigenaar.",
      "Melder ziet jongeren die dagelijks door een oudere man worden opgehaald; vermoedelijk "
      "worden zij ingezet voor drugsverkoop.",
      "Uitzendkracht meldt dat zij 14 uur per dag in de kas werkt, € 4,50 per uur ontvangt en "
      "huur rechtstreeks wordt ingehouden door het uitzendbureau.",
      "Leerplichtambtenaar signaleert langdurig verzuim van een 15-jarige; er zijn aanwijzingen "
      "dat zij thuis wordt uitgebuit.\nOverleg met Veilig Thuis gepland.",
      "Anonieme tip: in een woning aan de Prinses Beatrixlaan zou prostitutie plaatsvinden "
      "onder dwang; wisselende vrouwen, ramen afgeplakt.",
      "Schuldhulpverlening: cliënt heeft een schuld van ruim € 8.000 aan zijn werkgever voor "
      "reis en huisvesting; zijn ID-kaart is ingenomen.",
  };
  const std::vector<std::string> forms = {
      "arbeid",    "Arbeidsuitbuiting", "seksueel",          "seksuele uitbuiting",
      "crimineel", "arbeid, seksueel",  "crimineel; arbeid", "anders",
      ""};
  const std::vector<std::string> indicators = {"lange werkdagen, onderbetaling",
                                               "paspoort ingenomen",
                                               "Huisvesting via werkgever; zwart werk",
                                               "geweld, bedreiging",
                                               "beperkte bewegingsvrijheid",
                                               "hoge schuld; inkomsten afstaan",
                                               "",
                                               ""};
  const std::vector<std::string> minors = {"nee", "nee", "Nee", "ja", "onbekend", ""};
  const std::vector<std::string> outcomes = {"geen vermoeden", "Doorverwezen", "casus",
                                             "onvoldoende informatie", "overig"};
  const std::vector<std::string> reporters = {
      "Fatima el Amrani", "Sanne de Vries", "Jeroen Bakker",  "Emre Yılmaz",
      "Lotte Janssen",    "Mohamed Bouzid", "Anouk van Dijk", "Kees van der Berg",
      "Priya Ramdin",     "Tomasz Nowak",   "Inge Vermeulen", "Bram Hoekstra"};

  Dice dice(20260302);
  Sheet sheet;
  const Date first(2019, 1, 1);
  const Date last(2025, 12, 31);
  const auto span = (last.sys_days() - first.sys_days()).count();
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> row(kHeader.size());
    row[kNr] = std::to_string(i + 1);
    Date received = Date::from_sys_days(
        first.sys_days() + std::chrono::days(dice.below(static_cast<std::size_t>(span) + 1)));
    row[kReceived] = dice.below(10) == 0 ? received.to_iso() : dutch_date(received);
    const Source& source = dice.pick(sources);
    row[kSource] = source.word;
    row[kTeam] = source.team;
    row[kNarrative] = dice.below(20) == 0 ? "" : dice.pick(narratives);
    row[kForms] = dice.pick(forms);
    row[kIndicators] = dice.pick(indicators);
    row[kMinor] = dice.pick(minors);
    switch (dice.below(4)) {
      case 0:
        row[kStatus] = "nieuw";
        break;
      case 1:
        row[kStatus] = "in behandeling";
        ++sheet.in_assessment;
        break;
      default: {
        row[kStatus] = "afgesloten";
        row[kOutcome] = dice.pick(outcomes);
        Date closed = Date::from_sys_days(received.sys_days() + std::chrono::days(dice.below(90)));
        row[kClosed] = dutch_date(closed);
        ++sheet.closed;
      }
    }
    if (source.named_reporter && dice.below(3) == 0) {
      row[kReporter] = dice.pick(reporters);
      ++sheet.reporters;
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

inline std::string csv_field(const std::string& f, char delimiter) {
  if (f.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return f;
  std::string out = "\"";
  for (char c : f) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// The sheet as Dutch Excel saves "CSV UTF-8": a byte order mark, ';', CRLF.
inline std::string to_csv(const std::vector<std::vector<std::string>>& rows, char delimiter = ';',
                          bool bom = true, const std::vector<std::string>& header = kHeader) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += delimiter;
      out += csv_field(fields[i], delimiter);
    }
    out += "\r\n";
  };
  line(header);
  for (const auto& r : rows)
    line(r);
  return out;
}

}  // namespace mk::legacy_test

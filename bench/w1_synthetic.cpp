#include "w1_synthetic.hpp"

#include <array>
#include <string_view>

#include "vault/field_rules.hpp"

namespace mk::bench {
namespace {

constexpr std::array<std::string_view, 40> kFirst = {
    "Anouk", "Daan",  "Sanne",   "Mehmet",  "Ioana",     "Piotr",  "Fatima", "Kees",
    "Lotte", "Bram",  "Fleur",   "Youssef", "Agnieszka", "Tomasz", "Elif",   "Jeroen",
    "Maria", "Noor",  "Sven",    "Iris",    "Ahmed",     "Olena",  "Andrei", "Ewa",
    "Thijs", "Lieke", "Mohamed", "Anna",    "Roel",      "Esra",   "Vasile", "Marta",
    "Joost", "Femke", "Hamza",   "Ilse",    "Bogdan",    "Yara",   "Wouter", "Nadia"};
constexpr std::array<std::string_view, 40> kLast = {
    "de Vries", "Jansen",   "Bakker",       "Yılmaz",      "Popescu",     "Nowak",    "el Amrani",
    "Visser",   "Smit",     "Meijer",       "de Boer",     "Mulder",      "de Groot", "Bos",
    "Vos",      "Peters",   "Hendriks",     "van Leeuwen", "Dekker",      "Brouwer",  "de Wit",
    "Dijkstra", "Kowalski", "Wiśniewska",   "Ionescu",     "Demir",       "Kaya",     "Bouzid",
    "van Dijk", "Kuipers",  "van der Meer", "Koster",      "Prins",       "Huisman",  "Kok",
    "Jacobs",   "Haddou",   "Shevchenko",   "Rusu",        "van den Berg"};
constexpr std::array<std::string_view, 10> kNationalities = {
    "Nederlandse", "Roemeense", "Poolse",      "Bulgaarse",  "Oekraïense",
    "Marokkaanse", "Turkse",    "Nigeriaanse", "Vietnamese", "Hongaarse"};
constexpr std::array<std::string_view, 12> kStreets = {"Herenstraat",
                                                       "Steenvoordelaan",
                                                       "Haagweg",
                                                       "Generaal Spoorlaan",
                                                       "Van Vredenburchweg",
                                                       "Laan van Hoornwijck",
                                                       "Prinses Beatrixlaan",
                                                       "Sir Winston Churchilllaan",
                                                       "Lindelaan",
                                                       "Kerklaan",
                                                       "Zuidhoornseweg",
                                                       "Bogaardplein"};
constexpr std::array<std::string_view, 4> kPlaces = {"2282 BX Rijswijk", "2284 CZ Rijswijk",
                                                     "2515 AB Den Haag", "2526 KL Den Haag"};
constexpr std::array<std::string_view, 8> kSentences = {
    "Buurtbewoners zien 's avonds laat busjes met jonge mannen aankomen bij een bedrijfspand.",
    "De melder vertelt dat de werknemers hun paspoort bij de werkgever moeten inleveren.",
    "Volgens het wijkteam wonen er minstens tien mensen in een bovenwoning van drie kamers.",
    "De betrokkene zegt een schuld van enkele duizenden euro's te hebben bij de bemiddelaar.",
    "Er wordt contant uitbetaald en een groot deel van het loon gaat naar huur en vervoer.",
    "Een collega van Burgerzaken merkte op dat dezelfde persoon steeds voor anderen tolkt.",
    "De melder vermoedt dat de vrouwen niet vrij zijn om te vertrekken of iemand te bellen.",
    "Bij een controle bleek dat de werkdagen langer dan twaalf uur duren, zeven dagen per week."};
constexpr std::array<std::string_view, 4> kForms = {"labour", "sexual", "criminal", "other"};
constexpr std::array<std::string_view, 12> kIndicators = {"coercion.imposed_debts",
                                                          "coercion.documents_taken",
                                                          "exploitation.passport_withheld",
                                                          "exploitation.earnings_surrendered",
                                                          "exploitation.restricted_movement",
                                                          "labour.long_hours",
                                                          "labour.underpaid",
                                                          "labour.housing_dependent",
                                                          "labour.off_the_books",
                                                          "labour.debt_to_employer",
                                                          "htcds.debt_bondage",
                                                          "coercion.deception"};

// The n-th nine-digit number passing the 11-proef at or above 100,000,000 + 11 n (each window of
// 11 consecutive numbers holds at least one, so distinct n never collide).
std::string bsn_for(std::size_t n) {
  for (std::size_t v = 100000000 + 11 * n;; ++v) {
    std::string digits = std::to_string(v);
    if (vault::bsn_passes_11_proef(digits)) return digits;
  }
}

// A small mixing function so consecutive i do not get consecutive names and dates.
std::size_t mix(std::size_t i) {
  std::size_t x = i * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  return x ^ (x >> 29);
}

}  // namespace

vault::PersonIdentity w1_person(std::size_t i) {
  using vault::PersonField;
  std::size_t h = mix(i);
  vault::PersonIdentity id;
  id.set(PersonField::kName, std::string(kFirst[h % kFirst.size()]) + " " +
                                 std::string(kLast[(h >> 8) % kLast.size()]));
  Date birth = Date::from_sys_days(Date(1950, 1, 1).sys_days() +
                                   std::chrono::days(static_cast<int>((h >> 16) % 20000)));
  id.set(PersonField::kDateOfBirth, birth.to_iso());
  id.set(PersonField::kNationality, std::string(kNationalities[(h >> 32) % kNationalities.size()]));
  id.set(PersonField::kBsn, bsn_for(i));
  id.set(PersonField::kDocumentNumber, "NW" + std::to_string(1000000 + i));
  id.set(PersonField::kAddress, std::string(kStreets[(h >> 40) % kStreets.size()]) + " " +
                                    std::to_string(1 + (h >> 44) % 240) + ", " +
                                    std::string(kPlaces[(h >> 52) % kPlaces.size()]));
  return id;
}

std::string w1_narrative(std::size_t j) {
  std::size_t h = mix(j + 7);
  std::string out;
  std::size_t count = 4 + h % 5;  // 4..8 sentences of ~85 characters
  for (std::size_t k = 0; k < count; ++k) {
    if (!out.empty()) out += ' ';
    out += kSentences[(h >> (4 * k)) % kSentences.size()];
  }
  return out;
}

std::string w1_nature(std::size_t j) {
  return j % 2 == 0 ? "Vermoeden van arbeidsuitbuiting: afhankelijkheid via huisvesting en schuld."
                    : "Mogelijk seksuele uitbuiting; signalen van controle door een derde en "
                      "ingehouden verdiensten.";
}

void w1_codes(std::size_t j, vault::SignalInput& input) {
  std::size_t h = mix(j + 11);
  input.forms = {std::string(kForms[h % kForms.size()])};
  std::size_t first = (h >> 8) % kIndicators.size();
  std::size_t count = 2 + (h >> 16) % 3;
  for (std::size_t k = 0; k < count; ++k) {
    input.indicators.emplace_back(kIndicators[(first + 5 * k) % kIndicators.size()]);
  }
}

Date w1_received(std::size_t j) {
  return Date::from_sys_days(Date(2024, 1, 1).sys_days() +
                             std::chrono::days(static_cast<int>(mix(j + 3) % 1062)));
}

}  // namespace mk::bench

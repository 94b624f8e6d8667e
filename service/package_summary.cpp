#include "service/package_summary.hpp"

namespace mk::service {
namespace {

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "3 records (1 casus, 1 melding, 1 persoon)": only the kinds present.
std::string contents_line(const RecordCounts& c, bool dutch) {
  std::size_t total = c.cases + c.signals + c.persons;
  std::string parts;
  auto add = [&](std::size_t n, const char* one, const char* many) {
    if (n == 0) return;
    parts += (parts.empty() ? "" : ", ") + count_of(n, one, many);
  };
  if (dutch) {
    add(c.cases, "casus", "casussen");
    add(c.signals, "melding", "meldingen");
    add(c.persons, "persoon", "personen");
  } else {
    add(c.cases, "case", "cases");
    add(c.signals, "signal", "signals");
    add(c.persons, "person", "persons");
  }
  std::string line = count_of(total, "record", "records");
  if (!parts.empty()) line += " (" + parts + ")";
  return line;
}

}  // namespace

std::string package_summary(const SharePlan& plan, const PackageFacts& facts,
                            const RecordCounts& counts) {
  const std::string& partner = plan.registered.name;
  const std::string& file = facts.file_name;
  const std::string created = format_instant(facts.created);
  const std::string unix_time = std::to_string(facts.created.time_since_epoch().count());
  const std::string& basis = plan.purpose->legal_basis;
  const std::string& reference = plan.purpose->legal_basis_reference;
  std::string t;
  t += "Vertrouwelijk pakket van " + facts.municipality + " voor " + partner + "\n\n";
  t += "Afzender:    " + facts.municipality + ", centraal meldpunt mensenhandel\n";
  t += "Ontvanger:   " + partner + " (" + plan.partner->id + ")\n";
  t += "Doel:        " + plan.purpose->label_nl + " (" + plan.purpose->id + ")\n";
  t += "Grondslag:   " + basis + "\n";
  t += "Vastgelegd:  " + reference + "\n";
  t += "Gemaakt:     " + created + "\n";
  t += "Inhoud:      " + contents_line(counts, true) + "\n\n";
  t += "Personen staan onder een pseudoniem dat alleen voor " + partner +
       " geldt.\n"
       "Noem bij vragen of een terugmelding het pseudoniem, nooit een naam. Wat niet is\n"
       "meegestuurd en waarom staat in manifest.json (\"withheld\"); de gegevens zelf staan in\n"
       "records.json.\n\n";
  t += "Controleer de handtekening met de openbare sleutel van de gemeente (sleutel-id " +
       facts.signing_key_id +
       "),\ndie u apart van dit pakket hebt gekregen:\n"
       "  minisign -Vm " +
       file +
       " -p gemeente.pub\n"
       "De regel \"Trusted comment\" noemt file:" +
       file + " en timestamp:" + unix_time + " (" + created + ").\n";
  t += "\n--\n\n";
  t += "Confidential package from " + facts.municipality + " for " + partner + "\n\n";
  t += "Sender:      " + facts.municipality + ", central human trafficking reporting point\n";
  t += "Recipient:   " + partner + " (" + plan.partner->id + ")\n";
  t += "Purpose:     " + plan.purpose->label_en + " (" + plan.purpose->id + ")\n";
  t += "Legal basis: " + basis + "\n";
  t += "Reference:   " + reference + "\n";
  t += "Created:     " + created + "\n";
  t += "Contents:    " + contents_line(counts, false) + "\n\n";
  t += "Persons appear under a pseudonym that holds for " + partner +
       " only.\n"
       "When you ask or report back, quote the pseudonym, never a name. What was left out and\n"
       "why is in manifest.json (\"withheld\"); the data itself is in records.json.\n\n";
  t += "Check the signature with the municipality's public key (key id " + facts.signing_key_id +
       "), which you\nreceived separately from this package:\n"
       "  minisign -Vm " +
       file +
       " -p gemeente.pub\n"
       "Its \"Trusted comment\" line names file:" +
       file + " and timestamp:" + unix_time + " (" + created + ").\n";
  return t;
}

}  // namespace mk::service

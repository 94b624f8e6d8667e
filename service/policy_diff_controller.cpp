// diff_controller (policy_diff_parts.hpp): the controller file compared text by text. Every
// sentence names what changed with its old and new value: these are the municipality's and its
// officers' professional details and the processing activity's description, not personal data of
// the people in the vault.
#include "service/policy_diff_parts.hpp"

namespace mk::service::policy_diff {
namespace {

struct Subject {
  std::string nl;  // "naam van de verwerkingsverantwoordelijke"
  std::string en;  // "controller name"
};

void text(Changes& out, const std::string& file, const Subject& what, const std::string& was,
          const std::string& now) {
  if (was == now) return;
  say(out, file, what.nl + " gewijzigd van " + q(was) + " in " + q(now),
      what.en + " changed from " + q(was) + " to " + q(now));
}

void confirmed(Changes& out, const std::string& file, const Subject& who, bool was, bool now) {
  if (was == now) return;
  say(out, file,
      who.nl + (now ? ": gegevens nu bevestigd" : ": gegevens niet meer bevestigd (voorlopig)"),
      who.en + (now ? ": details now confirmed" : ": details no longer confirmed (provisional)"));
}

}  // namespace

void diff_controller(const policies::ControllerPolicy& before,
                     const policies::ControllerPolicy& after, const std::string& file,
                     Changes& out) {
  const policies::ControllerParty& ca = before.controller();
  const policies::ControllerParty& cb = after.controller();
  text(out, file, {"naam van de verwerkingsverantwoordelijke", "controller name"}, ca.name,
       cb.name);
  text(out, file, {"adres van de verwerkingsverantwoordelijke", "controller address"}, ca.address,
       cb.address);
  text(out, file, {"contact van de verwerkingsverantwoordelijke", "controller contact"}, ca.contact,
       cb.contact);
  confirmed(out, file, {"verwerkingsverantwoordelijke", "controller"}, ca.confirmed, cb.confirmed);

  const policies::DataProtectionOfficer& da = before.dpo();
  const policies::DataProtectionOfficer& db = after.dpo();
  text(out, file, {"naam van de functionaris gegevensbescherming", "data protection officer name"},
       da.name, db.name);
  text(out, file,
       {"contact van de functionaris gegevensbescherming", "data protection officer contact"},
       da.contact, db.contact);
  confirmed(out, file, {"functionaris gegevensbescherming", "data protection officer"},
            da.confirmed, db.confirmed);

  const policies::ProcessingActivity& a = before.activity();
  const policies::ProcessingActivity& b = after.activity();
  text(out, file, {"naam van de verwerking (nl)", "processing activity name (nl)"}, a.name_nl,
       b.name_nl);
  text(out, file, {"naam van de verwerking (en)", "processing activity name (en)"}, a.name_en,
       b.name_en);
  text(out, file, {"omschrijving van de verwerking (nl)", "processing activity description (nl)"},
       a.description_nl, b.description_nl);
  text(out, file, {"omschrijving van de verwerking (en)", "processing activity description (en)"},
       a.description_en, b.description_en);
  text(out, file, {"kerndoel (nl)", "core purpose (nl)"}, a.core_purpose_nl, b.core_purpose_nl);
  text(out, file, {"kerndoel (en)", "core purpose (en)"}, a.core_purpose_en, b.core_purpose_en);
  text(out, file, {"grondslag van het kerndoel", "legal basis of the core purpose"}, a.legal_basis,
       b.legal_basis);
  text(out, file, {"bron van de grondslag", "reference for the legal basis"},
       a.legal_basis_reference, b.legal_basis_reference);
  text(out, file, {"doorgifte buiten de EER", "transfers outside the EEA"}, a.third_countries,
       b.third_countries);
}

}  // namespace mk::service::policy_diff

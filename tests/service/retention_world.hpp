// A vault whose records were registered years ago (past dates are ordinary input), so retention
// has work to do on test dates. With the shipped policies/retention.json, as of 2026-11-29:
//
//   signal s1   no suspicion, closed 2019-04-01, reporter r1   due 2020-04-01 (both)
//   case c1     closed 2019-06-30 with signal s2, victim v1,   due 2024-06-30 (case, victim)
//               suspect x1 (never sent to the police)          due 2019-12-30 (suspect)
//   case c2     closed 2018-01-15 with signal s4, victim v2    due 2023-01-15, but held
//   signal s3   received 2026-10-01, still open, victim v3     not due
#pragma once

#include <string>

#include "service/casework.hpp"
#include "service/retention.hpp"
#include "service/service_fixture.hpp"

namespace mk::service::test {

// Values no real record would hold: finding one anywhere after its subject was shredded is a leak.
inline constexpr std::string_view kCanaryVictim = "Kanarie Vergeetmenietje";
inline constexpr std::string_view kCanaryReporter = "Kanarie Klokkenluider";
inline constexpr std::string_view kCanaryNarrative =
    "KANARIE-MELDING: geen vermoeden na huisbezoek";

struct World {
  std::string s1, r1;
  std::string c1, s2, v1, x1;
  std::string c2, s4, v2;
  std::string s3, v3;
};

inline Date world_today() {
  return Date(2026, 11, 29);
}

inline std::string must(Result<std::string> r) {
  MK_REQUIRE_OK(r);
  return *r;
}

inline vault::PersonIdentity named(const vault::test::synthetic::DutchPerson& p,
                                   std::string_view name) {
  vault::PersonIdentity id = vault::test::synthetic::identity_of(p);
  id.set(vault::PersonField::kName, std::string(name));
  return id;
}

inline World build_world(Session& s) {
  namespace syn = vault::test::synthetic;
  using vault::PersonRole;
  using vault::SignalOutcome;
  World w;
  w.r1 = must(add_person(s, PersonRole::kReporter, named(syn::kDaan, kCanaryReporter)));
  vault::SignalInput in1;
  in1.received = Date(2019, 3, 4);
  in1.source_kind = vault::SourceKind::kResident;
  in1.reporter_id = w.r1;
  in1.narrative = std::string(kCanaryNarrative);
  in1.forms = {"sexual"};
  w.s1 = must(register_signal(s, in1));
  MK_REQUIRE_OK(close_signal(s, w.s1, SignalOutcome::kNoSuspicion, Date(2019, 4, 1)));

  w.v1 = must(add_person(s, PersonRole::kVictim, named(syn::kIoana, kCanaryVictim)));
  w.x1 = must(add_person(s, PersonRole::kSuspect, syn::identity_of(syn::kPiotr)));
  vault::SignalInput in2 = syn::labour_signal();
  in2.received = Date(2018, 4, 20);
  in2.person_ids = {w.v1, w.x1};
  w.s2 = must(register_signal(s, in2));
  MK_REQUIRE_OK(close_signal(s, w.s2, SignalOutcome::kCaseOpened, Date(2018, 5, 1)));
  vault::CaseInput c1;
  c1.opened = Date(2018, 5, 1);
  c1.summary = "Casus arbeidsuitbuiting kassen Westland";
  c1.signal_ids = {w.s2};
  c1.person_ids = {w.v1, w.x1};
  w.c1 = must(open_case(s, c1));
  MK_REQUIRE_OK(close_case(s, w.c1, true, Date(2019, 6, 30), std::nullopt));

  w.v2 = must(add_person(s, PersonRole::kVictim, syn::identity_of(syn::kAnouk)));
  w.s4 = must(register_signal(s, syn::anonymous_tip(Date(2017, 9, 12))));
  MK_REQUIRE_OK(close_signal(s, w.s4, SignalOutcome::kCaseOpened, Date(2017, 9, 20)));
  vault::CaseInput c2;
  c2.opened = Date(2017, 9, 20);
  c2.signal_ids = {w.s4};
  c2.person_ids = {w.v2};
  w.c2 = must(open_case(s, c2));
  MK_REQUIRE_OK(close_case(s, w.c2, false, Date(2018, 1, 15), std::nullopt));
  MK_REQUIRE_OK(hold_case(s, w.c2, "Lopend strafrechtelijk onderzoek, verzoek OM 2026-10"));

  w.v3 = must(add_person(s, PersonRole::kVictim, syn::identity_of(syn::kFatima)));
  vault::SignalInput in3 = syn::labour_signal();
  in3.received = Date(2026, 10, 1);
  in3.person_ids = {w.v3};
  w.s3 = must(register_signal(s, in3));
  return w;
}

}  // namespace mk::service::test

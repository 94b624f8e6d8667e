// Routing suggestions for signals and cases, from the shipped policies/routing.json: which partner,
// and why; from metadata only, so the compliance role gets them too.
#include <catch2/catch.hpp>

#include "service/sharing_world.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

namespace {

std::vector<std::string> targets(const Result<std::vector<policies::RoutingSuggestion>>& r) {
  MK_REQUIRE_OK(r);
  std::vector<std::string> out;
  for (const policies::RoutingSuggestion& s : *r) {
    CHECK_FALSE(s.reason_nl.empty());
    CHECK_FALSE(s.reference.empty());
    out.push_back(s.partner + "/" + s.purpose);
  }
  return out;
}

}  // namespace

TEST_CASE("routing: a labour signal with a victim and a suspect who takes the earnings",
          "[sharing][routing]") {
  SharingWorld w;
  const std::vector<std::string> expected = {"arbeidsinspectie/labour_signal", "shop/care_referral",
                                             "riec/administrative_approach"};
  CHECK(targets(routing_for_signal(w.s(), w.signal())) == expected);
  CHECK(targets(routing_for_case(w.s(), w.case_id())) == expected);
  Result<std::vector<policies::RoutingSuggestion>> r = routing_for_signal(w.s(), w.signal());
  MK_REQUIRE_OK(r);
  CHECK(r->front().rule == "labour.arbeidsinspectie");
}

TEST_CASE("routing: no suspect, no RIEC; a minor goes to Veilig Thuis, not to SHOP",
          "[sharing][routing]") {
  SharingWorld w;
  vault::SignalInput in = vault::test::synthetic::labour_signal();
  in.person_ids = {w.victim()};
  Result<std::string> victim_only = register_signal(w.s(), in);
  MK_REQUIRE_OK(victim_only);
  CHECK(targets(routing_for_signal(w.s(), *victim_only)) ==
        std::vector<std::string>{"arbeidsinspectie/labour_signal", "shop/care_referral"});

  vault::SignalInput minor = vault::test::synthetic::anonymous_tip(Date(2026, 11, 3));
  minor.minor = vault::MinorInvolved::kYes;
  Result<std::string> tip = register_signal(w.s(), minor);
  MK_REQUIRE_OK(tip);
  CHECK(targets(routing_for_signal(w.s(), *tip)) ==
        std::vector<std::string>{"police/report", "veilig_thuis/report"});
  CHECK(routing_for_signal(w.s(), "S-AAAAAAAA").status().code() == Code::kNotFound);
}

// Help requests in the service layer, with the shipped policies/normtimes.json: the norm of the
// kind fixed at creation, overdue from the day after the due date by the session's clock, closing,
// and an invalid norm-time policy stopping a new request.
#include "service/help_requests.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "service/audit.hpp"
#include "service/casework.hpp"
#include "service/service_fixture.hpp"
#include "support/folder_snapshot.hpp"

namespace mk::service {
namespace {

namespace fs = std::filesystem;
using test::TestSession;

// Monday 5 January 2026: the day the requests are made.
const Date kMonday(2026, 1, 5);

struct World {
  std::string victim;
  std::string case_id;
};

World build(Session& s) {
  World w;
  Result<std::string> victim =
      add_person(s, vault::PersonRole::kVictim,
                 vault::test::synthetic::identity_of(vault::test::synthetic::kAnouk));
  MK_REQUIRE_OK(victim);
  w.victim = *victim;
  vault::CaseInput in;
  in.opened = kMonday;
  in.person_ids = {w.victim};
  Result<std::string> id = open_case(s, in);
  MK_REQUIRE_OK(id);
  w.case_id = *id;
  return w;
}

NewHelpRequest request(const World& w, vault::HelpKind kind, std::string team) {
  NewHelpRequest r;
  r.case_id = w.case_id;
  r.person_id = w.victim;
  r.kind = kind;
  r.team = std::move(team);
  return r;
}

std::vector<std::string> overdue_ids(Session& s, std::optional<Date> as_of = std::nullopt) {
  Result<std::vector<vault::HelpRequest>> r = overdue_help_requests(s, as_of);
  MK_REQUIRE_OK(r);
  std::vector<std::string> out;
  for (const vault::HelpRequest& h : *r)
    out.push_back(h.id);
  return out;
}

}  // namespace

TEST_CASE("a help request takes the norm of its kind from the norm-time policy",
          "[service][help]") {
  TestSession ts(kMonday);
  World w = build(ts.s());
  Result<policies::NormTimesPolicy> policy = load_normtimes(ts.s());
  MK_REQUIRE_OK(policy);

  Result<vault::HelpRequest> benefit =
      add_help_request(ts.s(), request(w, vault::HelpKind::kBenefit, "Team Werk en Inkomen"));
  MK_REQUIRE_OK(benefit);
  CHECK(benefit->requested == kMonday);  // today by default
  CHECK(benefit->norm == "P8W");
  CHECK(benefit->due == Date(2026, 3, 2));
  CHECK(benefit->policy_hash == policy->hash());
  CHECK(benefit->status == vault::HelpStatus::kOpen);

  NewHelpRequest brp = request(w, vault::HelpKind::kBrpRegistration, "Burgerzaken");
  brp.requested = Date(2025, 12, 30);
  Result<vault::HelpRequest> registration = add_help_request(ts.s(), brp);
  MK_REQUIRE_OK(registration);
  CHECK(registration->norm == "P5D");
  CHECK(registration->due == Date(2026, 1, 4));

  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(ts.s(), {});
  MK_REQUIRE_OK(entries);
  const vault::AuditEntry& last = entries->back();
  CHECK(last.action == "help.add");
  CHECK(last.object == registration->id);
  CHECK(last.detail.find("kind=brp_registration;norm=P5D;policy=" + policy->hash()) !=
        std::string::npos);
  CHECK(last.detail.find("Burgerzaken") == std::string::npos);
}

TEST_CASE("an overdue help request shows from the day after its norm time", "[service][help]") {
  TestSession ts(kMonday);
  World w = build(ts.s());
  Result<vault::HelpRequest> housing =
      add_help_request(ts.s(), request(w, vault::HelpKind::kHousing, "Team Wonen"));
  MK_REQUIRE_OK(housing);
  REQUIRE(housing->due == Date(2026, 3, 2));  // eight weeks

  // The clock is the session's: move it, no sleeping.
  ts.reopen(Date(2026, 3, 1));
  CHECK(overdue_ids(ts.s()).empty());
  ts.reopen(Date(2026, 3, 2));
  CHECK(overdue_ids(ts.s()).empty());  // due today: not overdue yet
  ts.reopen(Date(2026, 3, 3));
  CHECK(overdue_ids(ts.s()) == std::vector<std::string>{housing->id});
  // Any day can be asked about.
  CHECK(overdue_ids(ts.s(), Date(2026, 3, 2)).empty());
  CHECK(overdue_ids(ts.s(), Date(2026, 4, 1)) == std::vector<std::string>{housing->id});

  // Met on the day after: late, and no longer overdue.
  MK_REQUIRE_OK(close_help_request(ts.s(), housing->id, true, std::nullopt));
  CHECK(overdue_ids(ts.s()).empty());
  Result<std::vector<vault::HelpRequest>> all = list_help_requests(ts.s(), w.case_id);
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  CHECK(all->front().closed == Date(2026, 3, 3));
  CHECK(all->front().status == vault::HelpStatus::kMet);
  CHECK_FALSE(vault::met_within_norm(all->front()));
}

TEST_CASE("a help request is handed over and closed unmet", "[service][help]") {
  TestSession ts(kMonday);
  World w = build(ts.s());
  Result<vault::HelpRequest> papers =
      add_help_request(ts.s(), request(w, vault::HelpKind::kIdPapers, "Burgerzaken"));
  MK_REQUIRE_OK(papers);
  MK_REQUIRE_OK(reassign_help_request(ts.s(), papers->id, "Team Statushouders"));
  MK_REQUIRE_OK(close_help_request(ts.s(), papers->id, false, Date(2026, 1, 5)));
  Result<std::vector<vault::HelpRequest>> all = list_help_requests(ts.s(), std::nullopt);
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  CHECK(all->front().team == "Team Statushouders");
  CHECK(all->front().status == vault::HelpStatus::kClosedUnmet);
  CHECK(close_help_request(ts.s(), papers->id, true, std::nullopt).code() == Code::kConflict);
}

TEST_CASE("an invalid norm-time policy stops a new help request and nothing is written",
          "[service][help]") {
  TestSession ts(kMonday);
  World w = build(ts.s());
  ts.close();
  fs::path policies = ts.temp() / "policies";
  fs::copy(default_policy_dir(), policies, fs::copy_options::recursive);
  {
    std::ifstream in(policies / "normtimes.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t at = text.find("\"period\": \"P8W\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 15, "\"period\": \"8 weken\"");
    std::ofstream(policies / "normtimes.json", std::ios::trunc) << text;
  }
  ts.set_policy_dir(policies);
  ts.reopen(kMonday);
  testing::FolderSnapshot untouched = testing::snapshot(ts.dir());
  Result<vault::HelpRequest> r =
      add_help_request(ts.s(), request(w, vault::HelpKind::kShelter, "Maatschappelijke opvang"));
  CHECK(r.status().code() == Code::kPolicyInvalid);
  CHECK(r.status().message().find("normtimes.json:") != std::string::npos);
  CHECK(r.status().message().find("\"period\" of norm") != std::string::npos);
  // Reading needs no norms.
  MK_REQUIRE_OK(list_help_requests(ts.s(), std::nullopt));
  ts.close();
  CHECK(testing::snapshot(ts.dir()) == untouched);
}

}  // namespace mk::service

// Help requests: the norm fixed at creation, overdue from the day after the due date, closing met
// or unmet, handing over to another team, what every role may read, and bad input.
#include "vault/help_request_store.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/case_store.hpp"
#include "vault/record_ids.hpp"
#include "vault/shredding.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
namespace synthetic = test::synthetic;

constexpr char kNormHash[] = "0b9c2625dc21ef05f6ad4ddf47c5f203837aa32c0b0d7e2b1a6f8c4d3e5f6a7b";

// A victim and a suspect; the victim's case, opened before test_today() (2026-03-02).
struct Scene {
  TestVault tv;
  std::string victim;
  std::string suspect;
  std::string case_id;

  Scene() {
    victim = synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana);
    suspect = synthetic::add_person(tv.vault(), PersonRole::kSuspect, synthetic::kPiotr);
    CaseInput in;
    in.opened = Date(2026, 1, 12);
    in.person_ids = {victim};
    auto id = in_unit(tv.vault(), [&](UnitOfWork& uow) { return open_case(uow, in); });
    MK_REQUIRE_OK(id);
    case_id = *id;
  }
  Vault& v() { return tv.vault(); }

  // Housing, requested 2026-01-12, due eight weeks later (2026-03-09).
  HelpRequestInput housing() const {
    HelpRequestInput in;
    in.case_id = case_id;
    in.person_id = victim;
    in.kind = HelpKind::kHousing;
    in.team = "Team Wonen";
    in.requested = Date(2026, 1, 12);
    in.norm = "P8W";
    in.due = Date(2026, 3, 9);
    in.policy_hash = kNormHash;
    return in;
  }

  std::string add(const HelpRequestInput& in) {
    auto id = in_unit(v(), [&](UnitOfWork& uow) { return add_help_request(uow, in); });
    MK_REQUIRE_OK(id);
    return *id;
  }

  HelpRequest get(const std::string& id) {
    auto r = in_unit(v(), [&](UnitOfWork& uow) { return get_help_request(uow, id); });
    MK_REQUIRE_OK(r);
    return *r;
  }

  Status close(const std::string& id, HelpStatus status, Date day) {
    return in_unit(v(), [&](UnitOfWork& uow) { return close_help_request(uow, id, status, day); });
  }

  std::vector<std::string> overdue_ids(Date as_of) {
    auto r = in_unit(v(), [&](UnitOfWork& uow) { return overdue_help_requests(uow, as_of); });
    MK_REQUIRE_OK(r);
    std::vector<std::string> out;
    for (const HelpRequest& h : *r)
      out.push_back(h.id);
    return out;
  }
};

}  // namespace

TEST_CASE("a help request keeps its norm, due date and policy version", "[vault][help]") {
  Scene s;
  UnitOfWork uow = test::begin_unit(s.v());
  auto id = add_help_request(uow, s.housing());
  MK_REQUIRE_OK(id);
  CHECK(looks_like_id(*id, 'H'));
  AuditEvent e = test::recorded(uow, "help.add");
  CHECK(e.object == *id);
  CHECK(e.detail ==
        "case=" + s.case_id + ";person=" + s.victim + ";kind=housing;norm=P8W;policy=" + kNormHash);
  CHECK(e.detail.find("Wonen") == std::string::npos);  // the team is text: not in the audit log
  MK_REQUIRE_OK(uow.commit());

  HelpRequest r = s.get(*id);
  CHECK(r.case_id == s.case_id);
  CHECK(r.person_id == s.victim);
  CHECK(r.kind == HelpKind::kHousing);
  CHECK(r.team == "Team Wonen");
  CHECK(r.requested == Date(2026, 1, 12));
  CHECK(r.norm == "P8W");
  CHECK(r.due == Date(2026, 3, 9));
  CHECK(r.policy_hash == kNormHash);
  CHECK(r.status == HelpStatus::kOpen);
  CHECK_FALSE(r.closed.has_value());
  CHECK(r.created == test::test_now());

  auto summary = in_unit(s.v(), [&](UnitOfWork& u) { return get_case_summary(u, s.case_id); });
  MK_REQUIRE_OK(summary);
  CHECK(summary->updated == test::test_now());
}

TEST_CASE("a help request is overdue from the day after its due date while it is open",
          "[vault][help]") {
  Scene s;
  std::string housing = s.add(s.housing());  // due 2026-03-09
  HelpRequestInput shelter = s.housing();
  shelter.kind = HelpKind::kShelter;
  shelter.team = "Maatschappelijke opvang";
  shelter.requested = Date(2026, 2, 27);
  shelter.norm = "P1D";
  shelter.due = Date(2026, 2, 28);
  std::string bed = s.add(shelter);

  HelpRequest r = s.get(housing);
  CHECK_FALSE(is_overdue(r, Date(2026, 3, 8)));
  CHECK_FALSE(is_overdue(r, Date(2026, 3, 9)));  // on the due date: still within the norm
  CHECK(is_overdue(r, Date(2026, 3, 10)));

  CHECK(s.overdue_ids(Date(2026, 2, 28)).empty());
  CHECK(s.overdue_ids(Date(2026, 3, 1)) == std::vector<std::string>{bed});
  CHECK(s.overdue_ids(Date(2026, 3, 9)) == std::vector<std::string>{bed});
  // Most overdue first.
  CHECK(s.overdue_ids(Date(2026, 3, 10)) == std::vector<std::string>{bed, housing});

  // Closed requests are never overdue, however late they were.
  MK_REQUIRE_OK(s.close(bed, HelpStatus::kMet, Date(2026, 3, 2)));
  CHECK(s.overdue_ids(Date(2026, 3, 10)) == std::vector<std::string>{housing});
}

TEST_CASE("a help request is closed met or unmet, once, and met within its norm or not",
          "[vault][help]") {
  Scene s;
  std::string a = s.add(s.housing());
  std::string b = s.add(s.housing());
  std::string c = s.add(s.housing());
  s.tv.clock().set(Date(2026, 3, 20).sys_days() + std::chrono::hours(9));

  UnitOfWork uow = test::begin_unit(s.v());
  MK_REQUIRE_OK(close_help_request(uow, a, HelpStatus::kMet, Date(2026, 3, 9)));
  CHECK(test::recorded(uow, "help.close").detail == "status=met;within_norm=yes");
  MK_REQUIRE_OK(uow.commit());
  MK_REQUIRE_OK(s.close(b, HelpStatus::kMet, Date(2026, 3, 10)));
  MK_REQUIRE_OK(s.close(c, HelpStatus::kClosedUnmet, Date(2026, 2, 1)));

  HelpRequest met = s.get(a);
  CHECK(met.status == HelpStatus::kMet);
  CHECK(met.closed == Date(2026, 3, 9));
  CHECK(met_within_norm(met));
  CHECK_FALSE(met_within_norm(s.get(b)));  // a day late
  CHECK_FALSE(met_within_norm(s.get(c)));  // not met at all
  CHECK(s.get(c).status == HelpStatus::kClosedUnmet);

  CHECK(code_of(s.close(a, HelpStatus::kClosedUnmet, Date(2026, 3, 10))) == Code::kConflict);
  CHECK(s.get(a).status == HelpStatus::kMet);
}

TEST_CASE("closing a help request checks the status and date first", "[vault][help]") {
  Scene s;
  std::string id = s.add(s.housing());
  CHECK(code_of(s.close(id, HelpStatus::kOpen, Date(2026, 3, 1))) == Code::kInvalidInput);
  CHECK(code_of(s.close(id, HelpStatus::kMet, Date(2026, 1, 11))) == Code::kInvalidInput);
  CHECK(code_of(s.close(id, HelpStatus::kMet, Date(2026, 3, 3))) == Code::kInvalidInput);
  CHECK(code_of(s.close("H-123", HelpStatus::kMet, Date(2026, 3, 1))) == Code::kInvalidInput);
  CHECK(code_of(s.close("H-AAAAAAAA", HelpStatus::kMet, Date(2026, 3, 1))) == Code::kNotFound);
  CHECK(s.get(id).status == HelpStatus::kOpen);
}

TEST_CASE("a help request is handed to another team", "[vault][help]") {
  Scene s;
  std::string id = s.add(s.housing());
  s.tv.clock().advance(std::chrono::hours(5));
  UnitOfWork uow = test::begin_unit(s.v());
  MK_REQUIRE_OK(set_help_team(uow, id, "  Sociaal Domein, team Wonen  "));
  CHECK(test::recorded(uow, "help.update").detail == "fields=team");
  MK_REQUIRE_OK(uow.commit());
  HelpRequest r = s.get(id);
  CHECK(r.team == "Sociaal Domein, team Wonen");
  CHECK(r.updated == test::test_now() + std::chrono::hours(5));
  CHECK(r.created == test::test_now());

  for (const std::string& bad :
       {std::string(""), std::string("Team\nWonen"), std::string(101, 'x')}) {
    CHECK(code_of(in_unit(s.v(), [&](UnitOfWork& u) { return set_help_team(u, id, bad); })) ==
          Code::kInvalidInput);
  }
  CHECK(s.get(id).team == "Sociaal Domein, team Wonen");
}

TEST_CASE("bad help requests are refused and change nothing", "[vault][help]") {
  Scene s;
  struct Bad {
    const char* what;
    HelpRequestInput input;
    Code code;
  };
  std::vector<Bad> bad;
  auto with = [&](const char* what, Code code, auto change) {
    HelpRequestInput in = s.housing();
    change(in);
    bad.push_back({what, in, code});
  };
  with("blank team", Code::kInvalidInput, [](HelpRequestInput& in) { in.team = "  "; });
  with("team of two lines", Code::kInvalidInput,
       [](HelpRequestInput& in) { in.team = "Team Wonen\nmw. De Graaf"; });
  with("requested tomorrow", Code::kInvalidInput,
       [](HelpRequestInput& in) { in.requested = Date(2026, 3, 3); });
  with("not a period", Code::kInvalidInput, [](HelpRequestInput& in) { in.norm = "8 weken"; });
  with("time period", Code::kInvalidInput, [](HelpRequestInput& in) { in.norm = "PT48H"; });
  with("due before requested", Code::kInvalidInput,
       [](HelpRequestInput& in) { in.due = Date(2026, 1, 11); });
  with("bad hash", Code::kInvalidInput, [](HelpRequestInput& in) { in.policy_hash = "abc"; });
  with("malformed case", Code::kInvalidInput, [](HelpRequestInput& in) { in.case_id = "42"; });
  with("no such case", Code::kNotFound, [](HelpRequestInput& in) { in.case_id = "C-AAAAAAAA"; });
  with("no such person", Code::kNotFound,
       [](HelpRequestInput& in) { in.person_id = "P-AAAAAAAA"; });
  with("person not in the case", Code::kInvalidInput,
       [&](HelpRequestInput& in) { in.person_id = s.suspect; });
  for (const Bad& b : bad) {
    INFO(b.what);
    UnitOfWork uow = test::begin_unit(s.v());
    auto r = add_help_request(uow, b.input);
    CHECK(code_of(r) == b.code);
    CHECK(uow.events().empty());
    CHECK(r.status().message().find("Graaf") == std::string::npos);
  }
  CHECK(s.tv.count_rows("help_requests") == 0);

  // No new request on a closed case.
  MK_REQUIRE_OK(in_unit(s.v(), [&](UnitOfWork& uow) {
    return close_case(uow, s.case_id, CaseStatus::kClosedReferred, Date(2026, 3, 1), std::nullopt);
  }));
  CHECK(code_of(in_unit(s.v(), [&](UnitOfWork& uow) {
          return add_help_request(uow, s.housing());
        })) == Code::kConflict);
  CHECK(s.tv.count_rows("help_requests") == 0);
}

TEST_CASE("help requests are listed by due date, for a case or all", "[vault][help]") {
  Scene s;
  HelpRequestInput benefit = s.housing();
  benefit.kind = HelpKind::kBenefit;
  benefit.team = "Team Werk en Inkomen";
  benefit.person_id.reset();
  benefit.requested = Date(2026, 1, 5);
  benefit.due = Date(2026, 3, 2);
  std::string later = s.add(s.housing());
  std::string sooner = s.add(benefit);

  CaseInput other;
  other.opened = Date(2026, 2, 1);
  other.person_ids = {s.suspect};
  auto other_case = in_unit(s.v(), [&](UnitOfWork& uow) { return open_case(uow, other); });
  MK_REQUIRE_OK(other_case);
  HelpRequestInput legal = s.housing();
  legal.case_id = *other_case;
  legal.person_id = s.suspect;
  legal.kind = HelpKind::kLegalAid;
  std::string elsewhere = s.add(legal);

  auto all = in_unit(s.v(), [&](UnitOfWork& uow) { return list_help_requests(uow, std::nullopt); });
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 3);
  CHECK((*all)[0].id == sooner);
  CHECK_FALSE((*all)[0].person_id.has_value());
  auto mine = in_unit(s.v(), [&](UnitOfWork& uow) { return list_help_requests(uow, s.case_id); });
  MK_REQUIRE_OK(mine);
  REQUIRE(mine->size() == 2);
  CHECK((*mine)[0].id == sooner);
  CHECK((*mine)[1].id == later);
  CHECK(code_of(in_unit(s.v(), [&](UnitOfWork& uow) {
          return list_help_requests(uow, std::string("C-AAAAAAAA"));
        })) == Code::kNotFound);
  (void)elsewhere;
}

TEST_CASE("every role reads help requests; only the coordinator writes them", "[vault][help]") {
  Scene s;
  std::string id = s.add(s.housing());
  s.tv.reopen_as_compliance();
  auto all = in_unit(s.v(), [&](UnitOfWork& uow) { return list_help_requests(uow, std::nullopt); });
  MK_REQUIRE_OK(all);
  CHECK(all->size() == 1);
  CHECK(s.overdue_ids(Date(2026, 3, 10)) == std::vector<std::string>{id});
  CHECK(code_of(in_unit(s.v(), [&](UnitOfWork& uow) {
          return add_help_request(uow, s.housing());
        })) == Code::kForbidden);
  CHECK(code_of(s.close(id, HelpStatus::kMet, Date(2026, 3, 1))) == Code::kForbidden);
  CHECK(code_of(in_unit(s.v(), [&](UnitOfWork& uow) {
          return set_help_team(uow, id, "Team Zorg");
        })) == Code::kForbidden);
  CHECK(s.tv.count_rows("help_requests") == 1);
}

TEST_CASE("a help request loses its person when the person is erased, and goes with its case",
          "[vault][help]") {
  Scene s;
  std::string id = s.add(s.housing());
  ShredOrder erasure{"erasure_request", "", false};
  MK_REQUIRE_OK(
      in_unit(s.v(), [&](UnitOfWork& uow) { return shred_person(uow, s.victim, erasure); }));
  HelpRequest r = s.get(id);
  CHECK_FALSE(r.person_id.has_value());
  CHECK(r.case_id == s.case_id);

  ShredOrder retention{"case", kNormHash, false};
  MK_REQUIRE_OK(
      in_unit(s.v(), [&](UnitOfWork& uow) { return shred_case(uow, s.case_id, retention); }));
  CHECK(s.tv.count_rows("help_requests") == 0);
}

}  // namespace mk::vault

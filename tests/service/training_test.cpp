// The training log in the service layer: the coordinator records, every role reads, a compliance
// officer's attempt to write is refused and audited.
#include "service/training.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "service/audit.hpp"
#include "service/service_fixture.hpp"

namespace mk::service {
namespace {

using test::TestSession;
using vault::test::secret;

const Date kToday(2026, 11, 30);

}  // namespace

TEST_CASE("the training log is written by the coordinator and read by every role",
          "[service][training]") {
  TestSession ts(kToday);
  MK_REQUIRE_OK(add_training(
      ts.s(), {Date(2026, 3, 12), "Burgerzaken", 14, "Signalen van mensenhandel aan de balie"}));
  MK_REQUIRE_OK(add_training(ts.s(), {Date(2026, 9, 24), "Toezicht en Handhaving", 8,
                                      "Arbeidsuitbuiting herkennen bij controles"}));
  MK_REQUIRE_OK(add_training(ts.s(), {Date(2025, 10, 2), "Wijkteam Oost", 11, "Meldcode"}));
  MK_REQUIRE_OK(ts.s().vault().add_slot(vault::test::kComplianceSlot, vault::Role::kCompliance,
                                        secret(vault::test::kCompliancePassphrase),
                                        crypto::pwhash_params_for_tests()));
  ts.close();
  Result<Session> officer = Session::open(ts.dir(), secret(vault::test::kCompliancePassphrase),
                                          std::nullopt, ts.clock(), "test", default_policy_dir());
  MK_REQUIRE_OK(officer);
  Result<std::vector<vault::TrainingEntry>> year = list_trainings(*officer, 2026);
  MK_REQUIRE_OK(year);
  REQUIRE(year->size() == 2);
  CHECK(year->front().team == "Burgerzaken");
  CHECK(year->back().trained == 8);

  Result<std::string> refused =
      add_training(*officer, {Date(2026, 11, 2), "Burgerzaken", 3, "Opfriscursus"});
  CHECK(refused.status().code() == Code::kForbidden);
  Result<std::vector<vault::AuditEntry>> entries = list_audit_entries(*officer, {});
  MK_REQUIRE_OK(entries);
  CHECK(entries->back().action == "training.add");
  CHECK(entries->back().result == "forbidden");
  Result<std::vector<vault::TrainingEntry>> all = list_trainings(*officer, std::nullopt);
  MK_REQUIRE_OK(all);
  CHECK(all->size() == 3);
}

}  // namespace mk::service

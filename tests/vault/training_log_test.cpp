// The training and awareness log: recorded by the coordinator, read by every role, listed per
// year; bad input changes nothing.
#include "vault/training_log.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/record_ids.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;

TrainingInput training(Date held, std::string team, int trained, std::string subject) {
  return {held, std::move(team), trained, std::move(subject)};
}

std::string add(Vault& v, const TrainingInput& in) {
  auto id = in_unit(v, [&](UnitOfWork& uow) { return add_training(uow, in); });
  MK_REQUIRE_OK(id);
  return *id;
}

std::vector<TrainingEntry> list(Vault& v, std::optional<int> year) {
  auto r = in_unit(v, [&](UnitOfWork& uow) { return list_trainings(uow, year); });
  MK_REQUIRE_OK(r);
  return std::move(*r);
}

}  // namespace

TEST_CASE("trainings are recorded and listed per year, oldest first", "[vault][training]") {
  TestVault tv;
  UnitOfWork uow = test::begin_unit(tv.vault());
  auto first = add_training(uow, training(Date(2026, 2, 10), "Burgerzaken", 14,
                                          "Signalen van mensenhandel aan de balie herkennen"));
  MK_REQUIRE_OK(first);
  CHECK(looks_like_id(*first, 'T'));
  AuditEvent e = test::recorded(uow, "training.add");
  CHECK(e.object == *first);
  CHECK(e.detail == "trained=14");
  MK_REQUIRE_OK(uow.commit());
  std::string older = add(tv.vault(), training(Date(2025, 11, 4), "Toezicht en Handhaving", 9,
                                               "Arbeidsuitbuiting bij controles"));
  std::string same_day = add(
      tv.vault(), training(Date(2026, 2, 10), "Wijkteam Oost", 6, "Meldcode en centraal meldpunt"));

  std::vector<TrainingEntry> all = list(tv.vault(), std::nullopt);
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == older);
  CHECK(all[1].id == *first);
  CHECK(all[2].id == same_day);  // the same day: in the order recorded
  CHECK(all[1].held == Date(2026, 2, 10));
  CHECK(all[1].team == "Burgerzaken");
  CHECK(all[1].trained == 14);
  CHECK(all[1].subject == "Signalen van mensenhandel aan de balie herkennen");
  CHECK(all[1].recorded == test::test_now());
  CHECK(all[1].recorded_by == "coordinator");

  std::vector<TrainingEntry> y2026 = list(tv.vault(), 2026);
  REQUIRE(y2026.size() == 2);
  CHECK(y2026[0].id == *first);
  CHECK(list(tv.vault(), 2025).size() == 1);
  CHECK(list(tv.vault(), 2024).empty());
  CHECK(code_of(in_unit(tv.vault(), [](UnitOfWork& u) { return list_trainings(u, 99); })) ==
        Code::kInvalidInput);
}

TEST_CASE("bad training entries are refused and change nothing", "[vault][training]") {
  TestVault tv;
  const std::vector<TrainingInput> bad = {
      training(Date(2026, 3, 3), "Burgerzaken", 5, "Signalen"),    // in the future
      training(Date(1899, 12, 31), "Burgerzaken", 5, "Signalen"),  // before 1900
      training(Date(2026, 2, 10), " ", 5, "Signalen"),             // blank team
      training(Date(2026, 2, 10), std::string(101, 't'), 5, "Signalen"),
      training(Date(2026, 2, 10), "Burgerzaken", 0, "Signalen"),  // nobody trained
      training(Date(2026, 2, 10), "Burgerzaken", 10001, "Signalen"),
      training(Date(2026, 2, 10), "Burgerzaken", 5, ""),  // no subject
      training(Date(2026, 2, 10), "Burgerzaken", 5, "Signalen\nen meer"),
  };
  for (const TrainingInput& in : bad) {
    UnitOfWork uow = test::begin_unit(tv.vault());
    CHECK(code_of(add_training(uow, in)) == Code::kInvalidInput);
    CHECK(uow.events().empty());
  }
  CHECK(tv.count_rows("trainings") == 0);
}

TEST_CASE("every role reads the training log; only the coordinator writes it",
          "[vault][training]") {
  TestVault tv;
  add(tv.vault(), training(Date(2026, 2, 10), "Burgerzaken", 14, "Signalen herkennen"));
  tv.reopen_as_compliance();
  CHECK(list(tv.vault(), std::nullopt).size() == 1);
  CHECK(code_of(in_unit(tv.vault(), [](UnitOfWork& uow) {
          return add_training(uow, training(Date(2026, 2, 11), "VIH", 3, "Signalen"));
        })) == Code::kForbidden);
  CHECK(tv.count_rows("trainings") == 1);
}

}  // namespace mk::vault

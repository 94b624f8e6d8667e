// The signal list in pages through the service: the same rows as list_signals, policy checks on
// the filter, and no audit entry (metadata only).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "service/casework.hpp"
#include "service_fixture.hpp"

namespace mk::service {
namespace {

using test::TestSession;
using vault::test::code_of;

std::vector<std::string> ids_of(const std::vector<vault::SignalSummary>& signals) {
  std::vector<std::string> out;
  for (const vault::SignalSummary& s : signals)
    out.push_back(s.id);
  return out;
}

void register_some(Session& s) {
  for (int i = 0; i < 7; ++i) {
    vault::SignalInput in;
    in.received = Date(2026, 10, static_cast<unsigned>(1 + i * 3));
    in.source_kind = vault::SourceKind::kPartner;
    in.forms = {i % 2 == 0 ? "labour" : "sexual"};
    in.indicators = {"coercion.imposed_debts"};
    MK_REQUIRE_OK(register_signal(s, in));
  }
}

}  // namespace

TEST_CASE("pages through the service agree with list_signals", "[service][signal_paging]") {
  TestSession ts(Date(2026, 11, 2));
  register_some(ts.s());
  vault::SignalFilter labour;
  labour.form = "labour";
  for (const vault::SignalFilter& f : {vault::SignalFilter{}, labour}) {
    Result<std::vector<vault::SignalSummary>> all = list_signals(ts.s(), f);
    MK_REQUIRE_OK(all);
    Result<std::size_t> count = count_signals(ts.s(), f);
    MK_REQUIRE_OK(count);
    CHECK(*count == all->size());
    std::vector<vault::SignalSummary> joined;
    for (std::size_t offset = 0; offset < *count; offset += 3) {
      Result<std::vector<vault::SignalSummary>> page =
          list_signals_page(ts.s(), f, vault::SignalOrder{}, offset, 3);
      MK_REQUIRE_OK(page);
      joined.insert(joined.end(), page->begin(), page->end());
    }
    CHECK(ids_of(joined) == ids_of(*all));
  }
  Result<std::size_t> labour_count = count_signals(ts.s(), labour);
  MK_REQUIRE_OK(labour_count);
  CHECK(*labour_count == 4);

  Result<std::vector<vault::SignalSummary>> oldest_first = list_signals_page(
      ts.s(), {}, vault::SignalOrder{vault::SignalOrderColumn::kReceived, true}, 0, 2);
  MK_REQUIRE_OK(oldest_first);
  REQUIRE(oldest_first->size() == 2);
  CHECK((*oldest_first)[0].received == Date(2026, 10, 1));
  CHECK((*oldest_first)[1].received == Date(2026, 10, 4));
}

TEST_CASE("a form outside the catalogue is refused by count and page", "[service][signal_paging]") {
  TestSession ts(Date(2026, 11, 2));
  vault::SignalFilter f;
  f.form = "smuggling";
  CHECK(code_of(count_signals(ts.s(), f).status()) == Code::kInvalidInput);
  CHECK(code_of(list_signals_page(ts.s(), f, {}, 0, 10).status()) == Code::kInvalidInput);
}

}  // namespace mk::service

namespace mk::service {

TEST_CASE("an intake adds its new persons with the signal, or nothing at all",
          "[service][signal_paging]") {
  TestSession ts(Date(2026, 11, 2));
  vault::PersonIdentity ioana;
  ioana.set(vault::PersonField::kName, "Ioana Popescu");
  ioana.set(vault::PersonField::kDateOfBirth, "2001-11-23");
  vault::SignalInput in;
  in.received = Date(2026, 10, 30);
  in.forms = {"labour"};
  in.indicators = {"exploitation.passport_withheld"};
  Result<Intake> done = register_intake(ts.s(), in, {NewPerson{vault::PersonRole::kVictim, ioana}});
  MK_REQUIRE_OK(done);
  REQUIRE(done->person_ids.size() == 1);
  Result<vault::Signal> shown = show_signal(ts.s(), done->signal_id);
  MK_REQUIRE_OK(shown);
  CHECK(shown->summary.person_ids == done->person_ids);

  vault::SignalInput future = in;
  future.received = Date(2026, 12, 1);
  CHECK(code_of(register_intake(ts.s(), future, {NewPerson{vault::PersonRole::kVictim, ioana}})
                    .status()) == Code::kInvalidInput);
  Result<std::vector<vault::PersonSummary>> persons = list_persons(ts.s());
  MK_REQUIRE_OK(persons);
  CHECK(persons->size() == 1);  // the refused intake left no person behind
}

}  // namespace mk::service

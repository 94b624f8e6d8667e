// The signal list in pages: count and pages agree with list_signals for every filter, every order
// is total (pages join up without gaps or overlaps), and the default order is read from an index.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/signal_store.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;

std::vector<std::string> ids_of(const std::vector<SignalSummary>& signals) {
  std::vector<std::string> out;
  for (const SignalSummary& s : signals)
    out.push_back(s.id);
  return out;
}

// Twelve signals over two months: mixed forms, sources and statuses, several on one day.
std::vector<std::string> add_twelve(Vault& v) {
  std::vector<std::string> ids;
  const std::vector<std::string> forms = {"labour", "sexual", "criminal"};
  const std::vector<SourceKind> sources = {SourceKind::kInternalTeam, SourceKind::kPartner,
                                           SourceKind::kResident, SourceKind::kAnonymous};
  for (int i = 0; i < 12; ++i) {
    SignalInput in;
    in.received =
        Date(2026, static_cast<unsigned>(1 + i % 2), static_cast<unsigned>(1 + (i % 4) * 7));
    in.source_kind = sources[static_cast<std::size_t>(i) % sources.size()];
    if (in.source_kind == SourceKind::kInternalTeam) in.source_team = "Wijkteam Oost";
    in.forms = {forms[static_cast<std::size_t>(i) % forms.size()]};
    Result<std::string> id = in_unit(v, [&](UnitOfWork& uow) { return add_signal(uow, in); });
    MK_REQUIRE_OK(id);
    ids.push_back(*id);
  }
  // Two in assessment, two closed.
  for (int i : {1, 5}) {
    SignalPatch p;
    p.status = SignalStatus::kInAssessment;
    MK_REQUIRE_OK(in_unit(v, [&](UnitOfWork& uow) {
      return update_signal(uow, ids[static_cast<std::size_t>(i)], p);
    }));
  }
  for (int i : {2, 7}) {
    MK_REQUIRE_OK(in_unit(v, [&](UnitOfWork& uow) {
      return close_signal(uow, ids[static_cast<std::size_t>(i)], SignalOutcome::kNoSuspicion,
                          Date(2026, 3, 1));
    }));
  }
  return ids;
}

std::vector<SignalSummary> all_of(Vault& v, const SignalFilter& f) {
  Result<std::vector<SignalSummary>> r =
      in_unit(v, [&](UnitOfWork& uow) { return list_signals(uow, f); });
  MK_REQUIRE_OK(r);
  return *r;
}

std::size_t count_of(Vault& v, const SignalFilter& f) {
  Result<std::size_t> r = in_unit(v, [&](UnitOfWork& uow) { return count_signals(uow, f); });
  MK_REQUIRE_OK(r);
  return *r;
}

// The whole list read in pages of `limit`.
std::vector<SignalSummary> paged(Vault& v, const SignalFilter& f, const SignalOrder& order,
                                 std::size_t limit) {
  std::vector<SignalSummary> out;
  for (std::size_t offset = 0;; offset += limit) {
    Result<std::vector<SignalSummary>> page = in_unit(
        v, [&](UnitOfWork& uow) { return list_signals_page(uow, f, order, offset, limit); });
    MK_REQUIRE_OK(page);
    REQUIRE(page->size() <= limit);
    out.insert(out.end(), page->begin(), page->end());
    if (page->size() < limit) return out;
  }
}

}  // namespace

TEST_CASE("pages in the default order are list_signals, cut at any size",
          "[vault][signal_paging]") {
  TestVault tv;
  add_twelve(tv.vault());
  std::vector<SignalFilter> filters(6);
  filters[1].status = SignalStatus::kNew;
  filters[2].form = "labour";
  filters[3].received_from = Date(2026, 2, 1);
  filters[4].received_to = Date(2026, 2, 15);
  filters[5].status = SignalStatus::kClosed;
  filters[5].form = "sexual";
  for (const SignalFilter& f : filters) {
    std::vector<SignalSummary> all = all_of(tv.vault(), f);
    CHECK(count_of(tv.vault(), f) == all.size());
    for (std::size_t limit : {1U, 5U, 200U}) {
      CHECK(ids_of(paged(tv.vault(), f, SignalOrder{}, limit)) == ids_of(all));
    }
  }
  CHECK(count_of(tv.vault(), filters[0]) == 12);
  CHECK(count_of(tv.vault(), filters[1]) == 8);
}

TEST_CASE("every order is total and reverses exactly", "[vault][signal_paging]") {
  TestVault tv;
  std::vector<std::string> ids = add_twelve(tv.vault());
  std::vector<std::string> sorted_ids = ids;
  std::sort(sorted_ids.begin(), sorted_ids.end());
  for (SignalOrderColumn column :
       {SignalOrderColumn::kReceived, SignalOrderColumn::kStatus, SignalOrderColumn::kSource,
        SignalOrderColumn::kId, SignalOrderColumn::kClosed}) {
    std::vector<SignalSummary> down = paged(tv.vault(), {}, SignalOrder{column, false}, 5);
    std::vector<SignalSummary> up = paged(tv.vault(), {}, SignalOrder{column, true}, 5);
    std::vector<std::string> down_ids = ids_of(down);
    std::vector<std::string> up_ids = ids_of(up);
    REQUIRE(down_ids.size() == 12);
    std::vector<std::string> as_set = down_ids;
    std::sort(as_set.begin(), as_set.end());
    CHECK(as_set == sorted_ids);  // every signal once: no gaps, no overlaps
    std::reverse(up_ids.begin(), up_ids.end());
    CHECK(up_ids == down_ids);
  }
  // The sort key itself is ordered.
  std::vector<SignalSummary> by_status =
      paged(tv.vault(), {}, SignalOrder{SignalOrderColumn::kStatus, true}, 200);
  CHECK(std::is_sorted(by_status.begin(), by_status.end(), [](const auto& a, const auto& b) {
    return enum_name(a.status) < enum_name(b.status);
  }));
  std::vector<SignalSummary> by_id =
      paged(tv.vault(), {}, SignalOrder{SignalOrderColumn::kId, true}, 200);
  CHECK(ids_of(by_id) == sorted_ids);
  std::vector<SignalSummary> by_received =
      paged(tv.vault(), {}, SignalOrder{SignalOrderColumn::kReceived, true}, 3);
  CHECK(std::is_sorted(by_received.begin(), by_received.end(),
                       [](const auto& a, const auto& b) { return a.received < b.received; }));
  std::vector<SignalSummary> by_closed =
      paged(tv.vault(), {}, SignalOrder{SignalOrderColumn::kClosed, false}, 200);
  CHECK(by_closed[0].closed.has_value());
  CHECK(by_closed[1].closed.has_value());
  CHECK_FALSE(by_closed[2].closed.has_value());
}

TEST_CASE("a page past the end is empty; bad limits and filters are refused",
          "[vault][signal_paging]") {
  TestVault tv;
  add_twelve(tv.vault());
  Vault& v = tv.vault();
  auto page = [&](const SignalFilter& f, std::size_t offset, std::size_t limit) {
    return in_unit(v, [&](UnitOfWork& uow) {
      return list_signals_page(uow, f, SignalOrder{}, offset, limit);
    });
  };
  Result<std::vector<SignalSummary>> past = page({}, 12, 10);
  MK_REQUIRE_OK(past);
  CHECK(past->empty());
  Result<std::vector<SignalSummary>> tail = page({}, 10, 10);
  MK_REQUIRE_OK(tail);
  CHECK(tail->size() == 2);
  CHECK(code_of(page({}, 0, 0).status()) == Code::kInvalidInput);
  CHECK(code_of(page({}, 0, kMaxSignalPage + 1).status()) == Code::kInvalidInput);
  SignalFilter bad;
  bad.received_from = Date(2026, 3, 1);
  bad.received_to = Date(2026, 2, 1);
  CHECK(code_of(page(bad, 0, 10).status()) == Code::kInvalidInput);
  CHECK(code_of(in_unit(v, [&](UnitOfWork& uow) { return count_signals(uow, bad); }).status()) ==
        Code::kInvalidInput);
  SignalFilter bad_form;
  bad_form.form = "Arbeid; DROP";
  CHECK(code_of(page(bad_form, 0, 10).status()) == Code::kInvalidInput);
}

TEST_CASE("the default order and every sort column are read from an index",
          "[vault][signal_paging]") {
  TestVault tv;
  for (const char* order :
       {"received DESC, created DESC, id ASC", "received ASC, created ASC, id DESC",
        "status ASC, received DESC, created DESC, id ASC",
        "source_kind DESC, received ASC, created ASC, id DESC",
        "closed ASC, received DESC, created DESC, id ASC"}) {
    Result<Statement> st = tv.vault().db().prepare(
        std::string("EXPLAIN QUERY PLAN SELECT id, narrative IS NOT NULL FROM signals ORDER BY ") +
        order + " LIMIT 200 OFFSET 5000");
    MK_REQUIRE_OK(st);
    std::string plan;
    for (;;) {
      Result<bool> row = st->step();
      MK_REQUIRE_OK(row);
      if (!*row) break;
      plan += st->column_text(3) + "\n";
    }
    INFO(order << "\n" << plan);
    CHECK(plan.find("USING INDEX") != std::string::npos);
    CHECK(plan.find("TEMP B-TREE") == std::string::npos);
  }
}

}  // namespace mk::vault

namespace mk::vault {
namespace {

std::vector<std::string> ids_in(Vault& v, const SignalFilter& f, const SignalOrder& order) {
  Result<std::vector<std::string>> r =
      in_unit(v, [&](UnitOfWork& uow) { return list_signal_ids(uow, f, order); });
  MK_REQUIRE_OK(r);
  return *r;
}

}  // namespace

TEST_CASE("the id list is the whole ordered list, and summaries come back by id in that order",
          "[vault][signal_paging]") {
  TestVault tv;
  Vault& v = tv.vault();
  const std::vector<std::string> added = add_twelve(v);
  SignalFilter labour;
  labour.form = "labour";
  for (const SignalFilter& f : {SignalFilter{}, labour}) {
    for (SignalOrderColumn column :
         {SignalOrderColumn::kReceived, SignalOrderColumn::kStatus, SignalOrderColumn::kSource,
          SignalOrderColumn::kId, SignalOrderColumn::kClosed}) {
      for (bool ascending : {false, true}) {
        const SignalOrder order{column, ascending};
        const std::vector<std::string> ids = ids_in(v, f, order);
        CHECK(ids == ids_of(paged(v, f, order, 5)));
        // A stretch from the middle, fetched by id, is exactly those rows in that order.
        if (ids.size() > 4) {
          const std::vector<std::string> stretch(ids.begin() + 2, ids.end() - 1);
          Result<std::vector<SignalSummary>> rows =
              in_unit(v, [&](UnitOfWork& uow) { return get_signal_summaries(uow, stretch); });
          MK_REQUIRE_OK(rows);
          CHECK(ids_of(*rows) == stretch);
        }
      }
    }
  }
  CHECK(ids_in(v, labour, SignalOrder{}).size() == 4);
  CHECK(ids_in(v, {}, SignalOrder{}).size() == added.size());
}

TEST_CASE("summaries by id leave out ids without a signal and refuse bad or too many ids",
          "[vault][signal_paging]") {
  TestVault tv;
  Vault& v = tv.vault();
  const std::vector<std::string> added = add_twelve(v);
  auto fetch = [&](const std::vector<std::string>& ids) {
    return in_unit(v, [&](UnitOfWork& uow) { return get_signal_summaries(uow, ids); });
  };
  // "S-" and eight base32 characters, but no such signal: left out, the rest in the given order.
  Result<std::vector<SignalSummary>> some = fetch({added[3], "S-AAAAAAAA", added[0]});
  MK_REQUIRE_OK(some);
  CHECK(ids_of(*some) == std::vector<std::string>{added[3], added[0]});
  Result<std::vector<SignalSummary>> none = fetch({});
  MK_REQUIRE_OK(none);
  CHECK(none->empty());
  CHECK(code_of(fetch({added[0], "P-7K3M9Q2X"}).status()) == Code::kInvalidInput);
  CHECK(code_of(fetch({"S-1; DROP TABLE signals"}).status()) == Code::kInvalidInput);
  CHECK(code_of(fetch(std::vector<std::string>(kMaxSummaryBatch + 1, added[0])).status()) ==
        Code::kInvalidInput);
}

}  // namespace mk::vault

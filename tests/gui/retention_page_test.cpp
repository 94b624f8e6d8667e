// The retention page: it lists exactly what service::plan_retention makes due today for records
// closed years ago, with the held ones marked, and its sweep button previews, asks, shreds on the
// worker and leaves an empty plan.
#include "gui/retention_page.hpp"

#include <QPushButton>
#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "gui_fixture.hpp"
#include "page_test_support.hpp"
#include "service/audit.hpp"
#include "service/retention_world.hpp"

namespace mk::gui {
namespace {

using test::GuiWorld;

constexpr int kIdColumn = 1;
constexpr int kHeldColumn = 8;

std::set<std::string> listed_ids(const RetentionPage& page) {
  std::set<std::string> ids;
  const RowTableModel& m = page.plan_model();
  for (int r = 0; r < m.rowCount(); ++r)
    ids.insert(m.data(m.index(r, kIdColumn)).toString().toStdString());
  return ids;
}

std::set<std::string> plan_ids(service::Session& s, const Date& as_of) {
  Result<service::RetentionPlan> plan = service::plan_retention(s, as_of);
  MK_REQUIRE_OK(plan);
  std::set<std::string> ids;
  for (const service::PlanItem& item : plan->due)
    ids.insert(item.id);
  return ids;
}

QString held_by(const RetentionPage& page, const std::string& id) {
  const RowTableModel& m = page.plan_model();
  for (int r = 0; r < m.rowCount(); ++r) {
    if (m.data(m.index(r, kIdColumn)).toString().toStdString() == id) {
      return m.data(m.index(r, kHeldColumn)).toString();
    }
  }
  FAIL("not listed: " << id);
  return {};
}

}  // namespace

TEST_CASE("retention page: lists exactly the plan for records closed years ago",
          "[gui][retention]") {
  GuiWorld w(service::test::world_today());
  const service::test::World world = service::test::build_world(w.s());
  RetentionPage page(w.context());
  auto log = std::make_shared<test::DialogLog>();
  page.set_dialogs(test::answering_dialogs(log));
  page.refresh();

  const std::set<std::string> expected = plan_ids(w.s(), service::test::world_today());
  REQUIRE(expected.size() >= 6);
  CHECK(listed_ids(page) == expected);
  CHECK(static_cast<std::size_t>(page.plan_model().rowCount()) == expected.size());
  // The held case and what it keeps name the hold; the open signal is not due.
  CHECK(held_by(page, world.c2) == QString::fromStdString(world.c2));
  CHECK(held_by(page, world.v2) == QString::fromStdString(world.c2));
  CHECK(held_by(page, world.s1).isEmpty());
  CHECK(listed_ids(page).count(world.s3) == 0);
  REQUIRE(page.holds_model().rowCount() == 1);
  CHECK(page.holds_model().data(page.holds_model().index(0, 0)).toString() ==
        QString::fromStdString(world.c2));
  CHECK(page.sweep_button()->isVisibleTo(&page));
  CHECK(page.sweep_button()->isEnabled());
}

TEST_CASE("retention page: the sweep previews, asks, shreds and empties the plan",
          "[gui][retention]") {
  GuiWorld w(service::test::world_today());
  const service::test::World world = service::test::build_world(w.s());
  MK_REQUIRE_OK(service::release_case(w.s(), world.c2));
  RetentionPage page(w.context());
  auto log = std::make_shared<test::DialogLog>();
  page.set_dialogs(test::answering_dialogs(log));
  page.refresh();
  const std::set<std::string> due = listed_ids(page);
  REQUIRE(due.size() >= 6);

  SECTION("declined: nothing is shredded") {
    log->answer = false;
    QTest::mouseClick(page.sweep_button(), Qt::LeftButton);
    REQUIRE(log->questions.size() == 1);
    CHECK(listed_ids(page) == due);
    CHECK(plan_ids(w.s(), service::test::world_today()) == due);
  }

  SECTION("confirmed: every due subject is shredded, each audited") {
    QTest::mouseClick(page.sweep_button(), Qt::LeftButton);
    // The preview named the count and every subject.
    REQUIRE(log->questions.size() == 1);
    const QString& question = log->questions.front();
    CHECK(question.startsWith(QString::number(due.size()) + QStringLiteral(" onderwerp")));
    for (const std::string& id : due)
      CHECK(question.contains(QString::fromStdString(id)));
    REQUIRE(log->warnings.isEmpty());
    REQUIRE(log->messages.size() == 1);
    CHECK(log->messages.front().startsWith(QString::number(due.size()) + " vernietigd"));

    CHECK(page.plan_model().rowCount() == 0);
    CHECK(plan_ids(w.s(), service::test::world_today()).empty());
    CHECK_FALSE(page.sweep_button()->isEnabled());
    Result<std::vector<vault::AuditEntry>> entries =
        service::list_audit_entries(w.s(), vault::AuditQuery{});
    MK_REQUIRE_OK(entries);
    std::set<std::string> shredded;
    for (const vault::AuditEntry& e : *entries) {
      if (e.action == "retention.shred" && e.result == "ok") shredded.insert(e.object);
    }
    // Every subject listed was shredded (a case takes its signals with it, audited each).
    CHECK(std::includes(shredded.begin(), shredded.end(), due.begin(), due.end()));
  }
}

}  // namespace mk::gui

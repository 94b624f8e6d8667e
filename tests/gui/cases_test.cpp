// The cases page: the case list, and a case in full for the coordinator: its signals, persons
// with names, the Meldcode with its decisions and next step, help requests against norm times,
// the legal hold; adding a victim, recording a decision and placing a hold through their dialogs.
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <catch2/catch.hpp>

#include "case_grab.hpp"
#include "case_world.hpp"
#include "gui/add_person_dialog.hpp"
#include "gui/case_persons_panel.hpp"
#include "gui/case_signals_panel.hpp"
#include "gui/case_view.hpp"
#include "gui/cases_page.hpp"
#include "gui/decision_dialog.hpp"
#include "gui/help_request_dialog.hpp"
#include "gui/help_requests_panel.hpp"
#include "gui/hold_dialog.hpp"
#include "gui/meldcode_panel.hpp"
#include "gui/record_table.hpp"
#include "service/help_requests.hpp"
#include "service/meldcode.hpp"
#include "service/retention.hpp"

namespace mk::gui {
namespace {

using test::CaseWorld;
using test::when_dialog;

// The row of `table` whose first column is `key`, or -1.
int row_of(const QTableWidget& table, const QString& key) {
  for (int r = 0; r < table.rowCount(); ++r) {
    if (row_texts(table, r).value(0) == key) return r;
  }
  return -1;
}

QStringList row_with(const QTableWidget& table, const std::string& key) {
  const int r = row_of(table, QString::fromStdString(key));
  INFO("no row for " << key);
  REQUIRE(r >= 0);
  return row_texts(table, r);
}

// A cases page showing the world's case, 1200x760 like a laptop window.
struct ShownCase {
  explicit ShownCase(CaseWorld& w) : page(w.context()) {
    page.resize(1200, 760);
    page.show();
    page.refresh();
    REQUIRE(page.select_case(QString::fromStdString(w.case_id())));
    REQUIRE(view().case_id() == w.case_id());
  }
  CaseView& view() { return *page.case_view(); }
  CasesPage page;
};

}  // namespace

TEST_CASE("the case view shows the case's signal, its persons with names and the Meldcode",
          "[gui][cases]") {
  CaseWorld w;
  ShownCase shown(w);
  const QStringList listed = row_with(*shown.page.case_list(), w.case_id());
  CHECK(listed.value(1) == QStringLiteral("02-11-2026"));
  CHECK(listed.value(2) == QStringLiteral("Actief"));
  CHECK(listed.value(3).isEmpty());  // no hold

  CaseView& view = shown.view();
  const QStringList signal = row_with(*view.signals_panel()->table(), w.signal());
  CHECK(signal.value(1) == QStringLiteral("28-10-2026"));
  CHECK(signal.join(' ').contains(QStringLiteral("Wijkteam Oost")));

  const QStringList victim = row_with(*view.persons_panel()->table(), w.victim());
  CHECK(victim.value(1) == QStringLiteral("slachtoffer"));
  CHECK(victim.value(2) == QStringLiteral("Ioana Popescu"));
  CHECK(victim.value(3) == QStringLiteral("23-11-2001"));
  const QStringList suspect = row_with(*view.persons_panel()->table(), w.suspect());
  CHECK(suspect.value(1) == QStringLiteral("verdachte"));
  CHECK(suspect.value(2) == QStringLiteral("Piotr Nowak"));

  // Five steps and the five questions of the afwegingskader, none answered yet.
  const QTableWidget& items = *view.meldcode_panel()->items_table();
  REQUIRE(items.rowCount() == 10);
  CHECK(row_texts(items, 0).value(0) == QStringLiteral("Stap 1"));
  CHECK(row_texts(items, 0).value(1).startsWith(QStringLiteral("Signalen in kaart brengen")));
  CHECK(row_texts(items, 4).value(0).trimmed() == QStringLiteral("Vraag 1"));
  CHECK(row_texts(items, 9).value(0) == QStringLiteral("Stap 5"));
  CHECK(view.meldcode_panel()->history_table()->rowCount() == 0);
  CHECK(view.meldcode_panel()->next_label()->text().contains(QStringLiteral("stap 1")));

  test::maybe_grab(shown.page, QStringLiteral("case-overview"));
  view.tabs()->setCurrentIndex(1);
  test::maybe_grab(shown.page, QStringLiteral("case-meldcode"));
}

TEST_CASE("a victim added through the dialog is stored, linked to the case and listed",
          "[gui][cases]") {
  CaseWorld w;
  ShownCase shown(w);
  CasePersonsPanel& persons = *shown.view().persons_panel();
  REQUIRE(persons.add_victim_button()->isEnabled());

  bool ok_needed_name = false;
  when_dialog<AddPersonDialog>([&](AddPersonDialog& d) {
    ok_needed_name = !d.is_complete();
    QTest::keyClicks(d.field(vault::PersonField::kName), QStringLiteral("Anouk de Vries"));
    QTest::keyClicks(d.field(vault::PersonField::kDateOfBirth), QStringLiteral("12-07-1994"));
    QTest::keyClicks(d.field(vault::PersonField::kNationality), QStringLiteral("Nederlandse"));
    test::click_ok(d);
  });
  persons.add_victim_button()->click();
  CHECK(ok_needed_name);
  CHECK(persons.error_text().isEmpty());

  Result<vault::Case> c = service::show_case(w.s(), w.case_id());
  MK_REQUIRE_OK(c);
  REQUIRE(c->summary.person_ids.size() == 3);
  std::string added;
  for (const std::string& id : c->summary.person_ids) {
    if (id != w.victim() && id != w.suspect()) added = id;
  }
  Result<vault::Person> p = service::show_person(w.s(), added);
  MK_REQUIRE_OK(p);
  CHECK(p->summary.role == vault::PersonRole::kVictim);
  CHECK(p->identity.get(vault::PersonField::kDateOfBirth) ==
        std::optional<std::string>("1994-07-12"));
  const QStringList row = row_with(*persons.table(), added);
  CHECK(row.value(1) == QStringLiteral("slachtoffer"));
  CHECK(row.value(2) == QStringLiteral("Anouk de Vries"));
}

TEST_CASE("a decision recorded through the dialog is appended with who, when and why",
          "[gui][cases][meldcode]") {
  CaseWorld w;
  ShownCase shown(w);
  MeldcodePanel& meldcode = *shown.view().meldcode_panel();

  QString offered_item;
  when_dialog<DecisionDialog>([&](DecisionDialog& d) {
    offered_item = d.item_box()->currentText();  // the suggested next step comes first
    CHECK(d.choose_answer(QStringLiteral("done")));
    QTest::keyClicks(d.rationale_edit(), QStringLiteral("Signalen van Wijkteam Oost op een rij"));
    test::click_ok(d);
  });
  meldcode.decide_button()->click();
  CHECK(offered_item.startsWith(QStringLiteral("Stap 1")));
  CHECK(meldcode.error_text().isEmpty());

  // A second decision, on question 2 of the afwegingskader, is appended after the first.
  when_dialog<DecisionDialog>([&](DecisionDialog& d) {
    CHECK(d.choose_item(QStringLiteral("question"), 2));
    CHECK(d.choose_answer(QStringLiteral("yes")));
    test::click_ok(d);
  });
  meldcode.decide_button()->click();

  Result<service::MeldcodeView> view = service::show_meldcode(w.s(), w.case_id());
  MK_REQUIRE_OK(view);
  REQUIRE(view->decisions.size() == 2);
  CHECK(view->decisions[0].item == vault::MeldcodeItem::kStep);
  CHECK(view->decisions[0].number == 1);
  CHECK(view->decisions[0].rationale ==
        std::optional<std::string>("Signalen van Wijkteam Oost op een rij"));
  CHECK(view->decisions[1].item == vault::MeldcodeItem::kQuestion);
  CHECK(view->decisions[1].code == "acute_danger");

  const QTableWidget& history = *meldcode.history_table();
  REQUIRE(history.rowCount() == 2);
  const QStringList first = row_texts(history, 0);
  CHECK(first.value(0) == QString::fromStdString(view->decisions[0].id));
  CHECK(first.value(1) == QStringLiteral("29-11-2026 12:00"));
  CHECK(first.value(2) == QString::fromStdString(view->decisions[0].decided_by));
  CHECK(first.value(3) == QStringLiteral("Stap 1"));
  CHECK(first.value(4) == QStringLiteral("Gedaan"));
  CHECK(first.value(5) == QStringLiteral("Signalen van Wijkteam Oost op een rij"));
  CHECK(row_texts(history, 1).value(4) == QStringLiteral("Ja"));
  // The answers in force, and the next step: step 2.
  CHECK(row_texts(*meldcode.items_table(), 0).value(2) == QStringLiteral("Gedaan"));
  CHECK(meldcode.next_label()->text().contains(QStringLiteral("stap 2")));

  shown.view().tabs()->setCurrentIndex(1);
  test::maybe_grab(shown.page, QStringLiteral("case-meldcode-decided"));
}

TEST_CASE("a legal hold needs a reason, is shown on the case and in the list, and can be lifted",
          "[gui][cases][hold]") {
  CaseWorld w;
  ShownCase shown(w);
  CaseView& view = shown.view();
  REQUIRE(view.hold_button()->isEnabled());
  REQUIRE_FALSE(view.release_button()->isEnabled());

  bool ok_enabled_when_empty = true;
  when_dialog<HoldDialog>([&](HoldDialog& d) {
    ok_enabled_when_empty =
        d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
    QTest::keyClicks(d.reason_edit(), QStringLiteral("Lopend onderzoek OM, verzoek 2026-11"));
    test::click_ok(d);
  });
  view.hold_button()->click();
  CHECK_FALSE(ok_enabled_when_empty);

  Result<std::vector<vault::LegalHold>> holds = service::list_holds(w.s(), false);
  MK_REQUIRE_OK(holds);
  REQUIRE(holds->size() == 1);
  CHECK(holds->front().case_id == w.case_id());
  CHECK(holds->front().reason == "Lopend onderzoek OM, verzoek 2026-11");
  CHECK(view.hold_label()->text().contains(QStringLiteral("Bewaarplicht (legal hold) geldt")));
  CHECK(view.hold_label()->text().contains(QStringLiteral("Lopend onderzoek OM, verzoek 2026-11")));
  CHECK(row_with(*shown.page.case_list(), w.case_id()).value(3) == QStringLiteral("ja"));
  CHECK_FALSE(view.hold_button()->isEnabled());
  CHECK(view.release_button()->isEnabled());
  test::maybe_grab(shown.page, QStringLiteral("case-hold"));

  view.release_button()->click();
  holds = service::list_holds(w.s(), false);
  MK_REQUIRE_OK(holds);
  CHECK(holds->empty());
  CHECK(view.hold_label()->text().startsWith(QStringLiteral("Geen bewaarplicht")));
  CHECK(row_with(*shown.page.case_list(), w.case_id()).value(3).isEmpty());
}

TEST_CASE("help requests show their due date and turn overdue after the norm time",
          "[gui][cases][help]") {
  CaseWorld w;
  ShownCase shown(w);
  HelpRequestsPanel& help = *shown.view().help_panel();
  when_dialog<HelpRequestDialog>([&](HelpRequestDialog& d) {
    d.kind_box()->setCurrentIndex(d.kind_box()->findData(QStringLiteral("housing")));
    d.person_box()->setCurrentIndex(d.person_box()->findData(QString::fromStdString(w.victim())));
    QTest::keyClicks(d.team_edit(), QStringLiteral("Team Wonen"));
    test::click_ok(d);
  });
  help.add_button()->click();
  CHECK(help.error_text().isEmpty());
  REQUIRE(help.table()->rowCount() == 1);
  QStringList row = row_texts(*help.table(), 0);
  CHECK(row.value(1) == QStringLiteral("Huisvesting"));
  CHECK(row.value(2) == QStringLiteral("Team Wonen"));
  CHECK(row.value(3) == QString::fromStdString(w.victim()));
  CHECK(row.value(4) == QStringLiteral("29-11-2026"));
  CHECK(row.value(5) == QStringLiteral("P8W"));
  CHECK(row.value(6) == QStringLiteral("24-01-2027"));
  CHECK(row.value(8) == QStringLiteral("Op tijd"));

  // A week past the due date it is overdue; closing it as met records it as late.
  w.world().clock().set(test::noon_of(Date(2027, 2, 1)));
  shown.view().reload();
  CHECK(row_texts(*help.table(), 0).value(8).startsWith(QStringLiteral("Te laat")));
  shown.view().tabs()->setCurrentIndex(2);
  test::maybe_grab(shown.page, QStringLiteral("case-help"));
  help.table()->selectRow(0);
  help.met_button()->click();
  row = row_texts(*help.table(), 0);
  CHECK(row.value(7) == QStringLiteral("01-02-2027"));
  CHECK(row.value(8) == QStringLiteral("Voldaan, na de normtijd"));
}

}  // namespace mk::gui

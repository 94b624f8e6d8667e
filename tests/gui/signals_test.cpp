// The signals screen: intake through the dialog with real input events, the lazy list, its
// filters and sorting, the live routing suggestion, and refusing bad input without a trace.
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <catch2/catch.hpp>

#include "gui/intake_dialog.hpp"
#include "gui/signal_list_model.hpp"
#include "gui/signals_page.hpp"
#include "gui_fixture.hpp"
#include "service/casework.hpp"

namespace mk::gui {
namespace {

using test::GuiWorld;

template <typename W>
W* child(QWidget& parent, const QString& name) {
  W* w = parent.findChild<W*>(name);
  REQUIRE(w != nullptr);
  return w;
}

void type_into(QWidget& parent, const QString& name, const QString& text) {
  auto* edit = child<QLineEdit>(parent, name);
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Delete);
  QTest::keyClicks(edit, text);
}

// Ticks a checkbox with the keyboard, as a user tabbing through the checklist does.
void tick(QWidget& parent, const QString& name) {
  auto* box = child<QCheckBox>(parent, name);
  REQUIRE_FALSE(box->isChecked());
  QTest::keyClick(box, Qt::Key_Space);
  REQUIRE(box->isChecked());
}

void add_person(QWidget& dialog, int role_index, const QString& given, const QString& family,
                const QString& birth) {
  child<QComboBox>(dialog, QStringLiteral("personRole"))->setCurrentIndex(role_index);
  type_into(dialog, QStringLiteral("personGiven"), given);
  type_into(dialog, QStringLiteral("personFamily"), family);
  type_into(dialog, QStringLiteral("personBirth"), birth);
  QTest::keyClick(child<QPushButton>(dialog, QStringLiteral("addPerson")), Qt::Key_Space);
}

std::size_t signal_count(GuiWorld& w) {
  Result<std::size_t> n = service::count_signals(w.s(), {});
  MK_REQUIRE_OK(n);
  return *n;
}

std::string register_one(GuiWorld& w, Date received, const char* form,
                         vault::SourceKind source = vault::SourceKind::kPartner) {
  vault::SignalInput in;
  in.received = received;
  in.source_kind = source;
  in.forms = {form};
  Result<std::string> id = service::register_signal(w.s(), in);
  MK_REQUIRE_OK(id);
  return *id;
}

QString cell(SignalListModel& m, int row, int column) {
  return m.data(m.index(row, column)).toString();
}

constexpr int kVictim = 0;
constexpr int kSuspect = 1;

}  // namespace

TEST_CASE("an intake typed into the dialog is stored and listed", "[gui][signals]") {
  GuiWorld w;
  IntakeDialog dialog(w.context());
  dialog.show();
  type_into(dialog, QStringLiteral("received"), QStringLiteral("16-10-2026"));
  type_into(dialog, QStringLiteral("sourceTeam"), QStringLiteral("Wijkteam Oost"));
  tick(dialog, QStringLiteral("form:labour"));
  tick(dialog, QStringLiteral("indicator:coercion.imposed_debts"));
  tick(dialog, QStringLiteral("indicator:exploitation.passport_withheld"));
  add_person(dialog, kVictim, QStringLiteral("Ioana"), QStringLiteral("Popescu"),
             QStringLiteral("23-11-2001"));
  QTest::keyClicks(child<QPlainTextEdit>(dialog, QStringLiteral("narrative")),
                   QStringLiteral("Wijkcoach meldt zes mannen in een bovenwoning aan de "
                                  "Herenstraat; paspoorten worden ingehouden."));
  QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("save")), Qt::LeftButton);
  INFO(dialog.error_text().toStdString());
  REQUIRE(dialog.result() == QDialog::Accepted);
  const std::string id = dialog.signal_id().toStdString();
  REQUIRE_FALSE(id.empty());

  Result<vault::Signal> stored = service::show_signal(w.s(), id);
  MK_REQUIRE_OK(stored);
  CHECK(stored->summary.received == Date(2026, 10, 16));
  CHECK(stored->summary.source_team == std::optional<std::string>("Wijkteam Oost"));
  CHECK(stored->summary.forms == std::vector<std::string>{"labour"});
  CHECK(stored->summary.indicators ==
        std::vector<std::string>{"coercion.imposed_debts", "exploitation.passport_withheld"});
  REQUIRE(stored->summary.person_ids.size() == 1);
  Result<vault::Person> victim = service::show_person(w.s(), stored->summary.person_ids[0]);
  MK_REQUIRE_OK(victim);
  CHECK(victim->summary.role == vault::PersonRole::kVictim);
  CHECK(victim->identity.get(vault::PersonField::kName) ==
        std::optional<std::string>("Ioana Popescu"));
  CHECK(victim->identity.get(vault::PersonField::kDateOfBirth) ==
        std::optional<std::string>("2001-11-23"));

  SignalsPage page(w.context());
  page.resize(1200, 700);
  page.show();
  page.refresh();
  SignalListModel& model = page.model();
  REQUIRE(model.rowCount() == 1);
  CHECK(cell(model, 0, SignalListModel::kId).toStdString() == id);
  CHECK(cell(model, 0, SignalListModel::kReceived) == QStringLiteral("16-10-2026"));
  CHECK(cell(model, 0, SignalListModel::kForms) == QStringLiteral("Arbeidsuitbuiting"));
  CHECK(cell(model, 0, SignalListModel::kStatus) == QStringLiteral("Nieuw"));

  // Enter on the row opens the whole signal beside the list.
  auto* table = child<QTableView>(page, QStringLiteral("signals"));
  table->setFocus();
  table->setCurrentIndex(model.index(0, 0));
  QTest::keyClick(table, Qt::Key_Return);
  CHECK(child<QTextBrowser>(page, QStringLiteral("details"))
            ->toPlainText()
            .contains(QStringLiteral("paspoorten worden ingehouden")));
}

TEST_CASE("the list's filters narrow it and sorting reorders it", "[gui][signals]") {
  GuiWorld w;
  const std::string a = register_one(w, Date(2026, 8, 3), "labour");
  const std::string b = register_one(w, Date(2026, 9, 14), "sexual", vault::SourceKind::kResident);
  const std::string c = register_one(w, Date(2026, 10, 20), "labour");
  const std::string d = register_one(w, Date(2026, 10, 28), "criminal");
  MK_REQUIRE_OK(
      service::close_signal(w.s(), b, vault::SignalOutcome::kReferred, Date(2026, 10, 1)));

  SignalsPage page(w.context());
  page.show();
  page.refresh();
  SignalListModel& model = page.model();
  REQUIRE(model.rowCount() == 4);
  CHECK(cell(model, 0, SignalListModel::kId).toStdString() == d);  // newest received first
  CHECK(cell(model, 3, SignalListModel::kId).toStdString() == a);

  auto* status = child<QComboBox>(page, QStringLiteral("statusFilter"));
  status->setCurrentIndex(status->findText(QStringLiteral("Afgesloten")));
  REQUIRE(model.rowCount() == 1);
  CHECK(cell(model, 0, SignalListModel::kId).toStdString() == b);
  CHECK(cell(model, 0, SignalListModel::kOutcome) == QStringLiteral("Doorverwezen (01-10-2026)"));
  status->setCurrentIndex(0);
  REQUIRE(model.rowCount() == 4);

  auto* form = child<QComboBox>(page, QStringLiteral("formFilter"));
  form->setCurrentIndex(form->findText(QStringLiteral("Arbeidsuitbuiting")));
  REQUIRE(model.rowCount() == 2);
  CHECK(cell(model, 0, SignalListModel::kId).toStdString() == c);
  CHECK(cell(model, 1, SignalListModel::kId).toStdString() == a);

  child<QDateEdit>(page, QStringLiteral("fromDate"))->setDate(QDate(2026, 9, 1));
  QTest::keyClick(child<QCheckBox>(page, QStringLiteral("fromEnabled")), Qt::Key_Space);
  REQUIRE(model.rowCount() == 1);
  CHECK(cell(model, 0, SignalListModel::kId).toStdString() == c);

  form->setCurrentIndex(0);
  REQUIRE(model.rowCount() == 3);  // from 01-09-2026: b, c, d
  auto* table = child<QTableView>(page, QStringLiteral("signals"));
  table->sortByColumn(SignalListModel::kReceived, Qt::AscendingOrder);
  CHECK(cell(model, 0, SignalListModel::kId).toStdString() == b);
  CHECK(cell(model, 2, SignalListModel::kId).toStdString() == d);
  table->sortByColumn(SignalListModel::kStatus, Qt::DescendingOrder);  // "new" before "closed"
  CHECK(cell(model, 2, SignalListModel::kId).toStdString() == b);
  table->sortByColumn(SignalListModel::kSource, Qt::DescendingOrder);  // resident before partner
  CHECK(cell(model, 0, SignalListModel::kId).toStdString() == b);
}

TEST_CASE("the routing suggestion follows the ticked indicators", "[gui][signals]") {
  GuiWorld w;
  IntakeDialog dialog(w.context());
  dialog.show();
  add_person(dialog, kSuspect, QStringLiteral("Kees"), QStringLiteral("de Vries"),
             QStringLiteral("04-05-1971"));
  const QString before = dialog.routing_text();
  CHECK_FALSE(before.contains(QStringLiteral("RIEC")));
  tick(dialog, QStringLiteral("indicator:coercion.imposed_debts"));
  const QString after = dialog.routing_text();
  CHECK(after != before);
  CHECK(after.contains(QStringLiteral("bestuurlijke aanpak via het RIEC")));
  tick(dialog, QStringLiteral("form:sexual"));
  CHECK(dialog.routing_text().contains(QStringLiteral("SHOP")));
}

TEST_CASE("a bad received date is refused and nothing is stored", "[gui][signals]") {
  GuiWorld w;
  IntakeDialog dialog(w.context());
  dialog.show();
  add_person(dialog, kVictim, QStringLiteral("Ioana"), QStringLiteral("Popescu"),
             QStringLiteral("23-11-2001"));
  tick(dialog, QStringLiteral("form:labour"));
  for (const char* bad : {"31-02-2026", "16/10/2026", "03-11-2026"}) {  // the last lies ahead
    type_into(dialog, QStringLiteral("received"), QString::fromLatin1(bad));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("save")), Qt::LeftButton);
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.signal_id().isEmpty());
    CHECK(dialog.error_text().startsWith(QStringLiteral("Ontvangen op:")));
  }
  CHECK(signal_count(w) == 0);
  Result<std::vector<vault::PersonSummary>> persons = service::list_persons(w.s());
  MK_REQUIRE_OK(persons);
  CHECK(persons->empty());
}

}  // namespace mk::gui

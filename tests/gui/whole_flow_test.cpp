// The coordinator's first morning, end to end through the real main window and its pages: create
// the vault (the recovery key shown once), take in a signal with indicators, open a case on it, add
// a victim, preview a share to SHOP and export it; SHOP opens the package with the real `age`.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>
#include <filesystem>

#include "case_world.hpp"
#include "gui/add_person_dialog.hpp"
#include "gui/case_persons_panel.hpp"
#include "gui/case_view.hpp"
#include "gui/cases_page.hpp"
#include "gui/create_vault_dialog.hpp"
#include "gui/intake_dialog.hpp"
#include "gui/main_window.hpp"
#include "gui/recovery_key_dialog.hpp"
#include "gui/share_dialog.hpp"
#include "gui/share_preview_view.hpp"
#include "gui/signal_list_model.hpp"
#include "gui/signals_page.hpp"
#include "gui/unlock_widget.hpp"
#include "gui_fixture.hpp"
#include "service/sharing.hpp"
#include "service/sharing_world.hpp"

namespace mk::gui {
namespace {

namespace fs = std::filesystem;
using service::test::age_decrypt_tool;
using service::test::require_tool;
using service::test::untar;
using test::when_dialog;

template <typename W>
W* child(QWidget& parent, const QString& name) {
  W* w = parent.findChild<W*>(name);
  REQUIRE(w != nullptr);
  return w;
}

template <typename P>
P* page_of(MainWindow& window, const QString& key) {
  window.show_page(key);
  for (Page* page : window.pages()) {
    if (page->key() == key) return qobject_cast<P*>(page);
  }
  return nullptr;
}

void type_into(QWidget& parent, const QString& name, const QString& text) {
  auto* edit = child<QLineEdit>(parent, name);
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Delete);
  QTest::keyClicks(edit, text);
}

void tick(QWidget& parent, const QString& name) {
  auto* box = child<QCheckBox>(parent, name);
  QTest::keyClick(box, Qt::Key_Space);
  CHECK(box->isChecked());
}

bool wait_until(const std::function<bool()>& done, int ms = 20000) {
  for (int waited = 0; !done() && waited < ms; waited += 10)
    QTest::qWait(10);
  return done();
}

// SHOP as the vault knows it, with a key pair made by the real age-keygen; returns the key file.
fs::path register_shop(service::Session& s, const fs::path& dir) {
  const fs::path key = dir / "shop-key.txt";
  testing::ProcessResult made =
      testing::run_process({require_tool("age-keygen"), "-o", key.string()});
  INFO(made.output);
  REQUIRE(made.exit_code == 0);
  const std::string text = testing::read_file_bytes(key);
  const std::string marker = "# public key: ";
  const std::size_t at = text.find(marker);
  REQUIRE(at != std::string::npos);
  vault::Partner p;
  p.id = "shop";
  p.kind = "care_coordination";
  p.name = "Stichting SHOP Den Haag";
  p.age_recipient = text.substr(at + marker.size(), vault::kAgeRecipientChars);
  p.purposes = {"care_referral"};
  MK_REQUIRE_OK(service::add_partner(s, p));
  return key;
}

}  // namespace

TEST_CASE(
    "a whole morning in the app: new vault, intake with indicators, a case, a victim added, a "
    "share to SHOP previewed and exported, and the package opens with age",
    "[gui][flow]") {
  test::app();
  test::TempDir temp;
  FixedClock clock(test::noon_of(Date(2026, 11, 29)));
  AppContext context(temp.path() / "vault", clock);
  MainWindow window(context);
  window.unlock_widget().set_new_vault_kdf(crypto::pwhash_params_for_tests());
  window.resize(1280, 800);
  window.show();

  // 1. A new vault: passphrase twice, then the recovery key, confirmed as kept.
  bool key_shown = false;
  when_dialog<CreateVaultDialog>(
      [&](CreateVaultDialog& d) {
        QTest::keyClicks(d.passphrase_field(), QStringLiteral("Meldpunt Rijswijk, Bogaard 2026"));
        QTest::keyClicks(d.repeat_field(), QStringLiteral("Meldpunt Rijswijk, Bogaard 2026"));
        when_dialog<RecoveryKeyDialog>(
            [&](RecoveryKeyDialog& keys) {
              key_shown = true;
              QTest::keyClick(keys.saved_check(), Qt::Key_Space);
              QTest::keyClick(keys.close_button(), Qt::Key_Space);
            },
            2000);
        QTest::mouseClick(d.create_button(), Qt::LeftButton);
      },
      2000);
  QTest::mouseClick(window.unlock_widget().create_button(), Qt::LeftButton);
  REQUIRE(wait_until([&] { return context.is_unlocked(); }));
  CHECK(key_shown);
  const fs::path shop_key = register_shop(context.session(), temp.path());

  // 2. Intake: a labour signal with two indicators and the victim named in it.
  auto* signals = page_of<SignalsPage>(window, QStringLiteral("signals"));
  REQUIRE(signals != nullptr);
  bool saved = false;
  when_dialog<IntakeDialog>([&](IntakeDialog& d) {
    type_into(d, QStringLiteral("received"), QStringLiteral("24-11-2026"));
    type_into(d, QStringLiteral("sourceTeam"), QStringLiteral("Wijkteam Oost"));
    tick(d, QStringLiteral("form:labour"));
    tick(d, QStringLiteral("indicator:coercion.imposed_debts"));
    tick(d, QStringLiteral("indicator:exploitation.passport_withheld"));
    child<QComboBox>(d, QStringLiteral("personRole"))->setCurrentIndex(0);  // victim
    type_into(d, QStringLiteral("personGiven"), QStringLiteral("Ioana"));
    type_into(d, QStringLiteral("personFamily"), QStringLiteral("Popescu"));
    type_into(d, QStringLiteral("personBirth"), QStringLiteral("23-11-2001"));
    QTest::keyClick(child<QPushButton>(d, QStringLiteral("addPerson")), Qt::Key_Space);
    QTest::keyClicks(child<QPlainTextEdit>(d, QStringLiteral("narrative")),
                     QStringLiteral("Zes mannen in een bovenwoning aan de Herenstraat; "
                                    "paspoorten ingehouden door de uitzender."));
    QTest::mouseClick(child<QPushButton>(d, QStringLiteral("save")), Qt::LeftButton);
    saved = d.result() == QDialog::Accepted;
  });
  child<QPushButton>(*signals, QStringLiteral("newSignal"))->click();
  REQUIRE(saved);
  SignalListModel& list = signals->model();
  REQUIRE(list.rowCount() == 1);

  // 3. A case on it, after the confirmation.
  auto* table = child<QTableView>(*signals, QStringLiteral("signals"));
  table->setCurrentIndex(list.index(0, 0));
  when_dialog<QMessageBox>([](QMessageBox& box) { box.button(QMessageBox::Yes)->click(); });
  child<QPushButton>(*signals, QStringLiteral("openCase"))->click();
  Result<std::vector<vault::CaseSummary>> cases = service::list_cases(context.session());
  MK_REQUIRE_OK(cases);
  REQUIRE(cases->size() == 1);
  const std::string case_id = cases->front().id;

  // 4. A second victim added on the case view.
  auto* cases_page = page_of<CasesPage>(window, QStringLiteral("cases"));
  REQUIRE(cases_page != nullptr);
  REQUIRE(cases_page->select_case(QString::fromStdString(case_id)));
  CasePersonsPanel& persons = *cases_page->case_view()->persons_panel();
  when_dialog<AddPersonDialog>([](AddPersonDialog& d) {
    QTest::keyClicks(d.field(vault::PersonField::kName), QStringLiteral("Andrei Munteanu"));
    QTest::keyClicks(d.field(vault::PersonField::kDateOfBirth), QStringLiteral("02-04-1996"));
    test::click_ok(d);
  });
  persons.add_victim_button()->click();
  Result<vault::Case> with_victims = service::show_case(context.session(), case_id);
  MK_REQUIRE_OK(with_victims);
  CHECK(with_victims->summary.person_ids.size() == 2);

  // 5. Share with SHOP: the preview decides every field, then the export writes the package.
  const fs::path out = temp.path() / "pakket-shop.age";
  bool previewed = false;
  bool exported = false;
  when_dialog<ShareDialog>([&](ShareDialog& d) {
    REQUIRE(d.choose(QStringLiteral("shop"), QStringLiteral("care_referral")));
    QTest::keyClick(d.next_button(), Qt::Key_Space);
    previewed = d.step() == ShareDialog::kPreview && !d.preview_view()->refused() &&
                d.preview_view()->table()->rowCount() > 0;
    QTest::keyClick(d.next_button(), Qt::Key_Space);
    d.set_output_path(QString::fromStdString(out.string()));
    QTest::keyClick(d.export_button(), Qt::Key_Space);
    exported = d.step() == ShareDialog::kRegistered && d.exported();
    QTest::keyClick(d.close_button(), Qt::Key_Space);
  });
  cases_page->case_view()->share_button()->click();
  CHECK(previewed);
  REQUIRE(exported);

  // SHOP opens it with age: a tar with the manifest and both victims' records, no narrative.
  age_decrypt_tool(shop_key, out, temp.path() / "pakket.tar");
  std::map<std::string, std::string> members =
      untar(temp.path() / "pakket.tar", temp.path() / "uitgepakt");
  REQUIRE(members.count("manifest.json") == 1);
  CHECK(members["manifest.json"].find("care_referral") != std::string::npos);
  CHECK(members["records.json"].find("Ioana Popescu") != std::string::npos);
  CHECK(members["records.json"].find("Andrei Munteanu") != std::string::npos);
  CHECK(members["records.json"].find("Herenstraat") == std::string::npos);

  // The register holds the export; locking leaves no page behind.
  Result<std::vector<vault::Disclosure>> register_rows =
      service::list_disclosures(context.session());
  MK_REQUIRE_OK(register_rows);
  CHECK(register_rows->size() == 1);
  context.lock();
  CHECK(window.showing_unlock_screen());
  CHECK(window.pages().empty());
}

}  // namespace mk::gui

// The share dialog, driven as a coordinator does: partner and purpose, the field-by-field preview
// with every field's fate and rule, the export on the worker (a package the partner opens with the
// real `age` and checks with the real `minisign`), and the register entry it wrote; a share the
// policy refuses shows why in Dutch and writes nothing.
#include <QTest>
#include <catch2/catch.hpp>
#include <filesystem>

#include "case_grab.hpp"
#include "case_world.hpp"
#include "gui/case_disclosures_panel.hpp"
#include "gui/case_persons_panel.hpp"
#include "gui/case_view.hpp"
#include "gui/record_table.hpp"
#include "gui/share_dialog.hpp"
#include "gui/share_preview_view.hpp"
#include "gui/share_register_view.hpp"
#include "service/sharing.hpp"
#include "service/sharing_world.hpp"

namespace mk::gui {
namespace {

namespace fs = std::filesystem;
using service::test::age_decrypt_tool;
using service::test::require_tool;
using service::test::untar;
using test::CaseWorld;

// Registers `id` as a partner with a key pair made by the real age-keygen in `dir`; returns the
// identity file.
fs::path register_partner(CaseWorld& w, const fs::path& dir, const char* id, const char* kind,
                          const char* purpose, const char* name) {
  const fs::path key = dir / (std::string(id) + "-key.txt");
  testing::ProcessResult made =
      testing::run_process({require_tool("age-keygen"), "-o", key.string()});
  INFO(made.output);
  REQUIRE(made.exit_code == 0);
  const std::string text = testing::read_file_bytes(key);
  const std::string marker = "# public key: ";
  const std::size_t at = text.find(marker);
  REQUIRE(at != std::string::npos);
  vault::Partner p;
  p.id = id;
  p.kind = kind;
  p.name = name;
  p.age_recipient = text.substr(at + marker.size(), vault::kAgeRecipientChars);
  p.purposes = {purpose};
  MK_REQUIRE_OK(service::add_partner(w.s(), p));
  return key;
}

service::ShareTarget case_target(const CaseWorld& w) {
  service::ShareTarget t;
  t.case_id = w.case_id();
  return t;
}

// No native dialogs in tests: "Bladeren…" answers with a fixed path.
PageDialogs test_dialogs(const QString& browse_answer) {
  PageDialogs d;
  d.save_file = [browse_answer](QWidget*, const QString&, const QString&, const QString&) {
    return browse_answer;
  };
  return d;
}

// The preview rows of `who` (a prefix of the "Onderdeel" column) by field label.
std::map<QString, QStringList> rows_of(const QTableWidget& table, const QString& who) {
  std::map<QString, QStringList> out;
  for (int r = 0; r < table.rowCount(); ++r) {
    QStringList row = row_texts(table, r);
    if (row.value(0).startsWith(who)) out[row.value(1)] = row;
  }
  return out;
}

std::size_t register_size(CaseWorld& w) {
  Result<std::vector<vault::Disclosure>> all = service::list_disclosures(w.s());
  MK_REQUIRE_OK(all);
  return all->size();
}

}  // namespace

TEST_CASE(
    "a share to SHOP previews every field's fate, exports a package age and minisign open, and "
    "shows its register entry",
    "[gui][share]") {
  CaseWorld w;
  const fs::path dir = w.world().temp();
  const fs::path key = register_partner(w, dir, "shop", "care_coordination", "care_referral",
                                        "Stichting SHOP Den Haag");
  const fs::path pub = dir / "gemeente.pub";
  MK_REQUIRE_OK(service::export_signing_key(w.s(), pub));
  const fs::path out = dir / "pakket-voor-shop.age";

  ShareDialog dialog(w.context(), case_target(w), nullptr,
                     test_dialogs(QString::fromStdString(out.string())));
  dialog.resize(1000, 680);
  dialog.show();
  REQUIRE(dialog.step() == ShareDialog::kChoose);
  REQUIRE(dialog.choose(QStringLiteral("shop"), QStringLiteral("care_referral")));
  test::maybe_grab(dialog, QStringLiteral("share-1-choose"));
  QTest::keyClick(dialog.next_button(), Qt::Key_Space);
  INFO(dialog.error_text().toStdString());
  REQUIRE(dialog.step() == ShareDialog::kPreview);

  // Step 2: the victim's fields with their fates and rules; the suspect withheld whole.
  SharePreviewView& preview = *dialog.preview_view();
  REQUIRE_FALSE(preview.refused());
  const QString victim = QStringLiteral("Persoon %1").arg(QString::fromStdString(w.victim()));
  std::map<QString, QStringList> fields = rows_of(*preview.table(), victim);
  REQUIRE(fields.count(QStringLiteral("Naam")) == 1);
  CHECK(fields[QStringLiteral("Naam")].value(2) == QStringLiteral("Meegestuurd"));
  CHECK(fields[QStringLiteral("BSN")].value(2) == QStringLiteral("Achtergehouden"));
  CHECK(fields[QStringLiteral("Documentnummer")].value(2) == QStringLiteral("Achtergehouden"));
  CHECK_FALSE(fields[QStringLiteral("Naam")].value(3).isEmpty());  // the rule that decided it
  const std::map<QString, QStringList> suspect = rows_of(
      *preview.table(), QStringLiteral("Persoon %1").arg(QString::fromStdString(w.suspect())));
  REQUIRE(suspect.size() == 1);
  CHECK(suspect.begin()->second.value(2) == QStringLiteral("Achtergehouden (hele persoon)"));
  const std::map<QString, QStringList> records =
      rows_of(*preview.table(), QStringLiteral("Zaak en meldingen"));
  CHECK(records.at(QStringLiteral("Melding: vormen van uitbuiting")).value(2) ==
        QStringLiteral("Meegestuurd"));
  CHECK(records.at(QStringLiteral("Melding: verhaal")).value(2) ==
        QStringLiteral("Achtergehouden"));
  test::maybe_grab(dialog, QStringLiteral("share-2-preview"));

  // Step 3: a default name from the partner and today; "Bladeren…" chooses another file.
  QTest::keyClick(dialog.next_button(), Qt::Key_Space);
  REQUIRE(dialog.step() == ShareDialog::kExport);
  CHECK(dialog.output_path().endsWith(QStringLiteral("pakket-shop-2026-11-29.age")));
  dialog.findChild<QPushButton*>(QStringLiteral("browse"))->click();
  CHECK(dialog.output_path() == QString::fromStdString(out.string()));
  test::maybe_grab(dialog, QStringLiteral("share-3-export"));
  QTest::keyClick(dialog.export_button(), Qt::Key_Space);
  INFO(dialog.error_text().toStdString());
  REQUIRE(dialog.step() == ShareDialog::kRegistered);
  REQUIRE(dialog.exported());

  // The partner's tools: minisign verifies the signature, age opens the package: a tar with the
  // manifest.
  testing::ProcessResult verified = testing::run_process(
      {require_tool("minisign"), "-V", "-p", pub.string(), "-m", out.string()});
  INFO(verified.output);
  CHECK(verified.exit_code == 0);
  age_decrypt_tool(key, out, dir / "pakket.tar");
  std::map<std::string, std::string> members = untar(dir / "pakket.tar", dir / "uitgepakt");
  REQUIRE(members.count("manifest.json") == 1);
  CHECK(members["manifest.json"].find("care_referral") != std::string::npos);
  CHECK(members["records.json"].find("Ioana Popescu") != std::string::npos);
  CHECK(members["records.json"].find("390996038") == std::string::npos);  // BSN withheld

  // Step 4: the register entry that was written.
  Result<std::vector<vault::Disclosure>> all = service::list_disclosures(w.s());
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  const vault::Disclosure& entry = all->front();
  CHECK(entry.id == dialog.receipt()->disclosure_id);
  const QString shown = dialog.register_view()->text();
  CHECK(shown.contains(QString::fromStdString(entry.id)));
  CHECK(shown.contains(QStringLiteral("shop (care_coordination)")));
  CHECK(shown.contains(QStringLiteral("care_referral")));
  CHECK(shown.contains(QString::fromStdString(entry.legal_basis)));
  CHECK(shown.contains(QStringLiteral("29-11-2026 12:00")));
  CHECK(shown.contains(QString::fromStdString(entry.package_sha256)));
  CHECK(dialog.close_button()->text() == QStringLiteral("&Sluiten"));
  test::maybe_grab(dialog, QStringLiteral("share-4-register"));

  // The case view lists the disclosure.
  CaseView view(w.context());
  view.show_case(w.case_id());
  const QTableWidget& disclosures = *view.disclosures_panel()->table();
  REQUIRE(disclosures.rowCount() == 1);
  CHECK(row_texts(disclosures, 0).value(0) == QString::fromStdString(entry.id));
  CHECK(row_texts(disclosures, 0).value(2) == QStringLiteral("shop"));
}

TEST_CASE("a share to CoMensha without consent is refused in Dutch and writes nothing",
          "[gui][share]") {
  CaseWorld w;
  const fs::path dir = w.world().temp();
  register_partner(w, dir, "comensha", "registration", "registration", "CoMensha");

  ShareDialog dialog(w.context(), case_target(w), nullptr, test_dialogs({}));
  dialog.resize(1000, 680);
  dialog.show();
  REQUIRE(dialog.choose(QStringLiteral("comensha"), QStringLiteral("registration")));
  QTest::keyClick(dialog.next_button(), Qt::Key_Space);
  REQUIRE(dialog.step() == ShareDialog::kPreview);
  SharePreviewView& preview = *dialog.preview_view();
  REQUIRE(preview.refused());
  const QString why = preview.refusal_label()->text();
  CHECK(why.contains(QStringLiteral("Delen is niet toegestaan")));
  CHECK(why.contains(QStringLiteral("Persoon %1: er is geen toestemming vastgelegd voor "
                                    "comensha/registration")
                         .arg(QString::fromStdString(w.victim()))));
  CHECK(preview.table()->isHidden());
  CHECK_FALSE(dialog.next_button()->isEnabled());
  CHECK_FALSE(dialog.export_button()->isEnabled());
  test::maybe_grab(dialog, QStringLiteral("share-refused"));
  QTest::keyClick(dialog.export_button(), Qt::Key_Space);
  CHECK(dialog.step() == ShareDialog::kPreview);
  CHECK_FALSE(dialog.exported());
  CHECK(register_size(w) == 0);
  for (const auto& entry : fs::directory_iterator(dir)) {
    CHECK(entry.path().extension() != ".age");
    CHECK(entry.path().extension() != ".minisig");
  }

  // With the victim's written consent the same share is previewed.
  MK_REQUIRE_OK(service::record_consent(w.s(), w.victim(), "comensha", "registration",
                                        policies::ConsentSigner::kSelf, Date(2026, 11, 27)));
  QTest::keyClick(dialog.back_button(), Qt::Key_Space);
  REQUIRE(dialog.step() == ShareDialog::kChoose);
  QTest::keyClick(dialog.next_button(), Qt::Key_Space);
  CHECK(dialog.step() == ShareDialog::kPreview);
  CHECK_FALSE(preview.refused());
  CHECK(dialog.next_button()->isEnabled());
}

TEST_CASE("an export onto an existing file is refused with a message and registers nothing",
          "[gui][share]") {
  CaseWorld w;
  const fs::path dir = w.world().temp();
  register_partner(w, dir, "shop", "care_coordination", "care_referral", "Stichting SHOP");
  const fs::path out = dir / "bestaat-al.age";
  testing::write_file_bytes(out, "eerder pakket");

  ShareDialog dialog(w.context(), case_target(w), nullptr, test_dialogs({}));
  dialog.show();
  REQUIRE(dialog.choose(QStringLiteral("shop"), QStringLiteral("care_referral")));
  QTest::keyClick(dialog.next_button(), Qt::Key_Space);
  QTest::keyClick(dialog.next_button(), Qt::Key_Space);
  REQUIRE(dialog.step() == ShareDialog::kExport);
  dialog.set_output_path(QString::fromStdString(out.string()));
  QTest::keyClick(dialog.export_button(), Qt::Key_Space);
  CHECK(dialog.step() == ShareDialog::kExport);
  CHECK_FALSE(dialog.error_text().isEmpty());
  CHECK(testing::read_file_bytes(out) == "eerder pakket");
  CHECK(register_size(w) == 0);
}

TEST_CASE("Delen… opens the share dialog for the case, Persoon delen… for the chosen person",
          "[gui][share]") {
  CaseWorld w;
  CaseView view(w.context());
  view.show();
  view.show_case(w.case_id());
  QString title;
  test::when_dialog<ShareDialog>([&](ShareDialog& d) {
    title = d.windowTitle();
    d.reject();
  });
  view.share_button()->click();
  CHECK(title == QStringLiteral("Delen: zaak %1").arg(QString::fromStdString(w.case_id())));

  CasePersonsPanel& persons = *view.persons_panel();
  for (int r = 0; r < persons.table()->rowCount(); ++r) {
    if (row_texts(*persons.table(), r).value(0) == QString::fromStdString(w.victim()))
      persons.table()->selectRow(r);
  }
  REQUIRE(persons.share_button()->isEnabled());
  title.clear();
  test::when_dialog<ShareDialog>([&](ShareDialog& d) {
    title = d.windowTitle();
    d.reject();
  });
  persons.share_button()->click();
  CHECK(title == QStringLiteral("Delen: persoon %1").arg(QString::fromStdString(w.victim())));
}

}  // namespace mk::gui

// Recording a consent from the case view: "Toestemming vastleggen…" opens the dialog, the
// coordinator chooses the victim, CoMensha and registration, who signed and when; the consents tab
// lists it and the share preview to CoMensha is no longer refused for a missing consent. A date
// in the future is refused by the service, shown in the dialog, and records nothing.
#include "gui/consent_dialog.hpp"

#include <QTabWidget>
#include <QTest>
#include <catch2/catch.hpp>
#include <filesystem>

#include "case_grab.hpp"
#include "case_world.hpp"
#include "gui/case_view.hpp"
#include "gui/consents_panel.hpp"
#include "gui/dutch_format.hpp"
#include "gui/record_table.hpp"
#include "service/sharing.hpp"

namespace mk::gui {
namespace {

using test::CaseWorld;
using test::when_dialog;

// CoMensha registered in the vault for "registration", with a key made by the service.
void register_comensha(CaseWorld& w) {
  Result<std::string> recipient =
      service::partner_keygen(w.world().temp() / "comensha-key.txt", w.world().clock());
  MK_REQUIRE_OK(recipient);
  vault::Partner p;
  p.id = "comensha";
  p.kind = "registration";
  p.name = "CoMensha";
  p.age_recipient = *recipient;
  p.purposes = {"registration"};
  MK_REQUIRE_OK(service::add_partner(w.s(), p));
}

// The preview of sharing the case with CoMensha for registration.
Result<service::SharePreview> comensha_preview(CaseWorld& w) {
  service::ShareTarget target;
  target.case_id = w.case_id();
  return service::preview_share(w.s(), "comensha", "registration", target);
}

// Fills the dialog for the victim, CoMensha/registration, signed by the victim on `given`.
void fill_for_victim(ConsentDialog& d, const CaseWorld& w, const QDate& given) {
  const int person = d.person_box()->findData(QString::fromStdString(w.victim()));
  REQUIRE(person >= 0);
  d.person_box()->setCurrentIndex(person);
  REQUIRE(d.choose(QStringLiteral("comensha"), QStringLiteral("registration")));
  d.signer_box()->setCurrentIndex(d.signer_box()->findData(QStringLiteral("self")));
  d.date_edit()->setDate(given);
}

}  // namespace

TEST_CASE("a consent recorded through the dialog is listed and lets the CoMensha share through",
          "[gui][consent]") {
  CaseWorld w;
  register_comensha(w);
  Result<service::SharePreview> refused = comensha_preview(w);
  REQUIRE_FALSE(refused);
  REQUIRE(refused.status().code() == Code::kDisclosureRefused);
  REQUIRE(refused.status().message().find("no consent recorded") != std::string::npos);

  CaseView view(w.context());
  view.resize(1100, 700);
  view.show();
  view.show_case(w.case_id());
  ConsentsPanel& panel = *view.consents_panel();
  REQUIRE(panel.table()->rowCount() == 0);
  REQUIRE(panel.record_button()->isEnabled());

  QString today_shown, signer;
  bool accepted = false;
  when_dialog<ConsentDialog>([&](ConsentDialog& d) {
    today_shown = d.date_edit()->date().toString(QStringLiteral("dd-MM-yyyy"));
    fill_for_victim(d, w, QDate(2026, 11, 27));
    signer = d.signer_box()->currentText();
    test::maybe_grab(d, QStringLiteral("consent-dialog"));
    QTest::keyClick(d.save_button(), Qt::Key_Space);
    accepted = d.result() == QDialog::Accepted;
  });
  QTest::mouseClick(panel.record_button(), Qt::LeftButton);
  CHECK(today_shown == QStringLiteral("29-11-2026"));  // the session's today by default
  CHECK(signer == QStringLiteral("Betrokkene zelf"));
  REQUIRE(accepted);
  CHECK(panel.error_text().isEmpty());

  // The consents tab lists it (the view reloaded after the change).
  ConsentsPanel& reloaded = *view.consents_panel();
  REQUIRE(reloaded.table()->rowCount() == 1);
  const QStringList row = row_texts(*reloaded.table(), 0);
  CHECK(row.value(0).startsWith(QStringLiteral("CN-")));
  CHECK(row.value(1) == QString::fromStdString(w.victim()));
  CHECK(row.value(2) == QStringLiteral("comensha"));
  CHECK(row.value(3) == QStringLiteral("registration"));
  CHECK(row.value(4) == QStringLiteral("Betrokkene zelf"));
  CHECK(row.value(5) == QStringLiteral("27-11-2026"));
  CHECK(row.value(6).isEmpty());
  if (auto* tabs = view.findChild<QTabWidget*>()) tabs->setCurrentWidget(&reloaded);
  test::maybe_grab(view, QStringLiteral("case-consents"));

  // The share to CoMensha is no longer refused for the missing consent.
  Result<service::SharePreview> preview = comensha_preview(w);
  INFO(preview.status().message());
  REQUIRE(preview);
  CHECK(preview->partner == "comensha");
}

TEST_CASE("a consent dated in the future is refused in the dialog and records nothing",
          "[gui][consent]") {
  CaseWorld w;
  register_comensha(w);
  CaseView view(w.context());
  view.show();
  view.show_case(w.case_id());
  ConsentsPanel& panel = *view.consents_panel();

  QString error;
  bool still_open = false;
  when_dialog<ConsentDialog>([&](ConsentDialog& d) {
    fill_for_victim(d, w, QDate(2026, 11, 30));  // tomorrow
    QTest::keyClick(d.save_button(), Qt::Key_Space);
    error = d.error_text();
    still_open = d.isVisible();
    CHECK(d.recorded_id().empty());
    test::maybe_grab(d, QStringLiteral("consent-refused"));
    d.reject();
  });
  QTest::mouseClick(panel.record_button(), Qt::LeftButton);
  INFO(error.toStdString());
  CHECK(still_open);
  CHECK(error.contains(QStringLiteral("lies in the future")));
  CHECK(error.startsWith(QStringLiteral("Ongeldige invoer")));
  Result<std::vector<vault::Consent>> consents = service::list_consents(w.s(), w.victim());
  MK_REQUIRE_OK(consents);
  CHECK(consents->empty());
  CHECK(view.consents_panel()->table()->rowCount() == 0);
}

}  // namespace mk::gui

// Not a check but a look: renders the retention, reports, audit and disclosure pages with data
// to PNG files for a human to inspect (hidden; run with: test_gui "[.record-screens]"). The
// folder is $MELDKLUIS_SCREENS_DIR, or /tmp.
#include <QTest>
#include <catch2/catch.hpp>

#include "gui/audit_page.hpp"
#include "gui/disclosures_page.hpp"
#include "gui/reports_page.hpp"
#include "gui/retention_page.hpp"
#include "gui_fixture.hpp"
#include "page_test_support.hpp"
#include "service/casework.hpp"
#include "service/retention_world.hpp"
#include "service/sharing.hpp"

namespace mk::gui {
namespace {

QString screens_dir() {
  const QString dir = qEnvironmentVariable("MELDKLUIS_SCREENS_DIR");
  return dir.isEmpty() ? QStringLiteral("/tmp") : dir;
}

void save(Page& page, const QString& name) {
  page.resize(1280, 820);
  page.show();
  QTest::qWait(50);
  REQUIRE(page.grab().save(screens_dir() + QStringLiteral("/meldkluis-") + name +
                           QStringLiteral(".png")));
  page.hide();
}

void add_quarter(service::Session& s) {
  for (int i = 0; i < 30; ++i) {
    vault::SignalInput in;
    in.received = Date(2026, static_cast<unsigned>(7 + i % 3), static_cast<unsigned>(1 + i % 28));
    in.source_kind = i % 3 == 0 ? vault::SourceKind::kPartner : vault::SourceKind::kInternalTeam;
    in.forms = {i % 4 == 0 ? "sexual" : "labour"};
    REQUIRE(service::register_signal(s, in).is_ok());
  }
}

void add_disclosure(test::GuiWorld& w) {
  namespace syn = vault::test::synthetic;
  Result<std::string> recipient = service::partner_keygen(w.temp() / "shop.txt", w.clock());
  REQUIRE(recipient.is_ok());
  vault::Partner shop{
      "shop", "Stichting SHOP Den Haag", "care_coordination", "", *recipient, {"care_referral"},
      {}};
  REQUIRE(service::add_partner(w.s(), shop).is_ok());
  Result<std::string> victim =
      service::add_person(w.s(), vault::PersonRole::kVictim, syn::identity_of(syn::kIoana));
  REQUIRE(victim.is_ok());
  vault::SignalInput in = syn::labour_signal();
  in.received = Date(2026, 10, 28);
  in.person_ids = {*victim};
  Result<std::string> signal = service::register_signal(w.s(), in);
  REQUIRE(signal.is_ok());
  vault::CaseInput c;
  c.opened = Date(2026, 11, 2);
  c.signal_ids = {*signal};
  c.person_ids = {*victim};
  Result<std::string> case_id = service::open_case(w.s(), c);
  REQUIRE(case_id.is_ok());
  REQUIRE(service::export_share(w.s(), "shop", "care_referral", service::ShareTarget{*case_id, {}},
                                w.temp() / "pakket.age")
              .is_ok());
}

}  // namespace

TEST_CASE("record pages: screenshots with data", "[.record-screens]") {
  test::GuiWorld w(service::test::world_today());
  service::test::build_world(w.s());
  add_quarter(w.s());
  add_disclosure(w);
  auto log = std::make_shared<test::DialogLog>();

  RetentionPage retention(w.context());
  retention.refresh();
  save(retention, QStringLiteral("retention"));

  ReportsPage reports(w.context());
  reports.set_dialogs(test::answering_dialogs(log));
  reports.refresh();
  REQUIRE(reports.select_period(QStringLiteral("2026-Q3")));
  QTest::mouseClick(reports.make_button(), Qt::LeftButton);
  REQUIRE(log->warnings.isEmpty());
  save(reports, QStringLiteral("reports"));

  AuditPage audit(w.context());
  audit.set_dialogs(test::answering_dialogs(log));
  audit.refresh();
  QTest::mouseClick(audit.verify_button(), Qt::LeftButton);
  save(audit, QStringLiteral("audit"));

  DisclosuresPage disclosures(w.context());
  disclosures.refresh();
  save(disclosures, QStringLiteral("disclosures"));
}

}  // namespace mk::gui

// Compliance mode: the compliance officer opens the vault with their own key slot and sees every
// page offered to that role: the audit log (entries visible), the disclosure register, the
// retention status and the reports. No identity appears anywhere on those pages (the role cannot
// decrypt them), and using the pages leaves no refusal in the audit log (nothing tried to decrypt).
#include <QApplication>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>
#include <memory>
#include <vector>

#include "gui/app_context.hpp"
#include "gui/app_pages.hpp"
#include "gui/audit_page.hpp"
#include "gui/disclosures_page.hpp"
#include "gui/page.hpp"
#include "gui/reports_page.hpp"
#include "gui/retention_page.hpp"
#include "gui_fixture.hpp"
#include "page_test_support.hpp"
#include "service/audit.hpp"
#include "service/casework.hpp"
#include "service/keyslots.hpp"
#include "service/retention_world.hpp"
#include "service/sharing.hpp"

namespace mk::gui {
namespace {

using test::GuiWorld;

// Canary identities: finding any of these words on a compliance page is a leak.
constexpr const char* kCanaries[] = {"Kanarie",       "KANARIE",   "Vergeetmenietje",
                                     "Klokkenluider", "Zonnedauw", "Popescu"};
constexpr std::string_view kCanarySuspect = "Kanarie Zonnedauw";
constexpr std::string_view kCanarySummary = "KANARIE-SAMENVATTING kassen Westland";

std::string must(Result<std::string> r) {
  MK_REQUIRE_OK(r);
  return *r;
}

// A case shared with SHOP, so the register has a row (and the compliance officer sees it).
void share_with_shop(GuiWorld& w) {
  namespace syn = vault::test::synthetic;
  const std::filesystem::path key = w.temp() / "shop-key.txt";
  Result<std::string> recipient = service::partner_keygen(key, w.clock());
  MK_REQUIRE_OK(recipient);
  vault::Partner shop;
  shop.id = "shop";
  shop.name = "Stichting SHOP Den Haag";
  shop.kind = "care_coordination";
  shop.age_recipient = *recipient;
  shop.purposes = {"care_referral"};
  MK_REQUIRE_OK(service::add_partner(w.s(), shop));
  const std::string victim =
      must(service::add_person(w.s(), vault::PersonRole::kVictim,
                               service::test::named(syn::kIoana, "Kanarie Vergeetmenietje")));
  const std::string suspect = must(service::add_person(
      w.s(), vault::PersonRole::kSuspect, service::test::named(syn::kPiotr, kCanarySuspect)));
  vault::SignalInput in = syn::labour_signal();
  in.received = Date(2026, 10, 28);
  in.narrative = "KANARIE-VERHAAL bovenwoning Herenstraat";
  in.person_ids = {victim, suspect};
  const std::string signal = must(service::register_signal(w.s(), in));
  vault::CaseInput c;
  c.opened = Date(2026, 11, 2);
  c.summary = std::string(kCanarySummary);
  c.signal_ids = {signal};
  c.person_ids = {victim, suspect};
  const std::string case_id = must(service::open_case(w.s(), c));
  Result<service::ShareReceipt> receipt = service::export_share(
      w.s(), "shop", "care_referral", service::ShareTarget{case_id, {}}, w.temp() / "pakket.age");
  MK_REQUIRE_OK(receipt);
}

// Locks the coordinator's session and opens the vault with the compliance slot.
void reopen_as_compliance(GuiWorld& w) {
  MK_REQUIRE_OK(service::add_key_slot(w.s(), vault::test::kComplianceSlot, vault::Role::kCompliance,
                                      test::secret(vault::test::kCompliancePassphrase), 1));
  w.context().lock();
  Result<service::Session> opened =
      service::Session::open(w.dir(), test::secret(vault::test::kCompliancePassphrase),
                             std::string(vault::test::kComplianceSlot), w.clock(), "gui@test");
  MK_REQUIRE_OK(opened);
  w.context().adopt(std::move(*opened));
  REQUIRE(w.context().is_compliance());
}

std::vector<vault::AuditEntry> audit_since(GuiWorld& w, std::uint64_t first) {
  Result<std::vector<vault::AuditEntry>> all = service::list_audit_entries(w.s(), {});
  MK_REQUIRE_OK(all);
  std::vector<vault::AuditEntry> out;
  for (const vault::AuditEntry& e : *all) {
    if (e.seq >= first) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("compliance mode: audit entries visible, identities nowhere, no refusals",
          "[gui][compliance]") {
  GuiWorld w(service::test::world_today());
  const service::test::World world = service::test::build_world(w.s());
  share_with_shop(w);
  reopen_as_compliance(w);
  const std::uint64_t first = audit_since(w, 0).back().seq + 1;

  // Every page the app offers this role, as the main window builds them.
  QWidget window;
  window.setWindowTitle(QStringLiteral("Meldkluis"));
  std::vector<Page*> pages;
  for (const PageFactory& make : all_pages()) {
    Page* page = make(w.context(), &window);
    if (page->available_to_compliance()) {
      pages.push_back(page);
    } else {
      delete page;
    }
  }
  auto* retention = window.findChild<RetentionPage*>();
  auto* reports = window.findChild<ReportsPage*>();
  auto* audit = window.findChild<AuditPage*>();
  auto* disclosures = window.findChild<DisclosuresPage*>();
  REQUIRE(retention != nullptr);
  REQUIRE(reports != nullptr);
  REQUIRE(audit != nullptr);
  REQUIRE(disclosures != nullptr);
  auto log = std::make_shared<test::DialogLog>();
  retention->set_dialogs(test::answering_dialogs(log));
  reports->set_dialogs(test::answering_dialogs(log));
  audit->set_dialogs(test::answering_dialogs(log));

  for (Page* page : pages)
    page->refresh();
  // What the compliance officer does there: verify, export a checkpoint, make the reports.
  QTest::mouseClick(audit->verify_button(), Qt::LeftButton);
  log->save_path = QString::fromStdString((w.temp() / "kept-checkpoint.txt").string());
  QTest::mouseClick(audit->checkpoint_button(), Qt::LeftButton);
  REQUIRE(reports->select_period(QStringLiteral("2026")));
  QTest::mouseClick(reports->make_button(), Qt::LeftButton);
  REQUIRE(reports->compliance_button()->isVisibleTo(reports));
  log->save_path = QString::fromStdString((w.temp() / "compliance.pdf").string());
  QTest::mouseClick(reports->compliance_button(), Qt::LeftButton);
  REQUIRE(log->warnings.isEmpty());
  CHECK(std::filesystem::exists(w.temp() / "compliance.json"));
  CHECK(audit->verification_text().contains(QStringLiteral("In orde")));
  CHECK_FALSE(retention->sweep_button()->isVisibleTo(retention));
  for (Page* page : pages)
    page->refresh();

  const QStringList texts = test::visible_texts(window);
  const QString all = texts.join(QLatin1Char('\n'));
  // The audit log is there: who added signals and persons, and the disclosure.
  CHECK(all.contains(QStringLiteral("signal.add")));
  CHECK(all.contains(QStringLiteral("person.add")));
  CHECK(all.contains(QStringLiteral("disclosure.record")));
  CHECK(audit->entries_model().rowCount() > 20);
  // The register, the retention plan and the key slots too.
  CHECK(disclosures->register_model().rowCount() == 1);
  CHECK(all.contains(QStringLiteral("care_referral")));
  CHECK(all.contains(QString::fromStdString(world.c2)));
  CHECK(retention->plan_model().rowCount() >= 6);
  CHECK(all.contains(QString::fromLatin1(vault::test::kComplianceSlot)));
  // No identity anywhere.
  for (const char* canary : kCanaries) {
    INFO(canary);
    CHECK_FALSE(all.contains(QString::fromLatin1(canary), Qt::CaseInsensitive));
  }

  // Nothing on these pages tried to decrypt: no refusal, no decrypting read by this role.
  for (const vault::AuditEntry& e : audit_since(w, first)) {
    INFO(e.action << " " << e.object << " " << e.result);
    CHECK(e.result == "ok");
    CHECK(e.action.find(".read") == std::string::npos);
  }
}

}  // namespace mk::gui

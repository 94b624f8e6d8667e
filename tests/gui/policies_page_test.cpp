// The "Beleid" page: a vault opened under an edited copy of the policy folder lists that change
// (file, old and new hash, the slot that saw it) and says it in words, in Dutch and in English;
// "Verwerkingsregister opslaan…" writes the AVG art. 30 register as a PDF naming every partner of
// the sharing policy, audited; the compliance officer sees the page and the history, and using it
// leaves no refusal in the audit log.
#include "gui/policies_page.hpp"

#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "case_grab.hpp"
#include "gui/app_pages.hpp"
#include "gui/language.hpp"
#include "gui_fixture.hpp"
#include "page_test_support.hpp"
#include "policies/sharing_policy.hpp"
#include "service/audit.hpp"
#include "service/keyslots.hpp"
#include "support/run_process.hpp"

namespace mk::gui {
namespace {

namespace fs = std::filesystem;
using test::GuiWorld;

// The shipped retention policy keeps a signal without suspicion P1Y; the edited copy keeps it P2Y.
constexpr std::string_view kOneYear = "\"period\": \"P1Y\"";
constexpr std::string_view kTwoYears = "\"period\": \"P2Y\"";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A copy of the shipped policy folder whose retention.json keeps the first rule two years.
fs::path edited_policy_copy(const fs::path& temp) {
  const fs::path dir = temp / "beleid-2027";
  fs::create_directories(dir);
  for (const fs::directory_entry& e : fs::directory_iterator(service::default_policy_dir())) {
    if (e.path().extension() == ".json") fs::copy_file(e.path(), dir / e.path().filename());
  }
  std::string text = slurp(dir / "retention.json");
  const std::size_t at = text.find(kOneYear);
  REQUIRE(at != std::string::npos);
  text.replace(at, kOneYear.size(), kTwoYears);
  std::ofstream out(dir / "retention.json", std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
  return dir;
}

// Locks the context and opens the vault again, a day later, with `slot`'s passphrase under the
// policies of `policy_dir`.
void reopen(GuiWorld& w, const fs::path& policy_dir, const std::optional<std::string>& slot,
            std::string_view passphrase) {
  w.context().lock();
  w.clock().advance(std::chrono::hours(24));
  Result<service::Session> opened = service::Session::open(w.dir(), test::secret(passphrase), slot,
                                                           w.clock(), "gui@test", policy_dir);
  MK_REQUIRE_OK(opened);
  w.context().adopt(std::move(*opened));
}

// The row of `model` whose file column (1) is `file`, oldest first being the last row.
QStringList first_row_of(const RowTableModel& model, const QString& file, int from = 0) {
  for (int r = from; r < model.rowCount(); ++r) {
    if (model.data(model.index(r, 1)).toString() != file) continue;
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c)
      cells << model.data(model.index(r, c)).toString();
    return cells;
  }
  return {};
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

// pdftotext breaks long names over lines (and joins halves broken after a hyphen): compare with
// white space squeezed to one space and hyphens with the white space after them left out.
std::string squeezed(const std::string& text) {
  std::string out;
  bool after_hyphen = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (c == '-' || (space && after_hyphen)) {
      after_hyphen = true;
      continue;
    }
    after_hyphen = false;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

struct DutchAgain {
  ~DutchAgain() { set_language(Language::kDutch); }
};

}  // namespace

TEST_CASE("the policies page lists a changed retention period with its hashes and its words",
          "[gui][policies-page]") {
  GuiWorld w(Date(2026, 11, 2));
  reopen(w, edited_policy_copy(w.temp()), std::nullopt, vault::test::kCoordinatorPassphrase);

  PoliciesPage page(w.context());
  page.resize(1100, 700);
  page.show();
  page.refresh();
  const RowTableModel& model = page.history_model();
  REQUIRE(model.rowCount() > 1);
  // Newest first: the change the reopening recorded, then the versions the vault adopted.
  const QStringList change = first_row_of(model, QStringLiteral("retention.json"));
  REQUIRE(change.size() == 5);
  CHECK(change.value(0) == QStringLiteral("03-11-2026 12:00"));
  CHECK(model.data(model.index(0, 1)).toString() == QStringLiteral("retention.json"));
  const QStringList adopted = first_row_of(model, QStringLiteral("retention.json"), 1);
  REQUIRE(adopted.size() == 5);
  CHECK(adopted.value(2) == QStringLiteral("—"));  // new when the vault was made
  CHECK(change.value(2) == adopted.value(3));      // the old version is the one adopted
  CHECK(change.value(3) != change.value(2));
  CHECK_FALSE(change.value(4).isEmpty());  // the key slot whose session saw it
  // The whole hash is in the tooltip.
  CHECK(model.data(model.index(0, 3), Qt::ToolTipRole).toString().size() == 64);

  REQUIRE(page.select_change(0));
  INFO(page.change_words().toStdString());
  CHECK(page.change_words().contains(
      QStringLiteral("bewaarregel 'signal-no-suspicion' (signal): termijn P1Y -> P2Y")));
  CHECK(page.change_words().startsWith(QStringLiteral("• retention.json: ")));
  test::maybe_grab(page, QStringLiteral("policies-page"));

  DutchAgain dutch;
  REQUIRE(set_language(Language::kEnglish));
  REQUIRE(page.select_change(0));
  CHECK(page.change_words().contains(
      QStringLiteral("retention rule 'signal-no-suspicion' (signal): period P1Y -> P2Y")));
}

TEST_CASE("saving the processing register writes a PDF naming every partner, audited",
          "[gui][policies-page]") {
  GuiWorld w(Date(2026, 11, 29));
  PoliciesPage page(w.context());
  auto log = std::make_shared<test::DialogLog>();
  page.set_dialogs(test::answering_dialogs(log));
  page.refresh();

  // A name the register cannot be written as: said so, nothing written.
  log->save_path = QString::fromStdString((w.temp() / "verwerkingsregister.docx").string());
  QTest::mouseClick(page.register_button(), Qt::LeftButton);
  REQUIRE(log->warnings.size() == 1);
  CHECK(log->warnings.front().contains(QStringLiteral(".pdf")));
  CHECK_FALSE(fs::exists(w.temp() / "verwerkingsregister.docx"));

  const fs::path pdf = w.temp() / "verwerkingsregister.pdf";
  log->save_path = QString::fromStdString(pdf.string());
  QTest::mouseClick(page.register_button(), Qt::LeftButton);
  REQUIRE(log->warnings.size() == 1);
  REQUIRE(fs::exists(pdf));
  CHECK(log->messages.back().contains(log->save_path));
  CHECK(page.register_outcome().contains(log->save_path));

  testing::ProcessResult text = testing::run_process({"pdftotext", pdf.string(), "-"});
  REQUIRE(text.exit_code == 0);
  const std::string words = squeezed(text.output);
  Result<policies::SharingPolicy> sharing =
      policies::load_sharing_policy(service::default_policy_dir() / "sharing.json");
  MK_REQUIRE_OK(sharing);
  REQUIRE_FALSE(sharing->partners().empty());
  for (const policies::SharingPartner& p : sharing->partners()) {
    INFO(p.name_nl);
    CHECK(words.find(squeezed(p.name_nl)) != std::string::npos);
  }
  Result<std::vector<vault::AuditEntry>> entries = service::list_audit_entries(w.s(), {});
  MK_REQUIRE_OK(entries);
  CHECK(entries->back().action == "report.register");

  // Never over an existing file: the service's refusal is shown and the PDF stays as it was.
  const std::string before = slurp(pdf);
  QTest::mouseClick(page.register_button(), Qt::LeftButton);
  REQUIRE(log->warnings.size() == 2);
  CHECK(slurp(pdf) == before);
}

TEST_CASE("the compliance officer sees the policies page and its history without a refusal",
          "[gui][policies-page]") {
  GuiWorld w(Date(2026, 11, 2));
  MK_REQUIRE_OK(service::add_key_slot(w.s(), vault::test::kComplianceSlot, vault::Role::kCompliance,
                                      test::secret(vault::test::kCompliancePassphrase), 1));
  reopen(w, edited_policy_copy(w.temp()), std::string(vault::test::kComplianceSlot),
         vault::test::kCompliancePassphrase);
  REQUIRE(w.context().is_compliance());
  const std::uint64_t first = audit_since(w, 0).back().seq + 1;

  // The page is among those the app offers this role.
  QWidget window;
  PoliciesPage* page = nullptr;
  for (const PageFactory& make : all_pages()) {
    Page* made = make(w.context(), &window);
    if (made->key() == QStringLiteral("policies")) page = qobject_cast<PoliciesPage*>(made);
  }
  REQUIRE(page != nullptr);
  REQUIRE(page->available_to_compliance());
  auto log = std::make_shared<test::DialogLog>();
  page->set_dialogs(test::answering_dialogs(log));
  page->refresh();
  // The change this role's session saw, named by its slot, and in words.
  REQUIRE(page->history_model().rowCount() > 1);
  const QStringList change = first_row_of(page->history_model(), QStringLiteral("retention.json"));
  CHECK(change.value(4) == QString::fromLatin1(vault::test::kComplianceSlot));
  REQUIRE(page->select_change(0));
  CHECK(page->change_words().contains(QStringLiteral("termijn P1Y -> P2Y")));
  // The register as JSON, as an FG keeps it.
  log->save_path = QString::fromStdString((w.temp() / "register.json").string());
  QTest::mouseClick(page->register_button(), Qt::LeftButton);
  CHECK(log->warnings.isEmpty());
  CHECK(fs::exists(w.temp() / "register.json"));

  for (const vault::AuditEntry& e : audit_since(w, first)) {
    INFO(e.action << " " << e.object << " " << e.result);
    CHECK(e.result == "ok");
  }
}

}  // namespace mk::gui

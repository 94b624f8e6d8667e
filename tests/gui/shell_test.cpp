// The shell of meldkluis-gui: creating and unlocking a vault through the real widgets, locking
// when idle, the clipboard guard and the live language switch.
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>

#include "gui/app_context.hpp"
#include "gui/clipboard_guard.hpp"
#include "gui/create_vault_dialog.hpp"
#include "gui/gui_fixture.hpp"
#include "gui/idle_lock.hpp"
#include "gui/language.hpp"
#include "gui/main_window.hpp"
#include "gui/page.hpp"
#include "gui/recovery_key_dialog.hpp"
#include "gui/unlock_widget.hpp"

namespace mk::gui::test {
namespace {

// What a test page saw; outlives the pages (the window destroys them on lock).
struct PageLog {
  int built = 0;
  int refreshed = 0;
  int cleared = 0;
  QLabel* data = nullptr;  // valid while the page exists
};

// A page that shows "data" from the session (the vault's role) and forgets it on clear().
class ProbePage : public Page {
 public:
  ProbePage(AppContext& context, QWidget* parent, PageLog& log) : Page(context, parent), log_(log) {
    auto* layout = new QVBoxLayout(this);
    label_ = new QLabel(this);
    layout->addWidget(label_);
    log_.data = label_;
    ++log_.built;
  }
  ~ProbePage() override { log_.data = nullptr; }
  QString title() const override { return QStringLiteral("Proefpagina"); }
  QString key() const override { return QStringLiteral("probe"); }
  bool available_to_compliance() const override { return true; }
  void refresh() override {
    ++log_.refreshed;
    const std::string_view role = vault::role_name(context().role());
    label_->setText(QStringLiteral("Fatima el Amrani (") +
                    QString::fromUtf8(role.data(), static_cast<qsizetype>(role.size())) +
                    QStringLiteral(")"));
  }
  void clear() override {
    ++log_.cleared;
    label_->clear();
  }

 private:
  PageLog& log_;
  QLabel* label_ = nullptr;
};

std::vector<PageFactory> probe_pages(PageLog& log) {
  return {
      [&log](AppContext& c, QWidget* parent) -> Page* { return new ProbePage(c, parent, log); }};
}

// Waits (processing events) until `done` holds or `ms` have passed; returns `done()`.
bool wait_until(const std::function<bool()>& done, int ms = 10000) {
  QElapsedTimer timer;
  timer.start();
  while (!done() && timer.elapsed() < ms)
    QTest::qWait(10);
  return done();
}

// The visible window of type T, or null.
template <typename T>
T* visible_window() {
  for (QWidget* w : QApplication::topLevelWidgets()) {
    if (auto* t = qobject_cast<T*>(w); t && t->isVisible()) return t;
  }
  return nullptr;
}

// Runs `act` on the first visible T once it shows (it may be opened by a modal exec() that
// blocks the caller), polling from the event loop.
template <typename T>
void when_shown(std::function<void(T&)> act, int tries = 1000) {
  QTimer::singleShot(10, [act = std::move(act), tries] {
    if (T* t = visible_window<T>()) {
      act(*t);
    } else if (tries > 0) {
      when_shown<T>(act, tries - 1);
    }
  });
}

struct DutchAgain {
  ~DutchAgain() { set_language(Language::kDutch); }
};

}  // namespace

TEST_CASE("a new vault is made through the create dialog, shows its recovery key once and opens",
          "[gui][shell]") {
  app();
  TempDir temp;
  FixedClock clock(noon_of(Date(2026, 11, 2)));
  AppContext context(temp.path() / "vault", clock);
  PageLog log;
  MainWindow window(context, probe_pages(log));
  window.unlock_widget().set_new_vault_kdf(crypto::pwhash_params_for_tests());
  window.show();
  REQUIRE(window.showing_unlock_screen());
  REQUIRE(window.unlock_widget().create_button()->isVisible());
  REQUIRE_FALSE(window.unlock_widget().unlock_button()->isEnabled());

  int key_dialogs = 0;
  QString recovery_key;
  bool close_blocked = false;
  bool typed = false;
  when_shown<CreateVaultDialog>([&](CreateVaultDialog& dialog) {
    // Too short, then different: no vault may be made yet.
    QTest::keyClicks(dialog.passphrase_field(), QStringLiteral("kort"));
    CHECK_FALSE(dialog.create_button()->isEnabled());
    dialog.passphrase_field()->clear();
    QTest::keyClicks(dialog.passphrase_field(), QStringLiteral("Zeeheldenkwartier 14 Den Haag"));
    QTest::keyClicks(dialog.repeat_field(), QStringLiteral("Zeeheldenkwartier 14 Den Haa"));
    CHECK_FALSE(dialog.create_button()->isEnabled());
    QTest::keyClicks(dialog.repeat_field(), QStringLiteral("g"));
    CHECK(dialog.create_button()->isEnabled());
    typed = true;
    when_shown<RecoveryKeyDialog>([&](RecoveryKeyDialog& keys) {
      ++key_dialogs;
      CHECK_FALSE(context.is_unlocked());  // the key comes first, then the vault opens
      for (QLabel* label : keys.findChildren<QLabel*>()) {
        if (label->accessibleName() == QStringLiteral("Herstelsleutel"))
          recovery_key = label->text();
      }
      // Closing before confirming does nothing.
      CHECK_FALSE(keys.close_button()->isEnabled());
      QTest::keyClick(&keys, Qt::Key_Escape);
      close_blocked = keys.isVisible();
      // By keyboard, as the user may: Space ticks the box, then Space on "Sluiten".
      QTest::keyClick(keys.saved_check(), Qt::Key_Space);
      CHECK(keys.close_button()->isEnabled());
      QTest::keyClick(keys.close_button(), Qt::Key_Space);
    });
    QTest::mouseClick(dialog.create_button(), Qt::LeftButton);
  });
  QTest::mouseClick(window.unlock_widget().create_button(), Qt::LeftButton);

  REQUIRE(typed);
  REQUIRE(wait_until([&] { return context.is_unlocked(); }));
  CHECK(key_dialogs == 1);
  CHECK(close_blocked);
  CHECK(visible_window<RecoveryKeyDialog>() == nullptr);
  CHECK_FALSE(window.showing_unlock_screen());
  REQUIRE(log.data != nullptr);
  CHECK(log.data->text() == QStringLiteral("Fatima el Amrani (coordinator)"));
  CHECK(context.role() == vault::Role::kCoordinator);

  // The key shown was the real recovery key: it opens the vault once the app has locked.
  context.lock();
  REQUIRE_FALSE(recovery_key.isEmpty());
  Result<service::Session> by_key = service::Session::open(
      context.vault_dir(), secret(recovery_key.toStdString()), std::nullopt, clock, "gui-test");
  REQUIRE(by_key);
  CHECK(by_key->vault().role() == vault::Role::kRecovery);
}

TEST_CASE("a wrong passphrase leaves the vault locked with a clear message; the right one unlocks",
          "[gui][shell]") {
  GuiWorld world;
  world.context().lock();
  PageLog log;
  MainWindow window(world.context(), probe_pages(log));
  window.show();
  UnlockWidget& unlock = window.unlock_widget();
  REQUIRE(window.showing_unlock_screen());
  CHECK(unlock.unlock_button()->isEnabled());
  CHECK_FALSE(unlock.create_button()->isVisible());

  QTest::keyClicks(unlock.passphrase_field(), QStringLiteral("Rijswijk meldpunt 2025!"));
  QTest::mouseClick(unlock.unlock_button(), Qt::LeftButton);
  CHECK_FALSE(world.context().is_unlocked());
  CHECK(window.showing_unlock_screen());
  CHECK(unlock.error_label()->isVisible());
  CHECK(unlock.error_label()->text().contains(QStringLiteral("wachtwoordzin is onjuist")));
  CHECK(unlock.passphrase_field()->text().isEmpty());
  CHECK(log.built == 0);

  QTest::keyClicks(
      unlock.passphrase_field(),
      QString::fromUtf8(vault::test::kCoordinatorPassphrase.data(),
                        static_cast<qsizetype>(vault::test::kCoordinatorPassphrase.size())));
  QTest::keyClick(unlock.passphrase_field(), Qt::Key_Return);
  REQUIRE(world.context().is_unlocked());
  CHECK_FALSE(window.showing_unlock_screen());
  REQUIRE(log.data != nullptr);
  CHECK(log.data->text() == QStringLiteral("Fatima el Amrani (coordinator)"));
  CHECK(window.statusBar()->findChildren<QLabel*>().size() >= 3);
}

TEST_CASE("Ctrl+L and the idle lock clear every page and bring back the unlock screen",
          "[gui][shell]") {
  GuiWorld world;
  PageLog log;
  MainWindow window(world.context(), probe_pages(log));
  window.show();
  REQUIRE(log.data != nullptr);
  REQUIRE(log.data->text().startsWith(QStringLiteral("Fatima")));

  SECTION("idle") {
    window.idle_lock().set_interval_ms(200);
    REQUIRE(wait_until([&] { return !world.context().is_unlocked(); }));
  }
  SECTION("Ctrl+L") {
    // Shortcuts go to the active window; offscreen nothing activates it by itself.
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(window.navigation(), Qt::Key_L, Qt::ControlModifier);
    REQUIRE_FALSE(world.context().is_unlocked());
  }
  CHECK(log.cleared == 1);
  CHECK(log.data == nullptr);  // the page and its data are gone
  CHECK(window.showing_unlock_screen());
  CHECK(window.pages().empty());
}

TEST_CASE("identifying text leaves the clipboard after the set time, unless replaced meanwhile",
          "[gui][shell]") {
  app();
  QClipboard* clipboard = QGuiApplication::clipboard();
  ClipboardGuard guard;
  guard.set_clear_after_ms(100);

  guard.copy_identifying(QStringLiteral("Fatima el Amrani"));
  CHECK(clipboard->text() == QStringLiteral("Fatima el Amrani"));
  CHECK(wait_until([&] { return clipboard->text().isEmpty(); }));

  guard.copy_identifying(QStringLiteral("Jan de Vries, Laan van Meerdervoort 12"));
  clipboard->setText(QStringLiteral("notulen overleg 3 november"));
  QTest::qWait(400);
  CHECK(clipboard->text() == QStringLiteral("notulen overleg 3 november"));

  // Locking clears what the app put there at once.
  GuiWorld world;
  PageLog log;
  MainWindow window(world.context(), probe_pages(log));
  copy_identifying(QStringLiteral("Anna Jansen"));
  CHECK(clipboard->text() == QStringLiteral("Anna Jansen"));
  world.context().lock();
  CHECK(clipboard->text().isEmpty());
}

TEST_CASE("text copied with a widget's own Ctrl+C in the app also leaves the clipboard",
          "[gui][shell]") {
  app();
  QClipboard* clipboard = QGuiApplication::clipboard();
  ClipboardGuard& guard = clipboard_guard();
  const int before = guard.clear_after_ms();
  guard.set_clear_after_ms(100);
  QWidget window;
  auto* field = new QLineEdit(QStringLiteral("Ioana Popescu, Steenvoordelaan 88"), &window);
  window.show();
  QApplication::setActiveWindow(&window);
  REQUIRE(QTest::qWaitForWindowActive(&window));
  field->setFocus();
  field->selectAll();
  QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
  CHECK(clipboard->text() == QStringLiteral("Ioana Popescu, Steenvoordelaan 88"));
  CHECK(wait_until([&] { return clipboard->text().isEmpty(); }, 3000));
  guard.set_clear_after_ms(before);
}

TEST_CASE("switching the language to English retranslates the window live", "[gui][shell]") {
  GuiWorld world;
  DutchAgain restore;
  PageLog log;
  MainWindow window(world.context(), probe_pages(log));
  window.show();
  auto menu_titles = [&] {
    QStringList titles;
    for (QAction* a : window.menuBar()->actions())
      titles << a->text();
    return titles;
  };
  REQUIRE(window.windowTitle().contains(QStringLiteral("signalen mensenhandel")));
  REQUIRE(menu_titles().contains(QStringLiteral("&Kluis")));
  const int built_before = log.built;

  REQUIRE(set_language(Language::kEnglish));
  QApplication::processEvents();
  CHECK(window.windowTitle().contains(QStringLiteral("human trafficking")));
  CHECK(menu_titles().contains(QStringLiteral("&Vault")));
  CHECK(menu_titles().contains(QStringLiteral("&Language")));
  CHECK(log.built > built_before);  // the pages were rebuilt with the new texts
  QStringList status;
  for (QLabel* l : window.statusBar()->findChildren<QLabel*>())
    status << l->text();
  CHECK(status.contains(QStringLiteral("Unlocked")));

  world.context().lock();
  CHECK(window.unlock_widget().unlock_button()->text() == QStringLiteral("&Unlock"));

  REQUIRE(set_language(Language::kDutch));
  QApplication::processEvents();
  CHECK(menu_titles().contains(QStringLiteral("&Kluis")));
  CHECK(window.unlock_widget().unlock_button()->text() == QStringLiteral("&Ontgrendelen"));
}

}  // namespace mk::gui::test
